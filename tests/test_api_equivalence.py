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
from relata.relations import dyad_series

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


def test_answers_from_every_dyads_rows_read_at_once_are_the_librarys(examples_db):
    """Every dyad's rows read at once, as the warmer reads them (Context.read_all): each
    answer taken from them is still the library's, every dyad of examples/, in either
    order; another question is read as before."""
    from relata.api import relations
    from relata.api.context import Context

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
