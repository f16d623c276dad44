"""Watching feeds: poll RSS/Atom feeds, fetch the pages of items not seen before, ingest them.

Politely: a conditional GET for each feed (its ETag and Last-Modified kept in the store), a
delay between two requests to the same host, robots.txt obeyed. What was fetched is kept in
the store (`watch_items`), so a restart fetches no page twice. A feed or an item that fails is
a Problem, and the run goes on.
"""

from __future__ import annotations

import datetime as dt
import time
import urllib.robotparser
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .ingest import IngestEvents, IngestReport, ingest_items
from .records import Document, Problem
from .sources.document import DEFAULT_MAX_BYTES, InputError, check_size, parse_date
from .sources.html import HTML_TYPES, parse_html
from .store import Store

USER_AGENT = "relata-watch"
DEFAULT_TIMEOUT = 10.0
DEFAULT_DELAY = 1.0
DEFAULT_INTERVAL = 900.0
MAX_REDIRECTS = 5


class FetchError(InputError):
    """A feed or page that could not be fetched; `lasting`: fetching it again will not help."""

    def __init__(self, message: str, lasting: bool = False) -> None:
        super().__init__(message)
        self.lasting = lasting


@dataclass(slots=True)
class WatchReport:
    polls: int = 0
    feeds: int = 0
    unchanged: int = 0  # feeds that answered 304 Not Modified
    items: int = 0  # new items found
    fetched: int = 0
    ingest: IngestReport = field(default_factory=IngestReport)
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.problems) + self.ingest.failed  # fetching, then analysis

    def summary(self) -> str:
        return (f"{self.polls} poll(s) of {self.feeds} feed(s), {self.unchanged} unchanged; "
                f"{self.items} new item(s), {self.fetched} page(s) fetched, "
                f"{self.ingest.stored} document(s) stored, {self.failed} failed")


@dataclass(frozen=True, slots=True)
class WatchEvents:
    on_problem: Callable[[Problem], None] = lambda problem: None
    on_item: Callable[[str], None] = lambda url: None  # a page fetched, or failed
    on_feed: Callable[[str, int], None] = lambda feed, new: None  # a feed read: new items


class Fetcher:
    """HTTP GETs with a timeout, a size limit, a per-host delay and robots.txt."""

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, delay: float = DEFAULT_DELAY,
                 max_bytes: int = DEFAULT_MAX_BYTES, user_agent: str = USER_AGENT,
                 transport=None) -> None:
        import httpx

        self._httpx = httpx
        self.delay, self.max_bytes, self.user_agent = delay, max_bytes, user_agent
        self._client = httpx.Client(timeout=timeout, follow_redirects=True,
                                    max_redirects=MAX_REDIRECTS, transport=transport,
                                    headers={"User-Agent": user_agent})
        self._last: dict[str, float] = {}  # host: when it was last asked
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    def close(self) -> None:
        self._client.close()

    def _wait(self, url: str) -> None:
        host = urlsplit(url).netloc
        if (last := self._last.get(host)) is not None:
            time.sleep(max(0.0, last + self.delay - time.monotonic()))
        self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            robots = urllib.robotparser.RobotFileParser()
            try:
                status, _, body = self._get(urljoin(host, "/robots.txt"), check_robots=False)
            except FetchError:
                status, body = 404, b""  # no robots.txt to be had: nothing forbidden
            if status in (401, 403):
                robots.disallow_all = True
            elif status < 400:
                robots.parse(body.decode("utf-8", "replace").splitlines())
            else:
                robots.allow_all = True
            self._robots[host] = robots
        return self._robots[host].can_fetch(self.user_agent, url)

    def get(self, url: str, headers: dict[str, str] | None = None
            ) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body (empty for 304); FetchError for anything else."""
        if not self.allowed(url):
            raise FetchError("forbidden by robots.txt", lasting=True)
        status, response_headers, body = self._get(url, headers)
        if status >= 400:
            # a page gone or refused stays so; a server error may pass
            raise FetchError(f"HTTP {status}", lasting=status < 500 and status != 429)
        return status, response_headers, body

    def _get(self, url: str, headers: dict[str, str] | None = None, check_robots: bool = True
             ) -> tuple[int, dict[str, str], bytes]:
        httpx = self._httpx
        self._wait(url)
        try:
            with self._client.stream("GET", url, headers=headers or {}) as response:
                length = response.headers.get("Content-Length", "")
                if length.isdigit():
                    check_size(int(length), self.max_bytes, "response")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    check_size(size, self.max_bytes, "response")
                    chunks.append(chunk)
                return response.status_code, dict(response.headers), b"".join(chunks)
        except InputError as e:
            raise FetchError(str(e), lasting=True) from None
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects (over {MAX_REDIRECTS}, a loop?)",
                             lasting=True) from None
        except httpx.TimeoutException:
            raise FetchError("timed out") from None
        except httpx.HTTPError as e:
            raise FetchError(f"{type(e).__name__}: {e}") from None


@dataclass(frozen=True, slots=True)
class Item:
    url: str
    date: dt.date | None


def read_feed(source: str, fetcher: Fetcher, store: Store) -> tuple[list[Item], bool]:
    """A feed's items, and whether it was fetched at all (False: 304 Not Modified). A URL is
    fetched with a conditional GET, a path read from disk."""
    import feedparser

    if urlsplit(source).scheme in ("http", "https"):
        etag, modified = store.feed_validators(source)
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", modified))
                   if v}
        status, response_headers, body = fetcher.get(source, headers)
        if status == 304:
            return [], False
        lower = {k.lower(): v for k, v in response_headers.items()}
        validators = (lower.get("etag"), lower.get("last-modified"))
    else:
        try:
            body = Path(source).read_bytes()
        except OSError as e:
            raise FetchError(e.strerror or str(e), lasting=True) from None
        validators = None
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        raise FetchError(f"not an RSS or Atom feed: {parsed.get('bozo_exception')}", lasting=True)
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        date = None
        if stamp := entry.get("published_parsed") or entry.get("updated_parsed"):
            date = dt.date(*stamp[:3])
        elif text := entry.get("published"):
            try:
                date = parse_date(text)
            except InputError:
                date = None
        items.append(Item(urljoin(source, link) if validators is not None else link, date))
    if validators is not None:
        # saved once the feed is read: a feed that fails is asked for in full next time
        store.save_feed_validators(source, *validators)
    return items, True


def watch(
    store: Store,
    feeds: Sequence[str],
    *,
    pipeline=None,
    fetcher: Fetcher | None = None,
    once: bool = True,
    interval: float = DEFAULT_INTERVAL,
    polls: int | None = None,
    events: WatchEvents = WatchEvents(),
    ingest_events: IngestEvents | None = None,
) -> WatchReport:
    """Poll every feed, fetch and ingest the new items' pages; once, or every `interval`
    seconds (`polls` of them, or until interrupted)."""
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    report = WatchReport(feeds=len(feeds))
    try:
        while True:
            for feed in feeds:
                _poll(store, feed, fetcher, report, pipeline, events, ingest_events)
            report.polls += 1
            if once or (polls is not None and report.polls >= polls):
                return report
            time.sleep(interval)
    finally:
        if own:
            fetcher.close()


def _poll(store, feed, fetcher, report, pipeline, events, ingest_events) -> None:
    def problem(origin: str, reason: str) -> None:
        report.problems.append(found := Problem(origin, reason))
        events.on_problem(found)

    try:
        items, changed = read_feed(feed, fetcher, store)
    except FetchError as e:
        problem(feed, str(e))
        return
    if not changed:
        report.unchanged += 1
        events.on_feed(feed, 0)
        return
    seen = store.seen_items(item.url for item in items)
    new = list({item.url: item for item in items if item.url not in seen}.values())
    report.items += len(new)
    events.on_feed(feed, len(new))
    marks: list[tuple[str, str, str, str | None, str | None]] = []

    def documents() -> Iterator[Document | Problem]:
        for item in new:
            try:
                document = _page(item, fetcher)
            except FetchError as e:
                if e.lasting:  # fetched again next poll otherwise
                    marks.append((item.url, feed, "failed", str(e), None))
                problem(item.url, str(e))
            except InputError as e:
                marks.append((item.url, feed, "failed", str(e), None))
                problem(item.url, str(e))
            else:
                report.fetched += 1
                marks.append((item.url, feed, "ingested", None, document.id))
                yield document
            events.on_item(item.url)

    result = ingest_items(store, documents(), pipeline=pipeline,
                          events=ingest_events or IngestEvents())
    _add(report.ingest, result)
    # after the documents are stored: a crash in between fetches the page again, and ingest
    # knows its text already. A page whose analysis failed is not stored: fetched again next
    # poll, as `relata ingest` retries it
    stored = store.known(doc_id for *_, doc_id in marks if doc_id)
    store.mark_items(mark for mark in marks if mark[4] is None or mark[4] in stored)


def _page(item: Item, fetcher: Fetcher) -> Document:
    _, headers, body = fetcher.get(item.url)
    kind = {k.lower(): v for k, v in headers.items()}.get("content-type", "")
    if kind.split(";")[0].strip().lower() not in HTML_TYPES:
        raise FetchError(f"not an HTML page ({kind or 'no Content-Type'})", lasting=True)
    return parse_html(body, item.url, item.date, url=item.url)


def _add(total: IngestReport, part: IngestReport) -> None:
    total.read += part.read
    total.stored += part.stored
    total.duplicates += part.duplicates
    total.batches += part.batches
    total.undated += part.undated
    total.problems.extend(part.problems)
    total.not_analysed.update(part.not_analysed)
