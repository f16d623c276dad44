"""An event's date: the document's, moved by the relative dates the sentence gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..records import Token
from .words import grammar, valued

_NUMBERS = tuple(map(str, range(7)))
DAYS_BACK = {word: int(n) for word, n in valued("days-back", _NUMBERS).items()}
WEEKDAYS = {word: int(n) for word, n in valued("weekdays", _NUMBERS).items()}


def event_date(date: dt.date | None, tokens: Sequence[Token]) -> dt.date | None:
    """`вчера` is the day before the document's date; `в четверг` the last Thursday on or
    before it. Without a document date there is nothing to count from."""
    if date is None:
        return None
    for i, token in enumerate(tokens):
        if token.lemma in DAYS_BACK:
            return date - dt.timedelta(days=DAYS_BACK[token.lemma])
        if token.lemma in WEEKDAYS and i and tokens[i - 1].lemma == grammar("in"):
            return date - dt.timedelta(days=(date.weekday() - WEEKDAYS[token.lemma]) % 7)
    return date
