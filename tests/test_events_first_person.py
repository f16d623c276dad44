"""First-person pronouns in speech stand for the speaker (sides.speaker_side): sentences
written for these tests."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation, the speaker after it
        ("«Мы осуждаем действия Польши», — заявил Орбан.", ("ACCUSE", "HUN", "POL")),
        # … before it
        ("Алиев заявил: «Мы поддерживаем Грузию».", ("SUPPORT", "AZE", "GEO")),
        # … named by a gerund whose subject is the speaker
        ("Пашинян признал итоги, сказав: «Я поздравляю Ильхама Алиева».",
         ("SUPPORT", "ARM", "AZE")),
        # … what is said in a document: its author
        ("«Мы осуждаем действия Японии», — говорится в заявлении МИД Китая.",
         ("ACCUSE", "CHN", "JPN")),
        # a first-person possessive with a stand-in: the speaker's own country
        ("«Наша страна осуждает Израиль», — сказал Эрдоган.", ("ACCUSE", "TUR", "ISR")),
    ],
)
def test_first_person_is_the_speaker(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        # no speaker: the writer's `we`
        "Мы осуждаем действия Польши.",
        # a document no one is named for
        "«Мы осуждаем действия Польши», — говорится в письме.",
        # a speaker no dictionary knows
        "«Мы осуждаем действия Польши», — заявил неизвестный.",
    ],
)
def test_first_person_without_a_speaker_is_no_one(pipeline, text):
    assert not sides(code(pipeline, text))
