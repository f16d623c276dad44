"""Readers, one per input kind; `read` picks the reader for each path.

Readers yield Documents and, for input they cannot use, Problems naming the file
(and line) and the reason, so one bad file never stops a batch.
"""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Document, Problem
from .document import DEFAULT_MAX_BYTES, InputError, document_id, os_reason, parse_date
from .folder import EVERY_ARTICLE, HTML_SUFFIXES, JSONL_SUFFIXES, WARC_SUFFIXES, Selection, walk
from .html import parse_html, read_html
from .jsonl import read_jsonl
from .stdin import read_stdin
from .text import parse_text, read_text
from .warc import read_warc

STDIN = "-"

__all__ = [
    "DEFAULT_MAX_BYTES",
    "InputError",
    "Selection",
    "count",
    "document_id",
    "expand",
    "parse_date",
    "parse_html",
    "parse_text",
    "read",
]


def expand(paths: Iterable[str | Path], select: Selection = EVERY_ARTICLE
           ) -> Iterator[Path | str | Problem]:
    """Each path as given, folders replaced by the files below them that `select` takes
    (a file named on its own is read whatever its name)."""
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        try:
            mode = path.stat().st_mode
        except OSError as e:  # not only "missing": a link loop, a folder we may not enter
            yield Problem(str(path), os_reason(e))
            continue
        if stat.S_ISDIR(mode):
            yield from walk(path, select)
        else:
            yield path


def read(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    default_date: dt.date | None = None,
    select: Selection = EVERY_ARTICLE,
) -> Iterator[Document | Problem]:
    """Documents from files, folders (the files below them that `select` takes) and `-`
    (standard input), with a Problem for each input that cannot be read."""
    for item in expand(paths, select):
        if isinstance(item, Problem):
            yield item
        elif item == STDIN:
            yield from read_stdin(max_bytes=max_bytes, default_date=default_date)
        elif item.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl(item, max_bytes=max_bytes, default_date=default_date)
        elif item.suffix.lower() in HTML_SUFFIXES:
            yield from read_html(item, max_bytes=max_bytes, default_date=default_date)
        elif item.name.lower().endswith(WARC_SUFFIXES):
            yield from read_warc(item, max_bytes=max_bytes, default_date=default_date)
        else:
            yield from read_text(item, max_bytes=max_bytes, default_date=default_date)


def count(paths: Iterable[str | Path], select: Selection = EVERY_ARTICLE) -> int | None:
    """How many documents `read` will yield at most, for a progress bar; None if unknown."""
    total = 0
    for item in expand(paths, select):
        if item == STDIN or (isinstance(item, Path) and not item.is_file()):
            return None  # a pipe or FIFO is read once: counting its lines would use it up
        if isinstance(item, Path) and item.suffix.lower() in JSONL_SUFFIXES:
            total += _count_lines(item)
        elif isinstance(item, Path) and item.name.lower().endswith(WARC_SUFFIXES):
            return None  # its HTML records are known only by reading it all
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    lines, last = 0, b"\n"
    try:
        with path.open("rb") as file:
            for chunk in iter(lambda: file.read(1 << 20), b""):
                lines, last = lines + chunk.count(b"\n"), chunk[-1:]
    except OSError:
        return 1
    return lines + (last != b"\n")
