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
from ..store.schema import COUNTED, GOLDSTEIN, LATEST_STORIES, UNITS
from ..stories import WEIGHTS, reports_sql
from ..vocabulary import MODALITIES
from .columns import Columns, as_dates, frame, length, take
from .parties import Party, party
from .trend import Trend, trend

if TYPE_CHECKING:
    import pandas as pd

FREQUENCIES = UNITS  # freq → DuckDB's date_trunc part
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
    # Both ways between two countries (or organisations), each story once: the dashboard's
    # question, read from the counts per period that ingest keeps, if they are current.
    counts = (_counted(store, params["dyad"], freq, modalities, since, until, evidence)
              if not directed and a.country_level and b.country_level and weight == "events"
              else None)
    if counts is not None:
        found = counts.periods if whole_periods(since, until, freq) else _scanned(
            store, where, params, freq, modalities, weight)
        events = (_latest(store, params, evidence, freq) if counts.latest
                  else _evidence(store, where, params, evidence, counts.cutoff))
        undated = counts.undated
    else:
        found = _scanned(store, where, params, freq, modalities, weight)
        events = _evidence(store, where, params, evidence, first_reports=False)
        undated = _undated(store, a, b, directed, modalities)
    table = _table(found, freq, modalities, since, until)
    return DyadSeries(a, b, freq, directed, tuple(modalities), table, events,
                      trend(table["period"].tolist(), table["goldstein_sum"]), undated,
                      weight)


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


def _scanned(store: Store, where: str, params: dict, freq: str, modalities: Sequence[str],
             weight: str = "events") -> Columns:
    """The series' figures per period with events, from the dyad's events."""
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
    # Goldstein sums in millionths (store.schema.GOLDSTEIN): exact, the same whatever
    # order DuckDB adds them in, and the same as the counted periods' (`_counted`).
    return store.arrays(
        f"""WITH picked AS (SELECT * FROM dyad_events e WHERE {where}),
            stories AS (
                SELECT e.story_id, {_FIRST.format('date')}, {_FIRST.format('quad_class')},
                       {_FIRST.format('goldstein')}, {_FIRST.format('modality')}
                FROM picked e GROUP BY e.story_id),
            weighed AS (SELECT s.*, {_WEIGHT[weight]} AS w,
                               {GOLDSTEIN.format('s.goldstein')} AS g
                        FROM stories s {reports}),
            documents AS (
                SELECT CAST(date_trunc('{unit}', date) AS DATE) AS period,
                       count(DISTINCT doc_id) AS documents
                FROM picked GROUP BY period)
            SELECT CAST(date_trunc('{unit}', s.date) AS DATE) AS period,
                   sum(w)::BIGINT AS events, {quads},
                   coalesce(sum(w * g), 0)::BIGINT AS goldstein_sum,
                   coalesce(sum(w) FILTER (WHERE g IS NOT NULL), 0)::BIGINT
                       AS goldstein_count,
                   any_value(d.documents) AS documents{by_modality}
            FROM weighed s JOIN documents d
                ON d.period = CAST(date_trunc('{unit}', s.date) AS DATE)
            GROUP BY 1""", params)


def whole_periods(since: dt.date | None, until: dt.date | None, freq: str) -> bool:
    """Whether the window is made of whole periods: the counted periods' figures are then
    the window's."""
    return ((since is None or period_start(since, freq) == since)
            and (until is None or until == dt.date.max
                 or period_start(until + dt.timedelta(days=1), freq)
                 == until + dt.timedelta(days=1)))


@dataclass(frozen=True, eq=False)
class _Counts:
    periods: Columns          # `_scanned`'s columns, for a window of whole periods
    cutoff: dt.date | None    # the latest day from which on there are `evidence` stories
    undated: int              # stories without a date
    latest: bool = False      # the evidence is read from the latest stories kept


def _from_latest(since: dt.date | None, until: dt.date | None, evidence: int | None) -> bool:
    """Whether the evidence asked for is among the latest stories kept of each modality
    (store.schema: dyad_latest): over the whole time, at most as many as are kept."""
    return since is None and until is None and evidence is not None \
        and evidence <= LATEST_STORIES


# What `_counted` reads of one dyad (`which`: dyad = $dyad) or of every dyad at once
# (`dyad`: the dyad's column first; `which`: true); `days`: which days' rows
_COUNT_ROWS = """SELECT {dyad}unit, period, modality, quad_class, stories, goldstein_sum,
           goldstein_count
    FROM dyad_stories WHERE {which} AND (unit = $unit OR {days})
      AND list_contains($modalities, modality)
    UNION ALL
    SELECT {dyad}'documents', period, NULL, NULL, documents, NULL, NULL
    FROM dyad_documents
    WHERE {which} AND unit = $unit AND modalities & $bits <> 0
    """


def _count_params(dyad: str | None, freq: str, modalities: Sequence[str]) -> dict:
    return {**({} if dyad is None else {"dyad": dyad}), "unit": freq,
            "modalities": list(modalities),
            "bits": sum(1 << MODALITIES.index(m) for m in set(modalities))}


@dataclass(frozen=True, eq=False)
class ReadAhead:
    """What the counted series (`_counted`) and the latest stories (`_latest`) of every
    country dyad read, both ways over the whole time, read for all of them at once
    (`read_ahead`): the rows of each dyad, as its own queries would give them. The server
    reads them before it warms the busiest dyads (relata.api.warm): each of the two
    queries of a dyad's answer costs it a millisecond or two, whatever the rows, and its
    answer from these rows a millisecond or two in all."""

    freq: str
    modalities: tuple[str, ...]
    counts: dict[str, Columns]  # dyad key (`AZE RUS`) → `_COUNT_ROWS`' columns
    latest: dict[str, Columns]  # dyad key → `_LATEST_ROWS`' columns


def read_ahead(store: Store, freq: str, modalities: Sequence[str]) -> ReadAhead | None:
    """The rows of every dyad that a country dyad's series both ways over the whole
    time, with evidence of at most LATEST_STORIES, reads, in two queries; None unless the
    counts are known to be current (`Store.counted`). Set it as the store's `read_ahead`
    for `dyad_series` to take a dyad's rows from it (tests/test_relations_counted.py
    checks that the answers are the same). Every dyad: a query for a list of dyads reads
    the whole tables anyway (they cannot skip row groups for a list of keys), a few tens
    of milliseconds on a million events."""
    if not store.counted:
        return None
    counts = store.arrays(
        _COUNT_ROWS.format(dyad="dyad, ", which="true", days="unit = 'D' AND period IS NULL")
        + "ORDER BY dyad", _count_params(None, freq, modalities))
    latest = store.arrays(_LATEST_ROWS.format(dyad="dyad, ", which="true") + " ORDER BY dyad",
                          {"modalities": list(modalities)})
    return ReadAhead(freq, tuple(modalities), _by_dyad(counts), _by_dyad(latest))


def _by_dyad(columns: Columns) -> dict[str, Columns]:
    """Columns in dyad order, split by dyad (without the dyad's column)."""
    key = np.asarray(columns.pop("dyad"), dtype=object)
    if not len(key):
        return {}
    starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    ends = [*starts[1:].tolist(), len(key)]
    return {key[start]: {name: array[start:end] for name, array in columns.items()}
            for start, end in zip(starts.tolist(), ends, strict=True)}


def _read_ahead(store: Store, freq: str, modalities: Sequence[str]) -> ReadAhead | None:
    """The store's rows read ahead, if they are for this question."""
    read = store.read_ahead
    if (read is None or not store.counted or read.freq != freq
            or read.modalities != tuple(modalities)):
        return None
    return read


def _counted(store: Store, dyad: str, freq: str, modalities: Sequence[str],
             since: dt.date | None, until: dt.date | None,
             evidence: int | None) -> _Counts | None:
    """What a country dyad's series counts, both ways, each story once, from the counts
    per period that ingest keeps (store.schema: dyad_stories, dyad_documents): the figures
    `_scanned` finds (tests/test_relations_counted.py checks) from a few hundred rows; and
    the day from which on its latest `evidence` stories are, and its undated stories.
    None if the counts are not current (`Store.dyads_counted`). One query: each costs a
    cold answer about a millisecond of planning, more than the rows take."""
    # the days only for the evidence's cutoff, unless the latest stories kept are the
    # evidence; the undated stories from the days' rows either way
    latest = _from_latest(since, until, evidence)
    days = "unit = 'D' AND period IS NULL" if latest else "unit = 'D'"
    if store.counted is False:
        return None
    read = _read_ahead(store, freq, modalities) if latest else None
    if read is not None and dyad in read.counts:
        rows = read.counts[dyad]
    else:
        # whether the counts are current, unless the store knows: each table a query
        # reads costs it about half a millisecond, whatever the rows
        current = ("" if store.counted else "UNION ALL SELECT 'current', NULL, NULL, NULL, "
                   f"({COUNTED})::BIGINT, NULL, NULL")
        rows = store.arrays(_COUNT_ROWS.format(dyad="", which="dyad = $dyad", days=days)
                            + current, _count_params(dyad, freq, modalities))
    unit = np.asarray(rows["unit"], dtype=object)
    stories = np.ma.getdata(rows["stories"]).astype(np.int64)
    if not stories[unit == "current"].all():
        return None
    dated = ~np.ma.getmaskarray(rows["period"])
    day = np.ma.getdata(rows["period"]).astype("datetime64[D]")
    inside = dated.copy()
    if since is not None:
        inside &= day >= np.datetime64(since)
    if until is not None:
        inside &= day <= np.datetime64(until)
    mine, daily = inside & (unit == freq), inside & (unit == "D")
    periods, at = np.unique(day[mine], return_inverse=True)

    def total(values: np.ndarray, where: np.ndarray | None = None) -> np.ndarray:
        out = np.zeros(len(periods), dtype=np.int64)  # integers: exact sums
        np.add.at(out, at, (values if where is None else values * where)[mine])
        return out

    found: Columns = {"period": periods, "events": total(stories)}
    quads = np.ma.getdata(rows["quad_class"])
    for i, name in enumerate(QUADS, 1):
        found[name] = total(stories, quads == i)
    for name in ("goldstein_sum", "goldstein_count"):
        found[name] = total(np.ma.getdata(rows[name]).astype(np.int64))
    # the documents of the sets of modalities that hold one asked for (store.schema)
    documents = inside & (unit == "documents")
    found["documents"] = np.zeros(len(periods), dtype=np.int64)
    np.add.at(found["documents"], np.searchsorted(periods, day[documents]), stories[documents])
    modality = np.asarray(rows["modality"], dtype=object)
    for m in modalities:
        found[m] = total(stories, modality == m)
    return _Counts(found, None if latest else _cutoff(day[daily], stories[daily], evidence),
                   int(stories[~dated & (unit == "D")].sum()), latest)


def _cutoff(days: np.ndarray, stories: np.ndarray, limit: int | None) -> dt.date | None:
    """The latest day from which on there are `limit` stories (None: fewer, or no limit):
    the evidence, the latest stories, is read from those days only."""
    if limit is None or not len(days):
        return None
    ordered, at = np.unique(days, return_inverse=True)
    per_day = np.zeros(len(ordered), dtype=np.int64)
    np.add.at(per_day, at, stories)
    from_day = np.cumsum(per_day[::-1])[::-1]  # the stories of each day and of those after
    enough = np.flatnonzero(from_day >= limit)
    return as_dates(ordered[enough[-1:]])[0] if len(enough) else None


def _table(counted: Columns, freq: str, modalities: Sequence[str], since: dt.date | None,
           until: dt.date | None) -> Columns:
    """The series from the figures of the periods with events: every period of the window,
    the empty ones with no events."""
    found = as_dates(counted.pop("period"))
    periods = period_range(found, freq, since, until)
    # Each period found to its row; every period found is in the range, which starts at
    # the period of the first date (or of `since`) and steps as date_trunc does.
    where_in = {period: row for row, period in enumerate(periods)}
    rows = np.array([where_in[p] for p in found], dtype=np.int64)
    n = len(periods)
    table: Columns = {"period": np.array(periods, dtype=object)}
    for name, found_values in counted.items():  # counts: zero in empty periods
        table[name] = np.zeros(n, dtype=np.int64)
        table[name][rows] = found_values
    # The Goldstein sums were counted in millionths: both ways of counting give the same
    # integers, and these the same floats.
    table["goldstein_sum"] = table["goldstein_sum"] / 1e6
    scored = table.pop("goldstein_count")
    table["goldstein_mean"] = np.divide(table["goldstein_sum"], scored,
                                        out=np.full(n, np.nan), where=scored > 0)
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


_SHOWN = ("date", "type", "mode", "quad_class", "goldstein", "modality", "source_code",
          "source_text", "target_code", "target_text", "trigger_text", "attribution",
          "confidence", "event_id", "doc_id", "sentence_start", "sentence_end",
          "trigger_start")


# What `_latest` reads of one dyad or several (see `_COUNT_ROWS`)
_LATEST_ROWS = (f"SELECT {{dyad}}{', '.join(_SHOWN)}, sentence, origin FROM dyad_latest "
                "WHERE {which} AND list_contains($modalities, modality)")


def _evidence(store: Store, where: str, params: dict, limit: int | None,
              cutoff: dt.date | None = None, *, first_reports: bool = True) -> Columns:
    """The latest `limit` stories, each by its first report picked, with its sentence.
    `first_reports`: the dyad's filter picks every report of a story or none (a country
    dyad both ways: the reports share the dyad, day and modality), so the story's own first
    report (`event_id = story_id`) is the one. `cutoff`: a day from which on there are at
    least `limit` stories (`_cutoff`), the only days read."""
    if cutoff is not None:
        where, params = f"{where} AND e.date >= $cutoff", {**params, "cutoff": cutoff}
    if first_reports:
        # The latest first, as below, in Python: the days from `cutoff` on hold a few
        # more rows than `limit`, and DuckDB's ORDER BY … LIMIT read them twice.
        events = _latest_first(store.arrays(
            f"SELECT {', '.join(_SHOWN)} FROM dyad_events e "
            f"WHERE {where} AND e.event_id = e.story_id", params), limit)
    else:  # all from the first report's row: arg_min would take a NULL from another's
        first = ", ".join(_FIRST.replace("arg_min", "arg_min_null").format(name)
                          for name in _SHOWN)
        events = store.arrays(
            f"""SELECT {first} FROM dyad_events e WHERE {where} GROUP BY e.story_id
                ORDER BY date DESC, doc_id DESC, event_id DESC LIMIT $limit""",
            {**params, "limit": limit})
    # Then the documents by id: a join would read every document.
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
    return _shown(events, sentences, origins)


def _latest(store: Store, params: dict, limit: int, freq: str) -> Columns:
    """`_evidence` of a country dyad both ways over the whole time, `limit` at most
    LATEST_STORIES: the latest of the stories kept of each modality asked
    (store.schema: dyad_latest), with their sentences and origins. One small read."""
    read = _read_ahead(store, freq, params["modalities"])
    if read is not None and params["dyad"] in read.latest:
        found = dict(read.latest[params["dyad"]])  # (`_shown` pops and adds columns)
    else:
        found = store.arrays(_LATEST_ROWS.format(dyad="", which="dyad = $dyad"),
                             {"dyad": params["dyad"], "modalities": params["modalities"]})
    events = _latest_first(found, limit)
    return _shown(events, events.pop("sentence").tolist(), events.pop("origin").tolist())


def _latest_first(events: Columns, limit: int | None) -> Columns:
    """The latest `limit` events, latest first: by date, document and id."""
    keys = list(zip(*(events[name].tolist() for name in ("date", "doc_id", "event_id")),
                    strict=True))  # (UTF-8 sorts as its code points: as DuckDB does)
    latest = sorted(range(len(keys)), key=keys.__getitem__, reverse=True)[:limit]
    return take(events, np.array(latest, dtype=np.int64))


def _shown(events: Columns, sentences: list[str], origins: list[str]) -> Columns:
    """The evidence as shown, from its events' columns (`_SHOWN`) and their sentences and
    documents' origins: oldest first."""
    events["id"] = events.pop("event_id")
    doc_ids = events["doc_id"].tolist()
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
