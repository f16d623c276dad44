from __future__ import annotations

import atexit
import errno
import os
import re
import shutil
import tempfile
import threading
from functools import partial
from pathlib import Path

import pytest

from relata.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]

# relata's cache (the code lists read back as JSON) goes to a folder of this run's, not
# the user's: a test sees only the cache it made, and the folder goes when the run ends.
os.environ["RELATA_CACHE_DIR"] = tempfile.mkdtemp(prefix="relata-cache-")
atexit.register(shutil.rmtree, os.environ["RELATA_CACHE_DIR"], ignore_errors=True)


def _shared() -> Path:
    """The workplace's shared folder (gold data, tools): beside the checkout, or $RELATA_SHARED."""
    for candidate in (os.environ.get("RELATA_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if candidate and Path(candidate, "data").is_dir():
            return Path(candidate)
    return ROOT.parent / "shared"


SHARED = _shared()
DATA = SHARED / "data"
EXAMPLES = ROOT / "examples"
FOUNDING = EXAMPLES / "2025-08-07-minval-ru-az.txt"
# SQL that takes a current database back to the names it had before migration 9, for the
# tests that make an older database out of a new one
BEFORE_PLAIN_NAMES = ("ALTER TABLE documents RENAME COLUMN outlet TO source; "
                      "ALTER TABLE mentions RENAME COLUMN start_char TO start; "
                      'ALTER TABLE mentions RENAME COLUMN end_char TO "end"; ')


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def nlp_pipeline() -> Pipeline:
    """The language stages only: sentences, tokens and NER mentions, no actors."""
    from relata.language import DetectLanguage, RussianNLP

    return Pipeline([DetectLanguage(), RussianNLP()])


@pytest.fixture(scope="session")
def examples_db(pipeline, tmp_path_factory) -> Path:
    """A database of examples/, ingested by relata itself once for the session; read it only
    (copy it to write)."""
    from relata import ingest, open_store

    path = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    with open_store(path, write=True) as store:
        ingest(store, [EXAMPLES], pipeline=pipeline)
    return path


def _analyse(pipeline: Pipeline):
    from relata.sources import read

    (document,) = read([FOUNDING])
    return pipeline([document])[0]


@pytest.fixture(scope="session")
def founding(pipeline):
    """The founding article through the whole pipeline, once for the session."""
    return _analyse(pipeline)


@pytest.fixture(scope="session")
def founding_nlp(nlp_pipeline):
    """The founding article through the language stages only."""
    return _analyse(nlp_pipeline)


def code(pipeline: Pipeline, text: str, date: str = "2016-05-01"):
    """The events the pipeline codes in one text of that date."""
    from relata.sources import parse_text

    return pipeline([parse_text(f" date {date} {text}", "t")])[0].events


def unpunctuated(size: int) -> str:
    """At least `size` bytes of the founding article's words without punctuation: one
    sentence as razdel sees it, with names and trigger words all along."""
    body = FOUNDING.read_text(encoding="utf-8").split("\n", 1)[1]
    once = " ".join(re.sub(r"[^\w\s-]", " ", body).split())
    return " ".join([once] * (size // len(once.encode()) + 1))


def assert_tree(tokens) -> None:
    """The tokens' heads make one tree: one root, every token reaches it, every one has a
    relation."""
    heads = [t.head for t in tokens]
    assert heads.count(0) == 1
    for i in range(1, len(heads) + 1):  # every token reaches the root, no cycles
        seen, node = set(), i
        while heads[node - 1] != 0:
            assert node not in seen
            seen.add(node)
            node = heads[node - 1]
    assert all(t.rel for t in tokens)


def sides(events) -> set[tuple[str, str | None, str | None]]:
    """(type, source side, target side) of events, a side being a country or an IGO code;
    a mutual act (`symmetric`) stands for both directions."""
    found = set()
    for e in events:
        source = e.source.country or e.source.code
        target = e.target and (e.target.country or e.target.code)
        found.add((e.type, source, target))
        if e.symmetric:
            found.add((e.type, target, source))
    return found


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def refuse_listing(monkeypatch, *folders: Path) -> None:
    """os.scandir refuses these folders as it does one without read permission: tests run
    as root, for whom chmod 000 changes nothing."""
    scandir = os.scandir

    def refusing(path="."):
        if Path(path) in folders:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)


@pytest.fixture
def stream(tmp_path):
    """Makes a path to a pipe that a thread fills with the given bytes, whose size no `stat`
    tells: a FIFO (`mkfifo`) named `name`, or an anonymous pipe's /dev/fd/N, as bash's
    `<(…)` gives. Writers the reader left waiting are released at the end."""
    threads, releases = [], []

    def feed(open_pipe, content: bytes) -> None:
        try:
            with open_pipe() as pipe:
                pipe.write(content)
        except BrokenPipeError:  # the reader stopped at its limit
            pass

    def make(content: bytes, kind: str = "fifo", name: str = "stream") -> Path:
        if kind == "fifo":
            path = tmp_path / name
            os.mkfifo(path)
            open_pipe = partial(open, path, "wb")
            releases.append(lambda: os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK)))
        else:
            read_end, write_end = os.pipe()
            path = Path(f"/dev/fd/{read_end}")
            open_pipe = partial(open, write_end, "wb")
            releases.append(lambda: os.close(read_end))
        thread = threading.Thread(target=feed, args=(open_pipe, content), daemon=True)
        thread.start()
        threads.append(thread)
        return path

    yield make
    for release in releases:
        release()
    for thread in threads:
        thread.join(timeout=10)
