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

import numpy as np
import pandas as pd

from ..errors import RelataError
from ..store import Store
from .series import FREQUENCIES, period_range
from .trend import change_points, mann_kendall, theil_sen, verdict

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
    if freq not in FREQUENCIES:
        raise RelataError(f"unknown frequency {freq!r}: use one of {', '.join(FREQUENCIES)}")
    unit = FREQUENCIES[freq]
    # By the stored dyad key (`AZE RUS`): one compressed column, not four both ways.
    cells = store.query(
        f"""SELECT dyad, CAST(date_trunc('{unit}', date) AS DATE) AS period,
                   count(*) AS events, coalesce(sum(goldstein), 0) AS goldstein
            FROM dyad_events
            WHERE date IS NOT NULL AND list_contains($modalities, modality)
              AND ($since IS NULL OR date >= $since) AND ($until IS NULL OR date <= $until)
            GROUP BY ALL""",
        {"modalities": list(modalities), "since": since, "until": until})
    if cells.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    cells["period"] = pd.to_datetime(cells["period"])
    periods = period_range(cells["period"], freq, since, until)
    totals = cells.groupby("dyad", sort=True)[["events", "goldstein"]].sum()
    sides = totals.index.str.split(" ", n=1)
    totals["a"], totals["b"] = sides.str[0], sides.str[1]
    totals = totals[(totals["events"] >= min_events) & (totals["a"] != totals["b"])]
    if totals.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    matrix = _matrix(cells, totals.index, periods)
    n = len(periods)
    slope = theil_sen(matrix) if n >= 2 else np.zeros(len(matrix))
    s, p = mann_kendall(matrix) if n >= 2 else (np.zeros(len(matrix), int), np.ones(len(matrix)))
    change = slope * (n - 1)
    frame = pd.DataFrame({
        "a": totals["a"].to_numpy(), "b": totals["b"].to_numpy(),
        "events": totals["events"].to_numpy(), "goldstein_total": totals["goldstein"].to_numpy(),
        "periods": n, "slope": slope, "change": change, "p_value": p,
        "verdict": [verdict(n, int(x), float(y)) for x, y in zip(s, p, strict=True)],
        "score": np.abs(change) * (1 - p), "row": np.arange(len(matrix)),
    }).sort_values(["score", "events"], ascending=False, kind="stable").head(top)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    dates = [t.date() for t in periods]
    shifts = [change_points(dates, matrix[row]) for row in frame["row"]]
    frame["change_points"] = [len(found) for found in shifts]
    frame["last_change"] = [found[-1].date if found else None for found in shifts]
    frame["level_before"] = [found[-1].before if found else None for found in shifts]
    frame["level_after"] = [found[-1].after if found else None for found in shifts]
    return frame.drop(columns="row").reset_index(drop=True)[list(COLUMNS)]


def _matrix(cells: pd.DataFrame, dyads: pd.Index, periods: pd.DatetimeIndex) -> np.ndarray:
    """Goldstein sum per dyad (row) and period (column); periods without events are 0."""
    row = pd.Series(np.arange(len(dyads)), index=dyads)
    column = pd.Series(np.arange(len(periods)), index=periods)
    kept = cells.join(row.rename("row"), on="dyad", how="inner")
    kept = kept[kept["period"].isin(column.index)]
    matrix = np.zeros((len(dyads), len(periods)))
    matrix[kept["row"].to_numpy(), column.loc[kept["period"]].to_numpy()] = kept["goldstein"]
    return matrix
