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
        # endorsed_thing: approval of a thing, not of an actor
        ("Правительство Италии одобрило решение суда.", ("SUPPORT", "ITA", None)),
        ("Американские власти выразили одобрение решению о проведении выборов.",
         ("SUPPORT", "USA", None)),
    ],
)
def test_acts_with_no_target(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        # a request with no one named to ask: not an act the guide codes without its target
        "Министр иностранных дел России попросил подождать с выводами.",
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
