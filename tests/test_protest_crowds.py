"""A protest whose doer no one names (`тысячи человек`, `акция состоялась`) is held by a
crowd of the state where it is held (rules.protest_site): made-up sentences."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place of the site, its aim from `против`, or none
        ("Тысячи человек вышли на улицы Афин.", ("PROTEST", "GRC", None)),
        ("В Афинах прошёл митинг против политики США.", ("PROTEST", "GRC", "USA")),
        ("В России неоднократно проходили митинги.", ("PROTEST", "RUS", None)),
        ("Люди вышли на площадь в Минске.", ("PROTEST", "BLR", None)),
        # a seat of the state's own power: against it
        ("Акция протеста состоялась у здания мэрии Москвы.", ("PROTEST", "RUS", "RUS")),
        # a mission abroad is whom, the city where
        ("Несколько тысяч человек провели акцию протеста у посольства Израиля в Анкаре.",
         ("PROTEST", "TUR", "ISR")),
        # a name no dictionary knows: where he protests
        ("Вождь Бен Карнс намерен провести голодовку, стоя перед Белым домом.",
         ("PROTEST", "USA", None)),
        # strikers are workers
        ("Рабочие объявили забастовку в Лондоне.", ("PROTEST", "GBR", None)),
        # the government of the crowd's own state the sentence names
        ("В Москве прошёл митинг, мэрия Москвы его не согласовала.",
         ("PROTEST", "RUS", "RUS")),
    ],
)
def test_crowd_of_the_site(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_strikers_are_labour(pipeline):
    events = [e for e in code(pipeline, "Рабочие объявили забастовку в Лондоне.")
              if e.type == "PROTEST"]
    assert events and events[0].source.sector == "LAB"


@pytest.mark.parametrize(
    "text",
    [
        # a protest only talked about, by someone elsewhere
        "Выступая в Брюсселе, Меркель осудила протесты.",
        # a display, not a demonstration
        "В Москве прошла демонстрация нового оружия.",
        # streets closed by no one named: as often the police as a crowd
        "В центре Москвы перекрыли движение.",
        # people abroad protest where they live: whose they are is not told
        "В Берлине прошла акция турецкой диаспоры.",
        # a voiced protest with no voice named is as often a state's note
        "В Тбилиси послу вручили ноту протеста.",
    ],
)
def test_no_crowd_protest(pipeline, text):
    assert not any(e.type == "PROTEST" for e in code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # gathering outside a building is a demonstration aimed at whose it is
        ("Японские националисты собрались у российского посольства в Токио.",
         ("PROTEST", "JPN", "RUS")),
        ("Сотни людей собрались перед зданием парламента в Киеве.",
         ("PROTEST", "UKR", "UKR")),
        ("Активисты собираются возле посольства Франции в Москве.",
         ("PROTEST", "RUS", "FRA")),
    ],
)
def test_gathered_outside(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))
