"""The coder on sentences, with a small lexicon of our own (tests/data/predicates-mini.yaml)."""

import datetime as dt

import pytest

from relata.actors import ResolveActors
from relata.events import CodeEvents
from relata.events.lexicon import load_lexicon
from relata.language import DetectLanguage, RussianNLP
from relata.pipeline import Pipeline
from relata.sources import parse_text

from conftest import FOUNDING, ROOT

MINI = ROOT / "tests" / "data" / "predicates-mini.yaml"


@pytest.fixture(scope="module")
def coder():
    return Pipeline([DetectLanguage(), RussianNLP(), ResolveActors(),
                     CodeEvents(lexicon=load_lexicon((MINI,)))])


def code(coder, text: str, date: str = "2025-08-07"):
    return coder([parse_text(f" date {date} {text}", "t")])[0].events


def summary(events):
    return [(e.type, e.source.code, e.target.code if e.target else None, e.modality)
            for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Армия РФ атаковала заправку SOCAR.", [("ASSAULT", "RUSMIL", "AZEBUS", "factual")]),
        ("Украина была атакована Россией.", [("ASSAULT", "RUS", "UKR", "factual")]),
        ("Азербайджанская сторона оказывает помощь Украине.",
         [("AID", "AZEGOV", "UKR", "factual")]),
        ("Россия не атаковала Украину.", [("ASSAULT", "RUS", "UKR", "negated")]),
        ("Россия может атаковать Украину.", [("ASSAULT", "RUS", "UKR", "hypothetical")]),
        ("Россия намерена ввести санкции против Турции.",
         [("SANCTION", "RUS", "TUR", "intended")]),
        ("Москва пригрозила атаковать Украину.",
         [("THREATEN", "RUSGOV", "UKR", "factual"), ("ASSAULT", "RUSGOV", "UKR", "threatened")]),
        # a mutual act is one event
        ("Вчера было подписано соглашение между Украиной и Азербайджаном.",
         [("SUPPORT", "UKR", "AZE", "factual")]),
        ("Россия и Азербайджан расположены на Кавказе.", []),  # two states, no event
        ("Атака на Украину продолжалась всю ночь.", []),  # no attacker: not codable
        ("Атаковала ли Россия Украину?", []),  # a question reports no act
    ],
)
def test_sentence(coder, text, expected):
    assert summary(code(coder, text)) == expected


def test_evidence_spans_point_into_the_text(coder):
    text = "Армия РФ атаковала заправку SOCAR в Житомирской области."
    (event,) = code(coder, text)
    full = f" date 2025-08-07 {text}"
    for span in (event.trigger, event.sentence, event.source_span, event.target_span):
        assert full[span.start : span.end] == span.text
    assert (event.trigger.text, event.source_span.text, event.target_span.text) == (
        "атаковала", "Армия РФ", "SOCAR")
    assert event.location.name == "Житомирская область"
    assert (event.quad_class, event.goldstein, event.cameo) == (4, -10.0, "190")


@pytest.mark.parametrize(
    ("text", "date"),
    [("Вчера армия РФ атаковала Украину.", dt.date(2025, 8, 6)),
     ("В понедельник армия РФ атаковала Украину.", dt.date(2025, 8, 4)),
     ("Армия РФ атаковала Украину.", dt.date(2025, 8, 7))],
)
def test_relative_dates(coder, text, date):
    (event,) = code(coder, text)  # 2025-08-07 is a Thursday
    assert event.date == date


def test_attribution(coder):
    (event,) = code(coder, "По словам Зеленского, армия РФ атаковала Украину.")
    assert event.attribution.text == "Зеленского"
    assault, accusation = code(coder, "«Армия РФ атаковала Украину», — заявил Зеленский.")
    assert assault.type == "ASSAULT" and assault.attribution.text == "Зеленский"
    # telling of an attack by another is an accusation of its own
    assert (accusation.type, accusation.source.code, accusation.target.code) == (
        "ACCUSE", "UKRGOV", "RUSMIL")


def test_founding_article(coder):
    from relata.sources import read

    (document,) = read([FOUNDING])
    events = coder([document])[0].events
    found = {(e.type, e.source.country, e.target.country if e.target else None) for e in events}
    assert ("ASSAULT", "RUS", "UKR") in found  # the drone attack on gas infrastructure
    assert ("ASSAULT", "RUS", "AZE") in found  # SOCAR, the embassy, the House of Azerbaijan
    assert ("SUPPORT", "UKR", "AZE") in found  # the gas agreement
    assert ("AID", "AZE", "UKR") in found  # humanitarian aid
    assert ("ACCUSE", "RUS", "AZE") in found  # Moscow's irritation at it
    cooperative = [e for e in events if e.quad_class in (1, 2)
                   and {e.source.country, e.target and e.target.country} == {"RUS", "AZE"}]
    assert cooperative == []


def test_a_border_is_a_location_without_a_side(coder):
    (event,) = code(coder, "Армия РФ атаковала объект у границы с Румынией.")
    assert event.target is None  # the border says where, not whom
    assert event.location.name == "граница с Румынией"
    assert event.location.country is None


def test_a_mutual_act_is_one_symmetric_event(coder):
    (event,) = code(coder, "Вчера было подписано соглашение между Украиной и Азербайджаном.")
    assert event.symmetric and {event.source.code, event.target.code} == {"UKR", "AZE"}


def test_a_one_way_act_is_not_symmetric(coder):
    (event,) = code(coder, "Россия не атаковала Украину.")
    assert not event.symmetric
