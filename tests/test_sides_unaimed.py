"""Acts coded with no target, by the kind of act (rules.UNAIMED_RULES), and the hard
negatives that keep the rules narrow: real sentences, written for these tests."""

import pytest

from relata.events.rules import UNAIMED_RULES

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # opened_case: an investigation opened by a state organ, no one named
        ("Следственный комитет России возбудил уголовное дело по статье о мошенничестве.",
         ("ACCUSE", "RUS", None)),
        ("Британская полиция возбудила дело о поджоге склада.", ("ACCUSE", "GBR", None)),
        # … or by an international body (court, commission, the OPCW), 094 for war crimes
        ("Международный уголовный суд начал расследование военных преступлений в Мали.",
         ("ACCUSE", "ICC", None)),
        ("ОЗХО провела расследование инцидента в провинции Идлиб.", ("ACCUSE", "OPCW", None)),
        ("Совет ООН по правам человека начал расследование нарушений в Ливии.",
         ("ACCUSE", "UNHRC", None)),
        # endorsed_thing: approval of a thing, not of an actor
        ("Правительство Италии одобрило решение суда.", ("SUPPORT", "ITA", None)),
        ("Японские власти выразили одобрение решению о проведении референдума.",
         ("SUPPORT", "JPN", None)),
        # protested: a strike, rally or hunger strike is its doers' act
        ("Французские профсоюзы объявили забастовку против пенсионной реформы.",
         ("PROTEST", "FRA", None)),
        ("Тысячи сторонников Грузинской мечты вышли на акцию протеста против закона.",
         ("PROTEST", "GEO", None)),
        ("Украинские шахтеры объявили голодовку.", ("PROTEST", "UKR", None)),
        # … the doer the subject of a verb that holds it (done_by_verb)
        ("Французское отделение Гринпис проводило уличные акции в Лионе.",
         ("PROTEST", "FRA", None)),
        # deployed_forces: forces sent to a place that is no actor
        ("Власти Египта ввели в город войска.", ("MOBILIZE", "EGY", None)),
        # asked_an_act: an appeal for an act, no one named to do it
        ("Клоуны России призывают запретить показ фильма.", ("REQUEST", "RUS", None)),
        ("Прокурор Москвы просил переквалифицировать обвинение.", ("REQUEST", "RUS", None)),
        ("Министр иностранных дел России попросил подождать с выводами.",
         ("REQUEST", "RUS", None)),
        # emergency_rule: a curfew or state of emergency, on the state's own people
        ("Президент Грузии объявил чрезвычайное положение.", ("COERCE", "GEO", None)),
        ("Парламент Армении утвердил военное положение.", ("COERCE", "ARM", None)),
        # … a town of its own is where, not whom
        ("Власти Казахстана ввели чрезвычайное положение в Алма-Ате.",
         ("COERCE", "KAZ", None)),
    ],
)
def test_acts_with_no_target(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        # a request for no act (the floor), and a proposal: the act proposed is what is
        # coded, when it is one
        "Министр иностранных дел России попросил слова.",
        "Прокуратура России предлагает ограничить свободу передвижения.",
        # a riot: as often hooliganism as protest
        "Российские болельщики устроили беспорядки в Марселе.",
        # forces sent where no place is said, to a border, or in exercises: aimed at
        # someone the sentence does not name
        "Россия перебрасывает артиллерию.",
        "Турция перебросила войска к границе.",
        "НАТО проводит учения у своих границ.",
        # a verdict, a criticism, a threat whose aim is not named: left out, as before
        "Франция пригрозила ответными мерами.",
        # an investigation, but not by a state organ: a newspaper's
        "Газета «Ведомости» провела расследование о закупках.",
        # approval of someone unnamed (a pronoun with nothing before it)
        "Правительство Италии одобрило его.",
    ],
)
def test_no_target_is_no_license(pipeline, text):
    assert not any(target is None for _, _, target in sides(code(pipeline, text)))


def test_every_rule_says_what_it_codes():
    for rule in UNAIMED_RULES:
        assert rule.__doc__ and "`" in rule.__doc__, rule.__name__


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive participle's noun is what the act was done to
        ("Фильм рассказывает о гибели афроамериканца Оскара Гранта, застреленного полицией "
         "США в Окленде.",
         ("ASSAULT", "USA", "USA")),
        ("Суд Москвы рассмотрел дело журналиста, задержанного полицией в мае.",
         ("COERCE", "RUS", "RUS")),
    ],
)
def test_participle_object(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a protest against an actor is aimed at it, as before
        ("Российские оппозиционеры провели митинг против Кремля.", ("PROTEST", "RUS", "RUS")),
        # an appeal to someone named is made of them
        ("Россия попросила Турцию выдать подозреваемых.", ("REQUEST", "RUS", "TUR")),
    ],
)
def test_a_named_target_stays(pipeline, text, expected):
    found = sides(code(pipeline, text))
    assert expected in found
    assert not any(target is None for _, _, target in found)
