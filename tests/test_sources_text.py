import datetime as dt
import tracemalloc
from pathlib import Path

import pytest

from relata.records import Document, Problem
from relata.sources.text import parse_text, read_text

from conftest import FOUNDING, write


@pytest.mark.parametrize(
    ("text", "date", "body"),
    [
        (" date 2025-08-07 Тенденция очевидная.", dt.date(2025, 8, 7), "Тенденция очевидная."),
        ("date 2025-08-07\nПервая строка.", dt.date(2025, 8, 7), "Первая строка."),
        ("Date: 2025-08-07\n\nТекст.", dt.date(2025, 8, 7), "Текст."),
        ("\ufeff date 2025-08-07 Текст.", dt.date(2025, 8, 7), "Текст."),
        ("Текст без заголовка.", None, "Текст без заголовка."),
        ("date night in Moscow", None, "date night in Moscow"),  # prose, not a header
    ],
)
def test_header(text, date, body):
    document = parse_text(text, "a.txt")
    assert document.date == date
    assert document.body == body
    assert document.text == text  # offsets stay those of the file


def test_founding_article_offsets_are_the_files(tmp_path):
    (document,) = read_text(FOUNDING)
    assert document.date == dt.date(2025, 8, 7)
    assert document.text == FOUNDING.read_text(encoding="utf-8")
    assert document.text[document.body_start :].startswith("Тенденция")


def test_default_date_only_where_the_file_has_none():
    default = dt.date(2020, 1, 1)
    assert parse_text("Текст.", "a", default).date == default
    assert parse_text(" date 2025-08-07 Текст.", "a", default).date == dt.date(2025, 8, 7)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b" date 2025-08-07\n", "no text after the header"),
        (" date 2025-13-45 Текст.".encode(), "date header: unparseable date '2025-13-45'"),
        (b"\0\0\0\x01binary", "binary file"),
        (b"\xd0\x9c\xff\xfe", "not UTF-8: undecodable byte 0xff at byte 2"),
    ],
)
def test_bad_file_is_a_problem_naming_the_file(tmp_path, content, reason):
    path = write(tmp_path / "bad.txt", content)
    (problem,) = read_text(path)
    assert isinstance(problem, Problem)
    assert problem.origin == str(path)
    assert reason in problem.reason


def test_size_limit(tmp_path):
    path = write(tmp_path / "big.txt", "слово " * 100)
    (problem,) = read_text(path, max_bytes=100)
    assert "over the limit of 100" in problem.reason
    (document,) = read_text(path, max_bytes=10_000)
    assert isinstance(document, Document)


def test_unreadable_file(tmp_path):
    (problem,) = read_text(tmp_path / "missing.txt")
    assert problem.reason == "no such file or directory"


@pytest.mark.parametrize("kind", ["fifo", "pipe"])
def test_size_limit_holds_for_pipes(stream, kind):
    (problem,) = read_text(stream(b"x" * 10_000, kind), max_bytes=1000)
    assert problem.reason == "file is over the limit of 1,000 bytes (--max-bytes)"
    (document,) = read_text(stream("Текст.".encode(), kind, name="small"), max_bytes=1000)
    assert document.text == "Текст."


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_stops_at_the_limit():
    tracemalloc.start()
    try:
        (problem,) = read_text(Path("/dev/zero"), max_bytes=1_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert problem.reason == "file is over the limit of 1,000,000 bytes (--max-bytes)"
    assert peak < 3_000_000
