import datetime as dt
import io
import tracemalloc

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


def test_over_long_lines_are_counted_not_held():
    big = ('{"text": "' + "х" * 1_000_000 + '"}\n').encode()  # the first line too
    stream = io.BytesIO(big + '{"text": "Два."}\n'.encode() + big + '{"text": "Четыре."}'.encode())
    tracemalloc.start()
    try:
        items = list(read_stdin(max_bytes=1000, stream=stream))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    too_long = f"line is {len(big):,} bytes, over the limit of 1,000 (--max-bytes)"
    assert items[0::2] == [Problem("<stdin>:1", too_long), Problem("<stdin>:3", too_long)]
    assert [(d.origin, d.text) for d in items[1::2]] == [("<stdin>:2", "Два."),
                                                         ("<stdin>:4", "Четыре.")]
    assert peak < 200_000
