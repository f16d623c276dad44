"""Every dyad at once: which relations shift most, and how surely.

All country-level dyads (undirected, an actor with itself left out) are
aggregated by one SQL query over the stored dyad key into a Goldstein sum per
period, tested together (Theil–Sen, Mann–Kendall, over numpy arrays) and ranked
by the size of the
fitted shift weighted by the test's confidence, |change| × (1 − p). Change
points are searched for the dyads shown only: they cost a PELT run each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..errors import RelataError
from ..store import Store
from ..store.schema import GOLDSTEIN
from .columns import Columns, as_dates, frame, length
from .series import FREQUENCIES, check_window, period_range, whole_periods
from .trend import MIN_PERIODS, change_points, mann_kendall, theil_sen, verdict

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_TOP = 20
DEFAULT_MIN_EVENTS = 10

COLUMNS = ("rank", "a", "b", "events", "goldstein_total", "periods", "slope", "change",
           "p_value", "verdict", "score", "change_points", "last_change", "level_before",
           "level_after")


def trends(
    store: Store,
    *,
    freq: str = "M",
    top: int | None = DEFAULT_TOP,
    since: dt.date | None = None,
    until: dt.date | None = None,
    modalities: Sequence[str] = ("factual",),
    min_events: int = DEFAULT_MIN_EVENTS,
) -> pd.DataFrame:
    """Dyads with at least `min_events` events in the window, the largest surest shift
    first (`top` of them; None: all), one row each; `last_change` is the date of the
    latest change point, `level_before` and `level_after` the mean Goldstein sum per
    period on either side of it."""
    import pandas as pd

    ranked = ranking(store, freq=freq, top=top, since=since, until=until,
                     modalities=modalities, min_events=min_events)
    if not length(ranked):
        return pd.DataFrame(columns=list(COLUMNS))
    # The change points' columns as lists, for pandas to type them as it always has: dates
    # (or None) as objects; levels as floats with NaN, or objects when all are None.
    return frame({name: ranked[name] for name in COLUMNS[:-4]}).assign(
        **{name: ranked[name].tolist() for name in COLUMNS[-4:]})


def ranking(
    store: Store,
    *,
    freq: str = "M",
    top: int | None = DEFAULT_TOP,
    since: dt.date | None = None,
    until: dt.date | None = None,
    modalities: Sequence[str] = ("factual",),
    min_events: int = DEFAULT_MIN_EVENTS,
) -> Columns:
    """`trends` as columns (numpy arrays, see `columns`; none long if no dyad qualifies):
    what `relata trends` prints, without pandas."""
    if freq not in FREQUENCIES:
        raise RelataError(f"unknown frequency {freq!r}: use one of {', '.join(FREQUENCIES)}")
    check_window(since, until, freq)  # before the query, when the window is given
    cells = _cells(store, freq, since, until, modalities)
    if not len(cells["dyad"]):
        return _none()
    keys, dyad_of_cell = _factorize(cells["dyad"].tolist())
    events = np.bincount(dyad_of_cell, weights=cells["events"], minlength=len(keys)).astype(
        np.int64)  # counts: exact in float64
    sides = [key.split(" ", 1) for key in keys]
    kept = np.array([total >= min_events and a != b
                     for total, (a, b) in zip(events.tolist(), sides, strict=True)], dtype=bool)
    if not kept.any():
        return _none()
    # Each dyad over its own window, as `dyad_series` reads the same pair: from its first
    # period (or `since`) to its last (or `until`). Dyads that share a window are tested
    # together, one matrix a window.
    days = cells["period"].astype("datetime64[D]").astype(np.int64)
    first = np.full(len(keys), np.iinfo(np.int64).max)
    last = np.full(len(keys), np.iinfo(np.int64).min)
    np.minimum.at(first, dyad_of_cell, days)
    np.maximum.at(last, dyad_of_cell, days)
    windows: dict[tuple[int, int], list[int]] = {}
    for dyad in np.flatnonzero(kept).tolist():
        windows.setdefault((int(first[dyad]), int(last[dyad])), []).append(dyad)
    periods_of = np.zeros(len(keys), dtype=np.int64)
    slope, s, p = np.zeros(len(keys)), np.zeros(len(keys), dtype=np.int64), np.ones(len(keys))
    series: dict[int, tuple[list[dt.date], np.ndarray]] = {}  # dyad → its periods and sums
    for (low, high), dyads in windows.items():
        periods = period_range(as_dates(np.array([low, high], dtype="datetime64[D]")), freq,
                               since, until)
        member = np.zeros(len(keys), dtype=bool)
        member[dyads] = True
        matrix = _matrix(cells, dyad_of_cell, member, periods)
        n = len(periods)
        periods_of[dyads] = n
        if n >= 2:
            slope[dyads] = theil_sen(matrix)
            s[dyads], p[dyads] = mann_kendall(matrix)
        for row, dyad in enumerate(dyads):  # in dyad order, as `member` has them
            series[dyad] = (periods, matrix[row])
    # a window too short for the test ranks nothing: its verdict would be "too short"
    kept &= periods_of >= MIN_PERIODS
    if not kept.any():
        return _none()
    totals = _kahan_sums(cells["goldstein"], dyad_of_cell, len(keys))[kept]
    change = (slope * (periods_of - 1))[kept]
    score = np.abs(change) * (1 - p[kept])
    dyad_ids = np.flatnonzero(kept)
    slope, s, p, periods_of = slope[kept], s[kept], p[kept], periods_of[kept]
    events = events[kept]
    sides = [side for side, keep in zip(sides, kept.tolist(), strict=True) if keep]
    # largest score first, then most events; ties stay in dyad order (lexsort is stable)
    order = np.lexsort((-events, -score))[:top]
    # Change points only for the dyads listed: a PELT run each.
    shifts = [change_points(*series[int(dyad_ids[row])]) for row in order]
    return {
        "rank": np.arange(1, len(order) + 1),
        "a": np.array([sides[row][0] for row in order], dtype=object),
        "b": np.array([sides[row][1] for row in order], dtype=object),
        "events": events[order], "goldstein_total": totals[order],
        "periods": periods_of[order], "slope": slope[order], "change": change[order],
        "p_value": p[order],
        "verdict": np.array([verdict(int(periods_of[row]), int(s[row]), float(p[row]))
                             for row in order], dtype=object),
        "score": score[order],
        "change_points": np.array([len(found) for found in shifts], dtype=np.int64),
        "last_change": np.array([found[-1].date if found else None for found in shifts],
                                dtype=object),
        "level_before": np.array([found[-1].before if found else None for found in shifts],
                                 dtype=object),
        "level_after": np.array([found[-1].after if found else None for found in shifts],
                                dtype=object),
    }


def _cells(store: Store, freq: str, since: dt.date | None, until: dt.date | None,
           modalities: Sequence[str]) -> Columns:
    """Per dyad and period with stories: the stories, each by its first report as
    `dyad_series` counts it, and the sum of their Goldstein scores. From the counts per
    period that ingest keeps (store.schema: dyad_stories; the days' when the window cuts a
    period), a few hundred thousand rows on a million events, if they are current; else
    from dyad_events (tests/test_relations_counted.py checks that both give the same).
    The sums are added in millionths, as the series' are (store.schema.GOLDSTEIN): exact,
    whatever the order, and the same whichever table they come from."""
    unit = FREQUENCIES[freq]
    params = {"modalities": list(modalities), "since": since, "until": until}
    window = "($since IS NULL OR {0} >= $since) AND ($until IS NULL OR {0} <= $until)"
    if store.dyads_counted():
        whole = whole_periods(since, until, freq)
        cells = store.arrays(
            f"""SELECT dyad, CAST(date_trunc('{unit}', period) AS DATE) AS period,
                       sum(stories)::BIGINT AS events,
                       sum(goldstein_sum)::BIGINT AS goldstein
                FROM dyad_stories
                WHERE unit = '{freq if whole else "D"}' AND period IS NOT NULL
                  AND list_contains($modalities, modality) AND {window.format('period')}
                GROUP BY ALL ORDER BY dyad, period""", params)
    else:
        # By the stored dyad key (`AZE RUS`): one compressed column, not four both ways.
        cells = store.arrays(
            f"""SELECT dyad, CAST(date_trunc('{unit}', date) AS DATE) AS period,
                       count(*) AS events,
                       coalesce(sum({GOLDSTEIN.format('goldstein')}), 0)::BIGINT AS goldstein
                FROM dyad_events
                -- a story once, by its first report: the reports of a story share its
                -- dyad, day and modality, so this is the story counted as `dyad_series`
                -- counts it
                WHERE event_id = story_id
                  AND date IS NOT NULL AND list_contains($modalities, modality)
                  AND {window.format('date')}
                GROUP BY ALL ORDER BY dyad, period""", params)
    cells["goldstein"] = cells["goldstein"] / 1e6
    return cells


def _factorize(keys: list[str]) -> tuple[list[str], np.ndarray]:
    """The distinct keys in sorted order, and the index among them of each key."""
    first_seen: dict[str, int] = {}
    seen = np.array([first_seen.setdefault(key, len(first_seen)) for key in keys],
                    dtype=np.int64)
    ordered = sorted(first_seen)
    rank = np.empty(len(ordered), dtype=np.int64)
    rank[[first_seen[key] for key in ordered]] = np.arange(len(ordered))
    return ordered, rank[seen]


def _kahan_sums(values: np.ndarray, group: np.ndarray, groups: int) -> np.ndarray:
    """Per group, the compensated (Kahan) sum of its values in the order given: the sum
    pandas' groupby computes, so that the totals are those `trends` always gave, to the
    last digit. Vectorised across groups: step k adds the k-th value of every group."""
    order = np.argsort(group, kind="stable")
    counts = np.bincount(group, minlength=groups)
    position = np.arange(len(order)) - np.repeat(np.cumsum(counts) - counts, counts)
    by_step = order[np.argsort(position, kind="stable")]
    steps = np.bincount(position)
    total, compensation = np.zeros(groups), np.zeros(groups)
    start = 0
    for size in steps.tolist():
        at = by_step[start:start + size]
        start += size
        g = group[at]
        y = values[at] - compensation[g]
        t = total[g] + y
        compensation[g] = np.nan_to_num((t - total[g]) - y, nan=0.0, posinf=np.inf,
                                        neginf=-np.inf)
        total[g] = t
    return total


def _none() -> Columns:
    return {name: np.empty(0, dtype=object) for name in COLUMNS}


def _matrix(cells: Columns, dyad_of_cell: np.ndarray, kept: np.ndarray,
            periods: list[dt.date]) -> np.ndarray:
    """Goldstein sum per kept dyad (row) and period (column); periods without events are 0."""
    column = np.array(periods, dtype="datetime64[D]")
    row_of_dyad = np.cumsum(kept) - 1
    mine = kept[dyad_of_cell]
    days = cells["period"][mine].astype("datetime64[D]")
    at = np.searchsorted(column, days)
    inside = at < len(column)
    inside[inside] = column[at[inside]] == days[inside]
    matrix = np.zeros((int(kept.sum()), len(periods)))
    matrix[row_of_dyad[dyad_of_cell[mine]][inside], at[inside]] = (
        cells["goldstein"][mine][inside])
    return matrix
