"""A name glossed in brackets: `Джошуа Вольф (Joshua Wolf)`, `Комитет защиты журналистов
(КЗЖ) (Committee to Protect Journalists)`, `Бюро по патентам (USPTO)`.

News gives a foreign name in its own spelling, and an organisation its abbreviation, in
brackets right after the name. They are two names of one entity, each a name of its own
(factRuEval-2016 marks them apart), but Natasha's NER either runs the first name on into
the brackets (`Юрген Клинсман (Jürgen Klinsmann)`, whose normal form then matches no
dictionary) or passes over the gloss. Two rules on NER's spans, in the text NER read:

- `split_at_bracket`: a span with a bracket in it ends before the bracket; what the
  brackets hold is a span of its own if it is a gloss.
- `gloss_after`: a gloss in brackets right after a span is a span of the same kind.

A gloss is a name in Latin letters (`Joshua Wolf`, `Corriere della Sera`), or, after an
organisation only, an abbreviation (`КЗЖ`, `WFC`, `USPTO`): after a person, an abbreviation
in brackets is the person's organisation or party (`Лонгин Клинский (РПЦ МП)`), and a
word in Cyrillic in brackets is another name (`Левон Аронян (Армения)`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

Span = tuple[int, int, str]  # start, stop, NER kind (PER, ORG, LOC)

# Latin words, the first with a capital, joined by spaces, hyphens, apostrophes, dots
# and `&` (`Bank of East Asia`, `el-Masri`, `Procter & Gamble`, `O'Neil`).
LATIN_NAME = re.compile(r"[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’.\-]*(?:\s*&?\s*[A-Za-zÀ-ÖØ-öø-ÿ0-9'’.\-]+)*")
# An abbreviation: two to eight capitals (Cyrillic or Latin), digits after the first.
ABBREVIATION = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ0-9]{1,7}")
# A bracketed gloss right after a name: its closing quote if any, spaces, `(`, the gloss,
# `)`: `«Ла стампа» (La Stampa)`.
BRACKETED = re.compile(r"[»\"“”]?\s*\(\s*([^()\n]{1,80}?)\s*\)")
MAX_GLOSSES = 2  # `(КЗЖ) (Committee to Protect Journalists)`


def is_gloss(words: str, kind: str) -> bool:
    """Whether `words`, in brackets after a name of `kind`, are another name of it."""
    if LATIN_NAME.fullmatch(words):
        return True
    return kind == "ORG" and ABBREVIATION.fullmatch(words) is not None


def split_at_bracket(text: str, span: Span) -> Iterator[Span]:
    """The span up to its first ` (` (its tail, a quote or a space, dropped) and, if what
    follows the bracket is a gloss, that too; a span with no bracket, unchanged."""
    start, stop, kind = span
    cut = text.find("(", start, stop)
    if cut <= start:
        yield span
        return
    head = text[start:cut].rstrip(" \t»\"“”")
    if head:
        yield start, start + len(head), kind
    inner_start = cut + 1
    closing = text.find(")", inner_start, stop)
    inner_stop = closing if closing >= 0 else stop
    inner = text[inner_start:inner_stop]
    lead = len(inner) - len(inner.lstrip())
    inner = inner.strip()
    if inner and is_gloss(inner, kind):
        yield inner_start + lead, inner_start + lead + len(inner), kind


def gloss_after(text: str, span: Span, taken: Sequence[Span]) -> Iterator[Span]:
    """The glosses in brackets right after `span` (after its own closing bracket if it is a
    gloss itself), one after another, as spans of its kind; a bracket that already holds
    a span of `taken` is passed over, one that holds part of one ends the run."""
    start, stop, kind = span
    if text[max(0, start - 8) : start].rstrip().endswith("("):
        closing = re.compile(r"\s*\)").match(text, stop)
        stop = closing.end() if closing else stop
    for _ in range(MAX_GLOSSES):
        found = BRACKETED.match(text, stop)
        if found is None:
            return
        start, end = found.span(1)
        stop = found.end()
        if any((a, b) == (start, end) for a, b, _ in taken):
            continue
        if not is_gloss(found.group(1), kind) or any(a < end and start < b
                                                      for a, b, _ in taken):
            return
        yield start, end, kind


def glossed(text: str, spans: Sequence[Span]) -> list[Span]:
    """NER's spans of `text` with each bracketed gloss a span of its own, in text order."""
    split = [piece for span in spans for piece in split_at_bracket(text, span)]
    added = [gloss for span in split for gloss in gloss_after(text, span, split)]
    return sorted({*split, *added})
