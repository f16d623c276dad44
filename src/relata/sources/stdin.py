"""Standard input (`-`): JSON Lines if it opens with `{`, otherwise one plain-text article."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from typing import BinaryIO

from ..records import Document, Problem
from .document import InputError, decode, read_bounded, read_lines
from .jsonl import parse_lines
from .text import parse_text

NAME = "<stdin>"


def read_stdin(
    *, max_bytes: int, default_date: dt.date | None = None, stream: BinaryIO | None = None
) -> Iterator[Document | Problem]:
    stream = stream or sys.stdin.buffer
    first = stream.readline(max_bytes + 1)
    if first.lstrip().startswith(b"{"):
        lines = read_lines(stream, max_bytes, first)
        yield from parse_lines(lines, NAME, max_bytes=max_bytes, default_date=default_date)
        return
    try:
        data = read_bounded(stream, max_bytes, "input", start=first)
        yield parse_text(decode(data), NAME, default_date)
    except InputError as e:
        yield Problem(NAME, str(e))
