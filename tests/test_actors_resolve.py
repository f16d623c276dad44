"""Resolution against a small dictionary of our own (tests/data/actors-mini.yaml)."""

import datetime as dt

import pytest

from relata.actors import ResolveActors
from relata.coding import resolve
from relata.language import DetectLanguage, RussianNLP
from relata.pipeline import Pipeline
from relata.sources import parse_text

from conftest import ROOT

MINI = str(ROOT / "tests" / "data" / "actors-mini.yaml")


@pytest.fixture(scope="module")
def mini_pipeline():
    return Pipeline([DetectLanguage(), RussianNLP(), ResolveActors([MINI], builtin=False)])


def codes(phrases, date=None):
    found = resolve(phrases, date=date, dictionaries=[MINI], builtin=False)
    return [m.actor.code if m else None for m in found]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Украина", "UKR"),
        ("Украине", "UKR"),
        ("Украиной", "UKR"),
        ("Украину", "UKR"),
        ("Российская Федерация", "RUS"),
        ("Российской Федерацией", "RUS"),
        ("РФ", "RUS"),
        ("Соединённых Штатов Америки", "USA"),  # longest match wins over «Соединённые Штаты»
        ("Москва", "RUSGOV"),
        ("Кремлём", "RUSGOV"),
        ("Белого дома", "USAGOV"),
        ("армия РФ", "RUSMIL"),
        ("МИД Азербайджана", "AZEGOV"),
        ("министр иностранных дел Азербайджана", "AZEGOV"),
        ("азербайджанская сторона", "AZEGOV"),
        ("российские военные", "RUSMIL"),
        ("президент Азербайджана Ильхам Алиев", "AZEGOV"),
        ("Ильхама Алиева", "AZEGOV"),
        ("SOCAR", "AZEBUS"),
        ("Госнефтекомпании Азербайджана", "AZEBUS"),
        ("НАТО", "NATO"),
        ("натовские военные", "NATOMIL"),
        ("россияне", "RUS"),
        ("правительство", None),  # a sector word alone names no one
        ("Вася Пупкин", None),
    ],
)
def test_phrase(phrase, code):
    assert codes([phrase]) == [code]


def test_capitalisation_must_fit():
    assert codes(["москва", "рф", "НАТО", "нато"]) == [None, None, "NATO", None]


@pytest.mark.parametrize(
    ("date", "obama", "trump"),
    [
        (dt.date(2015, 6, 1), "USAGOV", "USAELI"),  # Trump: in office only later
        (dt.date(2020, 6, 1), "USAELI", "USAGOV"),
        (dt.date(2023, 6, 1), "USAELI", "USAELI"),
        (dt.date(2026, 1, 1), "USAELI", "USAGOV"),
        (None, "USAGOV", "USAGOV"),  # no date: the latest office
    ],
)
def test_people_by_date(date, obama, trump):
    assert codes(["Обама", "Трамп"], date) == [obama, trump]


def test_organisation_and_defence_roles():
    assert codes(["Столтенберг"], dt.date(2020, 1, 1)) == ["NATO"]
    assert codes(["Столтенберг"], dt.date(2010, 1, 1)) == ["NORGOV"]
    assert codes(["Шойгу"], dt.date(2020, 1, 1)) == ["RUSMIL"]


def test_compound_adjective_is_two_mentions(mini_pipeline):
    text = "Вчера обсуждались российско-азербайджанские отношения."
    analysis = mini_pipeline([parse_text(text, "t")])[0]
    pair = [(m.text, m.actor.code) for m in analysis.mentions]
    assert pair == [("российско", "RUS"), ("азербайджанские", "AZE")]
    for m in analysis.mentions:
        assert text[m.start : m.end] == m.text


def test_phrase_parts_and_unresolved_names(mini_pipeline):
    text = ("Вчера президент Азербайджана Ильхам Алиев принял эксперта Леонида Пастернака "
            "в Баку.")
    analysis = mini_pipeline([parse_text(text, "t")])[0]
    by_text = {m.text: m for m in analysis.mentions}
    aliyev = by_text["президент Азербайджана Ильхам Алиев"]
    assert (aliyev.kind, aliyev.actor.code, aliyev.actor.name) == ("PER", "AZEGOV", "Ильхам Алиев")
    assert [(p.text, p.actor.code) for p in aliyev.parts] == [
        ("Азербайджана", "AZE"), ("Ильхам Алиев", "AZEGOV")]
    expert = by_text["Леонида Пастернака"]
    assert expert.actor.code is None and expert.actor.name == "Леонид Пастернак"
    baku = by_text["Баку"]
    assert (baku.kind, baku.actor.code) == ("LOC", "AZEGOV")


@pytest.mark.parametrize(
    ("text", "place", "kind"),
    [
        ("Вчера Россия заявила протест.", "Россия", "LOCORG"),
        ("Вчера власти России ответили.", "России", "LOCORG"),
        ("Встреча прошла в Москве.", "Москве", "LOC"),
        ("Делегация прилетела из Анкары.", "Анкары", "LOC"),
        # named_with_its_kind: a name in apposition to the kind of place it is
        ("Вертолёт вылетел из города Феникс утром.", "Феникс", "LOC"),
        ("Отходы сбрасывают в реку Славянку.", "Славянку", "LOC"),
        ("Танкер пришёл в порт Козьмино.", "Козьмино", "LOC"),
        ("В городах России прошли акции.", "России", "LOCORG"),  # the towns of a state
        # visited: where one goes or what one leaves
        ("Министр посетил Белград в среду.", "Белград", "LOC"),
        ("Туристы покинули Таиланд.", "Таиланд", "LOC"),
        ("Белград отверг ультиматум.", "Белград", "LOCORG"),
        # a spatial preposition
        ("Самолёт кружил над Вашингтоном.", "Вашингтоном", "LOC"),
    ],
)
def test_place_or_actor(mini_pipeline, text, place, kind):
    analysis = mini_pipeline([parse_text(text, "t")])[0]
    found = [m for m in analysis.mentions if place in m.text]
    assert found, [m.text for m in analysis.mentions]
    mention = found[0]
    if mention.text != place:  # the place is a part of a phrase: `власти России`
        mention = next(p for p in mention.parts if p.text == place)
    assert mention.kind == kind


@pytest.mark.parametrize(("lines", "problem"), [
    ("spatial:\n  - words: [в, В-Город]\n", "not a word in lower case"),
    ("kinds:\n  - words: [река]\n  - words: [озеро, река]\n", "'река' repeated in kinds"),
    ("visits:\n  - verbs: [посетить]\n", "unknown field 'verbs'"),
    ("towns:\n  - words: [город]\n", "unknown section 'towns'"),
])
def test_place_words_are_checked(tmp_path, lines, problem):
    from relata.actors.places import PlaceWordsError, load_words

    path = tmp_path / "places.yaml"
    path.write_text(lines, encoding="utf-8")
    with pytest.raises(PlaceWordsError, match=problem):
        load_words(path)


def test_builtin_place_words():
    from relata.actors.places import words

    found = words()
    assert {"в", "над"} <= found.spatial and {"река", "город"} <= found.kinds
    assert not found.kinds & found.place_nouns  # a word says one thing of a place
