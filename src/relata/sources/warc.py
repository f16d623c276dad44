"""Web archives (`.warc`, `.warc.gz`): every HTML response record is an article, its target
URI the url and its WARC-Date the date where the page gives none. Records are streamed one at
a time, so an archive of any size is read in bounded memory."""

from __future__ import annotations

import contextlib
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
                    if record.format != "warc":  # warcio reads anything else as old ARC
                        yield Problem(f"{name}@{records.get_record_offset()}",
                                      "not a WARC record (no WARC/1.x header)")
                        return  # no way to find the next record's start
                    if record.rec_type is None:
                        yield Problem(f"{name}@{records.get_record_offset()}",
                                      "broken WARC record: no WARC-Type header")
                        continue
                    if record.rec_type != "response" or not _is_html(record):
                        continue
                    try:
                        data = _payload(record, max_bytes)
                    except InputError as e:
                        data, reason = None, str(e)
                    # after the payload: warcio finds the offset by reading to the record's end
                    origin = f"{name}@{records.get_record_offset()}"
                    if data is None:
                        yield Problem(origin, reason)
                        continue
                    try:
                        yield _document(record, data, origin, default_date)
                    except InputError as e:
                        yield Problem(origin, str(e))
            except ArchiveLoadFailed as e:  # a record that cannot be parsed: the rest is lost
                yield Problem(f"{name}@{records.offset}", f"broken WARC record: {e.msg}")
                return
            except Exception as e:
                # (a truncated gzip member, a record without a target URI, …): each a Problem
                yield Problem(f"{name}@{records.offset}",
                              f"broken WARC record: {type(e).__name__}: {e}")
                return
    except OSError as e:
        yield Problem(name, os_reason(e))
        return
    if not found:
        yield Problem(name, "empty: no WARC records")


def _payload(record, max_bytes: int) -> bytes:
    length = record.http_headers.get_header("Content-Length")
    if length and length.isdigit():
        check_size(int(length), max_bytes, "record")
    return read_bounded(record.content_stream(), max_bytes, "record")


def _document(record, data: bytes, origin: str, default_date: dt.date | None) -> Document:
    warc_date = record.rec_headers.get_header("WARC-Date")
    date = default_date
    if warc_date:
        with contextlib.suppress(InputError):  # then the batch's --date, as for a page
            date = parse_date(warc_date.replace("Z", "+00:00"))
    return parse_html(data, origin, date, url=record.rec_headers.get_header("WARC-Target-URI"))
