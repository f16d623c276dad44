"""Round 12, speech and modality by class (issue 14 item 7): made-up sentences, one or more
per word of each class (the challenge set tests/data/challenge/speech.tsv holds the longer
news sentences)."""

import pytest

from conftest import code


def coded(pipeline, text):
    return {(e.type, e.source.country or e.source.code,
             e.target and (e.target.country or e.target.code), e.modality)
            for e in code(pipeline, text)}


# A refusal of a conflictual act (the `refused-undone` policy) is that act not done, in both
# aspects of the refusing verb, for every conflictual type; no REJECT beside it.
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Индия отказалась осуждать Россию.", ("ACCUSE", "IND", "RUS", "negated")),
        ("Венгрия отказывается критиковать Пекин.", ("ACCUSE", "HUN", "CHN", "negated")),
        ("Бразилия отказалась выслать российских дипломатов.",
         ("SANCTION", "BRA", "RUS", "negated")),
        ("Турция отказывается вводить санкции против России.",
         ("SANCTION", "TUR", "RUS", "negated")),
        ("Израиль отказался атаковать Иран.", ("ASSAULT", "ISR", "IRN", "negated")),
        ("Израиль воздержался от удара по Ирану.", ("ASSAULT", "ISR", "IRN", "negated")),
        ("Пакистан воздерживается от ударов по Индии.", ("ASSAULT", "PAK", "IND", "negated")),
    ],
)
def test_refused_conflict_is_negated(pipeline, text, event):
    found = coded(pipeline, text)
    assert event in found
    assert not {e for e in found if e[0] == "REJECT"}


# The refusal of a cooperative act stays a REJECT of whom the act was for.
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Тегеран отказался вести переговоры с Вашингтоном.", ("REJECT", "IRN", "USA", "factual")),
        ("США отказались выдать Турции проповедника.", ("REJECT", "USA", "TUR", "factual")),
    ],
)
def test_refused_cooperation_is_reject(pipeline, text, event):
    assert event in coded(pipeline, text)


# Asked to keep from an act: the act is neither done nor denied.
def test_appeal_to_refrain_is_hypothetical(pipeline):
    found = coded(pipeline, "Египет призвал Израиль воздержаться от ударов по Ирану.")
    assert ("REQUEST", "EGY", "ISR", "factual") in found
    assert not {e for e in found if e[0] == "ASSAULT" and e[3] in ("factual", "negated")}
