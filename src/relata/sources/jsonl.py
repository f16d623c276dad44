"""JSON Lines: one article per line; `text` required, `id url title date source` optional."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Document, Problem
from .document import (
    DEFAULT_MAX_BYTES,
    SNIFF_BYTES,
    InputError,
    check_size,
    decode,
    make_document,
    os_reason,
    parse_date,
    read_lines,
)

_OPTIONAL_TEXT_FIELDS = ("url", "title", "source")
# JSON's `\ud800` escapes decode to lone surrogates, which no UTF-8 store or output can take.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _string(record: dict, name: str) -> str | None:
    """The field, a string with only encodable characters, or None when absent."""
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"field {name!r} must be a string, not {type(value).__name__}")
    if surrogate := _SURROGATE.search(value):
        raise InputError(f"field {name!r} has a lone surrogate \\u{ord(surrogate[0]):04x} "
                         f"at character {surrogate.start()}")
    return value


def _external_id(record: dict) -> str | None:
    value = record.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is None or isinstance(value, str):
        return _string(record, "id")
    raise InputError(f"field 'id' must be a string or an integer, not {type(value).__name__}")


def _load(text: str) -> object:
    try:
        return json.loads(text)
    except RecursionError:  # the parser recurses once per level of [ and {
        raise InputError("not JSON: nested too deeply") from None
    except json.JSONDecodeError as e:
        raise InputError(f"not JSON: {e.msg} at column {e.colno}") from None
    except ValueError as e:  # an integer of more digits than Python converts
        raise InputError(f"not JSON: {e}") from None


def parse_record(line: bytes, origin: str, default_date: dt.date | None) -> Document | None:
    text = decode(line)
    if not text.strip():
        return None
    record = _load(text)
    if not isinstance(record, dict):
        raise InputError(f"not a JSON object but {type(record).__name__}")
    return parse_mapping(record, origin, default_date)


def parse_mapping(record: dict, origin: str, default_date: dt.date | None) -> Document:
    """An article given as a mapping of the JSON Lines fields (`text`, and optionally
    `date`, `id`, `url`, `source`, `title`)."""
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError("field 'text' is missing or empty" if not body else
                         "field 'text' must be a non-empty string")
    date = _string(record, "date")
    return make_document(
        _string(record, "text"),
        origin=origin,
        date=parse_date(date) if date else default_date,
        external_id=_external_id(record),
        **{name: _string(record, name) or None for name in _OPTIONAL_TEXT_FIELDS},
    )


def parse_lines(
    lines: Iterable[tuple[bytes, int]], name: str, *, max_bytes: int,
    default_date: dt.date | None,
) -> Iterator[Document | Problem]:
    """Documents and Problems from `read_lines`' lines and sizes, numbered from 1."""
    empty = True
    for number, (line, size) in enumerate(lines, 1):
        origin = f"{name}:{number}"
        try:
            check_size(size, max_bytes, "line")
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
        with path.open("rb", buffering=SNIFF_BYTES) as file:
            # peek, not read and seek back: a pipe or FIFO cannot seek
            if b"\0" in file.peek(SNIFF_BYTES)[:SNIFF_BYTES]:
                yield Problem(str(path), "binary file (NUL bytes), not JSON Lines")
                return
            yield from parse_lines(read_lines(file, max_bytes), str(path), max_bytes=max_bytes,
                                   default_date=default_date)
    except OSError as e:
        yield Problem(str(path), os_reason(e))
