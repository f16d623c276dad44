"""Web archives (`.warc`, `.warc.gz`): every HTML response record is an article, its target
URI the url and its WARC-Date the date where the page gives none. Records are streamed one at
a time, so an archive of any size is read in bounded memory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ..records import Document, Problem
from .document import DEFAULT_MAX_BYTES, InputError, check_size, os_reason, parse_date, read_bounded
from .html import HTML_TYPES, parse_html


def _is_html(record) -> bool:
    if record.http_headers is None:
        return False
    kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return kind in HTML_TYPES


def read_warc(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, default_date: dt.date | None = None
) -> Iterator[Document | Problem]:
    """Documents from an archive's HTML responses, a Problem for each record that cannot be
    read (named by its byte offset in the file) and for an archive that ends broken."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = str(path)
    found = False
    try:
        with path.open("rb") as file:
            records = ArchiveIterator(file)
            try:
                for record in records:
                    found = True
                    if record.rec_type != "response" or not _is_html(record):
                        continue
                    origin = f"{name}@{records.get_record_offset()}"
                    try:
                        yield _document(record, origin, max_bytes, default_date)
                    except InputError as e:
                        yield Problem(origin, str(e))
            except ArchiveLoadFailed as e:
                offset = records.offset if hasattr(records, "offset") else "?"
                yield Problem(f"{name}@{offset}", f"broken WARC record: {e.msg}")
                return
    except OSError as e:
        yield Problem(name, os_reason(e))
        return
    if not found:
        yield Problem(name, "empty: no WARC records")


def _document(record, origin: str, max_bytes: int, default_date: dt.date | None) -> Document:
    length = record.http_headers.get_header("Content-Length")
    if length and length.isdigit():
        check_size(int(length), max_bytes, "record")
    data = read_bounded(record.content_stream(), max_bytes, "record")
    warc_date = record.rec_headers.get_header("WARC-Date")
    date = default_date
    if warc_date:
        try:
            date = parse_date(warc_date.replace("Z", "+00:00"))
        except InputError:
            pass
    return parse_html(data, origin, date, url=record.rec_headers.get_header("WARC-Target-URI"))
