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


# A denial that an act took place codes the act negated: a verb or noun of denial, or a verb
# that rejects a report of it; the act with no doer of its own is the denier's.
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Пхеньян отрицает, что поставлял России снаряды.",
         ("COOPERATE", "PRK", "RUS", "negated")),
        ("Израиль отрицает, что его армия нанесла удар по Ливану.",
         ("ASSAULT", "ISR", "LBN", "negated")),
        ("МИД России опроверг сообщения о переговорах Москвы и Вашингтона.",
         ("CONSULT", "RUS", "USA", "negated")),
        ("Кремль опровергает слухи о том, что Путин встретится с Зеленским.",
         ("CONSULT", "RUS", "UKR", "negated")),
        ("Кремль отверг сообщения о том, что Путин встретится с Зеленским.",
         ("CONSULT", "RUS", "UKR", "negated")),
        ("Турция опровергла информацию о поставках беспилотников Эфиопии.",
         ("COOPERATE", "TUR", "ETH", "negated")),
        ("Полиция Грузии опровергла сообщения о задержании российских журналистов.",
         ("COERCE", "GEO", "RUS", "negated")),
    ],
)
def test_denied_act_is_negated(pipeline, text, event):
    assert event in coded(pipeline, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a denial negated affirms; a proposal rejected is no report of an act
        ("Киев не отрицает, что ВСУ нанесли удар по Белгороду.",
         ("ASSAULT", "UKR", "RUS", "factual")),
        ("Москва отвергла предложение о переговорах с Киевом.",
         ("REJECT", "RUS", "UKR", "factual")),
    ],
)
def test_not_a_denial(pipeline, text, event):
    assert event in coded(pipeline, text)


# An act cancelled or put off (the `cancellable` policy's types) did not take place: negated,
# the act of who cancels it unless its own words name a doer; sanctions lifted stay RETREAT.
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Госсекретарь США отменил визит в Пекин.", ("CONSULT", "USA", "CHN", "negated")),
        ("Канцлер Германии отменяет поездку в Анкару.", ("CONSULT", "DEU", "TUR", "negated")),
        ("Президент Франции отложил переговоры с премьер-министром Индии.",
         ("CONSULT", "FRA", "IND", "negated")),
        ("Визит министра обороны Японии в Сеул отменен.", ("CONSULT", "JPN", "KOR", "negated")),
        ("Переговоры делегаций Израиля и ХАМАС в Каире отложены.",
         ("CONSULT", "ISR", "HAMAS", "negated")),
        ("Отмена визита президента Ирана в Анкару объясняется соображениями безопасности.",
         ("CONSULT", "IRN", "TUR", "negated")),
        ("ЕС отменил санкции против Ирана.", ("RETREAT", "EU", "IRN", "factual")),
    ],
)
def test_cancelled_act_is_negated(pipeline, text, event):
    assert event in coded(pipeline, text)


# A response promised under a condition is a conditional threat, aimed at the condition's
# doer; a hostile act promised under a condition is threatened. Without a condition and a
# future a response is no act.
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Если НАТО разместит ракеты в Финляндии, Россия примет ответные меры.",
         ("THREATEN", "RUS", "NATO", "threatened")),
        ("Пекин ответит, если Вашингтон продолжит продавать оружие Тайваню.",
         ("THREATEN", "CHN", "USA", "threatened")),
        ("Москва отреагирует, если Киев атакует Крым.",
         ("THREATEN", "RUS", "UKR", "threatened")),
        ("Анкара предпримет меры, если Афины расширят территориальные воды.",
         ("THREATEN", "TUR", "GRC", "threatened")),
        ("ЕС введет против Белоруссии санкции, если Минск не освободит заключенных.",
         ("SANCTION", "EU", "BLR", "threatened")),
    ],
)
def test_conditional_threat(pipeline, text, event):
    assert event in coded(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Москва ответила на санкции ЕС.",
        "Правительство Турции приняло меры по борьбе с инфляцией.",
        "Пекин всегда отвечает на вопросы журналистов.",
    ],
)
def test_response_without_condition_is_no_threat(pipeline, text):
    assert not {e for e in coded(pipeline, text) if e[0] == "THREATEN"}


# An act prepared, the object of a verb of preparing, is its subject's and intended; a report
# prepared about an act leaves the act as it is.
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("США готовят новые санкции против Ирана.", ("SANCTION", "USA", "IRN", "intended")),
        ("Израиль готовит удар по Ирану.", ("ASSAULT", "ISR", "IRN", "intended")),
        ("Москва готовит визит Путина в Пекин.", ("CONSULT", "RUS", "CHN", "intended")),
        ("Министерство подготовило доклад о нападении России на Украину.",
         ("ASSAULT", "RUS", "UKR", "factual")),
    ],
)
def test_prepared_act_is_intended(pipeline, text, event):
    assert event in coded(pipeline, text)


# One's own aid, mediation or talks offered (AGREE) is a promise, intended; a proposal that
# others act stays a factual REQUEST.
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Япония предложила Индонезии помощь.", ("AGREE", "JPN", "IDN", "intended")),
        ("Китай предлагает Пакистану помощь в строительстве порта.",
         ("AGREE", "CHN", "PAK", "intended")),
        ("Китай не предлагал помощь Пакистану.", ("AGREE", "CHN", "PAK", "negated")),
        ("Франция предложила Англии провести военную операцию.",
         ("REQUEST", "FRA", "GBR", "factual")),
    ],
)
def test_offer_is_intended(pipeline, text, event):
    assert event in coded(pipeline, text)


# An actor's allegation that a naming verb calls false is rejected: REJECT of its maker, no
# accusation of the speaker; a thing called so is still blamed.
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Китай назвал беспочвенными обвинения Вашингтона.", ("REJECT", "CHN", "USA", "factual")),
        ("Кремль назвал абсурдными обвинения Лондона.", ("REJECT", "RUS", "GBR", "factual")),
        ("Песков назвал ложью заявления Киева об обстрелах.", ("REJECT", "RUS", "UKR", "factual")),
        ("Иран называет голословными утверждения Израиля.", ("REJECT", "IRN", "ISR", "factual")),
    ],
)
def test_allegation_called_false_is_rejected(pipeline, text, event):
    found = coded(pipeline, text)
    assert event in found
    assert ("ACCUSE", *event[1:]) not in found
