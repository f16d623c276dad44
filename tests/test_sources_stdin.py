import datetime as dt
import io

from relata.records import Document, Problem
from relata.sources.stdin import read_stdin


def read(data: bytes, max_bytes: int = 10_000):
    return list(read_stdin(max_bytes=max_bytes, stream=io.BytesIO(data)))


def test_plain_text_is_one_article():
    (document,) = read(" date 2025-08-07 Первая строка.\n{не json}\nТретья.".encode())
    assert isinstance(document, Document)
    assert document.date == dt.date(2025, 8, 7)
    assert document.origin == "<stdin>"
    assert document.body.endswith("Третья.")


def test_jsonl_when_it_opens_with_a_brace():
    data = '  {"text": "Один."}\n[1]\n{"text": "Два."}\n'.encode()
    first, problem, second = read(data)
    assert (first.text, second.text) == ("Один.", "Два.")
    assert problem == Problem("<stdin>:2", "not a JSON object but list")


def test_size_limit_and_empty_input():
    (problem,) = read("слово ".encode() * 50, max_bytes=100)
    assert "input is" in problem.reason and "over the limit" in problem.reason
    (problem,) = read(b"")
    assert problem.reason.startswith("empty")
