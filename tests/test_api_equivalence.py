"""The API's dyad answers, cached and computed without pandas, are the library's own:
`relata.dyad_series` of the order asked, before and after an ingest through the API."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from fastapi.testclient import TestClient

from relata import open_store
from relata.api import create_app
from relata.api.context import records
from relata.relations import answers, dyad_series
from relata.store import Store

TOKEN = "secret"
ASKED = [
    ("RUS", "AZE", {}),
    ("AZE", "RUS", {}),
    ("RUS", "AZE", {"directed": True}),
    ("AZE", "RUS", {"directed": True}),
    ("RUS", "AZE", {"freq": "D", "modality": ["factual", "predicted"]}),
    ("Россия", "AZE", {"freq": "W", "since": dt.date(2016, 1, 1)}),
    ("RUS", "UKR", {"until": dt.date(2030, 1, 1), "evidence": 3}),
    ("USA", "RUS", {"modality": ["predicted"]}),
]


def _library(db, a, b, options) -> dict:
    with open_store(db) as store:
        found = dyad_series(store, a, b, freq=options.get("freq", "M"),
                            directed=options.get("directed", False),
                            modalities=options.get("modality", ["factual"]),
                            since=options.get("since"), until=options.get("until"),
                            evidence=options.get("evidence", 20))
    return {"summary": found.summary(), "series": records(found.series),
            "evidence": records(found.evidence)}


def _api(client, a, b, options) -> dict:
    params = {"a": a, "b": b, **{k: v.isoformat() if isinstance(v, dt.date) else v
                                 for k, v in options.items()}}
    response = client.get("/api/dyad", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _same(client, db) -> None:
    for a, b, options in ASKED:
        for _ in range(2):  # computed, then from the cache
            assert _api(client, a, b, options) == _library(db, a, b, options), (a, b, options)


def test_the_api_answers_as_the_library_before_and_after_an_ingest(examples_db, pipeline,
                                                                    tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(examples_db, db)
    client = TestClient(create_app(db, token=TOKEN, pipeline=pipeline))
    _same(client, db)
    before = _api(client, "RUS", "UKR", {})["summary"]["events"]
    text = ("Россия обвинила Украину в обстреле границы. Президент России Владимир Путин "
            "осудил Украину.")
    response = client.post("/api/ingest", headers={"X-Relata-Token": TOKEN},
                           json={"documents": [{"text": text, "date": "2017-03-01"}]})
    assert response.status_code == 200, response.text
    after = _api(client, "RUS", "UKR", {})["summary"]["events"]
    assert after > before  # the answer kept before the ingest is not served after it
    _same(client, db)


@pytest.mark.parametrize("key", ["a", "b"])
def test_an_unknown_side_is_a_404_each_time(examples_db, key):
    client = TestClient(create_app(examples_db))
    params = {"a": "RUS", "b": "AZE", key: "XYZQ"}
    for _ in range(2):  # an error is not kept
        response = client.get("/api/dyad", params=params)
        assert response.status_code == 404 and response.json()["error"]["field"] == key


def _every_dyad(db) -> list[list[str]]:
    with open_store(db) as store:
        return [key.split(" ") for key in store.arrays(
            "SELECT DISTINCT dyad FROM dyad_events ORDER BY dyad")["dyad"].tolist()]


def _bodies(db, dyads) -> dict:
    """The bytes /api/dyad sends for the dashboard's question of every dyad, both ways,
    and of Russia by name."""
    client = TestClient(create_app(db))
    asked = [(first, second) for a, b in dyads for first, second in ((a, b), (b, a))]
    asked += [("Россия", b) for a, b in dyads if a == "RUS"]
    found = {}
    for a, b in asked:
        response = client.get("/api/dyad", params={"a": a, "b": b})
        assert response.status_code == 200, response.text
        found[a, b] = response.content
    client.app.state.relata._close_unused()  # not left open a second: others write it
    return found


def _reads(monkeypatch) -> list[str]:
    """The kept answers read (Store.dyad_answer), recorded."""
    read, calls = Store.dyad_answer, []

    def recorded(store, dyad):
        calls.append(dyad)
        return read(store, dyad)

    monkeypatch.setattr(Store, "dyad_answer", recorded)
    return calls


def test_the_answers_ingest_keeps_are_sent_byte_for_byte_as_computed(examples_db, pipeline,
                                                                     tmp_path, monkeypatch):
    """The dashboard's question of every dyad of examples/, in either order and by name:
    the answer kept at ingest (relations.answers) is sent, and its bytes are those of the
    answer computed; after an ingest through the API, the new ones; a database whose
    answers another relata made is answered by computing, until it is opened to write."""
    db = tmp_path / "copy.duckdb"
    shutil.copy(examples_db, db)
    dyads = _every_dyad(db)
    reads = _reads(monkeypatch)
    kept = _bodies(db, dyads)
    # each dyad's kept answer read once, whatever the order or spelling asked
    assert sorted(reads) == [" ".join(dyad) for dyad in dyads if answers._parties(" ".join(dyad))]
    with monkeypatch.context() as patch:  # none kept: every answer computed
        patch.setattr(Store, "dyad_answer", lambda store, dyad: None)
        assert _bodies(db, dyads) == kept
    for (a, b), body in list(kept.items())[:6]:
        assert json.loads(body) == _library(db, a, b, {})

    client = TestClient(create_app(db, token=TOKEN, pipeline=pipeline))
    response = client.post("/api/ingest", headers={"X-Relata-Token": TOKEN}, json={
        "documents": [{"text": "Россия обвинила Украину в обстреле границы.",
                       "date": "2017-03-01"}]})
    assert response.status_code == 200, response.text
    answer = client.get("/api/dyad", params={"a": "UKR", "b": "RUS"})
    assert answer.json() == _library(db, "UKR", "RUS", {})
    assert reads[-1] == "RUS UKR"
    client.app.state.relata._close_unused()
    with open_store(db) as store:
        assert store.dyads_answered()

    with open_store(db, write=True) as store:  # as another relata would have kept them
        store.query("UPDATE dyad_answered SET format = 'another'; SELECT 1")
    with open_store(db) as store:
        assert not store.dyads_answered()
    reads.clear()
    computed = _bodies(db, dyads)
    assert reads == []  # none read: all computed
    with open_store(db, write=True):  # answered again, once
        pass
    with open_store(db) as store:
        assert store.dyads_answered()
    assert _bodies(db, dyads) == computed
    assert len(reads) >= 10


def test_answers_from_every_dyads_rows_read_at_once_are_the_librarys(examples_db,
                                                                     monkeypatch):
    """Every dyad's rows read at once, as the warmer reads them (Context.read_all): each
    answer taken from them is still the library's, every dyad of examples/, in either
    order; another question is read as before."""
    from relata.api import relations
    from relata.api.context import Context

    # the answers computed, not those ingest keeps (tested above)
    monkeypatch.setattr(Store, "dyad_answer", lambda store, dyad: None)

    context = Context(examples_db)
    version = context.version()
    with open_store(examples_db) as store:
        dyads = [key.split(" ") for key in store.arrays(
            "SELECT DISTINCT dyad FROM dyad_events ORDER BY dyad")["dyad"].tolist()]
    context.read_all((version, "M", ("factual",)))
    assert context.rows_read((version, "M", ("factual",))).counts
    for a, b in dyads:
        for first, second in ((a, b), (b, a)):
            for options in ({}, {"freq": "W"}, {"evidence": 3}):
                body = relations.dyad_json(
                    context, version, first, second, freq=options.get("freq", "M"),
                    directed=False, modalities=["factual"], since=None, until=None,
                    evidence=options.get("evidence", 20))
                assert json.loads(body) == _library(examples_db, first, second, options), (
                    first, second, options)


def test_an_answer_asked_again_is_sent_again_as_it_was(examples_db, monkeypatch):
    """The same query string asked again: the same status, headers and bytes, without
    FastAPI (relata/api/replay.py); an error is answered by FastAPI each time."""
    from relata.api import routes_relations

    calls = []  # the route's
    real = routes_relations.context

    def counted(request):
        calls.append(request.url)
        return real(request)

    monkeypatch.setattr(routes_relations, "context", counted)
    client = TestClient(create_app(examples_db))
    for params in ({"a": "RUS", "b": "AZE"}, {"a": "AZE", "b": "RUS", "freq": "W"}):
        first = client.get("/api/dyad", params=params)
        again = client.get("/api/dyad", params=params)
        assert first.status_code == again.status_code == 200
        assert again.content == first.content and again.headers == first.headers
    assert len(calls) == 2  # once each
    reordered = client.get("/api/dyad", params={"b": "AZE", "a": "RUS"})  # another string
    assert reordered.content == client.get("/api/dyad", params={"a": "RUS", "b": "AZE"}).content
    assert len(calls) == 3
    for _ in range(2):
        assert client.get("/api/dyad", params={"a": "RUS", "b": "XYZQ"}).status_code == 404
        assert client.get("/api/dyad", params={"a": "RUS", "b": "AZE",
                                               "freq": "Y"}).status_code == 422
    assert len(calls) == 5  # the 404 each time (the 422 is FastAPI's, before the route)
