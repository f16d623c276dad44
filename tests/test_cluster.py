"""Analysis on a Dask cluster: a two-worker LocalCluster stores what one process stores."""

import duckdb
import pytest

from relata import ingest, open_store
from relata.cluster import ClusterError, DaskPipeline, parse_address

from conftest import EXAMPLES

QUERY = """SELECT d.origin, e.type, e.cameo, e.source_code, e.target_code, e.modality,
                  e.trigger_start, e.trigger_end, e.mutual, e.story_id
           FROM events e JOIN documents d ON d.id = e.doc_id ORDER BY ALL"""


def _rows(db, query=QUERY):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query).fetchall()


@pytest.mark.parametrize(("address", "expected"), [
    ("local", ("local", 2)), ("local:3", ("local", 3)),
    ("tcp://10.0.0.1:8786", ("tcp://10.0.0.1:8786", None)),
])
def test_addresses(address, expected):
    assert parse_address(address) == expected


@pytest.mark.parametrize("address", ["local:0", "local:two"])
def test_bad_local_address(address):
    with pytest.raises(ClusterError, match="number of workers"):
        parse_address(address)


def test_two_dask_workers_store_what_one_process_stores(tmp_path, examples_db):
    db = tmp_path / "dask.duckdb"
    pipeline = DaskPipeline("local:2")
    try:
        assert pipeline.workers == 2
        with open_store(db, write=True) as store:
            report = ingest(store, [EXAMPLES], pipeline=pipeline, batch_size=2)
    finally:
        pipeline.close()
    assert report.failed == 0 and report.stored > 0
    assert _rows(db) == _rows(examples_db)  # event for event
    mentions = 'SELECT doc_id, start_char, end_char, actor_code FROM mentions ORDER BY ALL'
    assert _rows(db, mentions) == _rows(examples_db, mentions)


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(tmp_path, examples_db):
    import os
    import signal

    from relata.ingest import IngestEvents

    db = tmp_path / "dask.duckdb"
    pipeline = DaskPipeline("local:2")
    killed = []

    def kill_one(report, documents) -> None:
        if not killed:  # after the first batch is stored, a worker dies mid-run
            nanny = next(iter(pipeline._cluster.workers.values()))
            os.kill(nanny.process.process.pid, signal.SIGKILL)
            killed.append(nanny)

    try:
        with open_store(db, write=True) as store:
            report = ingest(store, [EXAMPLES], pipeline=pipeline, batch_size=1,
                            events=IngestEvents(on_batch=kill_one))
    finally:
        pipeline.close()
    assert killed and report.failed == 0
    assert _rows(db) == _rows(examples_db)
    assert _rows(db, "SELECT count(*) = count(DISTINCT id) FROM documents") == [(True,)]
