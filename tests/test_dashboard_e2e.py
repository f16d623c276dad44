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
