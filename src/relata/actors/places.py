"""A place named as a political actor (`Россия заявила`, `президент России`) or as a
place (`в Москве`): factRuEval's LocOrg and Location, decided from the parse.

Rules in order; the first with a verdict decides. They were derived on the
factRuEval-2016 dev set (0.91 accuracy on its single-name places; see README).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..language.markup import visible
from ..records import Token

SPATIAL = frozenset({
    "в", "во", "на", "из", "изо", "по", "под", "через", "до", "около", "вокруг", "возле",
    "вблизи", "близ", "к", "ко", "сквозь", "вдоль", "из-под", "из-за",
})
ENVOYS = frozenset({"посол", "посольство", "консул", "консульство", "постпред", "постпредство"})
# Nouns whose genitive is a piece of land, not an actor: `территория Украины`, `столица Китая`.
PLACE_NOUNS = frozenset({
    "территория", "улица", "столица", "район", "область", "полюс", "поверхность", "устье",
    "вода", "берег", "побережье", "граница", "окраина", "пригород", "север", "юг", "запад",
    "восток", "житель", "страна", "государство", "окрестность", "небо", "провинция", "штат",
    "округ",
})


CONTEXT_CHARS = 200


@dataclass(frozen=True, slots=True)
class Context:
    preposition: str | None  # lemma of the `case` dependent
    case: str | None
    governor: str | None  # lemma of the word the place depends on
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
    governor = tokens[tokens[role].head - 1].lemma if tokens[role].head else None
    start, end = tokens[first].start, tokens[last - 1].end
    # The rules read the ends of the line around the place (blank, a bracket): no more of
    # it than CONTEXT_CHARS each side, or a text without line breaks costs its length
    # for every place named in it.
    window = max(0, start - CONTEXT_CHARS)
    line_start = text.rfind("\n", window, start) + 1 or window
    line_end = text.find("\n", end, end + CONTEXT_CHARS)
    line_end = min(len(text), end + CONTEXT_CHARS) if line_end < 0 else line_end
    return Context(preposition, case, governor, visible(text[line_start:start]),
                   visible(text[end:line_end]))


Rule = Callable[[Context], bool | None]  # True: an actor, False: a place, None: no verdict


def heading(c: Context) -> bool | None:
    """`Италия` alone on its line is a rubric."""
    return False if not c.before.strip() and not c.after.strip(" .:") else None


def in_brackets(c: Context) -> bool | None:
    """`Левон Аронян (Армения)`, `в Цюрихе (Швейцария)`."""
    return False if c.before.rstrip().endswith("(") else None


def envoy(c: Context) -> bool | None:
    """`посол Японии в Чехии`: the host state is an actor."""
    return True if c.preposition and c.governor in ENVOYS else None


def spatial_preposition(c: Context) -> bool | None:
    return False if c.preposition in SPATIAL else None


def other_preposition(c: Context) -> bool | None:
    """`переговоры с Россией`, `между Москвой и Баку`, `санкции против Ирана`."""
    return True if c.preposition else None


def genitive_of_place_noun(c: Context) -> bool | None:
    return False if c.case == "Gen" and c.governor in PLACE_NOUNS else None


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
