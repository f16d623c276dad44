import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from relata.ingest import ingest, ingest_items, unique
from relata.records import Document, Problem
from relata.sources import read
from relata.store import open_store

from conftest import FOUNDING, write

RELATA = [sys.executable, "-m", "relata"]


def articles(n: int) -> list[str]:
    return [f"Вчера министр иностранных дел России встретился в Баку с коллегой номер {i}. "
            f"Стороны обсудили поставки газа в Турцию и Грузию." for i in range(n)]


def test_founding_article_twice_is_one_document(tmp_path, pipeline):
    copy = write(tmp_path / "copy.txt", FOUNDING.read_bytes())
    with open_store(tmp_path / "r.duckdb", write=True) as store:
        first = ingest(store, [FOUNDING, copy], pipeline=pipeline)
        second = ingest(store, [FOUNDING], pipeline=pipeline)
        counts = store.counts()
    assert (first.read, first.stored, first.duplicates, first.failed) == (2, 1, 1, 0)
    assert (second.read, second.stored, second.duplicates) == (1, 0, 1)
    assert counts["documents"] == 1
    assert counts["mentions"] >= 25


def test_report_counts_every_outcome(tmp_path, pipeline):
    write(tmp_path / "in" / "ru.txt", articles(1)[0])
    write(tmp_path / "in" / "en.txt", "The foreign ministers of Russia and Azerbaijan met today.")
    write(tmp_path / "in" / "empty.txt", "")
    write(tmp_path / "in" / "news.jsonl", json.dumps({"text": articles(2)[1]}) + "\n[]\n")
    with open_store(tmp_path / "r.duckdb", write=True) as store:
        report = ingest(store, [tmp_path / "in"], pipeline=pipeline, batch_size=2)
    assert (report.read, report.stored, report.failed) == (3, 3, 2)
    assert report.not_analysed == {"language en": 1}
    assert report.summary() == "read 3 · stored 3 · skipped 1 (1 language en) · failed 2"
    assert sorted(p.reason for p in report.problems) == ["empty: no text",
                                                       "not a JSON object but list"]


def test_unique_keeps_the_first():
    a, b = Document(id="1", text="a", origin="x"), Document(id="1", text="a", origin="y")
    c = Document(id="2", text="c")
    assert unique([a, b, c]) == ([a, c], 1)


def test_an_interrupted_ingest_keeps_whole_batches(tmp_path, pipeline):
    folder = tmp_path / "in"
    for i, text in enumerate(articles(7)):
        write(folder / f"{i}.txt", text)

    def interrupted():
        for n, item in enumerate(read([folder])):
            if n == 5:
                raise KeyboardInterrupt
            yield item

    db = tmp_path / "r.duckdb"
    with open_store(db, write=True) as store, pytest.raises(KeyboardInterrupt):
        ingest_items(store, interrupted(), pipeline=pipeline, batch_size=2)
    with open_store(db, write=True) as store:
        assert store.counts()["documents"] == 4  # two whole batches; the fifth never stored
        report = ingest(store, [folder], pipeline=pipeline, batch_size=2)
        assert (report.duplicates, report.stored) == (4, 3)
        assert store.counts()["documents"] == 7


def test_killed_ingest_is_consistent_and_completes(tmp_path, pipeline):
    """SIGKILL in the middle of a real `relata ingest`, then the same command again."""
    folder = tmp_path / "in"
    texts = articles(120)
    for i, text in enumerate(texts):
        write(folder / f"{i:03}.txt", text)
    db = tmp_path / "r.duckdb"
    command = [*RELATA, "ingest", str(folder), "--db", str(db), "--batch-size", "2", "-q", "-v"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    for line in process.stderr:
        if line.startswith("batch 1 committed"):
            process.send_signal(signal.SIGKILL)
            break
    process.wait()
    assert process.returncode == -signal.SIGKILL

    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        orphans = con.execute(
            "SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
    assert 2 <= stored < len(texts)
    assert orphans == 0

    rerun = subprocess.run(command, capture_output=True, text=True, env=env)
    assert rerun.returncode == 0, rerun.stderr
    summary = next(line for line in rerun.stderr.splitlines() if line.startswith(f"{db}:"))
    assert f"stored {len(texts) - stored} · skipped {stored} ({stored} already stored)" in summary

    reference = tmp_path / "reference.duckdb"
    with open_store(reference, write=True) as store:
        ingest(store, [folder], pipeline=pipeline)
    query = ("SELECT d.origin, count(m.doc_id) FROM documents d "
             "LEFT JOIN mentions m ON m.doc_id = d.id GROUP BY 1 ORDER BY 1")
    with duckdb.connect(str(db), read_only=True) as a, \
            duckdb.connect(str(reference), read_only=True) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()
        assert a.execute("SELECT count(DISTINCT id) = count(*) FROM documents").fetchone()[0]


def test_problem_only_input(tmp_path, pipeline):
    with open_store(tmp_path / "r.duckdb", write=True) as store:
        report = ingest(store, [tmp_path / "missing.txt"], pipeline=pipeline)
    assert report.problems == [Problem(str(tmp_path / "missing.txt"), "no such file or directory")]
    assert (report.read, report.stored) == (0, 0)


def test_path_type_does_not_matter(tmp_path, pipeline):
    with open_store(tmp_path / "r.duckdb", write=True) as store:
        report = ingest(store, [str(FOUNDING), Path(FOUNDING)], pipeline=pipeline)
    assert (report.stored, report.duplicates) == (1, 1)
