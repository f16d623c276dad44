"""Web archives: each HTML response record an article, anything else passed over."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from relata.records import Document, Problem
from relata.sources import read

PAGE = (Path(__file__).parent / "data" / "web" / "minval-ru-az.html").read_bytes()
UNDATED = ("<html><body><article><p>" + "Россия и Китай подписали соглашение. " * 8
           + "</p></article></body></html>").encode()


def _archive(path: Path, records: list[tuple[str, str, bytes, str]], gzip: bool) -> list[int]:
    """(uri, content type, payload, WARC-Date) responses, plus a request record; the offsets."""
    offsets = []
    with path.open("wb") as file:
        writer = WARCWriter(file, gzip=gzip)
        for uri, kind, payload, date in records:
            get = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            request = writer.create_warc_record(uri, "request", payload=get)
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.0")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), http_headers=headers,
                warc_headers_dict={"WARC-Date": date})
            offsets.append(file.tell())
            writer.write_record(record)
    return offsets


@pytest.mark.parametrize("name", ["pages.warc", "pages.warc.gz"])
def test_html_responses_are_articles(tmp_path, name):
    path = tmp_path / name
    offsets = _archive(path, [
        ("https://minval.az/x", "text/html; charset=utf-8", PAGE, "2025-08-08T10:00:00Z"),
        ("https://example.org/logo.png", "image/png", b"\x89PNG...", "2025-08-08T10:00:00Z"),
        ("https://example.org/news/1", "text/html", UNDATED, "2024-03-02T23:00:00Z"),
    ], gzip=name.endswith(".gz"))
    first, second = read([tmp_path])  # a folder takes .warc and .warc.gz
    assert isinstance(first, Document) and isinstance(second, Document)
    # the page's own date and canonical URL first; the record's where the page has none
    assert (first.date, first.url) == (dt.date(2025, 8, 7),
                                       "https://minval.az/news/russia-azerbaijan-2025-08-07")
    assert (second.date, second.url) == (dt.date(2024, 3, 2), "https://example.org/news/1")
    assert (first.origin, second.origin) == (f"{path}@{offsets[0]}", f"{path}@{offsets[2]}")


def test_a_broken_record_is_a_problem_naming_the_offset(tmp_path):
    path = tmp_path / "broken.warc"
    _archive(path, [("https://example.org/news/1", "text/html", UNDATED, "2024-03-02T00:00:00Z")],
             gzip=False)
    good = path.stat().st_size
    with path.open("ab") as file:
        file.write(b"WARC/1.0\r\nnot a header at all\r\n\r\ngarbage")
    items = list(read([path]))
    assert isinstance(items[0], Document)
    assert isinstance(items[-1], Problem) and items[-1].origin == f"{path}@{good}"


def test_a_record_over_the_limit_is_a_problem(tmp_path):
    path = tmp_path / "big.warc"
    (offset,) = _archive(path, [("https://minval.az/x", "text/html", PAGE, "2025-08-08T10:00:00Z")],
                         gzip=False)
    (problem,) = read([path], max_bytes=1000)
    assert problem.origin == f"{path}@{offset}" and "--max-bytes" in problem.reason


def test_not_an_archive(tmp_path):
    path = tmp_path / "x.warc"
    path.write_bytes(b"hello, I am not a WARC file\n")
    (problem,) = read([path])
    assert isinstance(problem, Problem) and problem.origin.startswith(str(path))


def test_a_record_warcio_cannot_parse_is_a_problem(tmp_path):
    path = tmp_path / "t.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    (problem,) = read([path])
    assert problem.origin == f"{path}@0" and problem.reason.startswith("broken WARC record")


def test_the_rest_of_a_batch_is_read(tmp_path):
    (tmp_path / "a.warc").write_bytes(b"garbage\n")
    (tmp_path / "b.html").write_bytes(PAGE)
    problem, document = read([tmp_path])
    assert isinstance(problem, Problem) and isinstance(document, Document)
