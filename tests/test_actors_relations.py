"""People no dictionary knows, coded by the words around their name (actors/relations.py,
actors/data/context/relations.yaml). Every sentence is made up."""

import pytest

from relata.actors.relations import (
    RELATIONS,
    RULES,
    Relation,
    RelationsError,
    load_relations,
    related,
)
from relata.records import Actor, Document


def _person(pipeline, text, name):
    (analysis,) = pipeline([Document(id="t", text=text)])
    return next(m for m in analysis.mentions if m.text.endswith(name))


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # relation_before: the noun and its actor in the genitive, then the name
        # (a name no dictionary knows: Виктор Шейман is Belarus's prosecutor general there)
        ("Соратник Лукашенко Виктор Шеймаха раскритиковал Польшу.", "Виктор Шеймаха",
         "BLRCVL"),
        ("Пресс-секретарь Эрдогана Ибрахим Калын осудил действия Израиля.",
         "Ибрахим Калын", "TURGOV"),
        ("Помощник министра обороны Израиля Йоси Коэн встретился с послом.", "Йоси Коэн",
         "ISRMIL"),
        ("Старший брат президента Франции, Жан Дюпон, был задержан в Риме.", "Жан Дюпон",
         "FRACVL"),
        ("Член ХАМАС Ахмед Салих обстрелял патруль.", "Ахмед Салих", "HAMAS"),
        ("Сотрудник посольства США в Москве Джон Смит был задержан.", "Джон Смит", "USAGOV"),
        ("Критик Кремля Джон Смит выступил в Лондоне.", "Джон Смит", "RUSOPP"),
        # relation_after: the name, then the noun and its actor in apposition
        ("Хуан Перес Гарсиа, оппонент президента Боливии, обвинил власти в подтасовке.",
         "Хуан Перес Гарсиа", "BOLOPP"),
        # origin_before: where the person comes from; a town is its state's
        ("Уроженец Марокко Ахмед Салих напал на полицейских.", "Ахмед Салих", "MARCVL"),
        ("Выходец из Марракеша Ахмед Салих напал на полицейских.", "Ахмед Салих", "MARCVL"),
    ],
)
def test_a_name_takes_the_country_its_words_tell(pipeline, text, name, code):
    mention = _person(pipeline, text, name)
    assert mention.actor.code == code
    assert mention.via == "relation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # nouns that pass no country: a lawyer, an enemy, an ally
        ("Враг Асада Ахмед Салих обвинил Дамаск в атаке.", "Ахмед Салих"),
        ("Союзник Эрдогана Джон Смит прибыл в Анкару.", "Джон Смит"),
        ("Адвокат Асада Джон Смит подал апелляцию.", "Джон Смит"),
        # an opponent of anyone but a state's government is nobody's
        ("Противник Израиля Ахмед Салих выступил с речью.", "Ахмед Салих"),
        # a name after an office in the genitive is the office's holder
        ("Сына депутата Государственной Думы Ханса Мюллера задержали.", "Ханса Мюллера"),
        # no relation noun: an object of the verb, not an apposition
        ("Путин наградил Джона Смита орденом.", "Джона Смита"),
    ],
)
def test_no_country_where_the_words_tell_none(pipeline, text, name):
    mention = _person(pipeline, text, name)
    assert mention.via is None


@pytest.mark.parametrize(
    ("relation", "actor", "code"),
    [
        (Relation("same", "same"), Actor("EGYGOV", "EGY", "GOV"), "EGYGOV"),
        (Relation("same", "follower"), Actor("EGYGOV", "EGY", "GOV"), "EGYCVL"),
        (Relation("same", "follower"), Actor("VENOPP", "VEN", "OPP"), "VENOPP"),
        (Relation("same", "follower"), Actor("ISIL", None, "REB"), "ISIL"),
        (Relation("same", "CVL"), Actor("ISIL", None, "REB"), None),  # kin of a fighter
        (Relation("opposition", "OPP"), Actor("BOLGOV", "BOL", "GOV"), "BOLOPP"),
        (Relation("opposition", "OPP"), Actor("ISR", "ISR", None), None),
        (Relation("none", ""), Actor("RUSGOV", "RUS", "GOV"), None),
    ],
)
def test_what_a_relation_passes_on(relation, actor, code):
    found = related(relation, actor, "Иван Петров")
    assert (found.code if found else None) == code


def test_the_rules_are_named_and_documented():
    assert [r.__name__ for r in RULES] == [
        "relation_before", "relation_after", "origin_before"]
    assert all(r.__doc__ for r in RULES)


def test_the_builtin_file_loads():
    words = load_relations(RELATIONS)
    assert words.relations["сторонник"] == Relation("same", "follower")
    assert words.relations["адвокат"].country == "none"
    assert "уроженец" in words.origins


def test_the_file_is_checked_on_load(tmp_path):
    path = tmp_path / "relations.yaml"
    path.write_text(
        "relations:\n"
        "  - words: [помощник, помощник]\n    country: same\n    sector: same\n"
        "  - words: [враг]\n    country: maybe\n"
        "  - words: [брат]\n    country: same\n    sector: XXX\n"
        "  - words: [Адвокат]\n    country: none\n"
        "  - words: [союзник]\n    country: none\n    sector: GOV\n"
        "origins:\n  - words: [уроженец]\n",
        encoding="utf-8")
    with pytest.raises(RelationsError) as e:
        load_relations(path)
    message = str(e.value)
    assert "'помощник' repeated in relations" in message
    assert "country must be same, opposition or none, not 'maybe'" in message
    assert "not 'XXX'" in message
    assert "not a word in lower case: 'Адвокат'" in message
    assert "passes no country has no sector" in message


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Сторонники Мурси атаковали полицейский участок.", "Сторонники Мурси", "EGYCVL"),
        ("Оппоненты Мадуро вышли на улицы Каракаса.", "Оппоненты Мадуро", "VENOPP"),
        ("Члены ХАМАС обстреляли патруль.", "Члены ХАМАС", "HAMAS"),
        ("Члены «Хезболлы» обстреляли патруль.", "Члены «Хезболлы", "HEZBOLLAH"),
    ],
)
def test_a_relation_noun_and_its_actor_are_one_mention(pipeline, text, phrase, code):
    mention = _person(pipeline, text, phrase)
    assert mention.text == phrase and mention.actor.code == code
    assert mention.via == "relation" and len(mention.parts) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Союзники США нанесли удары по позициям боевиков.",  # passes no country on
        "Адвокат Асада Джон Смит подал апелляцию.",
        "Пресс-секретарь Эрдогана Ибрахим Калын осудил действия Израиля.",  # a name after
    ],
)
def test_no_relation_phrase(pipeline, text):
    (analysis,) = pipeline([Document(id="t", text=text)])
    assert not [m for m in analysis.mentions if m.via == "relation" and m.kind != "PER"]
