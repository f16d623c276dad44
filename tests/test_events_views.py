"""The name a verb of regarding or naming gives a thing is a view of it, no act
(`acts.a_name_given`, acts/regarding_as.txt, acts/seeing_in.txt, speech/naming.txt).
Sentences written for these tests."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    "text",
    [
        # each of these gives a THREATEN without the rule: the name read as a threat made
        "Путин рассматривает НАТО как угрозу российской мощи.",  # `как` X
        "Москва считает учения НАТО угрозой России.",  # an instrumental complement
        "Лавров назвал учения НАТО угрозой России.",  # a naming verb
        "Россия усматривает в действиях Киева угрозу российской безопасности.",  # `в` X, Y
    ],
)
def test_a_name_given_is_no_act(pipeline, text):
    assert "THREATEN" not in {e[0] for e in sides(code(pipeline, text))}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the thing named keeps its own act; a hostile name is an accusation by the speaker
        ("В Кремле назвали учения НАТО угрозой для России.", ("MOBILIZE", "NATO", "RUS")),
        ("В Кремле назвали учения НАТО угрозой для России.", ("ACCUSE", "RUS", "NATO")),
        # a threat that is no one's name for a thing stays a threat
        ("Северная Корея пригрозила США ударом.", ("THREATEN", "PRK", "USA")),
    ],
)
def test_the_thing_named_and_the_accusation_stay(pipeline, text, event):
    assert event in sides(code(pipeline, text))
