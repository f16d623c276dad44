"""A place named as a political actor (`Россия заявила`, `мэр Москвы`) or as a place
(`в Москве`): the factRuEval distinction between LocOrg and Location.

Decided from the dependency parse, by the first rule that applies.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..records import Token

# Nouns whose genitive dependent is an actor, not a place: `власти России`, `позиция Баку`.
ACTOR_HEADS = frozenset({
    "власть", "правительство", "президент", "премьер", "премьер-министр", "министр", "мэр",
    "губернатор", "глава", "лидер", "руководство", "руководитель", "посол", "посольство",
    "представитель", "делегация", "администрация", "кабинет", "министерство", "ведомство",
    "мид", "парламент", "депутат", "армия", "войско", "вооружение", "флот", "спецслужба",
    "разведка", "политика", "позиция", "интерес", "сторона", "заявление", "решение", "ответ",
    "требование", "предложение", "отношение", "сотрудничество", "санкция", "сборная", "партнер",
    "союзник", "правитель", "канцлер", "король", "спикер"
})


def _head(tokens: Sequence[Token], first: int, last: int) -> int:
    """Index of the token of [first, last) whose head lies outside the span."""
    for i in range(first, last):
        head = tokens[i].head - 1
        if not first <= head < last:
            return i
    return first


def subject(tokens: Sequence[Token], i: int) -> bool | None:
    return True if tokens[i].rel in ("nsubj", "nsubj:pass") else None


def genitive_of_actor_noun(tokens: Sequence[Token], i: int) -> bool | None:
    token = tokens[i]
    head = tokens[token.head - 1] if token.head else None
    if head is not None and token.rel == "nmod" and head.lemma in ACTOR_HEADS:
        return True
    return None


def with_preposition(tokens: Sequence[Token], i: int) -> bool | None:
    position = i + 1
    if any(t.rel == "case" and t.head == position for t in tokens):
        return False
    return None


RULES: list[Callable[[Sequence[Token], int], bool | None]] = [
    subject,
    genitive_of_actor_noun,
    with_preposition,
]


def acts_as_state(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether the place spanning tokens [first, last) stands for a political actor."""
    head = _head(tokens, first, last)
    for rule in RULES:
        verdict = rule(tokens, head)
        if verdict is not None:
            return verdict
    return False
