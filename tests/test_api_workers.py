"""`relata serve --workers N`: each worker process builds a read-only app from the settings
the command hands it; ingest needs the one process."""

from __future__ import annotations

import json
import sys

from click.testing import CliRunner
from fastapi.testclient import TestClient

from relata.api.app import worker_app
from relata.cli import WORKER_SETTINGS, cli


def test_a_worker_builds_its_app_from_the_settings(examples_db, monkeypatch):
    monkeypatch.setattr(sys, "setswitchinterval", lambda seconds: None)  # no global change
    monkeypatch.setenv(WORKER_SETTINGS, json.dumps(
        {"db": str(examples_db), "max_body": 1 << 20, "warm": 0, "switch_interval": 0.0005}))
    client = TestClient(worker_app())
    status = client.get("/api/status").json()
    assert status["counts"]["events"] > 0
    # read-only: no ingest in a worker
    article = {"text": "Москва осудила Баку.", "date": "2025-08-07", "id": "a-1"}
    response = client.post("/api/ingest", json={"documents": [article]},
                           headers={"X-Relata-Token": "anything"})
    assert response.status_code == 404 and "--token" in response.json()["error"]["message"]


def test_workers_and_ingest_do_not_go_together(examples_db):
    result = CliRunner().invoke(cli, ["serve", "--db", str(examples_db), "--workers", "2",
                                      "--token", "s3cret"])
    assert result.exit_code != 0
    assert "--workers" in result.output and "one worker" in result.output
