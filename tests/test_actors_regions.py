"""Officials and organs of regions and towns (relata issue 15): a role word or an organ with
a region or town of the gazetteer in the genitive is its country's government, court,
police …; a person named with such an office is that person."""

import datetime as dt

import pytest

from relata.coding import resolve
from relata.records import Document

ROLES = [
    # heads of Russian regions: republic, oblast (its adjective and kind), krai, city
    ("глава Чечни", "RUSGOV"), ("президент Чечни", "RUSGOV"), ("руководитель Чечни", "RUSGOV"),
    ("президент Татарстана", "RUSGOV"), ("глава республики Татарстан", "RUSGOV"),
    ("губернатор Тюменской области", "RUSGOV"), ("губернатора Курской области", "RUSGOV"),
    ("глава администрации Курской области", "RUSGOV"), ("администрации Курской области", "RUSGOV"),
    ("вице-губернатор Санкт-Петербурга", "RUSGOV"), ("вице-мэр Москвы", "RUSGOV"),
    ("сити-менеджер Ижевска", "RUSGOV"), ("губернатор Приморского края", "RUSGOV"),
    # organs of a region named by adjective and kind
    ("прокуратура Тюменской области", "RUSJUD"), ("полиция Свердловской области", "RUSCOP"),
    ("дума Тюменской области", "RUSLEG"),
    ("законодательное собрание Тюменской области", "RUSLEG"),
    # foreign states, provinces, Länder, cities, nations of a union
    ("губернатор Калифорнии", "USAGOV"), ("губернатор Техаса", "USAGOV"),
    ("губернатор штата Техас", "USAGOV"), ("мэр Парижа", "FRAGOV"),
    ("премьер Квебека", "CANGOV"), ("премьер-министр Квебека", "CANGOV"),
    ("глава провинции Онтарио", "CANGOV"), ("глава Шотландии", "GBRGOV"),
    ("премьер-министр Шотландии", "GBRGOV"), ("премьер земли Бавария", "DEUGOV"),
    ("полиция Баварии", "DEUCOP"),
    # a place adjective before an organ word, not before a role word (a paper's name)
    ("московский мэр", "RUSGOV"), ("Пермский обозреватель", None),
    # the places alone, as before
    ("Чечня", "RUS"), ("Тюменская область", "RUS"), ("Техас", "USA"), ("Шотландия", "GBR"),
    # a role word alone names no one; a place after `в` is where, not whose
    ("глава", None), ("губернатор", None),
]


@pytest.fixture(scope="module")
def resolved():
    found = resolve([phrase for phrase, _ in ROLES])
    return {phrase: m.actor.code if m else None for (phrase, _), m in zip(ROLES, found,
                                                                          strict=True)}


@pytest.mark.parametrize(("phrase", "code"), ROLES, ids=[r[0] for r in ROLES])
def test_a_role_of_a_region_is_its_country(resolved, phrase, code):
    assert resolved[phrase] == code


PEOPLE = [
    # a person the dictionary knows stays that person
    ("Глава Чечни Рамзан Кадыров", "RUSGOV", "Рамзан Кадыров"),
    ("президент Чечни Рамзан Кадыров", "RUSGOV", "Рамзан Кадыров"),
    # one it does not know takes the office's country
    ("губернатор Тюменской области Моор", "RUSGOV", "Моор"),
    ("губернатор Белгородской области Вячеслав Гладков", "RUSGOV", None),
    ("мэр Нью-Йорка Эрик Адамс", "USAGOV", "Эрик Адамс"),
]


@pytest.mark.parametrize(("phrase", "code", "name"), PEOPLE, ids=[p[0] for p in PEOPLE])
def test_a_person_with_a_regional_office(phrase, code, name):
    (mention,) = resolve([phrase], date=dt.date(2023, 6, 1))
    assert mention is not None and mention.actor.code == code
    assert mention.text == phrase
    if name is not None:
        assert mention.actor.name == name


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("Глава Чечни Рамзан Кадыров заявил о готовности направить бойцов.",
     "Глава Чечни Рамзан Кадыров", "RUSGOV"),
    ("Губернатор Тюменской области подписал соглашение с Казахстаном.",
     "Губернатор Тюменской области", "RUSGOV"),
    ("Премьер Квебека потребовал от Оттавы больше полномочий.", "Премьер Квебека", "CANGOV"),
])
def test_the_coder_sees_the_same(pipeline, text, phrase, code):
    (analysis,) = pipeline([Document(id="t", text=text, date=dt.date(2023, 6, 1))])
    mention = next(m for m in analysis.mentions if m.text == phrase)
    assert mention.actor.code == code
