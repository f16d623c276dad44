"""A dyad's series from the store: per period, events by quad class, Goldstein, conflict
share, documents and events by modality; and the events themselves as evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ..errors import RelataError
from ..store import Store
from .parties import Party, party
from .trend import Trend, trend

FREQUENCIES = {"D": "day", "W": "week", "M": "month"}
MODALITIES = ("factual", "negated", "intended", "threatened", "predicted", "hypothetical")
QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
DEFAULT_EVIDENCE = 20


@dataclass(frozen=True, slots=True, eq=False)  # DataFrames do not compare to one bool
class DyadSeries:
    a: Party
    b: Party
    freq: str
    directed: bool
    modalities: tuple[str, ...]
    series: pd.DataFrame    # one row a period, empty periods included (zero events)
    evidence: pd.DataFrame  # the latest events of the dyad, oldest first, with their sentence
    trend: Trend            # of the Goldstein sum per period

    @property
    def total_events(self) -> int:
        return int(self.series["events"].sum())

    @property
    def goldstein_total(self) -> float:
        return float(self.series["goldstein_sum"].sum())

    @property
    def conflict_share(self) -> float | None:
        events = int(self.series["events"].sum())
        conflict = int(self.series[["verbal_conflict", "material_conflict"]].sum().sum())
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
            "periods": len(self.series), "events": self.total_events,
            "goldstein_total": round(self.goldstein_total, 3),
            "conflict_share": None if share is None else round(share, 4),
            "character": self.character,
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
        where.append(f"({ab})" if directed else f"(({ab}) OR ({ba}))")
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
) -> DyadSeries:
    """The relations of `a` and `b` per day (`D`), week (`W`) or month (`M`): both ways
    unless `directed` (then a → b only), factual events unless `modalities` says otherwise.
    Sides are codes or names (see `party`). `evidence` caps the events returned, the latest
    kept (None: all)."""
    if freq not in FREQUENCIES:
        raise RelataError(f"unknown frequency {freq!r}: use one of {', '.join(FREQUENCIES)}")
    unknown = sorted(set(modalities) - set(MODALITIES))
    if unknown:
        raise RelataError(f"unknown modality {unknown[0]!r}: use {', '.join(MODALITIES)}")
    a = a if isinstance(a, Party) else party(a)
    b = b if isinstance(b, Party) else party(b)
    where, params = dyad_filter(a, b, directed=directed, modalities=modalities,
                                since=since, until=until)
    series = _series(store, where, params, freq, modalities, since, until)
    return DyadSeries(a, b, freq, directed, tuple(modalities), series,
                      _evidence(store, where, params, evidence),
                      trend(list(series["period"]), series["goldstein_sum"].to_numpy()))


def _series(store: Store, where: str, params: dict, freq: str, modalities: Sequence[str],
            since: dt.date | None, until: dt.date | None) -> pd.DataFrame:
    by_modality = "".join(f", count(*) FILTER (WHERE e.modality = '{m}') AS {m}"
                          for m in modalities)  # names from MODALITIES, checked above
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {i}) AS {name}"
                      for i, name in enumerate(QUADS, 1))
    counted = store.query(
        f"""SELECT CAST(date_trunc('{FREQUENCIES[freq]}', e.date) AS DATE) AS period,
                   count(*) AS events, {quads},
                   coalesce(sum(e.goldstein), 0) AS goldstein_sum,
                   avg(e.goldstein) AS goldstein_mean,
                   count(DISTINCT e.doc_id) AS documents{by_modality}
            FROM dyad_events e WHERE {where} GROUP BY period""", params)
    counted["period"] = pd.to_datetime(counted["period"])
    periods = period_range(counted["period"], freq, since, until)
    frame = counted.set_index("period").reindex(periods)
    counts = [c for c in frame.columns if c != "goldstein_mean"]
    frame[counts] = frame[counts].fillna(0)
    frame = frame.astype({c: "int64" for c in counts if c != "goldstein_sum"})
    frame["conflict_share"] = ((frame["verbal_conflict"] + frame["material_conflict"])
                               / frame["events"].where(frame["events"] > 0))
    columns = ["events", *QUADS, "goldstein_sum", "goldstein_mean", "conflict_share",
               "documents", *modalities]
    frame = frame[columns].rename_axis("period").reset_index()
    frame["period"] = frame["period"].dt.date
    return frame


_PANDAS = {"D": ("D", "D"), "W": ("W-SUN", "W-MON"), "M": ("M", "MS")}  # period, range


def period_range(found: pd.Series, freq: str, since: dt.date | None,
                 until: dt.date | None) -> pd.DatetimeIndex:
    """Every period from the first to the last (or `since` to `until`), as DuckDB's
    date_trunc names them: the day, the Monday of the week, the 1st of the month."""
    if since is None and until is None and found.empty:
        return pd.DatetimeIndex([], name="period")
    first = pd.Timestamp(since) if since else found.min()
    last = pd.Timestamp(until) if until else found.max()
    if pd.isna(first) or pd.isna(last):
        return pd.DatetimeIndex([], name="period")
    period, start = _PANDAS[freq]
    return pd.date_range(first.to_period(period).start_time, last, freq=start, name="period")


def _evidence(store: Store, where: str, params: dict, limit: int | None) -> pd.DataFrame:
    picked = store.query(
        f"""SELECT event_id FROM dyad_events e WHERE {where}
            ORDER BY e.date DESC, e.doc_id DESC, e.event_id DESC LIMIT $limit""",
        {**params, "limit": limit})["event_id"]
    # Then the events and their documents by id: a join would read every document.
    events = store.query(
        f"""SELECT e.date, e.type, e.mode, e.quad_class, e.goldstein, e.modality,
                   e.source_code, e.source_text, e.target_code, e.target_text,
                   e.trigger_text, e.attribution, e.confidence, e.id, e.doc_id,
                   e.sentence_start, e.sentence_end, e.trigger_start
            FROM events e WHERE e.id IN ({_placeholders(picked)})""", _names(picked))
    documents = store.query(
        f"""SELECT id AS doc_id, origin, text FROM documents
            WHERE id IN ({_placeholders(set(events["doc_id"]))})""",
        _names(set(events["doc_id"]))).set_index("doc_id")
    events = events.join(documents, on="doc_id")
    events["sentence"] = [text[start:end] for text, start, end in zip(
        events["text"], events["sentence_start"], events["sentence_end"], strict=True)]
    events = events.sort_values(["date", "origin", "trigger_start"], kind="stable")
    columns = [c for c in events.columns if c not in ("text", "trigger_start",
                                                      "sentence_start", "sentence_end")]
    columns.remove("sentence")
    columns.insert(columns.index("trigger_text") + 1, "sentence")
    return events[columns].reset_index(drop=True)


def _names(values) -> dict[str, str]:
    return {f"v{i}": value for i, value in enumerate(sorted(values))}


def _placeholders(values) -> str:
    return ", ".join(f"${name}" for name in _names(values)) or "NULL"
