"""relata watch against a local HTTP server: no outside network."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from relata import open_store
from relata.watch import Fetcher, watch

SENTENCE = ("Министр иностранных дел России Сергей Лавров встретился в Баку с президентом "
            "Азербайджана Ильхамом Алиевым. ")


def page(title: str) -> bytes:
    return (f"<html><head><title>{title}</title>"
            f"<meta property='article:published_time' content='2025-08-07'></head><body>"
            f"<nav><a href='/'>Главная</a></nav><article><h1>{title}</h1>"
            f"<p>{SENTENCE * 3}</p><p>{title}: подробности позже.</p></article>"
            f"<footer>© Outlet</footer></body></html>").encode()


def rss(links: list[str]) -> bytes:
    items = "".join(f"<item><title>{link}</title><link>{link}</link>"
                    "<pubDate>Thu, 07 Aug 2025 09:00:00 GMT</pubDate></item>" for link in links)
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{items}"
            "</channel></rss>").encode()


class Site:
    """What the server serves: path -> (status, headers, body); a callable for the odd ones."""

    def __init__(self):
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.hits: list[str] = []


@pytest.fixture
def site():
    site = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):
            site.hits.append(self.path)
            if self.path == "/slow":
                time.sleep(1.0)
            if self.path.startswith("/loop"):
                self.send_response(302)
                self.send_header("Location", "/loop2" if self.path == "/loop1" else "/loop1")
                self.end_headers()
                return
            status, headers, body = site.routes.get(self.path, (404, {}, b"not found"))
            if "ETag" in headers and self.headers.get("If-None-Match") == headers["ETag"]:
                status, body = 304, b""
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield site
    server.shutdown()
    server.server_close()


HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_watch_once_twice_ingests_exactly_the_new_items(site, tmp_path, pipeline):
    base = site.base
    site.routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /private/\n")
    site.routes["/a"] = (200, HTML, page("Первая новость"))
    site.routes["/b"] = (200, HTML, page("Вторая новость"))
    site.routes["/c"] = (200, HTML, page("Третья новость"))
    site.routes["/pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")
    site.routes["/private/x"] = (200, HTML, page("Тайная новость"))
    links = [f"{base}/a", f"{base}/b", f"{base}/gone", f"{base}/slow", f"{base}/pdf",
             f"{base}/loop1", f"{base}/private/x"]
    site.routes["/feed"] = (200, {"Content-Type": "application/rss+xml", "ETag": '"v1"'},
                            rss(links))
    site.routes["/static"] = (200, {"Content-Type": "application/rss+xml", "ETag": '"s"'},
                              rss([f"{base}/a"]))
    feeds = [f"{base}/feed", f"{base}/static", f"{base}/missing-feed"]
    db = tmp_path / "w.duckdb"

    def run():
        fetcher = Fetcher(timeout=0.5, delay=0.0)
        with open_store(db, write=True) as store:
            return watch(store, feeds, pipeline=pipeline, fetcher=fetcher, once=True)

    first = run()
    reasons = {p.origin.removeprefix(base): p.reason for p in first.problems}
    assert reasons == {
        "/gone": "HTTP 404",
        "/slow": "timed out",
        "/pdf": "not an HTML page (application/pdf)",
        "/loop1": "too many redirects (over 5, a loop?)",
        "/private/x": "forbidden by robots.txt",
        "/missing-feed": "HTTP 404",
    }
    assert (first.ingest.stored, first.fetched) == (2, 2)

    # the feed changes; /static answers 304; a restart fetches no page it fetched before
    site.routes["/feed"] = (200, {"Content-Type": "application/rss+xml", "ETag": '"v2"'},
                            rss([*links, f"{base}/c"]))
    site.hits.clear()
    second = run()
    assert second.unchanged == 1
    assert (second.ingest.stored, second.fetched) == (1, 1)
    fetched_pages = {hit for hit in site.hits if hit not in ("/feed", "/static", "/robots.txt",
                                                            "/missing-feed")}
    # only the new item, and the one that timed out (it may answer now); not the lasting failures
    assert fetched_pages == {"/c", "/slow"}
    with open_store(db) as store:
        titles = set(store.query("SELECT title FROM documents")["title"])
    assert titles == {"Первая новость", "Вторая новость", "Третья новость"}


def test_relata_watch_once_on_a_second_poll_ingests_only_the_new_items(site, tmp_path):
    from click.testing import CliRunner

    from relata.cli import cli

    base = site.base
    for name in ("a", "b", "c"):
        site.routes[f"/{name}"] = (200, HTML, page(f"Новость {name}"))
    site.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"},
                            rss([f"{base}/a", f"{base}/b", f"{base}/gone"]))
    db = tmp_path / "cli.duckdb"
    args = ["watch", "--once", "--db", str(db), "--delay", "0", "--timeout", "2", "--quiet",
            f"{base}/feed"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 1  # /gone failed, and says so
    assert f"error: {base}/gone: HTTP 404" in first.output
    assert "2 document(s) stored, 1 failed" in first.output

    site.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"},
                            rss([f"{base}/a", f"{base}/b", f"{base}/gone", f"{base}/c"]))
    site.hits.clear()
    second = CliRunner().invoke(cli, args)
    assert second.exit_code == 0, second.output
    assert "1 new item(s), 1 page(s) fetched, 1 document(s) stored, 0 failed" in second.output
    assert [hit for hit in site.hits if hit not in ("/feed", "/robots.txt")] == ["/c"]


def test_a_feed_from_a_file(site, tmp_path, pipeline):
    site.routes["/a"] = (200, HTML, page("Новость из файла"))
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([f"{site.base}/a"]))
    not_a_feed = tmp_path / "nope.xml"
    not_a_feed.write_bytes(b"\x00\x01 nothing")
    with open_store(tmp_path / "f.duckdb", write=True) as store:
        report = watch(store, [str(feed), str(not_a_feed), str(tmp_path / "absent.xml")],
                       pipeline=pipeline, fetcher=Fetcher(delay=0))
    assert report.ingest.stored == 1
    assert [p.origin for p in report.problems] == [str(not_a_feed), str(tmp_path / "absent.xml")]


def test_a_host_is_asked_at_most_once_per_delay(site):
    site.routes["/x"] = (200, HTML, b"<html></html>")
    fetcher = Fetcher(delay=0.3)
    start = time.monotonic()
    for _ in range(3):
        fetcher.get(f"{site.base}/x")
    fetcher.close()
    # robots.txt, then three pages: three waits of 0.3 s
    assert time.monotonic() - start >= 0.9
    assert site.hits == ["/robots.txt", "/x", "/x", "/x"]


def test_last_modified_is_sent_back(site, tmp_path, pipeline):
    site.routes["/feed"] = (200, {"Content-Type": "application/rss+xml",
                                  "Last-Modified": "Thu, 07 Aug 2025 09:00:00 GMT"}, rss([]))
    with open_store(tmp_path / "l.duckdb", write=True) as store:
        watch(store, [f"{site.base}/feed"], pipeline=pipeline, fetcher=Fetcher(delay=0))
        assert store.feed_validators(f"{site.base}/feed") == (
            None, "Thu, 07 Aug 2025 09:00:00 GMT")
