"""The country of a person no dictionary knows, from the form of the surname."""

import pytest

from relata.actors.origins import ORIGINS, OriginsError, load_origins
from relata.sources import parse_text


def mentions(pipeline, text):
    return pipeline([parse_text(text, "t")])[0].mentions


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # Russian surname suffixes, in any case the sentence puts them
        ("Суд приговорил Расула Мирзаева к двум годам.", "Расула Мирзаева", "RUS"),
        ("Прокурор Андрей Сергеев просил смягчить приговор.", "Андрей Сергеев", "RUS"),
        # (a name no dictionary knows: Александр Лебедев the media magnate is people-notable's,
        # found since a capitalised title is no given name)
        ("Медиамагнат Александр Лебедков прибыл в суд.", "Александр Лебедков", "RUS"),
        ("Журналистка Анна Полонская дала интервью.", "Анна Полонская", "RUS"),
        # -ин only after a Russian given name: Arabic and Turkish names end so too
        ("Александр Лапшин был задержан.", "Александр Лапшин", "RUS"),
        ("Сухейль Шахин написал в Твиттере.", "Сухейль Шахин", None),
        # Bulgarian -ов/-ев, told by a given name no Russian bears
        ("Шахматист Веселин Топалов выиграл партию.", "Веселин Топалов", "BGR"),
        ("Тренер Христо Стоичков дал интервью.", "Христо Стоичков", "BGR"),
        ("Певица Десислава Атанасова выступила в Варне.", "Десислава Атанасова", "BGR"),
        # Ukrainian -енко
        ("Депутат Олег Ляшенко выступил в Раде.", "Олег Ляшенко", "UKR"),
        # no guess where a state with the same surnames is named in the sentence
        ("Премьер Иван Стефанов посетил Болгарию.", "Иван Стефанов", None),
        # … unless the given name is that state's own
        ("Премьер Бойко Стефанов посетил Болгарию.", "Бойко Стефанов", "BGR"),
        # any surname after a given name only East Slavic usage spells so
        ("В Нидерландах был арестован Владимир Дринкман.", "Владимир Дринкман", "RUS"),
        ("Гроссмейстер Сергей Искусных выиграл турнир.", "Сергей Искусных", "RUS"),
        # ... not where a post-Soviet state is named, nor after a name others bear too
        ("В Киеве задержан Сергей Ткач.", "Сергей Ткач", None),
        ("Тренер Виктор Ламбер прибыл в Брюссель.", "Виктор Ламбер", None),
        # surname endings of one people (round 14)
        ("Гроссмейстер Нисипяну сыграл вничью.", "Нисипяну", "ROU"),
        ("Депутат Гиорги Маисурадзе выступил в парламенте.", "Гиорги Маисурадзе", "GEO"),
        ("Депутат Арам Варданян выступил в парламенте.", "Арам Варданян", "ARM"),
        ("Депутат Арам Варданян прилетел в Москву.", "Арам Варданян", None),
        ("Писатель Витаутас Жемайтаускас дал интервью.", "Витаутас Жемайтаускас", "LTU"),
        ("Архитектор Янис Берзиньш дал интервью.", "Янис Берзиньш", "LVA"),
        ("Профессор Никос Георгиадис дал интервью.", "Никос Георгиадис", "GRC"),
        ("Лыжник Микко Лахтинен выиграл гонку.", "Микко Лахтинен", "FIN"),
        ("Журналист Мехмет Караоглу дал интервью.", "Мехмет Караоглу", "TUR"),
        ("Депутат Ерлан Сатыбалдиев посетил завод.", "Ерлан Сатыбалдиев", "KAZ"),
        ("Депутат Джейхун Мамедли выступил в Баку.", "Джейхун Мамедли", "AZE"),
        ("Журналист Демьян выступил.", "Демьян", None),
        # a given name only one people bears, any surname (round 14)
        ("Профессор Гжегож Новицкий дал интервью.", "Гжегож Новицкий", "POL"),
        ("Режиссер Иржи Новотный снял фильм.", "Иржи Новотный", "CZE"),
        ("Депутат Жолт Немет выступил с речью.", "Жолт Немет", "HUN"),
        ("Депутат Тарас Костенюк выступил с речью.", "Тарас Костенюк", "UKR"),
        ("Писатель Харуки Мураками дал интервью.", "Харуки Мураками", "JPN"),
        ("Журналист Бюлент Кая дал интервью.", "Бюлент Кая", "TUR"),
        # ... not where its diaspora's state is named
        ("Профессор Гжегож Новак прилетел в Канаду.", "Гжегож Новак", None),
        # other names: no guess
        ("Джон Смит прибыл в Лондон.", "Джон Смит", None),
    ],
)
def test_country_by_surname(pipeline, text, name, country):
    mention = next(m for m in mentions(pipeline, text) if m.text == name)
    assert (mention.actor.country if mention.actor else None) == country
    assert (mention.via == "origin") == (country is not None)


def test_a_dictionary_person_keeps_the_dictionary_country(pipeline):
    mention = next(m for m in mentions(pipeline, "Бойко Борисов прибыл в Брюссель.")
                   if "Борисов" in m.text)
    assert mention.actor.country == "BGR" and mention.via is None


def test_the_file_is_checked_on_load(tmp_path):
    path = tmp_path / "origins.yaml"
    path.write_text("origins:\n  - country: XXX\n    shortest: five\n    endings: [ов]\n"
                    "  - country: RUS\n    endings: [ов]\n", encoding="utf-8")
    with pytest.raises(OriginsError) as e:
        load_origins(path, frozenset({"RUS"}))
    assert "unknown country code(s): XXX" in str(e.value)
    assert "missing field 'shortest'" in str(e.value)


def test_an_entry_with_no_endings_needs_given_names(tmp_path):
    path = tmp_path / "origins.yaml"
    path.write_text("origins:\n  - country: RUS\n    shortest: 3\n", encoding="utf-8")
    with pytest.raises(OriginsError) as e:
        load_origins(path, frozenset({"RUS"}))
    assert "needs 'given' names" in str(e.value)


def test_the_builtin_file_names_known_countries():
    from relata.actors.load import load_dictionary

    countries = frozenset(load_dictionary().countries)
    assert {"RUS", "BGR"} <= {o.country for o in load_origins(ORIGINS, countries)}
