"""Turning raw input into a Document: decoding, dates, the stable id."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from ..errors import RelataError
from ..records import Document

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_SNIFF_BYTES = 8192
_SPACES = re.compile(r"\s+")


class InputError(RelataError):
    """Unusable input. Readers turn it into a Problem that names the file and line."""


def decode(data: bytes) -> str:
    """Decode UTF-8 the way Python's text mode reads a file, so offsets agree with
    `open(path, encoding='utf-8').read()`: a BOM stays a character, newlines become \\n."""
    if b"\0" in data[:_SNIFF_BYTES]:
        raise InputError("binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        byte = data[e.start]
        raise InputError(f"not UTF-8: undecodable byte 0x{byte:02x} at byte {e.start}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_size(size: int, max_bytes: int, what: str = "file") -> None:
    if size > max_bytes:
        raise InputError(
            f"{what} is {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)"
        )


_DATE_FORMATS = ("%d.%m.%Y", "%Y/%m/%d")


def parse_date(value: str) -> dt.date:
    """ISO dates and datetimes (`2025-08-07`, `2025-08-07T10:00:00Z`) and `07.08.2025`."""
    value = value.strip()
    for parse in (dt.date.fromisoformat, lambda v: dt.datetime.fromisoformat(v).date()):
        try:
            return parse(value)
        except ValueError:
            pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            pass
    raise InputError(f"unparseable date {value!r} (expected YYYY-MM-DD)")


def document_id(body: str) -> str:
    """Same article, same id: NFC, whitespace collapsed, ends stripped."""
    normal = _SPACES.sub(" ", unicodedata.normalize("NFC", body)).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:20]


def make_document(
    text: str,
    *,
    origin: str,
    body_start: int = 0,
    date: dt.date | None = None,
    url: str | None = None,
    source: str | None = None,
    title: str | None = None,
    external_id: str | None = None,
) -> Document:
    body = text[body_start:]
    if not body.strip():
        raise InputError("empty: no text" if body_start == 0 else "no text after the header")
    return Document(
        id=document_id(body),
        text=text,
        body_start=body_start,
        date=date,
        url=url,
        source=source,
        title=title,
        origin=origin,
        external_id=external_id,
    )
