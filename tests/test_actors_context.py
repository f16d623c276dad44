"""Document-level reference: pronouns and role nouns take the actor named before them."""

import pytest

from relata.actors import index_for
from relata.actors.context import ReferencesError, load_references
from relata.records import Document


def _events(pipeline, text):
    (analysis,) = pipeline([Document(id="t", text=text)])
    return {(e.type, e.source.code, e.target.code if e.target else None, e.symmetric)
            for e in analysis.events}


@pytest.mark.parametrize(("text", "expected"), [
    ("Путин прибыл в Анкару. Он встретился с Эрдоганом.",
     ("CONSULT", "RUSGOV", "TURGOV", True)),
    ("Эрдоган выступил в Анкаре. Президент осудил действия Израиля.",
     ("ACCUSE", "TURGOV", "ISR", False)),
    ("Россия и Китай провели переговоры. Стороны подписали соглашение.",
     ("SUPPORT", "RUS", "CHN", True)),
])
def test_a_reference_takes_the_actor_named_before(pipeline, text, expected):
    assert expected in _events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Захарова выступила в Москве. Он осудил действия Израиля.",  # gender disagrees
    "Меркель прибыла в Москву. Он осудил действия Израиля.",
    "Президент осудил действия Израиля.",  # no state before it
])
def test_no_reference_without_an_agreeing_actor(pipeline, text):
    assert not {e for e in _events(pipeline, text) if e[0] == "ACCUSE"}


def test_resolved_mentions_say_how(pipeline):
    (analysis,) = pipeline([Document(id="t", text="Эрдоган выступил в Анкаре. Он "
                                                  "уехал. Президент осудил Израиль.")])
    vias = {m.text: (m.via, m.actor.code) for m in analysis.mentions if m.via}
    assert vias == {"Президент": ("context", "TURGOV"), "Он": ("reference", "TURGOV")}


def test_the_word_lists_are_checked(tmp_path):
    bad = tmp_path / "refs.yaml"
    bad.write_text("words:\n  - refers: somewhere\n    words: [президент]\n", encoding="utf-8")
    with pytest.raises(ReferencesError, match=r"refs\.yaml:2: unknown refers"):
        load_references(index_for().dictionary, bad)
