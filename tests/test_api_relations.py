"""Relations through the API: a dyad's series, the trends ranking, a document's attitudes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from relata.api import create_app

QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


@pytest.fixture(scope="module")
def client(examples_db, pipeline) -> TestClient:
    return TestClient(create_app(examples_db, pipeline=pipeline))


@pytest.mark.parametrize("freq", ["D", "W", "M"])
def test_dyad_series_of_russia_and_azerbaijan(client, freq):
    body = client.get(f"/api/dyad?a=RUS&b=AZE&freq={freq}").json()
    summary, series = body["summary"], body["series"]
    assert summary["events"] > 0 and summary["goldstein_total"] < 0
    assert summary["character"] == "conflictual"
    assert sum(row["events"] for row in series) == summary["events"] == len(body["evidence"])
    for row in series:
        assert row["events"] == sum(row[q] for q in QUADS)
    assert summary["trend"]["verdict"] in {"improving", "deteriorating", "stable", "too short"}
    assert summary["trend"]["line"]
    both_ways = client.get(f"/api/dyad?a=AZE&b=RUS&freq={freq}").json()["summary"]
    assert both_ways["events"] == summary["events"]


def test_directed_dyad_is_one_way(client):
    ab = client.get("/api/dyad?a=RUS&b=AZE&directed=true").json()["summary"]["events"]
    ba = client.get("/api/dyad?a=AZE&b=RUS&directed=true").json()["summary"]["events"]
    both = client.get("/api/dyad?a=RUS&b=AZE").json()["summary"]["events"]
    assert ab > 0 and ab + ba == both


def test_trends_rank_the_dyads(client):
    # the examples' window: each pair is tested over it, as /api/dyad reads the pair
    dyads = client.get("/api/trends?min_events=1&top=50&since=2025-03-01&until=2025-08-31"
                       ).json()["dyads"]
    pairs = {(d["a"], d["b"]) for d in dyads}
    assert ("AZE", "RUS") in pairs
    assert [d["rank"] for d in dyads] == list(range(1, len(dyads) + 1))
    scores = [d["score"] for d in dyads]
    assert scores == sorted(scores, reverse=True)


def test_the_founding_articles_attitudes(client):
    events = client.get("/api/events?source=RUS&target=AZE&limit=1").json()["events"]
    doc_id = events[0]["doc_id"]
    response = client.get(f"/api/documents/{doc_id}/attitudes")
    assert response.status_code == 200
    found = response.json()["attitudes"]
    assert any(a["source"] == "RUS" and a["target"] == "AZE" and a["label"] == "neg"
               for a in found), found


@pytest.mark.parametrize("url", [
    "/api/dyad?a=RUS&b=AZE&freq=D&since=1950-01-01&until=2025-12-31",
    "/api/trends?freq=D&since=1995-01-01&until=2025-12-31",
    "/api/trends?freq=W&since=1900-01-01&until=2025-12-31",
    "/api/dyad?a=RUS&b=AZE&freq=M&since=0001-01-01&until=9999-12-31",
])
def test_a_window_of_too_many_periods_is_a_422_that_names_the_cap(client, url):
    response = client.get(url)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert (error["code"], error["field"]) == ("too_many_periods", "freq")
    assert "over the limit of 4,000 periods" in error["message"]
    if "freq=M" not in url:
        assert "use a coarser freq (" in error["message"]


def test_a_window_within_the_cap_is_answered(client):
    body = client.get("/api/dyad?a=RUS&b=AZE&freq=W&since=1950-01-01&until=2025-12-31").json()
    assert body["summary"]["periods"] == 3967 and body["summary"]["events"] == 4
