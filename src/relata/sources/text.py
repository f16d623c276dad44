"""Plain text: one file, one article, with an optional leading ` date YYYY-MM-DD` header."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from ..records import Document, Problem
from .document import (
    DEFAULT_MAX_BYTES,
    InputError,
    check_size,
    decode,
    make_document,
    os_reason,
    parse_date,
    read_bounded,
)

# ` date 2025-08-07 Тенденция…`: the header ends where the article begins.
# Only a value starting with a digit is a header, so prose that opens with "date" is left alone.
_HEADER = re.compile(r"\A\ufeff?[ \t]*date[ \t]*:?[ \t]+(\d\S*)[ \t]*\n?", re.IGNORECASE)


def parse_text(text: str, origin: str, default_date: dt.date | None = None) -> Document:
    header = _HEADER.match(text)
    if header is None:
        return make_document(text, origin=origin, date=default_date)
    try:
        date = parse_date(header.group(1))
    except InputError as e:
        raise InputError(f"date header: {e}") from None
    body_start = header.end()
    while body_start < len(text) and text[body_start].isspace():
        body_start += 1
    return make_document(text, origin=origin, body_start=body_start, date=date)


def read_text(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, default_date: dt.date | None = None
) -> Iterator[Document | Problem]:
    try:
        with path.open("rb") as file:
            status = os.fstat(file.fileno())
            if stat.S_ISREG(status.st_mode):  # its size is known: say it, read nothing
                check_size(status.st_size, max_bytes)
            data = read_bounded(file, max_bytes)  # pipes and devices have no size to check
        yield parse_text(decode(data), str(path), default_date)
    except InputError as e:
        yield Problem(str(path), str(e))
    except OSError as e:
        yield Problem(str(path), os_reason(e))
