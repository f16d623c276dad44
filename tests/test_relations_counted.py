"""A country dyad's series read from the counts per period that ingest keeps
(store.schema: dyad_stories, dyad_documents) is the series read from its events: every
dyad of real ingested corpora (examples/, the stories corpus of tests/data, where several
articles report one event), at every frequency, for sets of modalities and windows, its
evidence and undated events too; after an ingest run again, after more documents, in a
database from before the counts, and not after a batch that failed."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from pathlib import Path

import pytest

import relata
from relata.relations import answers, dyad_series, series
from relata.relations.columns import rows
from relata.relations.ranking import ranking
from relata.store import schema
from relata.store import store as store_module
from relata.store.schema import LATEST_STORIES, latest_stories
from relata.vocabulary import MODALITIES
from test_stories import CORPUS

from conftest import BEFORE_PLAIN_NAMES

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# (freq, modalities, since, until, evidence): whole periods, read from the counts; a
# window that cuts a period (its series scanned, its evidence and undated counted)
ASKED = [
    ("M", ("factual",), None, None, 20),
    ("D", MODALITIES, None, None, None),
    ("W", ("factual", "predicted"), dt.date(2025, 3, 3), dt.date(2025, 8, 10), 3),
    ("M", ("factual", "negated", "intended"), dt.date(2025, 5, 1), dt.date(2025, 7, 31), 1),
    ("M", ("factual",), dt.date(2025, 5, 21), dt.date(2025, 8, 7), 2),
    ("D", ("predicted",), None, dt.date(2025, 8, 7), 0),
    # the latest stories kept of each modality (dyad_latest), merged for several
    ("W", MODALITIES, None, None, 5),
    ("M", ("predicted", "factual"), None, None, LATEST_STORIES),
    ("D", ("negated",), None, None, 1),
    ("M", ("factual",), None, None, LATEST_STORIES + 1),  # more than kept: the cutoff
]


@contextlib.contextmanager
def _scanning():
    """Every series read from the dyad's events, as if the counts were not current."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(series, "_counted", lambda *args: None)
        yield


def _answer(store, a, b, freq, modalities, since, until, evidence) -> tuple:
    found = dyad_series(store, a, b, freq=freq, modalities=modalities, since=since,
                        until=until, evidence=evidence)
    return found.summary(), rows(found.table), rows(found.evidence_table)


def _dyads(store) -> list[tuple[str, str]]:
    found = store.arrays("SELECT DISTINCT dyad FROM dyad_events ORDER BY dyad")["dyad"]
    return [tuple(dyad.split(" ", 1)) for dyad in found.tolist()]


def assert_counted_as_scanned(path: Path) -> int:
    """Every dyad of the database, asked every way of ASKED: the same answers both ways.
    Returns how many dyads were compared."""
    with relata.open_store(path) as store:
        assert store.dyads_counted()
        # the latest stories kept, as they would be found again from all the events
        kept, found = (store.query(f"SELECT * FROM ({table}) ORDER BY ALL").to_dict("list")
                       for table in ("SELECT * FROM dyad_latest", latest_stories(
                           "dyad_events", "documents", kept=False)))
        assert kept == found
        dyads = _dyads(store)
        counted = {(a, b, *asked): _answer(store, a, b, *asked)
                   for a, b in dyads for asked in ASKED}
        # the rows of all the dyads read at once, as the server reads those asked together
        store.counted = True
        for freq, modalities, since, until, evidence in ASKED:
            if since or until or evidence is None or evidence > schema.LATEST_STORIES:
                continue
            store.read_ahead = series.read_ahead(store, freq, modalities)
            assert store.read_ahead is not None
            for a, b in dyads:
                asked = (freq, modalities, since, until, evidence)
                assert _answer(store, a, b, *asked) == counted[a, b, *asked], (a, b, asked)
        store.counted = store.read_ahead = None
        with _scanning():
            for (a, b, *asked), answer in counted.items():
                assert answer == _answer(store, a, b, *asked), (a, b, asked)
            assert_answers_kept(store)
    return len(dyads)


def assert_answers_kept(store) -> None:
    """Each country dyad's answer to the dashboard's question that ingest keeps
    (dyad_answers) is current, and byte for byte the one computed from its events."""
    assert store.dyads_answered()
    kept = dict(store._db.execute("SELECT dyad, answer FROM dyad_answers").fetchall())
    keys = [" ".join(pair) for pair in _dyads(store)]
    assert set(kept) == {key for key in keys if answers._parties(key)}
    assert len(kept) >= 5
    for key, answer in kept.items():
        found = dyad_series(store, *answers._parties(key), **answers.KEPT_QUESTION)
        assert answers.nameless_json(found).decode() == answer, key


# (freq, modalities, since, until) of the trends compared: whole periods, read from the
# counts of the unit; windows that cut periods, from the days' counts
TRENDS_ASKED = [
    ("M", ("factual",), dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
    ("W", MODALITIES, None, None),
    ("D", ("factual", "predicted"), None, None),
    ("M", ("factual",), dt.date(2016, 1, 1), dt.date(2025, 7, 31)),
    ("W", ("factual",), dt.date(2016, 1, 6), dt.date(2025, 8, 7)),
    ("M", ("factual", "negated"), dt.date(2024, 5, 20), None),
]


def assert_trends_counted_as_scanned(path: Path) -> None:
    """`trends` read from the counts per period is `trends` read from the events."""
    with relata.open_store(path) as store:
        assert store.dyads_counted()
        for freq, modalities, since, until in TRENDS_ASKED:
            asked = {"freq": freq, "modalities": modalities, "since": since, "until": until,
                     "min_events": 1, "top": None}
            counted = ranking(store, **asked)
            store.counted = False  # as if they were not current: from dyad_events
            scanned = ranking(store, **asked)
            store.counted = None
            assert rows(counted) == rows(scanned), (freq, modalities, since, until)
            assert len(rows(counted)) >= 1, (freq, modalities, since, until)


def _counts(path: Path) -> tuple:
    with relata.open_store(path) as store:
        return tuple(store.query(f"SELECT * FROM {table} ORDER BY ALL").to_dict("list")
                     for table in ("dyad_stories", "dyad_documents", "dyad_aggregated",
                                   "dyad_latest"))


@pytest.fixture(scope="module")
def corpora_db(pipeline, tmp_path_factory) -> Path:
    """examples/ and the stories corpus, ingested in two runs."""
    path = tmp_path_factory.mktemp("counted") / "corpora.duckdb"
    with relata.open_store(path, write=True) as store:
        relata.ingest(store, [EXAMPLES], pipeline=pipeline)
        relata.ingest(store, [CORPUS], pipeline=pipeline, batch_size=2)
    return path


def test_the_counted_series_are_the_scanned_ones(corpora_db):
    with relata.open_store(corpora_db) as store:  # stories that several articles report
        assert store.query("SELECT count(*) AS n FROM dyad_events "
                           "WHERE event_id <> story_id")["n"][0] >= 3
    assert assert_counted_as_scanned(corpora_db) >= 10
    assert_trends_counted_as_scanned(corpora_db)


def test_an_ingest_run_again_counts_nothing_twice(corpora_db, pipeline, tmp_path):
    path = tmp_path / "again.duckdb"
    shutil.copy(corpora_db, path)
    before = _counts(path)
    with relata.open_store(path, write=True) as store:
        report = relata.ingest(store, [EXAMPLES, CORPUS], pipeline=pipeline)
    assert report.stored == 0
    assert _counts(path) == before


def test_more_documents_are_counted_with_the_stored_ones(examples_db, pipeline, tmp_path,
                                                        monkeypatch):
    """The stories corpus after examples/, one article a batch: its events join stories
    stored in earlier batches, and each batch's counts are appended to the stored ones
    (left so: no sorting at the end of the run), then summed when dyad_events is sorted."""
    path = tmp_path / "more.duckdb"
    shutil.copy(examples_db, path)
    monkeypatch.setattr(store_module, "UNSORTED_SHARE", 1.0)
    with relata.open_store(path, write=True) as store:
        relata.ingest(store, [CORPUS], pipeline=pipeline, batch_size=1)
    assert _keys(path)[0] > _keys(path)[1]  # rows appended for keys stored before
    assert assert_counted_as_scanned(path) >= 10
    assert_trends_counted_as_scanned(path)
    with relata.open_store(path, write=True) as store:
        assert store.sort_dyads(force=True)
    assert _keys(path)[0] == _keys(path)[1]  # one row a key
    assert assert_counted_as_scanned(path) >= 10


def test_the_latest_stories_kept_are_merged_batch_by_batch(examples_db, pipeline, tmp_path,
                                                           monkeypatch):
    """Two stories kept of each dyad and modality, the stories corpus one article a batch:
    each batch's latest are merged with those kept, and what is kept is what all the events
    give; evidence of one or two stories is read from them, of more by the cutoff."""
    path = tmp_path / "latest.duckdb"
    shutil.copy(examples_db, path)
    monkeypatch.setattr(schema, "LATEST_STORIES", 2)
    monkeypatch.setattr(series, "LATEST_STORIES", 2)
    monkeypatch.setattr(store_module, "UNSORTED_SHARE", 1.0)  # not counted again at the end
    with relata.open_store(path, write=True) as store:
        store.aggregate_dyads()  # two kept of the examples' stories
        relata.ingest(store, [CORPUS], pipeline=pipeline, batch_size=1)
        assert store.query("SELECT max(n) AS n FROM (SELECT count(*) AS n FROM dyad_latest "
                           "GROUP BY dyad, modality)")["n"][0] == 2
    assert assert_counted_as_scanned(path) >= 10


def _keys(path: Path) -> tuple[int, int]:
    """dyad_stories' rows, and its keys."""
    with relata.open_store(path) as store:
        found = store.query("SELECT count(*) AS n, count(DISTINCT (dyad, unit, period, "
                            "modality, quad_class)) AS k FROM dyad_stories")
    return int(found["n"][0]), int(found["k"][0])


def test_a_failed_batch_leaves_the_counts_as_they_were(examples_db, pipeline, tmp_path,
                                                       monkeypatch):
    path = tmp_path / "failed.duckdb"
    shutil.copy(examples_db, path)
    before = _counts(path)

    def fail(*args, **kwargs):
        raise OSError("disk full")

    with relata.open_store(path, write=True) as store:
        monkeypatch.setattr(store, "_insert_copies", fail)  # after the counts are written
        with pytest.raises(OSError):
            relata.ingest(store, [CORPUS], pipeline=pipeline)
    assert _counts(path) == before
    assert assert_counted_as_scanned(path) >= 5


def test_a_database_from_before_the_counts_gets_them(corpora_db, tmp_path):
    path = tmp_path / "old.duckdb"
    shutil.copy(corpora_db, path)
    with relata.open_store(path, write=True) as store:  # back to schema version 7
        store.query(BEFORE_PLAIN_NAMES + "DROP TABLE dyad_stories; DROP TABLE dyad_documents; "
                    "DROP TABLE dyad_aggregated; DROP TABLE dyad_latest; DROP TABLE dyad_answers; "
                    "DROP TABLE dyad_answered; "
                    + "".join(f"ALTER TABLE dyad_events DROP COLUMN {column}; "
                              for column in ("type", "mode", "source_text", "target_text",
                                             "trigger_text", "attribution", "confidence",
                                             "sentence_start", "sentence_end",
                                             "trigger_start"))
                    + "DELETE FROM schema_version WHERE version >= 8; SELECT 1")
    assert _counts(path) == _counts(corpora_db)  # opened read-only: migrated, then read
    assert assert_counted_as_scanned(path) >= 10


def test_events_written_by_other_means_are_scanned(examples_db, tmp_path):
    """Rows that only dyad_events has (a benchmark's SQL): the counts are not current, and
    the series are read from the events until `aggregate_dyads` counts them again."""
    path = tmp_path / "direct.duckdb"
    shutil.copy(examples_db, path)
    with relata.open_store(path, write=True) as store:
        store.query("INSERT INTO dyad_events SELECT * REPLACE (event_id || 'x' AS event_id, "
                    "event_id || 'x' AS story_id) FROM dyad_events WHERE dyad = 'AZE RUS'; "
                    "SELECT 1")
        assert not store.dyads_counted() and not store.dyads_answered()
        doubled = dyad_series(store, "RUS", "AZE").total_events
        store.aggregate_dyads()
        assert store.dyads_counted()
        assert dyad_series(store, "RUS", "AZE").total_events == doubled == 8
    assert assert_counted_as_scanned(path) >= 10
