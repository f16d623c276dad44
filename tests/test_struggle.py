"""A struggle against an enemy is a fight, against a thing no event (19-fight.yaml entries
with `aimed: true`). Sentences written for these tests."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Армия Ирака продолжает борьбу с ИГИЛ.", ("ASSAULT", "IRQ", "ISIL")),
        ("Украинские националисты боролись против советской армии.",
         ("ASSAULT", "UKR", "SUN")),
        ("Борьба России с ИГИЛ продолжается.", ("ASSAULT", "RUS", "ISIL")),
    ],
)
def test_a_struggle_with_an_enemy_is_a_fight(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "Правительство Индии борется с коррупцией.",
        "Россия ведет борьбу с терроризмом и наркоторговлей.",
        "Министр призвал усилить борьбу с бедностью в Бразилии.",
    ],
)
def test_a_struggle_with_a_thing_is_no_event(pipeline, text):
    assert all(event[0] != "ASSAULT" for event in sides(code(pipeline, text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Соединенные Штаты устроили войну в Ираке.", ("ASSAULT", "USA", "IRQ")),
        ("Италия затевала войну против Эфиопии.", ("ASSAULT", "ITA", "ETH")),
        ("США вступили в войну против Японии в декабре.", ("ASSAULT", "USA", "JPN")),
    ],
)
def test_a_war_set_off_or_entered_is_a_fight(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))
