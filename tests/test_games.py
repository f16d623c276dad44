"""A blow, an attack or a capture in a sentence about a game or a bout is a move in it
(`acts.a_move_in_a_game`, words/games.txt). Sentences written for these tests."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    "text",
    [
        "Форвард из Бразилии нанес удар по воротам сборной Германии.",
        "Российский боксер нанес удар сопернику из США и отправил его в нокаут.",
        "Игроки Франции атаковали ворота Италии во втором тайме матча.",
    ],
)
def test_a_move_in_a_game_is_no_assault(pipeline, text):
    assert all(event[0] not in ("ASSAULT", "COERCE") for event in sides(code(pipeline, text)))


def test_a_blow_with_no_game_word_is_an_assault(pipeline):
    assert ("ASSAULT", "RUS", "UKR") in sides(code(pipeline, "Россия нанесла удар по Украине."))
