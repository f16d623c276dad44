"""Trend and shifts of a series: Theil–Sen slope, Mann–Kendall test, change points, verdict.

Theil–Sen and Mann–Kendall are written here over numpy arrays, many series at
once, because `trends` ranks thousands of dyads in a few seconds; they give the
figures of `scipy.stats.theilslopes` and of `scipy.stats.kendalltau` against time
(the Mann–Kendall test: tie-corrected variance, normal approximation, no
continuity correction), which the tests check. Change points come from
`ruptures` (PELT, least squares; `pelt` runs its compiled search without importing scipy).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import pelt

ALPHA = 0.05          # the Mann–Kendall p-value under which a trend is a trend
MIN_PERIODS = 4       # fewer cannot make a significant Mann–Kendall test
MIN_SEGMENT = 2       # periods on each side of a change point
_BLOCK = 1 << 17      # values of pairs of periods per block: 1 MiB of floats

IMPROVING, DETERIORATING, STABLE, TOO_SHORT = "improving", "deteriorating", "stable", "too short"


@dataclass(frozen=True, slots=True)
class ChangePoint:
    date: dt.date   # the first period of the new level
    before: float   # mean of the segment before
    after: float    # mean of the segment from `date` on


@dataclass(frozen=True, slots=True)
class Trend:
    periods: int
    slope: float            # Theil–Sen, per period
    change: float           # slope × (periods − 1): the fitted shift over the window
    s: int                  # Mann–Kendall S
    p_value: float          # Mann–Kendall, two-sided
    change_points: tuple[ChangePoint, ...]
    verdict: str            # improving | deteriorating | stable | too short

    @property
    def confidence(self) -> float:
        """1 − p: how sure the Mann–Kendall test is that there is a trend."""
        return 1.0 - self.p_value

    def line(self) -> str:
        """The verdict in one line, for people."""
        if self.verdict == TOO_SHORT:
            return f"too short to tell: {self.periods} period(s), the test needs {MIN_PERIODS}"
        test = (f"Theil–Sen slope {self.slope:+.3g} per period, Mann–Kendall p = "
                f"{self.p_value:.3g}")
        if self.verdict == STABLE:
            return f"stable: no significant trend ({test})"
        return f"{self.verdict} (confidence {self.confidence:.1%}; {test})"


def _rows_per_block(pairs: int) -> int:
    # Blocks of about a MiB stay in the CPU's cache: on 1,770 series of 120 months this is
    # twice as fast as blocks of 256 series (15 MB each), and memory stays bounded however
    # long the series.
    return max(1, _BLOCK // max(pairs, 1))


def theil_sen(values: np.ndarray) -> np.ndarray:
    """Theil–Sen slope of each row against 0, 1, 2, …: the median of pairwise slopes."""
    rows, n = values.shape
    i, j = np.triu_indices(n, k=1)
    out = np.empty(rows)
    step = _rows_per_block(len(i))
    for start in range(0, rows, step):
        block = values[start:start + step]
        slopes = block[:, j]  # a copy: the arithmetic below is in place
        slopes -= block[:, i]
        slopes /= j - i
        out[start:start + step] = np.median(slopes, axis=1)
    return out


def mann_kendall(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mann–Kendall S and two-sided p-value of each row against time, ties corrected."""
    rows, n = values.shape
    i, j = np.triu_indices(n, k=1)
    s = np.empty(rows, dtype=np.int64)
    ties = np.empty(rows)
    step = _rows_per_block(len(i))
    for start in range(0, rows, step):
        block = values[start:start + step]
        s[start:start + step] = np.sign(block[:, j] - block[:, i]).sum(axis=1)
        # a value tied t times adds t(t−1)(2t+5) to the tie term: (t−1)(2t+5) from each
        equal = (block[:, :, None] == block[:, None, :]).sum(axis=2)
        ties[start:start + step] = ((equal - 1) * (2 * equal + 5)).sum(axis=1)
    variance = (n * (n - 1) * (2 * n + 5) - ties) / 18
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(variance > 0, s / np.sqrt(variance), 0.0)
    p = np.array([math.erfc(abs(x) / math.sqrt(2)) for x in z])
    return s, p


def verdict(periods: int, s: int, p: float) -> str:
    """The direction the Mann–Kendall test is sure of (p < ALPHA), else stable."""
    if periods < MIN_PERIODS:
        return TOO_SHORT
    if p < ALPHA and s != 0:
        return IMPROVING if s > 0 else DETERIORATING
    return STABLE


def change_points(dates: Sequence[dt.date], values: np.ndarray) -> tuple[ChangePoint, ...]:
    """Shifts of level found by PELT; the penalty is BIC-like, 3 σ² log n, with σ from the
    median absolute difference of neighbours, so that a few outliers do not lower it.
    ruptures' KernelCPD with the linear kernel is PELT on the least-squares cost (its
    CostL2), in C: `trends` runs it for every dyad it lists."""
    n = len(values)
    if n < 2 * MIN_SEGMENT + 1:
        return ()
    sigma = _noise(values)
    if sigma == 0:
        return ()
    penalty = 3 * sigma**2 * math.log(n)
    # PELT minimises the segments' squared deviations plus the penalty for each segment:
    # one segment costs the series' own deviations (sse) plus one penalty, two or more cost
    # at least two penalties. So if sse is below the penalty there is no change point and
    # nothing to search. (The margin keeps rounding from deciding a tie.)
    sse = float(np.square(values - values.mean()).sum())
    if sse < penalty * (1 - 1e-9):
        return ()
    bounds = [0, *pelt.ends(values, penalty, MIN_SEGMENT)]
    return tuple(
        ChangePoint(dates[start], float(values[previous:start].mean()),
                    float(values[start:end].mean()))
        for previous, start, end in zip(bounds, bounds[1:-1], bounds[2:], strict=False))


def _noise(values: np.ndarray) -> float:
    diffs = np.diff(values)
    mad = float(np.median(np.abs(diffs - np.median(diffs))))
    sigma = 1.4826 * mad / math.sqrt(2)
    return sigma if sigma > 0 else float(diffs.std() / math.sqrt(2))


def trend(dates: Sequence[dt.date], values: Sequence[float]) -> Trend:
    """The trend of one series (one value a period, oldest first)."""
    array = np.asarray(values, dtype=float)
    n = len(array)
    if n < 2:
        return Trend(n, 0.0, 0.0, 0, 1.0, (), TOO_SHORT)
    slope = float(theil_sen(array[None, :])[0])
    s, p = (x[0] for x in mann_kendall(array[None, :]))
    return Trend(n, slope, slope * (n - 1), int(s), float(p),
                 change_points(list(dates), array), verdict(n, int(s), float(p)))
