"""The busiest dyads' answers, computed ahead of the requests (relata/api/warm.py): asked
the dashboard's way, in either order, they are served without computing anything, they
are the library's own, and an ingest through the API has them computed again."""

from __future__ import annotations

import shutil
import time

from fastapi.testclient import TestClient

from relata import open_store
from relata.api import create_app
from relata.api import relations as api_relations
from relata.api.warm import busiest_dyads
from relata.store import Store
from test_api_equivalence import TOKEN, _library

TOP = 3


def _warmed(client) -> dict:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        warm = client.get("/api/status").json()["warm"]
        if not warm["running"]:
            return warm
        time.sleep(0.05)
    raise AssertionError("still warming after 30 s")


def _computed(monkeypatch) -> list:
    """The answers made: computed (dyad_series), or read from those ingest keeps."""
    calls = []
    real, read = api_relations.dyad_series, Store.dyad_answer

    def counted(*args, **kwargs):
        calls.append(args[1:3])
        return real(*args, **kwargs)

    def kept(store, dyad):
        found = read(store, dyad)
        if found is not None:
            calls.append(dyad)
        return found

    monkeypatch.setattr(api_relations, "dyad_series", counted)
    monkeypatch.setattr(Store, "dyad_answer", kept)
    return calls


def test_warmed_dyads_are_answered_without_computing(examples_db, pipeline, tmp_path,
                                                     monkeypatch):
    db = tmp_path / "copy.duckdb"
    shutil.copy(examples_db, db)
    with open_store(db) as store:
        busiest = busiest_dyads(store, TOP)
    assert len(busiest) == TOP
    computed = _computed(monkeypatch)
    with TestClient(create_app(db, token=TOKEN, pipeline=pipeline, warm=TOP)) as client:
        assert _warmed(client) == {"dyads": TOP, "warmed": TOP, "running": False}
        assert len(computed) == TOP
        for a, b in busiest:
            for first, second in ((a, b), (b, a)):
                answer = client.get("/api/dyad", params={"a": first, "b": second}).json()
                assert answer == _library(db, first, second, {})
        assert len(computed) == TOP  # all from what was warmed
        response = client.post("/api/ingest", headers={"X-Relata-Token": TOKEN}, json={
            "documents": [{"text": "Россия обвинила Украину в обстреле границы.",
                           "date": "2017-03-01"}]})
        assert response.status_code == 200, response.text
        assert _warmed(client)["warmed"] == TOP
        assert len(computed) == 2 * TOP  # the new version warmed again
        a, b = busiest[0]
        assert client.get("/api/dyad", params={"a": a, "b": b}).json() == _library(db, a, b,
                                                                                   {})
        assert len(computed) == 2 * TOP


def test_no_warming_unless_asked(examples_db):
    with TestClient(create_app(examples_db)) as client:
        assert client.get("/api/status").json()["warm"] is None
