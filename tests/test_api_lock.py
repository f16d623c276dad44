"""The locks of the API: its one writer (ingest) kept apart from its readers, the models
taken one request at a time, and no request that waits forever; and SIGTERM stops it."""

from __future__ import annotations

import signal
import socket
import subprocess
import threading
import time

import httpx
import pytest

from relata.api.context import ReadWriteLock
from relata.api.routes_code import TOKEN_HEADER

from serve_stub import serving, store_texts

STOPPED_WITHIN = 6  # seconds after SIGTERM, requests in flight or not


def test_a_writer_waits_for_readers_and_new_readers_wait_for_it():
    lock, order = ReadWriteLock(), []
    reading, release = threading.Event(), threading.Event()

    def reader(name: str, hold: threading.Event | None = None) -> None:
        with lock.reading():
            order.append(f"{name} in")
            reading.set()
            if hold:
                hold.wait(5)
            order.append(f"{name} out")

    def writer() -> None:
        with lock.writing():
            order.append("writer")

    first = threading.Thread(target=reader, args=("first", release))
    first.start()
    reading.wait(5)
    write = threading.Thread(target=writer)
    write.start()
    deadline = time.monotonic() + 5
    while not lock._writing:  # the writer is waiting for the first reader
        assert time.monotonic() < deadline
        time.sleep(0.01)
    late = threading.Thread(target=reader, args=("late",))
    late.start()
    time.sleep(0.1)  # the late reader, come after the writer, waits behind it
    assert order == ["first in"]
    release.set()
    for thread in (first, write, late):
        thread.join(5)
    assert order == ["first in", "first out", "writer", "late in", "late out"]


def _send(results: dict, name: str, method: str, url: str, **options) -> threading.Thread:
    def request() -> None:
        try:
            results[name] = httpx.request(method, url, timeout=10, **options).status_code
        except httpx.HTTPError as e:
            results[name] = repr(e)

    thread = threading.Thread(target=request, daemon=True)
    thread.start()
    return thread


def test_code_ingest_and_attitudes_at_once_all_finish(tmp_path):
    # /api/code holds the models; ingest waits for them, then attitudes comes: it must not
    # hold the database while it waits for the models that ingest, waiting for the database
    # to be free of readers, has taken.
    db = tmp_path / "shared.duckdb"
    (doc_id,) = store_texts(db, ["Россия и Азербайджан."])
    results: dict[str, int | str] = {}
    with serving(db, "--token", "t") as (url, _):
        threads = [_send(results, "code", "POST", f"{url}/api/code",
                         json={"text": "wait 1.5"})]
        time.sleep(0.4)
        threads.append(_send(results, "ingest", "POST", f"{url}/api/ingest",
                             json={"documents": [{"text": "Новый текст."}]},
                             headers={TOKEN_HEADER: "t"}))
        time.sleep(0.4)
        threads.append(_send(results, "attitudes", "GET",
                             f"{url}/api/documents/{doc_id}/attitudes"))
        for thread in threads:
            thread.join(15)
        assert results == {"code": 200, "ingest": 200, "attitudes": 200}
        assert httpx.get(f"{url}/api/status").json()["counts"]["documents"] == 2


def test_sigterm_stops_the_server_with_requests_in_flight(tmp_path):
    db = tmp_path / "shared.duckdb"
    store_texts(db, ["Россия и Азербайджан."])
    results: dict[str, int | str] = {}
    with serving(db) as (url, process):
        _send(results, "code", "POST", f"{url}/api/code", json={"text": "wait 60"})
        address = httpx.URL(url)
        upload = socket.create_connection((address.host, address.port))  # a body never sent
        upload.sendall(b"POST /api/code HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
        time.sleep(0.5)
        asked = time.monotonic()
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(STOPPED_WITHIN)
        except subprocess.TimeoutExpired:
            pytest.fail("relata serve still runs after SIGTERM")
        upload.close()
    assert time.monotonic() - asked < STOPPED_WITHIN
