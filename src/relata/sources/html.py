"""Web pages: the article in an HTML file, its boilerplate (menus, footers, related links,
scripts) left out by trafilatura. The extracted text is the Document's text, stored and
analysed, so evidence offsets point into it, not into the HTML."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..records import Document, Problem
from .document import (
    DEFAULT_MAX_BYTES,
    SNIFF_BYTES,
    InputError,
    check_size,
    make_document,
    os_reason,
    parse_date,
    read_bounded,
)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def parse_html(
    data: bytes | str,
    origin: str,
    default_date: dt.date | None = None,
    *,
    url: str | None = None,
) -> Document:
    """The article in a web page: its text, title, date, author, outlet (the site's name)
    and canonical URL. `url` (where the page was found) stands in for a missing canonical
    URL; `default_date` for a missing date. Nothing is fetched."""
    import trafilatura  # lxml and friends: loaded only by those who read web pages

    if isinstance(data, bytes) and b"\0" in data[:SNIFF_BYTES]:
        raise InputError("binary file (NUL bytes), not HTML")
    try:
        found = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, deduplicate=False,
            # only the page itself: htmldate's extensive search guesses from any number
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError) as e:  # trafilatura raises little, lxml may
        raise InputError(f"not HTML: {e}") from None
    text = (found.text or "").strip() if found is not None else ""
    if not text:
        raise InputError("no article text found in the HTML")
    date = default_date
    if found.date:
        # a date the page gets wrong is no reason to lose the article
        with contextlib.suppress(InputError):
            date = parse_date(found.date)
    return make_document(
        text + "\n",
        origin=origin,
        date=date,
        url=found.url or url,
        source=found.sitename or found.hostname or None,
        title=found.title or None,
        author=found.author or None,
    )


def read_html(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, default_date: dt.date | None = None
) -> Iterator[Document | Problem]:
    try:
        with path.open("rb") as file:
            status = os.fstat(file.fileno())
            if stat.S_ISREG(status.st_mode):
                check_size(status.st_size, max_bytes)
            data = read_bounded(file, max_bytes)
        if not data.strip():
            raise InputError("empty: no text")
        yield parse_html(data, str(path), default_date)
    except InputError as e:
        yield Problem(str(path), str(e))
    except OSError as e:
        yield Problem(str(path), os_reason(e))
