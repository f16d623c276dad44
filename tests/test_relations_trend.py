"""Trend, change points and the ranking of dyads, on series and stores with known shifts."""

import datetime as dt

import numpy as np
import pytest
from scipy import stats

import relata
from relata.records import Actor, Analysis, Document, Event, Span
from relata.relations import dyad_series, trend, trends
from relata.relations.trend import mann_kendall, theil_sen, verdict

RNG = np.random.default_rng(5)
MONTHS = [dt.date(2020 + m // 12, m % 12 + 1, 1) for m in range(36)]
STEP = np.r_[np.full(18, 5.0), np.full(18, -15.0)] + RNG.normal(0, 1.5, 36)

SERIES = {
    "rising": np.arange(20.0) + RNG.normal(0, 2, 20),
    "ties and zeros": np.array([0, 0, 3, 0, 3, 3, -2, 0, 5, 5, 0, 7, 0, 0, 9.0]),
    "noise": RNG.normal(0, 1, 30),
    "step": STEP,
}


@pytest.mark.parametrize("values", SERIES.values(), ids=SERIES.keys())
def test_same_figures_as_scipy(values):
    """Theil–Sen as scipy.stats.theilslopes; Mann–Kendall as Kendall's tau against time."""
    time = np.arange(len(values))
    assert theil_sen(values[None, :])[0] == pytest.approx(stats.theilslopes(values, time)[0])
    s, p = mann_kendall(values[None, :])
    expected = stats.kendalltau(time, values, method="asymptotic")
    assert p[0] == pytest.approx(expected.pvalue, rel=1e-9)
    assert np.sign(s[0]) == np.sign(expected.statistic)


def test_many_series_at_once_as_one_by_one():
    matrix = np.vstack([SERIES["noise"][:20], SERIES["rising"], STEP[:20]])
    slopes = theil_sen(matrix)
    s, p = mann_kendall(matrix)
    for row, values in enumerate(matrix):
        one_s, one_p = mann_kendall(values[None, :])
        assert slopes[row] == theil_sen(values[None, :])[0]
        assert (s[row], p[row]) == (one_s[0], one_p[0])


@pytest.mark.parametrize(("periods", "s", "p", "expected"), [
    (3, 3, 0.01, "too short"),
    (12, 40, 0.001, "improving"),
    (12, -40, 0.001, "deteriorating"),
    (12, -10, 0.2, "stable"),
    (12, 0, 0.04, "stable"),
])
def test_verdict(periods, s, p, expected):
    assert verdict(periods, s, p) == expected


def test_a_step_is_one_change_point_with_its_levels():
    found = trend(MONTHS, STEP)
    assert found.verdict == "deteriorating" and found.confidence > 0.99
    (point,) = found.change_points
    assert point.date == MONTHS[18]
    assert point.before == pytest.approx(5, abs=1) and point.after == pytest.approx(-15, abs=1)
    assert "deteriorating" in found.line()


@pytest.mark.parametrize("values", [RNG.normal(0, 1, 36), np.zeros(36), np.full(36, 4.0)],
                         ids=["noise", "zeros", "constant"])
def test_no_shift_no_change_point(values):
    found = trend(MONTHS, values)
    assert found.change_points == () and found.verdict == "stable"


def _event(n: int, day: dt.date, source: str, target: str, quad: int, goldstein: float):
    return Event(
        id=f"e{n}", doc_id=f"d{n}", date=day,
        source=Actor(f"{source}GOV", source, "GOV", source),
        target=Actor(f"{target}GOV", target, "GOV", target),
        type=("CONSULT", "COOPERATE", "ACCUSE", "ASSAULT")[quad - 1], mode=None, cameo=None,
        quad_class=quad, goldstein=goldstein, modality="factual",
        trigger=Span(0, 5, "атака"), sentence=Span(0, 6, "атака."))


@pytest.fixture(scope="module")
def shifted(tmp_path_factory):
    """Three dyads over 36 months: RUS–UKR turns hostile in month 18 (a step), ARM–AZE
    warms month by month, KAZ–UZB does not change."""
    def plan(month: int) -> list:
        events = ([("RUS", "UKR", 1, 4.0)] * 3 if month < 18
                  else [("UKR", "RUS", 4, -10.0)] * 3)
        events += [("ARM", "AZE", 3, -5.0)] * max(0, 3 - month // 6)
        events += [("AZE", "ARM", 1, 3.0)] * (month // 6)
        return events + [("KAZ", "UZB", 1, 2.0)] * 2

    yield from _database(tmp_path_factory, plan)


def _database(tmp_path_factory, plan):
    """A store of one document an event, the events of each month as `plan(month)` says."""
    analyses, n = [], 0
    for month, day in enumerate(MONTHS):
        for source, target, quad, goldstein in plan(month):
            n += 1
            document = Document(id=f"d{n}", text="атака.", date=day, lang="ru", origin="t")
            analyses.append(Analysis(document, events=(
                _event(n, day, source, target, quad, goldstein),)))
    path = tmp_path_factory.mktemp("trends") / "dyads.duckdb"
    with relata.open_store(path, write=True) as store:
        store.write(analyses)
    with relata.open_store(path) as store:
        yield store


def test_trends_ranks_the_largest_surest_shift_first(shifted):
    ranked = trends(shifted, min_events=5)
    assert list(zip(ranked["a"], ranked["b"], strict=True))[:2] == [("RUS", "UKR"),
                                                                   ("ARM", "AZE")]
    by_dyad = ranked.set_index(["a", "b"])
    assert by_dyad.loc[("RUS", "UKR"), "verdict"] == "deteriorating"
    assert by_dyad.loc[("RUS", "UKR"), "last_change"] == MONTHS[18]
    assert by_dyad.loc[("RUS", "UKR"), "level_before"] == pytest.approx(12)
    assert by_dyad.loc[("RUS", "UKR"), "level_after"] == pytest.approx(-30)
    assert by_dyad.loc[("ARM", "AZE"), "verdict"] == "improving"
    assert by_dyad.loc[("KAZ", "UZB"), "verdict"] == "stable"
    assert list(ranked["rank"]) == [1, 2, 3]


@pytest.mark.parametrize(("options", "dyads"), [
    ({"top": 1}, [("RUS", "UKR")]),
    ({"min_events": 100}, [("RUS", "UKR"), ("ARM", "AZE")]),  # KAZ–UZB has 72 events
    ({"min_events": 120}, [("ARM", "AZE")]),                  # RUS–UKR has 108
    ({"since": dt.date(2023, 1, 1)}, []),
])
def test_trends_options(shifted, options, dyads):
    ranked = trends(shifted, **options)
    assert list(zip(ranked["a"], ranked["b"], strict=True)) == dyads


def test_dyad_series_finds_the_step(shifted):
    dyad = dyad_series(shifted, "RUS", "UKR")
    assert len(dyad.series) == 36 and dyad.trend.verdict == "deteriorating"
    assert [p.date for p in dyad.trend.change_points] == [MONTHS[18]]
    directed = dyad_series(shifted, "RUS", "UKR", directed=True)
    assert directed.total_events == 54 and directed.goldstein_total > 0


@pytest.mark.parametrize("values", [STEP, np.r_[STEP, STEP[::-1]], SERIES["rising"]],
                         ids=["step", "step and back", "rising"])
def test_change_points_as_ruptures_pelt_l2(values):
    """The C kernel (linear) finds what PELT with the least-squares cost finds."""
    import ruptures

    from relata.relations.trend import _noise, change_points

    penalty = 3 * _noise(values) ** 2 * np.log(len(values))
    ends = ruptures.Pelt(model="l2", min_size=2, jump=1).fit(values.reshape(-1, 1)).predict(
        pen=penalty)
    dates = list(range(len(values)))
    assert [p.date for p in change_points(dates, values)] == ends[:-1]


def test_no_search_below_one_penalty_finds_what_the_search_finds():
    """A series whose squared deviations are below the penalty is not searched; searching
    it anyway finds nothing, and every other series is searched as before."""
    import ruptures

    from relata.relations.trend import _noise, change_points

    rng = np.random.default_rng(7)
    skipped = 0
    for _ in range(300):
        n = int(rng.integers(5, 40))
        values = rng.normal(0, 1, n) + np.where(np.arange(n) < n // 2, 0, rng.normal(0, 2))
        values = np.round(values, int(rng.integers(0, 3)))  # ties, as Goldstein sums have
        sigma = _noise(values)
        if sigma == 0:
            continue
        penalty = 3 * sigma**2 * np.log(n)
        skipped += float(np.square(values - values.mean()).sum()) < penalty
        ends = ruptures.KernelCPD(kernel="linear", min_size=2).fit(
            values.reshape(-1, 1)).predict(pen=penalty)
        assert [p.date for p in change_points(list(range(n)), values)] == ends[:-1]
    assert skipped > 10  # the shortcut was taken, and agreed


def test_compiled_search_is_ruptures_own():
    """`pelt.ends` runs ruptures' compiled PELT without importing the package; it finds
    what ruptures' public `KernelCPD(kernel="linear")` finds, which it falls back to."""
    import ruptures

    from relata.relations import pelt

    assert pelt._compiled() is not None  # the fast path is the one tested here
    rng = np.random.default_rng(11)
    for _ in range(200):
        n = int(rng.integers(5, 120))
        values = np.r_[rng.normal(0, 1, n // 2), rng.normal(rng.uniform(-3, 3), 1, n - n // 2)]
        values = np.round(values, int(rng.integers(0, 3)))
        penalty = float(rng.uniform(0.5, 20))
        expected = ruptures.KernelCPD(kernel="linear", min_size=2).fit(
            values.reshape(-1, 1)).predict(pen=penalty)
        assert pelt.ends(values, penalty, 2) == expected
        assert pelt.public_ends(values, penalty, 2) == expected


def _long_series(kind: str, n: int, rng) -> np.ndarray:
    """Series as daily Goldstein sums are: noise, rounded (ties), mostly zero, constant."""
    values = rng.normal(0, 3, n)
    return {"noise": values, "rounded": np.round(values),
            "mostly zero": np.where(rng.random(n) < 0.9, 0.0, np.round(values)),
            "constant": np.full(n, 2.0)}[kind]


@pytest.mark.parametrize("kind", ["noise", "rounded", "mostly zero", "constant"])
def test_long_series_have_the_same_figures_as_all_pairs_at_once(kind, monkeypatch):
    """A series too long to hold its slopes is searched pass by pass (here with tiny blocks,
    so that every path is taken): the same slope, to the last bit, as the median of all the
    pairwise slopes, and the same S and p-value as when all pairs fit in one block."""
    trend_module = __import__("relata.relations.trend", fromlist=["_"])
    rng = np.random.default_rng(21)
    for n in (40, 41, 150, 333):
        values = _long_series(kind, n, rng)
        i, j = np.triu_indices(n, k=1)
        everything = (values[j] - values[i]) / (j - i)
        short = mann_kendall(values[None, :])
        with monkeypatch.context() as patch:
            for name, size in (("_BLOCK", 1 << 7), ("_KEEP", 1 << 9), ("_SAMPLE", 1 << 5)):
                patch.setattr(trend_module, name, size)
            assert theil_sen(values[None, :])[0] == np.median(everything), n
            s, p = mann_kendall(values[None, :])
        assert (s[0], p[0]) == (short[0][0], short[1][0])
        if kind == "noise":
            assert theil_sen(values[None, :])[0] == pytest.approx(
                stats.theilslopes(values, np.arange(n))[0])


def test_theil_sen_memory_does_not_grow_with_the_window():
    """Six thousand daily periods have 18 million pairwise slopes (144 MB of floats): they
    are counted a block at a time, never held at once."""
    import tracemalloc

    values = _long_series("mostly zero", 6000, np.random.default_rng(3))
    tracemalloc.start()
    try:
        theil_sen(values[None, :])
        mann_kendall(values[None, :])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 << 20, f"{peak / 2**20:.0f} MiB"


@pytest.fixture(scope="module")
def staggered(tmp_path_factory):
    """Dyads whose events span different windows: RUS–UKR over 36 months, ARM–AZE over
    the last 12, KAZ–UZB over the first 3 (too short for a trend)."""
    def plan(month: int) -> list:
        events = ([("RUS", "UKR", 1, 4.0)] * 2 if month < 18
                  else [("UKR", "RUS", 4, -10.0)] * 2)
        events += [("ARM", "AZE", 3, -5.0 + month / 6)] * (3 if month >= 24 else 0)
        return events + [("KAZ", "UZB", 1, 2.0)] * (5 if month < 3 else 0)

    yield from _database(tmp_path_factory, plan)


@pytest.mark.parametrize("window", [{}, {"since": MONTHS[6]}, {"until": MONTHS[30]},
                                    {"since": MONTHS[0], "until": MONTHS[35]}])
def test_trends_read_each_pair_over_the_window_dyad_reads_it(staggered, window):
    ranked = trends(staggered, min_events=5, **window)
    assert len(ranked) > 0
    for row in ranked.itertuples():
        dyad = dyad_series(staggered, row.a, row.b, **window)
        assert row.periods == len(dyad.series)
        assert row.slope == pytest.approx(dyad.trend.slope)
        assert row.p_value == pytest.approx(dyad.trend.p_value)
        assert row.verdict == dyad.trend.verdict
        assert row.goldstein_total == pytest.approx(dyad.goldstein_total)
    if not window:  # KAZ–UZB's own window, three months, is too short to be ranked
        assert ("KAZ", "UZB") not in set(zip(ranked["a"], ranked["b"], strict=True))
        assert dyad_series(staggered, "KAZ", "UZB").trend.verdict == "too short"
