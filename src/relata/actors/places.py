"""A place named as a political actor (`Россия заявила`, `президент России`) or as a
place (`в Москве`): factRuEval's LocOrg and Location, decided from the parse.

Rules in order; the first with a verdict decides. They were derived on the
factRuEval-2016 dev set (its tuning books since the split; docs/evaluation.md). Their
words (prepositions of place, envoys, nouns of land, kinds of place, verbs of a visit)
are data, data/context/places.yaml, checked when first read.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..datafile import Problems, word_lists
from ..errors import DataFileError
from ..language.markup import visible
from ..language.spelling import fold
from ..records import Token

WORDS = Path(__file__).parent / "data" / "context" / "places.yaml"
_SECTIONS = ("spatial", "envoys", "place_nouns", "kinds", "visits")


class PlaceWordsError(DataFileError):
    what = "the place words"


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The words of data/context/places.yaml, by section, as lemmas."""

    spatial: frozenset[str]  # prepositions of place: `в`, `над`
    envoys: frozenset[str]  # `посол`: the state an envoy is sent to acts
    place_nouns: frozenset[str]  # `территория Украины`: a piece of land
    kinds: frozenset[str]  # `город Феникс`, `река Славянка`: a place described
    visits: frozenset[str]  # `посетил Белград`: a place one goes to or leaves


def load_words(path: Path = WORDS) -> PlaceWords:
    """The place words of `path`; PlaceWordsError lists every problem."""
    problems = Problems()
    found = word_lists(path, _SECTIONS, problems)
    if problems:
        raise PlaceWordsError(problems)
    return PlaceWords(**found)


@functools.cache
def words() -> PlaceWords:
    """The built-in place words, read once."""
    return load_words()


CONTEXT_CHARS = 200


@dataclass(frozen=True, slots=True)
class Context:
    preposition: str | None  # lemma of the `case` dependent
    case: str | None
    governor: str | None  # lemma of the word the place depends on (`ё` as `е`)
    relation: str | None  # how it depends on it (`appos`, `nmod`, `obj` …)
    governor_case: str | None  # the governor's case
    before: str  # the text of its line before it, at most CONTEXT_CHARS
    after: str  # … and after it


def context(text: str, tokens: Sequence[Token], first: int, last: int) -> Context:
    inside = range(first + 1, last + 1)  # 1-based ids of the mention's tokens
    head = next((i for i in range(first, last) if tokens[i].head not in inside), first)
    role = head
    while tokens[role].rel == "conj" and tokens[role].head:  # `в Китае, Кубе`: the first decides
        role = tokens[role].head - 1

    def preposition_of(i: int) -> str | None:
        if not tokens[i].rel:  # not parsed: the word before, if it is a preposition
            before = next((t for t in reversed(tokens[first - 1 : i]) if t.pos == "ADP"), None)
            return before.lemma if before is not None and i == first else None
        return next((t.lemma for t in tokens if t.head == i + 1 and t.rel == "case"), None)

    preposition = preposition_of(head) or preposition_of(role)
    case = tokens[head if preposition_of(head) else role].feat("Case")
    above = tokens[tokens[role].head - 1] if tokens[role].head else None
    governor = fold(above.lemma) if above is not None else None
    start, end = tokens[first].start, tokens[last - 1].end
    # The rules read the ends of the line around the place (blank, a bracket): no more of
    # it than CONTEXT_CHARS each side, or a text without line breaks costs its length
    # for every place named in it.
    window = max(0, start - CONTEXT_CHARS)
    line_start = text.rfind("\n", window, start) + 1 or window
    line_end = text.find("\n", end, end + CONTEXT_CHARS)
    line_end = min(len(text), end + CONTEXT_CHARS) if line_end < 0 else line_end
    return Context(preposition, case, governor, tokens[role].rel or None,
                   above.feat("Case") if above is not None else None,
                   visible(text[line_start:start]), visible(text[end:line_end]))


Rule = Callable[[Context], bool | None]  # True: an actor, False: a place, None: no verdict


def heading(c: Context) -> bool | None:
    """`Италия` alone on its line is a rubric."""
    return False if not c.before.strip() and not c.after.strip(" .:") else None


def in_brackets(c: Context) -> bool | None:
    """`Левон Аронян (Армения)`, `в Цюрихе (Швейцария)`."""
    return False if c.before.rstrip().endswith("(") else None


def envoy(c: Context) -> bool | None:
    """`посол Японии в Чехии`: the host state is an actor."""
    return True if c.preposition and c.governor in words().envoys else None


def spatial_preposition(c: Context) -> bool | None:
    return False if c.preposition in words().spatial else None


def other_preposition(c: Context) -> bool | None:
    """`переговоры с Россией`, `между Москвой и Баку`, `санкции против Ирана`."""
    return True if c.preposition else None


def named_with_its_kind(c: Context) -> bool | None:
    """`из города Хилтон Хэд`, `в реку Славянку`, `на площади Тяньаньмынь`: a name in
    apposition to the kind of place it is describes a place; not `в городах России`, the
    towns of a state."""
    if c.governor in words().kinds and (c.relation == "appos" or c.case == c.governor_case):
        return False
    return None


def visited(c: Context) -> bool | None:
    """`посетил Белград`, `покинули Таиланд`: where one goes or what one leaves."""
    return False if c.relation == "obj" and c.governor in words().visits else None


def genitive_of_place_noun(c: Context) -> bool | None:
    return False if c.case == "Gen" and c.governor in words().place_nouns else None


def genitive(c: Context) -> bool | None:
    """`президент России`, `власти Москвы`, `экономика Китая`."""
    return True if c.case == "Gen" else None


def locative(c: Context) -> bool | None:
    """A locative with no preposition is a parser slip for `в …`."""
    return False if c.case == "Loc" else None


RULES: list[Rule] = [
    heading,
    in_brackets,
    envoy,
    spatial_preposition,
    other_preposition,
    named_with_its_kind,
    visited,
    genitive_of_place_noun,
    genitive,
    locative,
]


def acts_as_state(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether the place on tokens [first, last) stands for a political actor; by default
    (subject, object, apposition …) it does."""
    c = context(text, tokens, first, last)
    for rule in RULES:
        verdict = rule(c)
        if verdict is not None:
            return verdict
    return True
