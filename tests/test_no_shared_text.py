"""No file under tests/ quotes the shared development texts.

`../shared/data`, `../shared/gold` and `../shared/corpus` are read by path, never copied into
the repository: a test sentence is made up, in the shape of the class of sentences it stands
for. A quote shows as a run of ten words (a shingle) that a file under tests/ shares with a
shared file. What the repository bundles on purpose (examples/: the founding article, and
the copy of it tests/data/web holds) may be quoted."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, SHARED

SPAN = 10  # words in a row that make a quote; shorter runs are set phrases, titles, names
SHARED_FOLDERS = ("data", "gold", "corpus")
WORD = re.compile(r"\w+")

pytestmark = pytest.mark.skipif(
    not (SHARED / "data").is_dir(),
    reason=f"no shared texts to compare the tests with: {SHARED / 'data'} is not there "
           "(the shared folder sits beside the checkout, or set RELATA_SHARED)")


def shingles(text: str) -> Iterator[tuple[int, int]]:
    """(hash, where it starts) of every run of SPAN words: words lower-cased, `ё` as `е`,
    punctuation and line breaks dropped (a sentence split over string literals is one run)."""
    found = [(m.group().lower().replace("ё", "е"), m.start()) for m in WORD.finditer(text)]
    words = [word for word, _ in found]
    for i in range(len(words) - SPAN + 1):
        yield hash(tuple(words[i:i + SPAN])), found[i][1]


def texts(*folders: Path) -> Iterator[tuple[Path, str]]:
    """Every file under the folders that reads as UTF-8 text."""
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            try:
                yield path, path.read_text(encoding="utf-8")
            except UnicodeDecodeError:  # binary: no sentences to quote
                continue


def hashed(*folders: Path) -> set[int]:
    return {h for _, text in texts(*folders) for h, _ in shingles(text)}


def test_no_test_quotes_a_shared_text():
    shared = hashed(*(SHARED / name for name in SHARED_FOLDERS if (SHARED / name).is_dir()))
    quotes = shared - hashed(EXAMPLES)
    found = {}  # (file, line): the words of its first quote
    for path, text in texts(ROOT / "tests"):
        for h, start in shingles(text):
            if h in quotes:
                line = text.count("\n", 0, start) + 1
                where = f"{path.relative_to(ROOT)}:{line}"
                found.setdefault(where, " ".join(text[start:].split()[:SPAN]))
    assert not found, (
        f"{len(found)} lines quote {SPAN} words or more of a text in {SHARED} "
        "(write a made-up sentence of the same shape instead):\n"
        + "\n".join(f"  {where}: {words} …" for where, words in found.items()))
