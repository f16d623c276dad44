import datetime as dt
import json
import tracemalloc

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
        ("[" * 1500 + "]" * 1500, "not JSON: nested too deeply"),
        ('{"text": "Т.", "more": ' + "[" * 1500 + "]" * 1500 + "}", "not JSON: nested too deeply"),
        ('{"text": "Т.", "id": ' + "9" * 5000 + "}", "not JSON: Exceeds the limit (4300 digits)"),
        # Values that parse but no later code should meet: the id is stored as a string
        ('{"text": "Т.", "id": ' + "[" * 500 + "]" * 500 + "}",
         "field 'id' must be a string or an integer, not list"),
        ('{"text": "Т.", "id": true}', "field 'id' must be a string or an integer, not bool"),
        ('{"text": "\\ud800 Т."}', "field 'text' has a lone surrogate \\ud800 at character 0"),
        ('{"text": "Т.", "title": "а\\udc00"}', "field 'title' has a lone surrogate \\udc00 at"),
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


def test_a_nested_field_nobody_reads_is_no_problem(tmp_path):
    path = write(tmp_path / "a.jsonl", '{"text": "Т.", "more": ' + "[" * 500 + "]" * 500 + "}\n")
    (document,) = read_jsonl(path)
    assert document.text == "Т."


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


def test_an_over_long_line_is_skipped_without_being_held(tmp_path):
    big = line(text="х" * 2_000_000).encode()  # 4 MB
    path = write(tmp_path / "a.jsonl",
                 line(text="Первая.").encode() + big + line(text="Третья.").encode())
    size = len(big)
    del big
    tracemalloc.start()
    try:
        first, problem, third = read_jsonl(path, max_bytes=10_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert problem == Problem(f"{path}:2", f"line is {size:,} bytes, over the limit of 10,000 "
                                           "(--max-bytes)")
    assert (first.text, third.text) == ("Первая.", "Третья.")
    assert peak < 500_000


def test_a_fifo_is_read_line_by_line(stream):
    big = line(text="х" * 100_000)
    path = stream((line(text="Один.") + big + line(text="Два.")).encode(), name="a.jsonl")
    first, problem, second = read_jsonl(path, max_bytes=1000)
    assert (first.text, second.text) == ("Один.", "Два.")
    assert problem.origin == f"{path}:2" and "over the limit of 1,000" in problem.reason
