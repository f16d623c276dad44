"""Stand-ins for the tests that need a process of their own and no model: `relata serve` as
the command runs it, with a stand-in for the models (a document whose text says `wait N`
keeps them N seconds), and another process that stores documents or holds the database.

    python tests/serve_stub.py serve --db DB --port PORT [--token TOKEN]
    python tests/serve_stub.py store DB TEXT…      # stores the texts, as `relata ingest`
    python tests/serve_stub.py hold DB SECONDS     # holds DB open for writing, says `held`
"""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

import relata.api
from relata.ingest import ingest_items
from relata.pipeline import Pipeline
from relata.records import Analysis
from relata.sources.document import make_document
from relata.store import open_store

HOST = "127.0.0.1"
PAUSE = re.compile(r"wait (\d+(?:\.\d+)?)")


class Wait:
    """A stage that does nothing but take the time a document asks for."""

    name = "wait"

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        for analysis in batch:
            if found := PAUSE.search(analysis.document.text):
                time.sleep(float(found[1]))
        return batch


class Broken:
    """A stage that fails on everything."""

    name = "broken"

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        raise ValueError("no parse for this text")


def stand_in() -> Pipeline:
    return Pipeline([Wait()])


def store_texts(db: Path, texts: list[str]) -> list[str]:
    """Store `texts` as documents (analysed by the stand-in); their ids."""
    documents = [make_document(text, origin=f"test:{n}") for n, text in enumerate(texts)]
    with open_store(db, write=True) as store:
        ingest_items(store, documents, pipeline=stand_in())
    return [d.id for d in documents]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """This module's `relata serve` on a free loopback port: its address and its process,
    killed on the way out if it still runs."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, __file__, "serve", "--db", str(db), "--host", HOST, "--port",
         str(port), *options], stderr=subprocess.PIPE, text=True)
    url = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline, "the server did not start"
            try:
                httpx.get(f"{url}/api/status", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        yield url, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait()
        process.stderr.close()


def in_another_process(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, __file__, *arguments], capture_output=True,
                          text=True, timeout=60)


@contextmanager
def held(db: Path, seconds: float = 60) -> Iterator[subprocess.Popen]:
    """`db` open for writing in another process, for `seconds` or until the block ends."""
    process = subprocess.Popen([sys.executable, __file__, "hold", str(db), str(seconds)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline() == "held\n", process.stderr.read()
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        process.stderr.close()


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "store":
        store_texts(Path(arguments[0]), arguments[1:])
    elif command == "hold":
        with open_store(arguments[0], write=True):
            print("held", flush=True)
            time.sleep(float(arguments[1]))
    else:
        from relata.cli import main

        real = relata.api.create_app
        # `relata serve` imports create_app from relata.api when it runs: it gets this one.
        relata.api.create_app = lambda db, **options: real(db, pipeline=stand_in(), **options)
        main()
