"""Rulings and findings report what a court or an inquiry found (speech/reporting.txt:
`постановить`, `установить`): a wrongful act found is an accusation of its doer. Sentences
written for these tests."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Европейский суд по правам человека постановил, что Россия нарушила Конвенцию.",
         ("ACCUSE", "ECHR", "RUS")),
        ("Суд в Гааге постановил, что Китай нарушил морское право.", ("ACCUSE", "NLD", "CHN")),
        ("Международный суд ООН установил, что Сербия нарушила конвенцию о геноциде.",
         ("ACCUSE", "ICJ", "SRB")),
    ],
)
def test_a_ruling_that_finds_a_wrong_accuses(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "Россия и Китай установили дипломатические отношения в 1949 году.",
        "Полиция установила личность водителя.",
    ],
)
def test_establishing_is_no_accusation(pipeline, text):
    assert all(event[0] != "ACCUSE" for event in sides(code(pipeline, text)))
