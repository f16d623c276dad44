"""A text whose analysis fails is an error response that names the stage and the reason,
never a 200 with no events (the dashboard shows an error's message where the answer would go)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from relata.api import create_app
from relata.pipeline import Pipeline

from serve_stub import Broken, Wait, store_texts


@pytest.mark.parametrize("method, path, body", [
    ("POST", "/api/code", {"text": "Вчера армия РФ атаковала заправку SOCAR."}),
    ("GET", "/api/documents/{doc_id}/attitudes", None),
])
def test_a_failed_analysis_is_an_error_naming_the_stage(tmp_path, method, path, body):
    db = tmp_path / "one.duckdb"
    (doc_id,) = store_texts(db, ["Россия и Азербайджан."])
    client = TestClient(create_app(db, pipeline=Pipeline([Wait(), Broken()])))
    response = client.request(method, path.format(doc_id=doc_id), json=body)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "analysis_failed"
    assert error["message"] == "stage 'broken' failed: ValueError: no parse for this text"
