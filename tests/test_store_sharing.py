"""`relata serve` and `relata ingest` on one database: the server holds the file only while
it answers, so an ingest by another process goes through and the server then sees what it
stored; while another process holds the file, the API answers 503 without naming the file
or the process, and a process that opens it waits a few seconds for it first."""

from __future__ import annotations

import logging
import time

import pytest
from fastapi.testclient import TestClient

from relata.api import create_app
from relata.errors import StoreError
from relata.store import open_store

from serve_stub import held, in_another_process, store_texts


def _documents(client: TestClient) -> int:
    response = client.get("/api/status")
    assert response.status_code == 200, response.text
    return response.json()["counts"]["documents"]


def test_another_process_ingests_while_the_server_runs(tmp_path):
    db = tmp_path / "shared.duckdb"
    store_texts(db, ["Первый текст."])
    client = TestClient(create_app(db))
    assert _documents(client) == 1  # the server has answered: it had the file open
    stored = in_another_process("store", str(db), "Второй текст.", "Третий текст.")
    assert stored.returncode == 0, stored.stderr
    assert _documents(client) == 3


def test_a_database_held_elsewhere_is_a_503_that_names_neither_file_nor_process(
        tmp_path, caplog):
    db = tmp_path / "shared.duckdb"
    store_texts(db, ["Первый текст."])
    client = TestClient(create_app(db))
    with caplog.at_level(logging.WARNING), held(db) as other:
        response = client.get("/api/status")
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert response.json()["error"]["code"] == "store_busy"
    assert "in use by another process" in response.json()["error"]["message"]
    for secret in (str(tmp_path), "PID", str(other.pid)):
        assert secret not in response.text
    assert str(db) in caplog.text and str(other.pid) in caplog.text  # said to the server's log
    assert _documents(client) == 1  # the other process gone, the server reads again


@pytest.mark.parametrize("wait, opened", [(0, False), (10, True)])
def test_opening_waits_for_another_process_to_let_go(tmp_path, wait, opened):
    db = tmp_path / "shared.duckdb"
    store_texts(db, ["Первый текст."])
    with held(db, seconds=0.5):
        started = time.monotonic()
        if opened:
            with open_store(db, wait=wait, write=True) as store:
                assert store.counts()["documents"] == 1
        else:
            with pytest.raises(StoreError, match="in use by another process"):
                open_store(db, wait=wait, write=True)
            assert time.monotonic() - started < 0.5
