"""Turning raw input into a Document: decoding, dates, the stable id."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import RelataError
from ..records import Document

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
SNIFF_BYTES = 8192
_CHUNK_BYTES = 1 << 16
_SPACES = re.compile(r"\s+")


class InputError(RelataError):
    """Unusable input. Readers turn it into a Problem that names the file and line."""


def decode(data: bytes) -> str:
    """Decode UTF-8 the way Python's text mode reads a file, so offsets agree with
    `open(path, encoding='utf-8').read()`: a BOM stays a character, newlines become \\n."""
    if b"\0" in data[:SNIFF_BYTES]:
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


def read_bounded(stream: BinaryIO, max_bytes: int, what: str = "file", start: bytes = b"") -> bytes:
    """All of a file, pipe, device or stdin if it holds at most `max_bytes` (with `start`,
    already read from it); InputError otherwise. A stream's size is known only by reading
    it, so no more than the limit and one byte is ever read (`/dev/zero` ends at once)."""
    chunks, size = [start], len(start)
    while size <= max_bytes and (chunk := stream.read(min(_CHUNK_BYTES, max_bytes + 1 - size))):
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise InputError(f"{what} is over the limit of {max_bytes:,} bytes (--max-bytes)")
    return b"".join(chunks)


def read_lines(stream: BinaryIO, max_bytes: int, first: bytes = b"") -> Iterator[tuple[bytes, int]]:
    """Each line of a stream with its size in bytes, `first` being the start of the first
    line, already read with `readline(max_bytes + 1)`. A line over the limit comes as b""
    and its size: the rest of it is counted in chunks, never held, however long it is."""
    line = first or stream.readline(max_bytes + 1)
    while line:
        size = len(line)
        if size > max_bytes and not line.endswith(b"\n"):
            line = b""
            while chunk := stream.readline(_CHUNK_BYTES):
                size += len(chunk)
                if chunk.endswith(b"\n"):
                    break
        yield line, size
        line = stream.readline(max_bytes + 1)


# The reasons a path cannot be read, said the same way whatever the reader.
_OS_REASONS = {
    errno.ENOENT: "no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "symbolic link loop",
}


def os_reason(error: OSError) -> str:
    if error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    reason = error.strerror or str(error)
    return reason[:1].lower() + reason[1:]


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
    author: str | None = None,
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
        author=author,
    )
