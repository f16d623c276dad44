"""What is given is received (`converse-of` of a receiving verb in 00-valency.yaml), and a
message does the act its genitive names (words/messages.txt, words/sending.txt). Sentences
written for these tests."""

import pytest

from relata.events.lexicon import load_lexicon

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Турция получила от России предупреждение.", ("THREATEN", "RUS", "TUR")),
        ("Киев получил от Вашингтона гарантии безопасности.", ("AGREE", "USA", "UKR")),
        ("Сербия получила ультиматум от Австро-Венгрии.", ("THREATEN", "AUT", "SRB")),
    ],
)
def test_an_act_given_is_received_from_the_giver(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_a_received_sense_that_differs_is_not_derived():
    light = load_lexicon().light
    assert ("получить", "предупреждение") in light
    assert ("получить", "санкция") not in light  # `получил санкцию на арест`: a permission


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the initiative is France's proposal, the support Germany's; not AGREE DEU→FRA
        ("Инициатива Франции получила от Германии поддержку.", {("SUPPORT", "DEU", "FRA")}),
        # the request is Serbia's, made of Russia; not REQUEST RUS→SRB
        ("Просьба Сербии о помощи получила от России поддержку.",
         {("REQUEST", "SRB", "RUS"), ("SUPPORT", "RUS", "SRB")}),
    ],
)
def test_the_subject_of_a_receiving_verb_is_never_its_act(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Франция направила Италии письмо поддержки.", ("SUPPORT", "FRA", "ITA")),
        ("Путин направил Асаду послание поддержки.", ("SUPPORT", "RUS", "SYR")),
        ("Германия получила от Франции слова поддержки.", ("SUPPORT", "FRA", "DEU")),
    ],
)
def test_a_message_does_the_act_its_genitive_names(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_sending_alone_is_not_expressing(pipeline):
    text = "Франция направила Италии помощь."
    assert all(event[0] != "SUPPORT" for event in sides(code(pipeline, text)))
