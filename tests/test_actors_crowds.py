"""Domestic actors named by a common noun: crowds and organs with no owner take the state
the sentence names for them (a place framing their clause, the state in focus)."""

import pytest

from relata.records import Document


def _resolved(pipeline, text):
    (analysis,) = pipeline([Document(id="t", text=text)])
    return {(m.text, m.actor.code) for m in analysis.mentions
            if m.via and m.actor is not None}


@pytest.mark.parametrize(("text", "expected"), [
    # A news outlet tells the story from where it is: the state in focus is the story's.
    ("Лукашенко выступил в Минске. Избиратели в беседе с корреспондентом «Голоса Америки» "
     "вспомнили август. Власти затем применили силу для разгона протестующих.",
     ("Власти", "BLRGOV")),
    ("Мадуро выступил в Каракасе, сообщает агентство Рейтер. Полиция задержала "
     "двух журналистов.", ("Полиция", "VENCOP")),
    ("Эрдоган прибыл в Анкару, пишет газета The New York Times. Правительство одобрило "
     "план.", ("Правительство", "TURGOV")),
])
def test_a_reporter_is_no_state_in_focus(pipeline, text, expected):
    assert expected in _resolved(pipeline, text)


def _events(pipeline, text):
    (analysis,) = pipeline([Document(id="t", text=text)])
    return {(e.type, e.source.code, e.target.code if e.target else None)
            for e in analysis.events}


@pytest.mark.parametrize(("text", "expected"), [
    # a place in the genitive of the noun after `в`/`на`: `в центре Киева`
    ("Протестующие забросали полицию камнями в центре Киева.", ("Протестующие", "UKRCVL")),
    ("Несколько сотен студентов вышли на улицы Минска.", ("студентов", "BLREDU")),
    # a place of the noun after `в`/`на` the verb takes: `на митинг в Тбилиси`
    ("Сотни демонстрантов собрались на митинг в Тбилиси с требованием отставки "
     "президента Грузии.", ("демонстрантов", "GEOCVL")),
    ("Рабочие объявили забастовку на заводе в Казахстане.", ("Рабочие", "KAZLAB")),
    # a crowd after `между` is a side (crowds.yaml, sides)
    ("В центре Киева произошли столкновения между протестующими и полицией.",
     ("протестующими", "UKRCVL")),
])
def test_a_place_framing_the_crowds_clause_through_a_noun(pipeline, text, expected):
    assert expected in _resolved(pipeline, text)


@pytest.mark.parametrize("text", [
    # the place is inside another phrase: what is protested, whose embassy
    "Демонстранты протестовали против войны в Сирии.",
    "Демонстранты выступили против ударов по позициям армии на Украине.",
    "Активисты собрались у посольства России в Киеве.",
])
def test_a_place_inside_another_phrase_frames_no_crowd(pipeline, text):
    assert not {m for m in _resolved(pipeline, text) if m[0].lower().startswith(
        ("демонстрант", "активист"))}


@pytest.mark.parametrize(("text", "expected", "unexpected"), [
    ("Сотни демонстрантов собрались на митинг в Тбилиси с требованием отставки "
     "президента Грузии.", ("PROTEST", "GEOCVL", "GEOGOV"), "REQUEST"),
    ("Протестующие вышли на улицы Еревана с требованием отставки премьер-министра Армении.",
     ("PROTEST", "ARMCVL", "ARMGOV"), "REQUEST"),
    ("Оппозиция провела митинг в Каракасе, обвиняя Мадуро в фальсификации выборов.",
     ("PROTEST", "VENOPP", "VENGOV"), "ACCUSE"),
])
def test_a_protest_is_aimed_at_whom_its_demand_names(pipeline, text, expected, unexpected):
    found = _events(pipeline, text)
    assert expected in found
    assert not {e for e in found if e[0] == unexpected}  # the demand is the protest's content


@pytest.mark.parametrize(("text", "expected"), [
    # the one state whose people or organs the sentence names
    ("Партия президента Зимбабве объявила о его победе, противники и правозащитники "
     "заявляют о нарушениях.", ("правозащитники", "ZWEHRI")),
    ("Оппозиционеры обвинили президента Венесуэлы Николаса Мадуро в фальсификации.",
     ("Оппозиционеры", "VENOPP")),
    ("Студенты потребовали отставки министра образования Грузии.", ("Студенты", "GEOEDU")),
    ("Россия и Грузия спорят. Оппозиция обвиняет Саакашвили в авторитарном правлении.",
     ("Оппозиция", "GEOOPP")),
])
def test_a_crowd_takes_the_one_state_of_its_fellows(pipeline, text, expected):
    assert expected in _resolved(pipeline, text)


@pytest.mark.parametrize("text", [
    "Демонстранты протестовали против визита в США.",  # a state named as such
    "Боевики атаковали позиции армии России.",  # fighters: at home or abroad alike
    "Рабочие устроили итальянскую забастовку.",  # an adjective of a thing
    "Демонстранты вышли к зданию посольства США.",  # a diplomatic mission abroad
    "Правозащитники раскритиковали Путина и Обаму.",  # two states
])
def test_no_fellow_state_without_one_state_of_people(pipeline, text):
    assert not {m for m in _resolved(pipeline, text) if m[1].endswith(
        ("CVL", "OPP", "HRI", "LAB", "REB", "EDU"))}


@pytest.mark.parametrize(("text", "expected"), [
    # police and courts serve at home: the place framing their clause, in any case
    ("Протестующие забросали полицию камнями в центре Киева.", ("полицию", "UKRCOP")),
    ("Демонстранты напали на полицейских на площади в Бишкеке.", ("полицейских", "KGZCOP")),
    # … before the state in focus
    ("Путин прибыл в Минск. Полиция задержала активистов в Киеве.", ("Полиция", "UKRCOP")),
])
def test_an_organ_at_home_is_of_the_place_framing_its_clause(pipeline, text, expected):
    assert expected in _resolved(pipeline, text)


def test_a_president_abroad_keeps_the_focus(pipeline):
    found = _resolved(pipeline, "Эрдоган выступил в Анкаре. Президент выступил в Париже.")
    assert ("Президент", "TURGOV") in found


@pytest.mark.parametrize(("text", "expected"), [
    # `выйти на акцию` and `акция протеста`: one act, its target the protest's `против`
    ("Протестующие вышли на акцию протеста против президента Белоруссии.",
     {("PROTEST", "BLRCVL", "BLRGOV")}),
    ("Оппозиция вышла на акцию протеста против правительства Грузии.",
     {("PROTEST", "GEOOPP", "GEOGOV")}),
    ("Студенты провели акцию протеста против министра образования Армении.",
     {("PROTEST", "ARMEDU", "ARMGOV")}),
])
def test_a_march_to_a_protest_is_one_protest(pipeline, text, expected):
    assert _events(pipeline, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a participle used as a noun names people: it fills a slot, and is no act of theirs
    ("Президент Турции Эрдоган обвинил протестующих в попытке переворота.",
     {("ACCUSE", "TURGOV", "TUROPP")}),
    ("Полиция Гонконга применила слезоточивый газ против протестующих.",
     {("ASSAULT", "HKGCOP", "HKGOPP")}),
    ("Полиция Армении разогнала митингующих.", {("ASSAULT", "ARMCOP", "ARMOPP")}),
    # crowds at home whom a state's force falls on (words/citizens.txt)
    ("Власти Ирана казнили трех участников протестов.", {("ASSAULT", "IRNGOV", "IRNCVL")}),
    ("Власти Белоруссии задержали сотни участников акции протеста.",
     {("COERCE", "BLRGOV", "BLRCVL")}),
    ("Полиция Польши задержала бастующих шахтеров.", {("COERCE", "POLCOP", "POLLAB")}),
    # suspects are people, not an act of suspicion
    ("Полиция Франции задержала подозреваемых в теракте.", {("COERCE", "FRACOP", "FRACVL")}),
])
def test_a_state_acts_on_its_own_crowds(pipeline, text, expected):
    assert _events(pipeline, text) == expected
