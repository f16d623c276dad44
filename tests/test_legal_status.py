"""The disclaimer of a legal status (`запрещённая в России организация`) tells no act, and
its state is no place of the sentence's act (`sides.legal_status`, words/status.txt).
Sentences written for these tests."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    "text",
    [
        "Задержанные были связаны с запрещённой в России группировкой «Исламское государство».",
        "Эксперты изучили деятельность запрещенного в РФ движения «Талибан».",
    ],
)
def test_a_disclaimer_is_no_event(pipeline, text):
    assert not sides(code(pipeline, text))


def test_the_state_of_a_disclaimer_is_no_place_of_an_attack(pipeline):
    text = "Боевики запрещенной в РФ группировки «Исламское государство» атаковали город в Ираке."
    assert ("ASSAULT", "ISIL", "IRQ") in sides(code(pipeline, text))
