"""The dashboard's question of every country dyad answered ahead, kept in the store.

`GET /api/dyad?a=…&b=…` with its defaults (months, both ways, factual events, the whole
time, 20 events of evidence: `KEPT_QUESTION`) is what fifty analysts opening the dashboard
ask first, for dozens of dyads at once. Computed when asked, an answer costs 4-5 ms of CPU
on a million events, most of it two DuckDB queries; a burst of 30-40 such answers on two
cores made the slowest request wait over 200 ms. So ingest keeps each country dyad's
answer to that question, as the JSON the API sends (store.schema: dyad_answers), in the
batch's transaction, for the dyads the batch adds to; `Store.aggregate_dyads` answers all of
them again. The server sends a kept answer after one small read.

An answer is kept without the sides' names (`nameless_json`): the API puts those in the
order and spelling asked (`with_names`), so one kept answer serves a → b and b → a. The
answers are current when the counts are (`dyad_aggregated`) and were made for the same
rows, by a relata of the same `ANSWER_FORMAT`; otherwise an answer is computed as before
(`Store.dyads_answered`). tests/test_relations_counted.py and tests/test_api_equivalence.py
check that the kept answers are, byte for byte, the ones computed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

import numpy as np

from .. import __version__
from .columns import Columns, values
from .parties import Party, party
from .parties import _codes as codes
from .series import DEFAULT_EVIDENCE, DyadSeries, dyad_series, read_ahead

# Raise the number when what a kept answer holds or how it is written changes: answers
# kept by another relata (or format) are then not sent, but computed, until the next ingest
# or `aggregate_dyads` answers every dyad again.
ANSWER_FORMAT = f"{__version__}/1"

# The question whose answers are kept: /api/dyad's defaults (relata.api.warm's
# DEFAULT_QUESTION, tests/test_api_warm.py checks)
KEPT_QUESTION = {"freq": "M", "directed": False, "modalities": ("factual",), "since": None,
                 "until": None, "evidence": DEFAULT_EVIDENCE, "weight": "events"}

_HEAD = b'{"summary":{'  # how every answer's JSON starts
# More dyads answered at once than this: every dyad's rows read in two queries first
# (a few tens of milliseconds on a million events, two queries of a dyad's about two)
READ_AHEAD = 20
_NAMES = ("a", "a_name", "b", "b_name")


def is_kept(a: Party, b: Party, *, freq: str, directed: bool, modalities, since, until,
            evidence, weight: str = "events") -> bool:
    """Whether the answer to this question is one ingest keeps (a dyad of two countries or
    organisations, asked `KEPT_QUESTION`)."""
    return (a.country_level and b.country_level and freq == "M" and not directed
            and tuple(modalities) == KEPT_QUESTION["modalities"] and since is None
            and until is None and evidence == DEFAULT_EVIDENCE and weight == "events")


def dyad_key(a: Party, b: Party) -> str:
    """The store's key of the dyad of `a` and `b` (store.schema: DYAD_KEY)."""
    return " ".join(sorted((a.side, b.side)))


def nameless_json(found: DyadSeries) -> bytes:
    """The API's JSON of `found` (`{"summary", "series", "evidence"}`) without the sides'
    codes and names in the summary: `with_names` puts them back."""
    summary = {key: value for key, value in found.summary().items() if key not in _NAMES}
    # From the columns, not the DataFrames: the same values (the equivalence tests
    # check), without pandas, a third of the time of an answer computed.
    return as_json({"summary": summary, "series": column_records(found.table),
                    "evidence": column_records(found.evidence_table)})


def with_names(nameless: bytes, a: Party, b: Party) -> bytes:
    """The answer as sent: `nameless_json`'s with the sides as asked at the head of the
    summary (as `as_json` of the whole answer writes them: json.dumps joins a dict's
    items in order)."""
    names = as_json({"a": a.code, "a_name": a.name, "b": b.code, "b_name": b.name})
    return _HEAD + names[1:-1] + b"," + nameless[len(_HEAD):]


def column_records(table: Columns) -> list[dict]:
    """`records(frame(table))` (relata.api.context) straight from the columns: `values`
    of each column, the values of other than numeric columns as JSON has them (dates as
    ISO, NaN as None, numpy scalars as Python's)."""
    names = list(table)
    columns = []
    for name in names:
        found = values(table[name])
        if table[name].dtype.kind not in "biuf":
            found = [_plain(value) for value in found]
        columns.append(found)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def _plain(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, np.generic):
        return _plain(value.item())
    return value


def as_json(content) -> bytes:
    """JSON as FastAPI's JSONResponse writes it."""
    return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None,
                      separators=(",", ":")).encode("utf-8")


def _parties(key: str) -> tuple[Party, Party] | None:
    """The sides of a dyad key whose answer is kept, in key order; None if either is no
    country or organisation code of relata's lists (its answer is then computed when
    asked). Only codes of the lists: `party` of anything else asks the actor resolver,
    which loads the language models."""
    sides = key.split(" ")
    if len(sides) != 2 or not all(side in codes().names for side in sides):
        return None
    found = tuple(party(side) for side in sides)
    if not all(p.country_level and p.side == side for p, side in zip(found, sides,
                                                                       strict=True)):
        return None
    return found


def answers(store, dyads: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(dyad key, `nameless_json` as text) of the `dyads` (None: every dyad of
    dyad_stories) whose answers are kept, computed from the counts, which must be current.
    Many dyads: every dyad's rows read at once first (series.read_ahead: two queries of
    the whole tables, where each dyad's own are two of its rows)."""
    counted, read = store.counted, store.read_ahead
    store.counted = True  # (the caller knows)
    try:
        if dyads is None:
            dyads = store.arrays("SELECT DISTINCT dyad FROM dyad_stories ORDER BY dyad")[
                "dyad"].tolist()
        dyads = sorted(set(dyads))
        if len(dyads) > READ_AHEAD:
            store.read_ahead = read_ahead(store, KEPT_QUESTION["freq"],
                                          KEPT_QUESTION["modalities"])
        found = []
        for key in dyads:
            sides = _parties(key)
            if sides is not None:
                found.append((key, nameless_json(dyad_series(store, *sides,
                                                             **KEPT_QUESTION)).decode()))
        return found
    finally:
        store.counted, store.read_ahead = counted, read
