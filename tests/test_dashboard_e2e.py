"""The dashboard in a real headless Chromium (Debian's /usr/bin/chromium through Playwright;
no browser is downloaded): pick Russia and Azerbaijan, see the curve and the evidence."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from relata.api import create_app
from relata.pipeline import Pipeline

from conftest import ROOT
from serve_stub import Broken, store_texts

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(examples_db, pipeline) -> Iterator[str]:
    with _running(create_app(examples_db, pipeline=pipeline)) as url:
        yield url


@contextmanager
def _running(app: FastAPI) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get update && "
                    "apt-get install -y chromium); .ci/run does it in CI")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=["--no-sandbox"])
        yield launched
        launched.close()


def _pick(page, side: str, typed: str, code: str) -> None:
    page.fill(f"#actor-{side}", typed)
    page.click(f"#suggest-{side} li[data-code='{code}']", timeout=10_000)
    assert page.text_content(f"#chosen-{side}") == code


def test_dashboard_shows_russia_and_azerbaijan(server, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    failed_requests: list[str] = []
    page.on("requestfailed", lambda request: failed_requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + "/")
    page.wait_for_selector("#network .main-svg")  # plotly.js loaded from relata, drawn
    _pick(page, "a", "Russia", "RUS")
    _pick(page, "b", "Азербайджан", "AZE")
    page.click("#show")

    page.wait_for_selector("#curve .main-svg")
    assert page.locator("#curve .barlayer .point").count() > 0  # the quad-class stacks
    assert page.locator("#curve .scatterlayer .trace").count() == 1  # the Goldstein line
    verdict = page.text_content("#verdict")
    assert "conflictual" in verdict and "period" in verdict
    assert "Россия (RUS) — Азербайджан (AZE)" in page.text_content("#dyad-title")

    rows = page.locator("#events tr.event")
    assert rows.count() >= 3
    attack = page.locator("#events tr.event", has_text="ASSAULT").first
    attack.click()
    evidence = page.locator("#events tr.evidence").first
    evidence.wait_for()
    for mark in ("src", "trg", "tgt"):
        assert evidence.locator(f"mark.{mark}").first.inner_text().strip()
    assert "SOCAR" in evidence.inner_text() or "Азербайджан" in evidence.inner_text()
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

    evidence.locator("a.doc-link").click()
    page.wait_for_selector("#doc-text mark.trg")
    assert "Москв" in page.text_content("#doc-text")
    page.wait_for_selector("#doc-attitudes li")  # found, or why there are none
    page.screenshot(path=str(ARTIFACTS / "document.png"), full_page=True)
    assert not errors, errors
    assert not failed_requests, failed_requests
    page.close()


def test_the_document_view_says_why_its_attitudes_failed(browser, tmp_path):
    db = tmp_path / "one.duckdb"
    (doc_id,) = store_texts(db, ["Россия и Азербайджан."])
    with _running(create_app(db, pipeline=Pipeline([Broken()]))) as url:
        page = browser.new_page()
        page.goto(f"{url}/#doc={doc_id}")
        page.wait_for_selector("#doc-attitudes li")
        assert "stage 'broken' failed: ValueError" in page.text_content("#doc-attitudes")
        page.close()


def _watched(browser, **options):
    """A page whose failed requests and script errors are kept, to assert there were none."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000}, **options)
    page.problems = []
    page.on("requestfailed", lambda request: page.problems.append(request.url))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    return page


def test_documents_are_searched_and_opened(server, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    page = _watched(browser)
    page.goto(server + "/#view=documents")
    page.wait_for_selector("#doc-list tr.document")
    every = page.locator("#doc-list tr.document").count()
    page.fill("#doc-q", "азербайджан")
    page.click("#doc-search button")
    page.wait_for_function(f"document.querySelectorAll('#doc-list tr.document').length < {every}")
    assert "q=" in page.evaluate("location.hash")
    page.screenshot(path=str(ARTIFACTS / "documents.png"), full_page=True)
    page.locator("#doc-list tr.document").first.click()
    page.wait_for_selector("#doc-text")
    page.wait_for_function("document.querySelector('#doc-text').textContent.length > 0")
    assert "зербайджан" in page.text_content("#doc-text").lower()
    assert not page.problems, page.problems
    page.close()


def test_events_are_filtered_paged_and_downloaded(server, browser):
    page = _watched(browser, accept_downloads=True)
    page.goto(server + "/#view=events")
    page.wait_for_selector("#event-list tr.event")
    page.fill("#event-filters [name=source]", "Россия")  # a name, as the CLI reads it
    page.fill("#event-filters [name=type]", "assault")  # any case
    page.click("#event-filters button")
    page.wait_for_function("location.hash.includes('type=assault')")
    page.wait_for_function(  # not vacuously true while the list is being redrawn
        "(rows => rows.length > 0 && rows.every(r => r.cells[1].textContent === 'ASSAULT'))"
        "([...document.querySelectorAll('#event-list tr.event')])")
    rows = page.locator("#event-list tr.event")
    assert rows.count() >= 1 and not page.text_content("#events-error")
    rows.first.click()
    page.wait_for_selector("#event-list tr.evidence mark.trg")
    page.screenshot(path=str(ARTIFACTS / "events.png"), full_page=True)
    with page.expect_download() as caught:
        page.click("#events-view [data-download=events][data-format=csv]")
    lines = Path(caught.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("date,type,") and len(lines) == rows.count() + 1
    assert all(",ASSAULT," in line for line in lines[1:])
    with page.expect_download() as caught:
        page.click("#events-view [data-download=events][data-format=json]")
    import json

    assert len(json.loads(Path(caught.value.path()).read_text(encoding="utf-8"))) == rows.count()

    page.goto("about:blank")  # a new document: a changed fragment alone would keep the
    page.goto(server + "/#view=events&limit=25")  # filtered rows on screen (paging)
    page.wait_for_selector("#event-list tr.event")
    first = page.text_content("#event-list tbody")
    if not page.is_disabled("#ev-next"):
        page.click("#ev-next")
        page.wait_for_function("location.hash.includes('offset=25')")
        page.wait_for_function(
            f"document.querySelector('#event-list tbody').textContent !== {first!r}")
        assert not page.is_disabled("#ev-prev")
    page.fill("#event-filters [name=type]", "ASSALT")  # an unknown type: said, not 0 rows
    page.click("#event-filters button")
    page.wait_for_function("document.querySelector('#events-error').textContent.length > 0")
    assert not page.problems, page.problems
    page.close()


def test_a_pasted_text_is_coded_with_its_evidence(server, browser):
    page = _watched(browser)
    page.goto(server + "/#view=code")
    page.fill("#code-text", "Вчера армия РФ атаковала заправку SOCAR в Житомирской области.")
    page.click("#code-form button")
    page.wait_for_selector("#code-events li.coded")
    item = page.locator("#code-events li.coded").first
    assert "ASSAULT" in item.inner_text()
    assert "атаковала" in item.locator("mark.trg").inner_text()
    page.screenshot(path=str(ARTIFACTS / "code.png"), full_page=True)
    assert not page.problems, page.problems
    page.close()


def test_a_dyad_from_the_address_names_both_sides(server, browser):
    page = _watched(browser)
    page.goto(server + "/?a=RUS&b=AZE")
    page.wait_for_selector("#curve .main-svg")
    assert page.title().startswith("Россия — Азербайджан")
    located = page.locator("#located")
    if located.is_visible():  # the base map under the points
        page.wait_for_selector("#map .scatterlayer .trace")
        assert page.locator("#map .scatterlayer .trace").count() == 2
    assert page.evaluate("document.querySelector('link[rel=icon]').href").endswith("favicon.png")
    page.screenshot(path=str(ARTIFACTS / "dyad-from-address.png"), full_page=True)
    assert not page.problems, page.problems
    page.close()


def test_swagger_ui_works_offline(server, browser):
    page = _watched(browser)
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15_000)
    assert page.locator(".opblock-summary-path", has_text="/api/documents").count() >= 1
    assert not page.problems, page.problems
    page.close()
