"""A protest is aimed at whose building it goes to or blocks (`к`, `вход в`), as at whose
building it stands (`у`, `возле`, `перед`): made-up sentences."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Жители Бишкека провели шествие к зданию правительства Киргизии.",
         ("PROTEST", "KGZ", "KGZ")),
        ("Сербские активисты провели марш к посольству США в Белграде.",
         ("PROTEST", "SRB", "USA")),
        ("Армянские демонстранты заблокировали вход в здание правительства.",
         ("PROTEST", "ARM", "ARM")),
        # the place of the protesters' own country is where, not whom
        ("Армянские демонстранты провели митинг в Ереване.", ("PROTEST", "ARM", None)),
    ],
)
def test_protest_aimed_at_the_building(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))
