"""POST /api/ingest: off without a token, refused without the right one, stored with it."""

from __future__ import annotations

import shutil

from fastapi.testclient import TestClient

from relata.api import create_app
from relata.api.routes_code import TOKEN_HEADER

ARTICLE = {"text": "Вчера армия РФ атаковала заправку SOCAR в Житомирской области.",
           "date": "2025-08-07", "url": "https://example.org/1", "id": "a-1"}


def test_ingest_is_off_without_a_server_token(examples_db):
    client = TestClient(create_app(examples_db))
    response = client.post("/api/ingest", json={"documents": [ARTICLE]},
                           headers={TOKEN_HEADER: "anything"})
    assert response.status_code == 404 and "--token" in response.json()["error"]["message"]


def test_ingest_needs_the_token_and_then_stores(examples_db, pipeline, tmp_path):
    db = shutil.copy(examples_db, tmp_path / "copy.duckdb")
    client = TestClient(create_app(db, token="s3cret", pipeline=pipeline))
    for headers in ({}, {TOKEN_HEADER: "wrong"}):
        response = client.post("/api/ingest", json={"documents": [ARTICLE]}, headers=headers)
        assert response.status_code == 403, response.text
        assert response.json()["error"]["field"] == TOKEN_HEADER
    before = client.get("/api/status").json()["counts"]
    ok = {TOKEN_HEADER: "s3cret"}
    stored = client.post("/api/ingest", json={"documents": [ARTICLE]}, headers=ok).json()
    assert (stored["read"], stored["stored"], stored["problems"]) == (1, 1, [])
    after = client.get("/api/status").json()["counts"]
    assert after["documents"] == before["documents"] + 1
    assert after["events"] == before["events"] + 1
    again = client.post("/api/ingest", json={"documents": [ARTICLE]}, headers=ok).json()
    assert (again["stored"], again["duplicates"]) == (0, 1)
    for date in ("2025-02-30", 0, "07.08.2025"):  # YYYY-MM-DD only, as everywhere in the API
        bad = client.post("/api/ingest", json={"documents": [{**ARTICLE, "date": date}]},
                          headers=ok)
        assert bad.status_code == 422 and bad.json()["error"]["field"] == "documents.0.date"
    blank = client.post("/api/ingest", json={"documents": [{"text": " \n\x1c"}]}, headers=ok)
    assert blank.status_code == 422 and blank.json()["error"]["field"] == "documents.0.text"
