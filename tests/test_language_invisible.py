"""Invisible characters (zero-width spaces, soft hyphens, direction marks) change nothing
the NLP finds: they are hidden from it, and offsets still point into the text with them."""

import dataclasses
import itertools
import re

import pytest

from relata.language.markup import Visible, visible
from relata.records import Span
from relata.sources import parse_text

from conftest import FOUNDING

INVISIBLE = ("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
             "\u2066\u2067\u2068\u2069")


def _sprinkled(text: str) -> str:
    """`text` with invisible characters inside its words and on both sides of its spaces."""
    marks = itertools.cycle(INVISIBLE)
    text = re.sub(r"(\w\w)(\w\w)", lambda m: m[1] + next(marks) + m[2], text)
    return re.sub(" ", lambda m: next(marks) + " " + next(marks), text)


@pytest.mark.parametrize(
    ("text", "shown", "starts", "ends"),
    [
        ("Москва", "Москва", {0: 0, 5: 5}, {6: 6}),
        ("Моск\u200bва", "Москва", {3: 3, 4: 5}, {4: 4, 6: 7}),
        ("\ufeffМир\u200e\u200f мир", "Мир мир", {0: 1, 3: 6}, {3: 4, 7: 10}),
        ("\u00ad\u00ad", "", {}, {}),
    ],
)
def test_visible_maps_offsets_back(text, shown, starts, ends):
    where = Visible.of(text)
    assert where.text == shown == visible(text)
    assert {k: where.start(k) for k in starts} == starts
    assert {k: where.end(k) for k in ends} == ends
    assert {where.start(k): where.shown(where.start(k)) for k in starts} == {
        original: k for k, original in starts.items()}
    for k, original in starts.items():
        assert text[original] == shown[k]


def _read(span: Span | None, text: str) -> tuple | None:
    """A span as the clean text's: where it is and what it says, with the checks that it
    points at visible characters of `text`."""
    if span is None:
        return None
    assert span.text == text[span.start : span.end]
    assert visible(text[span.start]) and visible(text[span.end - 1])
    return len(visible(text[: span.start])), visible(span.text)


def _evidence(event, text: str) -> tuple:
    attribution = event.attribution and Span(event.attribution.start, event.attribution.end,
                                             event.attribution.text)
    spans = (event.trigger, event.sentence, event.source_span, event.target_span, attribution)
    kept = dataclasses.replace(event, id="", doc_id="", trigger=None, sentence=None,
                               source_span=None, target_span=None, attribution=None)
    return kept, *(_read(span, text) for span in spans)


@pytest.fixture(scope="module")
def noisy(pipeline):
    """The founding article with invisible characters sprinkled over its body."""
    header, body = FOUNDING.read_text(encoding="utf-8").split("\n", 1)
    (analysis,) = pipeline([parse_text(header + "\n" + _sprinkled(body), FOUNDING.name)])
    return analysis


def test_founding_article_with_invisible_characters_gives_the_same_events(noisy, founding):
    text = noisy.document.text
    assert len(text) > len(founding.document.text) + 500
    assert len(founding.events) >= 7
    assert [_evidence(e, text) for e in noisy.events] == [
        _evidence(e, founding.document.text) for e in founding.events]
    assert [(visible(m.text), m.kind, m.normal) for m in noisy.mentions] == [
        (m.text, m.kind, m.normal) for m in founding.mentions]
    assert all(text[m.start : m.end] == m.text for m in noisy.mentions)


def test_and_the_same_attitudes(noisy, founding):
    from relata.stance.document import attitudes

    def read(analysis):
        return [(a.source, a.target, a.label, a.score, [e.kind for e in a.evidence])
                for a in attitudes(analysis)]

    assert read(noisy) == read(founding)
