"""The built-in dictionaries on the phrases the actors issue names, and on a few traps."""

import datetime as dt

import pytest

from relata.coding import resolve


@pytest.fixture(scope="module")
def codes():
    def lookup(phrases, date=None):
        return [m.actor.code if m else None for m in resolve(phrases, date=date)]

    return lookup


CASES = [
    # countries: everyday, official, short and colloquial names, abbreviations
    ("Украине", "UKR"), ("Украиной", "UKR"), ("Российская Федерация", "RUS"), ("РФ", "RUS"),
    ("США", "USA"), ("Соединённые Штаты", "USA"), ("КНР", "CHN"), ("Поднебесная", "CHN"),
    ("КНДР", "PRK"), ("ФРГ", "DEU"), ("ОАЭ", "ARE"), ("ЮАР", "ZAF"), ("ДРК", "COD"),
    ("Британия", "GBR"), ("Белоруссия", "BLR"), ("Беларусь", "BLR"), ("Молдавия", "MDA"),
    ("СССР", "SUN"), ("Югославия", "YUG"),
    # nationality adjectives and demonyms
    ("российский", "RUS"), ("азербайджанские", "AZE"), ("американского", "USA"),
    ("британский", "GBR"), ("россиянка", "RUS"), ("азербайджанцы", "AZE"),
    # capitals and seats of power stand for governments
    ("Москва", "RUSGOV"), ("Кремль", "RUSGOV"), ("Баку", "AZEGOV"), ("Вашингтон", "USAGOV"),
    ("Белый дом", "USAGOV"), ("Анкара", "TURGOV"), ("Брюссель", "EU"),
    # organisations and armed groups
    ("НАТО", "NATO"), ("ЕС", "EU"), ("Евросоюз", "EU"), ("ООН", "UN"), ("ОБСЕ", "OSCE"),
    ("ОДКБ", "CSTO"), ("ЕАЭС", "EAEU"), ("СНГ", "CIS"), ("ШОС", "SCO"), ("БРИКС", "BRICS"),
    ("МАГАТЭ", "IAEA"), ("Совет Европы", "COE"), ("G7", "G7"), ("G20", "G20"),
    ("ОПЕК", "OPEC"), ("ИГИЛ", "ISIL"),
    # sector words with a country
    ("армия РФ", "RUSMIL"), ("МИД Азербайджана", "AZEGOV"), ("азербайджанская сторона", "AZEGOV"),
    ("российские военные", "RUSMIL"), ("Минобороны России", "RUSMIL"),
    ("ВС Украины", "UKRMIL"), ("власти Грузии", "GEOGOV"),
    # people, role + country + name as one actor
    ("президент Азербайджана Ильхам Алиев", "AZEGOV"), ("Ильхама Алиева", "AZEGOV"),
    ("Лавров", "RUSGOV"), ("Эрдоган", "TURGOV"), ("Столтенберг", "NATO"),
    # companies
    ("SOCAR", "AZEBUS"), ("Газпром", "RUSBUS"), ("Роснефть", "RUSBUS"),
    ("Нафтогаз", "UKRBUS"), ("Транснефть", "RUSBUS"), ("Росатом", "RUSBUS"),
    ("Statoil", "NORBUS"), ("Equinor", "NORBUS"),
    # breakaway regions, by internationally recognised borders
    ("Абхазия", "GEOSEP"), ("Приднестровье", "MDASEP"),
    # traps: places that are no actors, and longer names that are someone else
    ("Латинская Америка", None), ("Ближний Восток", None), ("Вишванатан Ананд", None),
]


@pytest.mark.parametrize(("phrase", "code"), CASES, ids=[c[0] for c in CASES])
def test_phrase(codes, phrase, code):
    assert codes([phrase], dt.date(2024, 3, 1)) == [code]


@pytest.mark.parametrize(
    ("date", "code"), [(dt.date(2015, 6, 1), "USAGOV"), (dt.date(2020, 6, 1), "USAELI")]
)
def test_obama_by_date(codes, date, code):
    assert codes(["Обама"], date) == [code]


def test_shoigu_and_belousov(codes):
    # Belousov was first deputy prime minister in 2023, an economist with no office in 2010
    assert codes(["Шойгу", "Белоусов"], dt.date(2023, 1, 1)) == ["RUSMIL", "RUSGOV"]
    assert codes(["Белоусов"], dt.date(2010, 1, 1)) == ["RUSELI"]
    assert codes(["Шойгу", "Белоусов"], dt.date(2024, 6, 1)) == ["RUSELI", "RUSMIL"]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Мишель Обама", None),  # a given name that is not Barack's: someone else
        ("Барак Обама", "USAGOV"),
        ("В. Путин", "RUSGOV"),  # initials say nothing
        ("Владимир Владимирович Путин", "RUSGOV"),
        ("Россия-НАТО", "RUS"),  # a hyphenated pair: a mention for each part
        ("охранников-афганцев", "AFG"),
        ("France-Presse", None),  # one Latin name, not France
    ],
)
def test_names_next_to_names(codes, phrase, code):
    assert codes([phrase], dt.date(2015, 6, 1)) == [code]


def test_a_longer_name_keeps_the_words_inside_as_parts(pipeline):
    from relata.sources import parse_text

    text = "Вчера лидер Меджлиса крымско-татарского народа выступил в Киеве."
    analysis = pipeline([parse_text(text, "t")])[0]
    mejlis = next(m for m in analysis.mentions if m.text.startswith("Меджлиса"))
    assert mejlis.kind == "ORG" and mejlis.actor.code is None
    assert mejlis.text == "Меджлиса крымско-татарского народа"
    assert [p.text for p in mejlis.parts] == ["татарского народа"]
