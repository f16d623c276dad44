import datetime as dt
import json

import pytest

from relata.records import Document, Problem
from relata.sources.jsonl import read_jsonl

from conftest import write


def line(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False) + "\n"


def test_fields(tmp_path):
    path = write(tmp_path / "a.jsonl", line(
        id=17, url="https://example.org/a", title="Заголовок", date="2025-08-07T09:00:00+03:00",
        source="example.org", text="Баку и Москва.",
    ))
    (document,) = read_jsonl(path)
    assert document.text == "Баку и Москва."
    assert document.external_id == "17"
    assert document.url == "https://example.org/a"
    assert document.title == "Заголовок"
    assert document.source == "example.org"
    assert document.date == dt.date(2025, 8, 7)
    assert document.origin == f"{path}:1"


def test_only_text_is_required(tmp_path):
    (document,) = read_jsonl(write(tmp_path / "a.jsonl", line(text="Текст.")))
    assert (document.url, document.title, document.date, document.external_id) == (None,) * 4


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("{not json", "not JSON"),
        ('["text"]', "not a JSON object but list"),
        ('"Москва"', "not a JSON object but str"),
        ('{"title": "нет текста"}', "field 'text' is missing or empty"),
        ('{"text": "   "}', "field 'text' must be a non-empty string"),
        ('{"text": 5}', "field 'text' must be a non-empty string"),
        ('{"text": "Т.", "date": "вчера"}', "unparseable date 'вчера'"),
        ('{"text": "Т.", "date": 20250807}', "field 'date' must be a string"),
        ('{"text": "Т.", "url": ["a"]}', "field 'url' must be a string"),
    ],
)
def test_bad_line_is_reported_and_the_rest_is_read(tmp_path, bad, reason):
    path = write(tmp_path / "a.jsonl", line(text="Первая.") + bad + "\n" + line(text="Третья."))
    first, problem, third = read_jsonl(path)
    assert [first.text, third.text] == ["Первая.", "Третья."]
    assert isinstance(problem, Problem)
    assert problem.origin == f"{path}:2"
    assert reason in problem.reason


def test_blank_lines_are_ignored_and_numbering_kept(tmp_path):
    path = write(tmp_path / "a.jsonl", line(text="Один.") + "\n  \n" + line(text="Два."))
    documents = list(read_jsonl(path))
    assert [d.origin for d in documents] == [f"{path}:1", f"{path}:4"]


def test_undecodable_line(tmp_path):
    path = write(tmp_path / "a.jsonl", b'{"text": "\xff"}\n' + line(text="Да.").encode())
    problem, document = read_jsonl(path)
    assert problem.origin.endswith(":1") and "not UTF-8" in problem.reason
    assert document.text == "Да."


def test_line_size_limit(tmp_path):
    path = write(tmp_path / "a.jsonl", line(text="х" * 500) + line(text="Коротко."))
    problem, document = read_jsonl(path, max_bytes=200)
    assert problem.origin.endswith(":1") and "line is" in problem.reason
    assert document.text == "Коротко."


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"\n \n", "empty"), (b"\0\0SQLite format", "binary file")],
)
def test_bad_file(tmp_path, content, reason):
    path = write(tmp_path / "a.jsonl", content)
    (problem,) = read_jsonl(path)
    assert problem.origin == str(path)
    assert reason in problem.reason


def test_text_is_kept_exactly(tmp_path):
    text = "Строка один.\r\nСтрока два."  # offsets refer to the field as given
    (document,) = read_jsonl(write(tmp_path / "a.jsonl", line(text=text)))
    assert isinstance(document, Document) and document.text == text
