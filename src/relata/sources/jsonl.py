"""JSON Lines: one article per line; `text` required, `id url title date source` optional."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Document, Problem
from .document import DEFAULT_MAX_BYTES, InputError, check_size, decode, make_document, parse_date

_OPTIONAL_TEXT_FIELDS = ("url", "title", "source")


def _optional_str(record: dict, name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value or None
    raise InputError(f"field {name!r} must be a string, not {type(value).__name__}")


def parse_record(line: bytes, origin: str, default_date: dt.date | None) -> Document | None:
    text = decode(line)
    if not text.strip():
        return None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"not JSON: {e.msg} at column {e.colno}") from None
    if not isinstance(record, dict):
        raise InputError(f"not a JSON object but {type(record).__name__}")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError("field 'text' is missing or empty" if not body else
                         "field 'text' must be a non-empty string")
    date = record.get("date")
    if date is not None and not isinstance(date, str):
        raise InputError(f"field 'date' must be a string, not {type(date).__name__}")
    external_id = record.get("id")
    return make_document(
        body,
        origin=origin,
        date=parse_date(date) if date else default_date,
        external_id=None if external_id is None else str(external_id),
        **{name: _optional_str(record, name) for name in _OPTIONAL_TEXT_FIELDS},
    )


def parse_lines(
    lines: Iterable[bytes], name: str, *, max_bytes: int, default_date: dt.date | None
) -> Iterator[Document | Problem]:
    empty = True
    for number, line in enumerate(lines, 1):
        origin = f"{name}:{number}"
        try:
            check_size(len(line), max_bytes, "line")
            document = parse_record(line, origin, default_date)
        except InputError as e:
            empty = False
            yield Problem(origin, str(e))
        else:
            if document is not None:
                empty = False
                yield document
    if empty:
        yield Problem(name, "empty: no JSON lines")


def read_jsonl(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, default_date: dt.date | None = None
) -> Iterator[Document | Problem]:
    # The size limit is per article (line): a JSONL file may hold a million of them.
    try:
        with path.open("rb") as file:
            if b"\0" in file.read(8192):
                yield Problem(str(path), "binary file (NUL bytes), not JSON Lines")
                return
            file.seek(0)
            yield from parse_lines(file, str(path), max_bytes=max_bytes, default_date=default_date)
    except OSError as e:
        yield Problem(str(path), e.strerror or str(e))
