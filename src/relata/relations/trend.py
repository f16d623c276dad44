"""Trend and shifts of a series: Theil–Sen slope, Mann–Kendall test, change points, verdict.

Theil–Sen and Mann–Kendall are written here over numpy arrays, many series at
once, because `trends` ranks thousands of dyads in a few seconds; they give the
figures of `scipy.stats.theilslopes` and of `scipy.stats.kendalltau` against time
(the Mann–Kendall test: tie-corrected variance, normal approximation, no
continuity correction), which the tests check. A series too long for its pairs to fit
in a block (over 512 periods) is taken alone, its pairs a block at a time: Theil–Sen's
median is then selected in passes over the slopes, in memory that does not grow with
the window. Change points come from
`ruptures` (PELT, least squares; `pelt` runs its compiled search without importing scipy).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from . import pelt

ALPHA = 0.05          # the Mann–Kendall p-value under which a trend is a trend
MIN_PERIODS = 4       # fewer cannot make a significant Mann–Kendall test
MIN_SEGMENT = 2       # periods on each side of a change point
_BLOCK = 1 << 17      # values of pairs of periods per block: 1 MiB of floats
_KEEP = 1 << 21       # slopes of a long series selected from at once: 16 MiB of floats
_SAMPLE = 1 << 16     # slopes of a long series sampled to narrow the search to _KEEP

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


def _pair_blocks(n: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Every pair i < j of 0 … n − 1 once, as index arrays (i, j) of at most _BLOCK pairs:
    by lag j − i, a lag split where it alone is longer than a block."""
    segments: list[tuple[int, int, int]] = []  # (lag, first i, last i + 1)
    size = 0
    for lag in range(1, n):
        for start in range(0, n - lag, _BLOCK):
            stop = min(start + _BLOCK, n - lag)
            if size + stop - start > _BLOCK:
                yield _pairs(segments)
                segments, size = [], 0
            segments.append((lag, start, stop))
            size += stop - start
    if segments:
        yield _pairs(segments)


def _pairs(segments: list[tuple[int, int, int]]) -> tuple[np.ndarray, np.ndarray]:
    lags, starts, stops = np.array(segments, dtype=np.int64).T
    sizes = stops - starts
    i = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes - starts, sizes)
    return i, i + np.repeat(lags, sizes)


def theil_sen(values: np.ndarray) -> np.ndarray:
    """Theil–Sen slope of each row against 0, 1, 2, …: the median of pairwise slopes."""
    rows, n = values.shape
    pairs = n * (n - 1) // 2
    if pairs > _BLOCK:  # a long series: its slopes are never all held at once
        return np.array([_median_slope(row) for row in values], dtype=float)
    i, j = np.triu_indices(n, k=1)
    out = np.empty(rows)
    step = _rows_per_block(pairs)
    for start in range(0, rows, step):
        block = values[start:start + step]
        slopes = block[:, j]  # a copy: the arithmetic below is in place
        slopes -= block[:, i]
        slopes /= j - i
        out[start:start + step] = np.median(slopes, axis=1)
    return out


@dataclass
class _Pass:
    """One pass over a series' slopes against a bracket [low, high]: how many are below
    it, at its ends and strictly inside, the inside ones themselves while they fit in
    _KEEP, and a uniform sample of them (each kept with the probability `rate`)."""
    low: float
    high: float
    rate: float
    below: int = 0
    at_low: int = 0
    inside: int = 0
    at_high: int = 0
    kept: np.ndarray | None = None
    sample: list[np.ndarray] = field(default_factory=list)

    def rank(self, k: int) -> tuple[str, int]:
        """Where the k-th smallest slope (from 0) is: "low", "high", ("inside", its rank
        among the inside ones), or "out" of the bracket."""
        if k < self.below:
            return "out", k
        k -= self.below
        if k < self.at_low:
            return "low", k
        k -= self.at_low
        if k < self.inside:
            return "inside", k
        k -= self.inside
        return ("high", k) if k < self.at_high else ("out", k)


def _median_slope(values: np.ndarray) -> float:
    """`np.median` of the pairwise slopes of one series, to the last bit, in memory that
    does not grow with its length: each pass over the slopes, a block at a time, counts
    them against a bracket and samples those inside; the next bracket is drawn from the
    sample around the middle rank(s), until the slopes inside fit in _KEEP and are
    selected exactly. A bracket that missed (a sample's bad luck) is drawn again, wider.
    About two passes for a series of ten thousand periods."""
    n = len(values)
    if not np.isfinite(values).all():
        return math.nan
    total = n * (n - 1) // 2
    middle = sorted({(total - 1) // 2, total // 2})  # one rank, or two to average
    rng = np.random.default_rng(0)  # which slopes are sampled changes the passes, not the answer
    parent = _slope_pass(values, -math.inf, math.inf, min(1.0, _SAMPLE / total), rng)
    margin = 4.0
    while True:
        places = [parent.rank(k) for k in middle]
        inside = [k for where, k in places if where == "inside"]
        if not inside or parent.kept is not None:
            break
        sample = np.sort(np.concatenate(parent.sample))
        low, high = _bracket(sample, parent, inside[0], inside[-1], margin)
        expected = np.count_nonzero((sample > low) & (sample < high)) / parent.rate
        child = _slope_pass(values, low, high, min(1.0, _SAMPLE / max(expected, 1.0)), rng)
        if any(child.rank(k)[0] == "out" for k in middle):
            margin *= 2  # the middle is outside the bracket drawn: draw it again, wider
            continue
        parent, margin = child, 4.0
    picked = np.partition(parent.kept, inside) if inside else None
    found = [parent.low if where == "low" else parent.high if where == "high" else picked[k]
             for where, k in places]
    return float(np.mean(np.array(found)))  # as np.median averages the two middle ones


def _bracket(sample: np.ndarray, parent: _Pass, first: int, last: int,
             margin: float) -> tuple[float, float]:
    """Bounds from the sample around the inside ranks first … last, `margin` standard
    deviations of the sample's count wide on each side; the parent's bound where that runs
    off the sample."""
    rate, last_at = parent.rate, len(sample) - 1
    low_at = math.floor(first * rate - margin * math.sqrt(first * rate + 1) - 1)
    high_at = math.ceil(last * rate + margin * math.sqrt(last * rate + 1) + 1)
    low = float(sample[min(low_at, last_at)]) if low_at >= 0 else parent.low
    high = float(sample[high_at]) if high_at <= last_at else parent.high
    return low, high


def _slope_pass(values: np.ndarray, low: float, high: float, rate: float,
                rng: np.random.Generator) -> _Pass:
    found = _Pass(low, high, rate)
    kept = np.empty(min(_KEEP, len(values) * (len(values) - 1) // 2))
    sampled = 0
    for i, j in _pair_blocks(len(values)):
        slopes = values[j]
        slopes -= values[i]
        slopes /= j - i  # as the blocks of `theil_sen` compute them: the same floats
        found.below += int(np.count_nonzero(slopes < low))
        found.at_low += int(np.count_nonzero(slopes == low))
        if high != low:
            found.at_high += int(np.count_nonzero(slopes == high))
        inside = slopes[(slopes > low) & (slopes < high)]
        if kept is not None and found.inside + len(inside) <= len(kept):
            kept[found.inside:found.inside + len(inside)] = inside
        else:
            kept = None
        found.inside += len(inside)
        found.sample.append(inside[rng.random(len(inside)) < found.rate])
        sampled += len(found.sample[-1])
        if sampled > 4 * _SAMPLE:  # more inside than expected: halve the sample
            thinned = np.concatenate(found.sample)
            found.sample = [thinned[rng.random(len(thinned)) < 0.5]]
            sampled, found.rate = len(found.sample[0]), found.rate / 2
    found.kept = None if kept is None else kept[:found.inside]
    return found


def mann_kendall(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mann–Kendall S and two-sided p-value of each row against time, ties corrected."""
    rows, n = values.shape
    pairs = n * (n - 1) // 2
    s = np.empty(rows, dtype=np.int64)
    ties = np.empty(rows)
    if pairs > _BLOCK:  # a long series: S a block of pairs at a time, ties by sorting
        for row, series in enumerate(values):
            s[row] = sum(int(np.sign(series[j] - series[i]).sum())
                         for i, j in _pair_blocks(n))
            _, counts = np.unique(series, return_counts=True)
            ties[row] = int((counts * (counts - 1) * (2 * counts + 5)).sum())
    else:
        i, j = np.triu_indices(n, k=1)
        step = _rows_per_block(pairs)
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
