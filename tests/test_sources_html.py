"""Web pages: the article's text and metadata out of the boilerplate, evidence into it."""

from __future__ import annotations

from pathlib import Path

import pytest

from relata.records import Document, Problem
from relata.sources import parse_html, read

from conftest import FOUNDING

PAGE = Path(__file__).parent / "data" / "web" / "minval-ru-az.html"


@pytest.fixture(scope="module")
def page() -> Document:
    (document,) = read([PAGE])
    return document


def test_metadata_comes_from_the_page(page):
    assert page.title == "Москва и Баку: стратегическое противостояние"
    assert str(page.date) == "2025-08-07"
    assert page.author == "Алексей Петров"
    assert page.source == "Minval"
    assert page.url == "https://minval.az/news/russia-azerbaijan-2025-08-07"
    assert page.origin == str(PAGE)


def test_boilerplate_is_gone(page):
    for chrome in ("Главная", "Поиск", "Telegram", "Читайте также", "Курс маната", "©",
                   "dataLayer", "querySelectorAll", "Реклама"):
        assert chrome not in page.text
    founding = FOUNDING.read_text(encoding="utf-8").split(None, 2)[2]
    for paragraph in filter(None, map(str.strip, founding.splitlines())):
        assert paragraph in page.text


def test_the_page_gives_the_text_files_events_with_spans_into_the_extracted_text(
        page, pipeline, founding):
    analysis = pipeline([page])[0]

    def key(event):
        return (event.type, event.source.code, event.target and event.target.code,
                event.trigger.text)

    # the issue says seven: the coder has found two more in the text file since
    assert len(analysis.events) == len(founding.events) >= 7
    assert sorted(map(key, analysis.events), key=str) == sorted(map(key, founding.events), key=str)
    for event in analysis.events:
        for span in (event.trigger, event.source_span, event.target_span):
            if span is not None:
                assert page.text[span.start:span.end] == span.text


def test_a_folder_holds_web_pages(tmp_path):
    (tmp_path / "a.htm").write_bytes(PAGE.read_bytes())
    (tmp_path / "b.HTML").write_bytes(PAGE.read_bytes())
    assert [type(d) for d in read([tmp_path])] == [Document, Document]


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty: no text"),
    (b"<html><head><script>var x = 1;</script></head><body></body></html>",
     "no article text found in the HTML"),
    (b"<html>\0\0\0", "binary file (NUL bytes), not HTML"),
])
def test_bad_pages_are_problems(tmp_path, content, reason):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    assert list(read([path])) == [Problem(str(path), reason)]


def test_a_page_over_the_limit_is_a_problem(tmp_path):
    (problem,) = read([PAGE], max_bytes=1000)
    assert isinstance(problem, Problem) and "--max-bytes" in problem.reason


def test_a_page_without_a_date_takes_the_default():
    import datetime as dt

    html = "<html><body><article><p>" + "Москва и Баку ведут переговоры. " * 10 + "</p></article>"
    document = parse_html(html, "x", dt.date(2020, 1, 2), url="https://example.org/a")
    assert (document.date, document.url) == (dt.date(2020, 1, 2), "https://example.org/a")
