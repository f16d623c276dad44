"""A border stands for who is beyond it when an act is aimed at it: `к границе с Украиной`
as `к украинской границе` (`sides._beyond_border`). Sentences written for these tests."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Россия стянула войска к границе с Латвией.", ("MOBILIZE", "RUS", "LVA")),
        ("Китай развернул ракеты у границы с Индией.", ("MOBILIZE", "CHN", "IND")),
        ("Турция перебросила танки к границе с Сирией.", ("MOBILIZE", "TUR", "SYR")),
        ("Польша закрыла границу с Белоруссией.", ("COERCE", "POL", "BLR")),
    ],
)
def test_a_border_aimed_at_is_the_state_beyond(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_an_act_near_a_border_is_not_aimed_at_the_neighbour(pipeline):
    found = sides(code(pipeline, "Боевики Талибана атаковали пост у границы с Ираном."))
    assert all(target != "IRN" for _, _, target in found)
