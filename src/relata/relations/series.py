"""A dyad's series from the store: per period, events by quad class, Goldstein, conflict
share, documents and events by modality; and the events themselves as evidence.

They are computed over numpy arrays (`columns`) and become DataFrames only when asked for
(`DyadSeries.series`, `.evidence`): the `relata dyad` command prints the arrays and does
not import pandas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from ..errors import RelataError
from ..store import Store
from ..stories import WEIGHTS, reports_sql
from ..vocabulary import MODALITIES
from .columns import Columns, as_dates, frame, length, take
from .parties import Party, party
from .trend import Trend, trend

if TYPE_CHECKING:
    import pandas as pd

FREQUENCIES = {"D": "day", "W": "week", "M": "month"}
QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
DEFAULT_EVIDENCE = 20
# The trend's tests cost the square of the periods in time: eleven years of days, 76 of
# weeks, 333 of months. A dyad of that many days takes about a quarter of a second.
MAX_PERIODS = 4000


class TooManyPeriodsError(RelataError):
    """A window with more periods than MAX_PERIODS at the frequency asked."""

    field = "freq"


@dataclass(frozen=True, eq=False)  # arrays do not compare to one bool
class DyadSeries:
    a: Party
    b: Party
    freq: str
    directed: bool
    modalities: tuple[str, ...]
    table: Columns           # the series: one row a period, empty periods included
    evidence_table: Columns  # the latest events of the dyad, oldest first, with their sentence
    trend: Trend             # of the Goldstein sum per period
    undated: int = 0         # the dyad's events left out for having no date
    weight: str = "events"   # what an event weighs: once, or its articles or sources

    # cached_property writes into the instance's __dict__, which a frozen dataclass allows
    # (and slots would not have): the DataFrames are built once, on first use.
    @cached_property
    def series(self) -> pd.DataFrame:
        """The series as a DataFrame, one row a period (zero events in empty periods)."""
        return frame(self.table)

    @cached_property
    def evidence(self) -> pd.DataFrame:
        """The evidence events as a DataFrame, oldest first."""
        return frame(self.evidence_table)

    @property
    def total_events(self) -> int:
        return int(self.table["events"].sum())

    @property
    def goldstein_total(self) -> float:
        return float(self.table["goldstein_sum"].sum())

    @property
    def conflict_share(self) -> float | None:
        events = self.total_events
        conflict = int(self.table["verbal_conflict"].sum() + self.table["material_conflict"].sum())
        return conflict / events if events else None

    @property
    def character(self) -> str:
        """conflictual, cooperative or neutral, by the sign of the Goldstein total."""
        if not self.total_events:
            return "no events"
        total = self.goldstein_total
        return "conflictual" if total < 0 else "cooperative" if total > 0 else "neutral"

    def summary(self) -> dict:
        """The figures of the whole window, and the trend, as plain values (for JSON)."""
        share = self.conflict_share
        t = self.trend
        return {
            "a": self.a.code, "a_name": self.a.name, "b": self.b.code, "b_name": self.b.name,
            "freq": self.freq, "directed": self.directed, "modalities": list(self.modalities),
            "periods": length(self.table), "events": self.total_events,
            "goldstein_total": round(self.goldstein_total, 3),
            "conflict_share": None if share is None else round(share, 4),
            "character": self.character, "undated_events": self.undated,
            "weight": self.weight,
            "trend": {"verdict": t.verdict, "line": t.line(), "slope": t.slope,
                      "change": t.change, "mann_kendall_s": t.s, "p_value": t.p_value,
                      "confidence": t.confidence,
                      "change_points": [{"date": c.date.isoformat(), "before": c.before,
                                         "after": c.after} for c in t.change_points]},
        }


def _side(column: str, p: str) -> str:
    # An actor code (`RUSMIL`), or at the country level any actor of that country; an
    # organisation has no country and is matched by its code.
    return f"({column}_code = ${p} OR (${p}_country AND {column}_country = ${p}))"


def dyad_filter(
    a: Party, b: Party, *, directed: bool, modalities: Sequence[str],
    since: dt.date | None, until: dt.date | None,
) -> tuple[str, dict]:
    """The WHERE clause of the dyad's events, and its parameters. The dyad key alone is the
    whole test for two countries both ways, the usual question; it is the fast one."""
    where = ["e.dyad = $dyad", "e.date IS NOT NULL", "list_contains($modalities, e.modality)"]
    params: dict = {"dyad": " ".join(sorted((a.side, b.side))),  # as the store's DYAD_KEY
                    "modalities": list(modalities)}
    if since:
        where.append("e.date >= $since")
        params["since"] = since
    if until:
        where.append("e.date <= $until")
        params["until"] = until
    if directed or not (a.country_level and b.country_level):
        ab = f"{_side('source', 'a')} AND {_side('target', 'b')}"
        ba = f"{_side('source', 'b')} AND {_side('target', 'a')}"
        # a mutual act is each side's act: it counts in either direction
        where.append(f"(({ab}) OR e.mutual AND ({ba}))" if directed else f"(({ab}) OR ({ba}))")
        params.update(a=a.code, b=b.code, a_country=a.country_level,
                      b_country=b.country_level)
    return " AND ".join(where), params


def dyad_series(
    store: Store,
    a: str | Party,
    b: str | Party,
    *,
    freq: str = "M",
    directed: bool = False,
    modalities: Sequence[str] = ("factual",),
    since: dt.date | None = None,
    until: dt.date | None = None,
    evidence: int | None = DEFAULT_EVIDENCE,
    weight: str = "events",
) -> DyadSeries:
    """The relations of `a` and `b` per day (`D`), week (`W`) or month (`M`): both ways
    unless `directed` (then a → b only), factual events unless `modalities` says otherwise.
    Sides are codes or names (see `party`). `evidence` caps the events returned, the latest
    kept (None: all). An event that several articles report is one event (a story,
    relata.stories); `weight`: `events` counts it once, `articles` as many times as
    articles report it (GDELT's NumArticles), `sources` as many as outlets do
    (NumSources) — in the counts and the Goldstein sum and mean alike."""
    if weight not in WEIGHTS:
        raise RelataError(f"unknown weight {weight!r}: use one of {', '.join(WEIGHTS)}")
    if freq not in FREQUENCIES:
        raise RelataError(f"unknown frequency {freq!r}: use one of {', '.join(FREQUENCIES)}")
    unknown = sorted(set(modalities) - set(MODALITIES))
    if unknown:
        raise RelataError(f"unknown modality {unknown[0]!r}: use {', '.join(MODALITIES)}")
    check_window(since, until, freq)  # before the query, when the window is given
    a = a if isinstance(a, Party) else party(a)
    b = b if isinstance(b, Party) else party(b)
    where, params = dyad_filter(a, b, directed=directed, modalities=modalities,
                                since=since, until=until)
    table = _series(store, where, params, freq, modalities, since, until, weight)
    return DyadSeries(a, b, freq, directed, tuple(modalities), table,
                      _evidence(store, where, params, evidence),
                      trend(table["period"].tolist(), table["goldstein_sum"]),
                      _undated(store, a, b, directed, modalities), weight)


def _undated(store: Store, a: Party, b: Party, directed: bool,
             modalities: Sequence[str]) -> int:
    """How many of the dyad's events have no date (their documents had none): a series
    cannot place them, and the analyst should know they exist."""
    where, params = dyad_filter(a, b, directed=directed, modalities=modalities,
                                since=None, until=None)
    where = where.replace("e.date IS NOT NULL", "e.date IS NULL")
    return int(store.arrays(
        f"SELECT count(DISTINCT story_id) AS n FROM dyad_events e WHERE {where}",
        params)["n"][0])


# A story's figures are its first report's (relata.stories): of the reports a dyad's filter
# picks, the story's own first event if picked, else the earliest picked.
_FIRST = "arg_min({0}, (e.event_id <> e.story_id)::INT || e.event_id) AS {0}"
# What a story weighs in the series (stories.WEIGHTS), as SQL
_WEIGHT = {"events": "1", "articles": "r.articles", "sources": "r.sources"}


def _series(store: Store, where: str, params: dict, freq: str, modalities: Sequence[str],
            since: dt.date | None, until: dt.date | None, weight: str = "events") -> Columns:
    by_modality = "".join(f", coalesce(sum(w) FILTER (WHERE s.modality = '{m}'), 0)::BIGINT "
                          f"AS {m}"
                          for m in modalities)  # names from MODALITIES, checked above
    quads = ", ".join(f"coalesce(sum(w) FILTER (WHERE s.quad_class = {i}), 0)::BIGINT AS {name}"
                      for i, name in enumerate(QUADS, 1))
    unit = FREQUENCIES[freq]
    reports = ""
    if weight != "events":  # the reports of each story picked, in and out of the dyad's
        reports = f"""LEFT JOIN ({reports_sql(
            "SELECT story_id, id AS event_id, doc_id FROM events "
            "WHERE story_id IN (SELECT story_id FROM stories)")}) r USING (story_id)"""
    counted = store.arrays(
        f"""WITH picked AS (SELECT * FROM dyad_events e WHERE {where}),
            stories AS (
                SELECT e.story_id, {_FIRST.format('date')}, {_FIRST.format('quad_class')},
                       {_FIRST.format('goldstein')}, {_FIRST.format('modality')}
                FROM picked e GROUP BY e.story_id),
            weighed AS (SELECT s.*, {_WEIGHT[weight]} AS w FROM stories s {reports}),
            documents AS (
                SELECT CAST(date_trunc('{unit}', date) AS DATE) AS period,
                       count(DISTINCT doc_id) AS documents
                FROM picked GROUP BY period)
            SELECT CAST(date_trunc('{unit}', s.date) AS DATE) AS period,
                   sum(w)::BIGINT AS events, {quads},
                   coalesce(sum(w * s.goldstein), 0)::DOUBLE AS goldstein_sum,
                   (sum(w * s.goldstein) / sum(w) FILTER (WHERE s.goldstein IS NOT NULL))
                       ::DOUBLE AS goldstein_mean,
                   any_value(d.documents) AS documents{by_modality}
            FROM weighed s JOIN documents d
                ON d.period = CAST(date_trunc('{unit}', s.date) AS DATE)
            GROUP BY 1""", params)
    found = as_dates(counted.pop("period"))
    periods = period_range(found, freq, since, until)
    # Each period found to its row; every period found is in the range, which starts at
    # the period of the first date (or of `since`) and steps as date_trunc does.
    where_in = {period: row for row, period in enumerate(periods)}
    rows = np.array([where_in[p] for p in found], dtype=np.int64)
    n = len(periods)
    table: Columns = {"period": np.array(periods, dtype=object)}
    for name, found_values in counted.items():
        if name == "goldstein_mean":  # no events, no mean
            column = np.full(n, np.nan)
            column[rows] = np.ma.filled(found_values.astype(float), np.nan)
        else:  # counts (and the Goldstein sum): zero in empty periods
            column = np.zeros(n, dtype=float if name == "goldstein_sum" else np.int64)
            column[rows] = found_values
        table[name] = column
    conflict = table["verbal_conflict"] + table["material_conflict"]
    table["conflict_share"] = np.divide(conflict, table["events"], out=np.full(n, np.nan),
                                        where=table["events"] > 0)
    columns = ["period", "events", *QUADS, "goldstein_sum", "goldstein_mean",
               "conflict_share", "documents", *modalities]
    return {name: table[name] for name in columns}


_STEP = {"D": dt.timedelta(days=1), "W": dt.timedelta(weeks=1)}


def period_start(day: dt.date, freq: str) -> dt.date:
    """The period `day` is in, as DuckDB's date_trunc names it: the day, the Monday of its
    week, the 1st of its month."""
    if freq == "D":
        return day
    if freq == "W":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def period_count(first: dt.date, last: dt.date, freq: str) -> int:
    """How many periods there are from the one of `first` to the one of `last`."""
    first, last = period_start(first, freq), period_start(last, freq)
    if last < first:
        return 0
    if freq == "M":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return (last - first) // _STEP[freq] + 1


def check_window(first: dt.date | None, last: dt.date | None, freq: str) -> None:
    """Refuse a window of more than MAX_PERIODS periods, naming the coarser frequency
    that would fit (a window open at one end is checked once the data closes it)."""
    if first is None or last is None:
        return
    count = period_count(first, last, freq)
    if count <= MAX_PERIODS:
        return
    coarser = [(f, n) for f in list(FREQUENCIES)[list(FREQUENCIES).index(freq) + 1:]
               if (n := period_count(first, last, f)) <= MAX_PERIODS]
    hint = (f"use a coarser freq ({coarser[0][0]}: {coarser[0][1]:,} "
            f"{FREQUENCIES[coarser[0][0]]}s) or a shorter window" if coarser
            else "use a shorter window")
    raise TooManyPeriodsError(
        f"{first} … {last} is {count:,} {FREQUENCIES[freq]}s, over the limit of "
        f"{MAX_PERIODS:,} periods: {hint}")


def period_range(found: Sequence[dt.date], freq: str, since: dt.date | None,
                 until: dt.date | None) -> list[dt.date]:
    """Every period from the first found to the last (or `since` to `until`); more than
    MAX_PERIODS is a TooManyPeriodsError."""
    first = since or (min(found) if found else None)
    last = until or (max(found) if found else None)
    if first is None or last is None:
        return []
    check_window(first, last, freq)
    periods = []
    period = period_start(first, freq)
    while period <= last:
        periods.append(period)
        if freq == "M":
            period = (period.replace(year=period.year + 1, month=1) if period.month == 12
                      else period.replace(month=period.month + 1))
        else:
            period += _STEP[freq]
    return periods


def _evidence(store: Store, where: str, params: dict, limit: int | None) -> Columns:
    picked = store.arrays(  # a story's first report picked: one row a story
        f"""SELECT {_FIRST.format('event_id')}, {_FIRST.format('doc_id')},
                   {_FIRST.format('date')}
            FROM dyad_events e WHERE {where} GROUP BY e.story_id
            ORDER BY date DESC, doc_id DESC, event_id DESC LIMIT $limit""",
        {**params, "limit": limit})["event_id"].tolist()
    # Then the events and their documents by id: a join would read every document.
    events = store.arrays(
        f"""SELECT e.date, e.type, e.mode, e.quad_class, e.goldstein, e.modality,
                   e.source_code, e.source_text, e.target_code, e.target_text,
                   e.trigger_text, e.attribution, e.confidence, e.id, e.doc_id,
                   e.sentence_start, e.sentence_end, e.trigger_start
            FROM events e WHERE e.id IN ({_placeholders(picked)})""", _names(picked))
    doc_ids = events["doc_id"].tolist()
    found = store.arrays(
        f"""SELECT id, origin, text FROM documents
            WHERE id IN ({_placeholders(set(doc_ids))})""", _names(set(doc_ids)))
    documents = dict(zip(found["id"].tolist(),
                         zip(found["origin"].tolist(), found["text"].tolist(), strict=True),
                         strict=True))
    origins = [documents[d][0] for d in doc_ids]
    sentences = [documents[d][1][start:end] for d, start, end in zip(
        doc_ids, events["sentence_start"].tolist(), events["sentence_end"].tolist(),
        strict=True)]
    # (no events: a column of floats, as pandas made it when this was a DataFrame's)
    events["sentence"] = np.array(sentences, dtype=object if sentences else float)
    events["origin"] = np.array(origins, dtype=object)
    # oldest first; events of one day by document, then in the order of the text
    dates, starts = events["date"].tolist(), events["trigger_start"].tolist()
    order = sorted(range(len(doc_ids)), key=lambda i: (dates[i], origins[i], starts[i]))
    columns = ["date", "type", "mode", "quad_class", "goldstein", "modality", "source_code",
               "source_text", "target_code", "target_text", "trigger_text", "sentence",
               "attribution", "confidence", "id", "doc_id", "origin"]
    return take({name: events[name] for name in columns}, np.array(order, dtype=np.int64))


def _names(values) -> dict[str, str]:
    return {f"v{i}": value for i, value in enumerate(sorted(values))}


def _placeholders(values) -> str:
    return ", ".join(f"${name}" for name in _names(values)) or "NULL"
