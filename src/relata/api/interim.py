"""INTERIM: a dyad's series and the trends ranking for the API while `relata.relations` (issue
5, branch issue5-dyads) is not merged. It gives the same JSON shapes as the adapter gives
from the library (see relations.py), with a minimal query over `events` and a small trend:
Theil–Sen slope, Mann–Kendall test (ties corrected, normal approximation), change points by
binary segmentation on least squares with a BIC-like penalty. Delete this module when the
relations module is merged: nothing else imports it."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import RelataError
from ..store import Store
from .context import records

UNITS = {"D": "day", "W": "week", "M": "month"}
QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
ALPHA, MIN_PERIODS, MIN_SEGMENT = 0.05, 4, 2
_SIDE = "(e.{0}_code = ${1} OR e.{0}_country = ${1})"  # a code, or any actor of a country


def _trend(values: np.ndarray) -> dict:
    n = len(values)
    if n < 2:
        return {"slope": 0.0, "change": 0.0, "s": 0, "p": 1.0, "verdict": "too short"}
    i, j = np.triu_indices(n, k=1)
    slope = float(np.median((values[j] - values[i]) / (j - i)))
    s = int(np.sign(values[j] - values[i]).sum())
    _, ties = np.unique(values, return_counts=True)
    variance = (n * (n - 1) * (2 * n + 5) - (ties * (ties - 1) * (2 * ties + 5)).sum()) / 18
    p = math.erfc(abs(s / math.sqrt(variance)) / math.sqrt(2)) if variance > 0 else 1.0
    verdict = "too short" if n < MIN_PERIODS else \
        ("improving" if s > 0 else "deteriorating") if p < ALPHA and s else "stable"
    return {"slope": slope, "change": slope * (n - 1), "s": s, "p": p, "verdict": verdict}


def _line(t: dict, n: int) -> str:
    if t["verdict"] == "too short":
        return f"too short to tell: {n} period(s), the test needs {MIN_PERIODS}"
    test = f"Theil–Sen slope {t['slope']:+.3g} per period, Mann–Kendall p = {t['p']:.3g}"
    if t["verdict"] == "stable":
        return f"stable: no significant trend ({test})"
    return f"{t['verdict']} (confidence {1 - t['p']:.1%}; {test})"


def _splits(values: np.ndarray, start: int, end: int, penalty: float) -> list[int]:
    """Where the mean shifts, by recursive best split while the fit gains over `penalty`."""
    segment = values[start:end]
    if len(segment) < 2 * MIN_SEGMENT:
        return []
    whole = ((segment - segment.mean()) ** 2).sum()
    best, at = 0.0, None
    for k in range(MIN_SEGMENT, len(segment) - MIN_SEGMENT + 1):
        left, right = segment[:k], segment[k:]
        gain = whole - ((left - left.mean()) ** 2).sum() - ((right - right.mean()) ** 2).sum()
        if gain > best:
            best, at = gain, start + k
    if at is None or best <= penalty:
        return []
    return [*_splits(values, start, at, penalty), at, *_splits(values, at, end, penalty)]


def _change_points(dates: Sequence[dt.date], values: np.ndarray) -> list[dict]:
    n = len(values)
    if n < 2 * MIN_SEGMENT + 1:
        return []
    diffs = np.diff(values)
    sigma = 1.4826 * float(np.median(np.abs(diffs - np.median(diffs)))) / math.sqrt(2) \
        or float(diffs.std() / math.sqrt(2))
    if sigma == 0:
        return []
    bounds = [0, *_splits(values, 0, n, 3 * sigma**2 * math.log(n)), n]
    return [{"date": dates[b].isoformat(), "before": float(values[a:b].mean()),
             "after": float(values[b:c].mean())} for a, b, c in zip(bounds, bounds[1:-1],
                                                                     bounds[2:], strict=False)]


def _periods(found: pd.Series, freq: str, since, until) -> pd.DatetimeIndex:
    if found.empty and not (since and until):
        return pd.DatetimeIndex([])
    first = pd.Timestamp(since) if since else found.min()
    last = pd.Timestamp(until) if until else found.max()
    period, start = {"D": ("D", "D"), "W": ("W-SUN", "W-MON"), "M": ("M", "MS")}[freq]
    return pd.date_range(first.to_period(period).start_time, last, freq=start)


def dyad(store: Store, a: str, b: str, *, freq: str, directed: bool,
         modalities: Sequence[str], since: dt.date | None, until: dt.date | None,
         evidence: int | None) -> dict:
    if freq not in UNITS:
        raise RelataError(f"unknown frequency {freq!r}: use one of {', '.join(UNITS)}")
    ab = f"{_SIDE.format('source', 'a')} AND {_SIDE.format('target', 'b')}"
    ba = f"{_SIDE.format('source', 'b')} AND {_SIDE.format('target', 'a')}"
    where = (f"({ab})" if directed else f"(({ab}) OR ({ba}))") + \
        " AND e.date IS NOT NULL AND list_contains($modalities, e.modality)" \
        " AND ($since IS NULL OR e.date >= $since) AND ($until IS NULL OR e.date <= $until)"
    params = {"a": a, "b": b, "modalities": list(modalities), "since": since, "until": until}
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {i}) AS {q}"
                      for i, q in enumerate(QUADS, 1))
    counted = store.query(
        f"""SELECT CAST(date_trunc('{UNITS[freq]}', e.date) AS DATE) AS period,
                   count(*) AS events, {quads}, coalesce(sum(e.goldstein), 0) AS goldstein_sum,
                   avg(e.goldstein) AS goldstein_mean, count(DISTINCT e.doc_id) AS documents
            FROM events e WHERE {where} GROUP BY period""", params)
    counted["period"] = pd.to_datetime(counted["period"])
    frame = counted.set_index("period").reindex(_periods(counted["period"], freq, since, until))
    counts = ["events", *QUADS, "documents"]
    frame[[*counts, "goldstein_sum"]] = frame[[*counts, "goldstein_sum"]].fillna(0)
    frame = frame.astype({c: "int64" for c in counts})
    frame["conflict_share"] = (frame["verbal_conflict"] + frame["material_conflict"]) \
        / frame["events"].where(frame["events"] > 0)
    series = frame.rename_axis("period").reset_index()
    dates = [t.date() for t in series["period"]]
    values = series["goldstein_sum"].to_numpy(dtype=float)
    t, total, events = _trend(values), float(values.sum()), int(series["events"].sum())
    conflict = int(series[["verbal_conflict", "material_conflict"]].sum().sum())
    summary = {
        "a": a, "a_name": a, "b": b, "b_name": b, "freq": freq, "directed": directed,
        "modalities": list(modalities), "periods": len(series), "events": events,
        "goldstein_total": round(total, 3),
        "conflict_share": round(conflict / events, 4) if events else None,
        "character": "no events" if not events else
        "conflictual" if total < 0 else "cooperative" if total > 0 else "neutral",
        "trend": {"verdict": t["verdict"], "line": _line(t, len(series)), "slope": t["slope"],
                  "change": t["change"], "mann_kendall_s": t["s"], "p_value": t["p"],
                  "confidence": 1 - t["p"], "change_points": _change_points(dates, values)},
    }
    # The latest events' ids first, then their words: sorting narrow rows is the cheap part.
    latest = store.query(
        f"""SELECT e.id FROM events e WHERE {where}
            ORDER BY e.date DESC, e.doc_id DESC, e.id DESC LIMIT $limit""",
        {**params, "limit": evidence})["id"]
    shown = store.query(
        """SELECT e.date, e.type, e.mode, e.quad_class, e.goldstein, e.modality, e.source_code,
                  e.source_text, e.target_code, e.target_text, e.trigger_text, e.attribution,
                  e.confidence, e.id, e.doc_id
           FROM events e WHERE list_contains($ids, e.id) ORDER BY e.date, e.doc_id, e.id""",
        {"ids": list(latest)})
    return {"summary": summary, "series": records(series), "evidence": records(shown)}


def trends(store: Store, *, freq: str, top: int | None, since: dt.date | None,
           until: dt.date | None, modalities: Sequence[str], min_events: int) -> list[dict]:
    if freq not in UNITS:
        raise RelataError(f"unknown frequency {freq!r}: use one of {', '.join(UNITS)}")
    a, b = ("coalesce(source_country, source_code)", "coalesce(target_country, target_code)")
    cells = store.query(
        f"""SELECT least({a}, {b}) AS a, greatest({a}, {b}) AS b,
                   CAST(date_trunc('{UNITS[freq]}', date) AS DATE) AS period,
                   count(*) AS events, coalesce(sum(goldstein), 0) AS goldstein
            FROM events WHERE {a} IS NOT NULL AND {b} IS NOT NULL AND {a} <> {b}
              AND date IS NOT NULL AND list_contains($modalities, modality)
              AND ($since IS NULL OR date >= $since) AND ($until IS NULL OR date <= $until)
            GROUP BY ALL""", {"modalities": list(modalities), "since": since, "until": until})
    if cells.empty:
        return []
    cells["period"] = pd.to_datetime(cells["period"])
    periods = _periods(cells["period"], freq, since, until)
    rows = []
    for (side_a, side_b), group in cells.groupby(["a", "b"], sort=True):
        if group["events"].sum() < min_events:
            continue
        values = group.set_index("period")["goldstein"].reindex(periods).fillna(0).to_numpy()
        t = _trend(values)
        shifts = _change_points([p.date() for p in periods], values)
        last = shifts[-1] if shifts else None
        rows.append({
            "a": side_a, "b": side_b, "events": int(group["events"].sum()),
            "goldstein_total": float(group["goldstein"].sum()), "periods": len(periods),
            "slope": t["slope"], "change": t["change"], "p_value": t["p"],
            "verdict": t["verdict"], "score": abs(t["change"]) * (1 - t["p"]),
            "change_points": len(shifts), "last_change": last and last["date"],
            "level_before": last and last["before"], "level_after": last and last["after"]})
    rows.sort(key=lambda r: (-r["score"], -r["events"]))
    return [{"rank": n, **row} for n, row in enumerate(rows[:top], 1)]
