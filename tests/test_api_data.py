"""The HTTP API in-process, over a real database of examples/: events, documents, actors,
errors, limits, assets."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from relata.api import create_app


@pytest.fixture(scope="module")
def client(examples_db, pipeline) -> TestClient:
    return TestClient(create_app(examples_db, pipeline=pipeline, max_body=4096))


def _error(response, status: int, field: str | None = None) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == {"code", "message", "field"} and error["message"]
    if field is not None:
        assert error["field"] == field, error
    return error


BAD = [
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=100000", 422, "limit"),
    ("/api/events?offset=-1", 422, "offset"),
    ("/api/events?offset=9223372036854775808", 422, "offset"),  # past DuckDB's BIGINT
    ("/api/events?offset=1000000001", 422, "offset"),
    ("/api/events?until=0", 422, "until"),                 # not 1970-01-01
    ("/api/events?since=1754524800", 422, "since"),        # nor seconds since 1970
    ("/api/events?since=2025-8-7", 422, "since"),
    ("/api/events?since=07.08.2025", 422, "since"),
    ("/api/events?since=2025-13-01", 422, "since"),
    ("/api/events?since=2025-09-01&until=2025-08-01", 422, "since"),
    ("/api/events?source=RUS';DROP TABLE events;--", 404, "source"),  # no such actor
    ("/api/events?type=ASSALT", 422, "type"),
    ("/api/events?modality=certain", 422, "modality"),
    ("/api/events?min_confidence=2", 422, "min_confidence"),
    ("/api/dyad?a=RUS", 422, "b"),
    ("/api/dyad?a=RUS&b=AZE&freq=Y", 422, "freq"),
    ("/api/dyad?a=RUS&b=AZE&modality=certain", 422, "modality"),
    ("/api/dyad?a=RUS&b=A0", 404, "b"),  # well formed, no such actor
    ("/api/trends?top=0", 422, "top"),
    ("/api/trends?min_events=99999999999999999999999", 422, "min_events"),
    ("/api/dyad?a=RUS&b=AZE&until=0", 422, "until"),
    ("/api/actors", 422, "q"),
    ("/api/documents?limit=0", 422, "limit"),
    ("/api/documents?offset=-1", 422, "offset"),
    ("/api/documents?q=", 422, "q"),
    ("/api/documents/nope", 404, "doc_id"),
    ("/api/documents/..%2F..%2Fetc%2Fpasswd", 404, None),
    ("/static/..%2F..%2Fpyproject.toml", 404, None),
    ("/static/app.py", 404, None),
    ("/api/nowhere", 404, None),
]


@pytest.mark.parametrize(("url", "status", "field"), BAD, ids=[u for u, _, _ in BAD])
def test_bad_requests_get_one_error_shape(client, url, status, field):
    _error(client.get(url), status, field)


def test_wrong_method_gets_the_error_shape(client):
    _error(client.post("/api/events"), 405)


def test_events_carry_their_evidence_spans(client):
    body = client.get("/api/events?source=RUS&target=AZE").json()
    assert body["events"] and body["next_offset"] is None
    for event in body["events"]:
        sentence = event["sentence"]
        for part in ("source", "trigger", "target"):
            start, end = event[f"{part}_in_sentence"]
            assert sentence[start:end] == event[f"{part}_text"], (part, event)
        assert {event["source_code"][:3], event["target_code"][:3]} == {"RUS", "AZE"}


def test_events_page_by_page(client):
    everything = client.get("/api/events?limit=500").json()["events"]
    assert len(everything) > 4
    first = client.get("/api/events?limit=2").json()
    second = client.get(f"/api/events?limit=2&offset={first['next_offset']}").json()
    assert [e["id"] for e in first["events"] + second["events"]] == \
        [e["id"] for e in everything[:4]]
    last = client.get(f"/api/events?limit=2&offset={len(everything) - 1}").json()
    assert len(last["events"]) == 1 and last["next_offset"] is None


def test_document_has_its_text_and_events(client):
    event = client.get("/api/events?source=RUS&target=AZE&limit=1").json()["events"][0]
    body = client.get(f"/api/documents/{event['doc_id']}").json()
    text = body["document"]["text"]
    assert body["document"]["date"] == "2025-08-07" and body["events"]
    for found in body["events"]:
        start, end = found["trigger_span"]
        assert text[start:end] == found["trigger_text"]


def test_a_documents_outlet_is_outlet_beside_the_events_source(client):
    """The outlet is `outlet`, as in the store and the exports: `source` is an event's doer."""
    listed = client.get("/api/documents?limit=500").json()["documents"]
    assert listed and all("source" not in d for d in listed)
    assert "example.org" in {d["outlet"] for d in listed}  # examples/news.jsonl's `source`
    one = next(d for d in listed if d["outlet"] == "example.org")
    body = client.get(f"/api/documents/{one['id']}").json()
    assert body["document"]["outlet"] == "example.org" and "source" not in body["document"]


def test_documents_searched_and_paged_as_the_library_lists_them(client, examples_db):
    from relata.store import open_store

    with open_store(examples_db) as store:
        every = list(store.documents()["id"])
        found = list(store.documents(q="азербайджан")["id"])
    listed = client.get("/api/documents?limit=500").json()
    assert [d["id"] for d in listed["documents"]] == every and listed["next_offset"] is None
    assert 0 < len(found) < len(every)
    assert [d["id"] for d in client.get("/api/documents?q=АЗЕРБАЙДЖАН&limit=500")
            .json()["documents"]] == found
    first = client.get("/api/documents?limit=2").json()
    assert [d["id"] for d in first["documents"]] == every[:2] and first["next_offset"] == 2
    rest = client.get("/api/documents?limit=500&offset=2").json()["documents"]
    assert [d["id"] for d in rest] == every[2:]
    assert client.get("/api/documents?q=%25_nothing_%25").json()["documents"] == []


@pytest.mark.parametrize(("query", "code", "kind"), [
    ("Russia", "RUS", "country"), ("россия", "RUS", "country"), ("РФ", "RUS", "country"),
    ("Azerb", "AZE", "country"), ("Азербайджан", "AZE", "country"), ("SOCAR", "AZEBUS", "company"),
    ("NATO", "NATO", "organisation"),
])
def test_actors_by_name_in_russian_or_english(client, query, code, kind):
    first = client.get("/api/actors", params={"q": query}).json()["actors"][0]
    assert (first["code"], first["kind"]) == (code, kind)


def test_request_body_over_the_limit_is_refused(client):
    big = {"text": "Россия " * 1000}
    _error(client.post("/api/code", json=big), 413)
    chunked = client.post("/api/code", content=iter([b'{"text": "', b"x" * 5000, b'"}']),
                          headers={"content-type": "application/json"})
    _error(chunked, 413)


def test_code_returns_events_and_stores_nothing(client):
    before = client.get("/api/status").json()["counts"]
    body = client.post("/api/code", json={
        "text": "Вчера армия РФ атаковала заправку SOCAR в Житомирской области.",
        "date": "2025-08-07"}).json()
    assert [(e["type"], e["source"]["code"], e["target"]["code"]) for e in body["events"]] == \
        [("ASSAULT", "RUSMIL", "AZEBUS")]
    assert client.get("/api/status").json()["counts"] == before
    for blank in ("", " ", "\n\t\u2028\x1c"):  # nothing str.strip() keeps: refused as such
        _error(client.post("/api/code", json={"text": blank}), 422, "text")
    for date in (0, 1754524800, "2025-8-7", "07.08.2025", True):  # ISO YYYY-MM-DD only
        _error(client.post("/api/code", json={"text": "Россия", "date": date}), 422, "date")
    _error(client.post("/api/code", content=b"{not json", headers={
        "content-type": "application/json"}), 422)


def test_openapi_schema_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/actors", "/api/dyad", "/api/trends", "/api/documents/{doc_id}",
            "/api/documents/{doc_id}/attitudes", "/api/code", "/api/ingest"} <= set(paths)


# Every error status each operation can answer with, in the one error shape.
ERRORS = {
    ("get", "/api/events"): {404, 422, 503},
    ("get", "/api/documents"): {422, 503},
    ("get", "/api/documents/{doc_id}"): {404, 422, 503},
    ("get", "/api/actors"): {422},
    ("get", "/api/status"): {503},
    ("get", "/api/dyad"): {404, 422, 503},
    ("get", "/api/trends"): {422, 503},
    ("get", "/api/documents/{doc_id}/attitudes"): {404, 422, 503},
    ("post", "/api/code"): {400, 413, 422},
    ("post", "/api/ingest"): {400, 403, 404, 413, 422, 503},
}


def test_openapi_schema_lists_the_error_responses_of_each_route(client):
    schema = client.get("/openapi.json").json()
    operations = {(method, path): operation for path, item in schema["paths"].items()
                  for method, operation in item.items()}
    assert set(operations) == set(ERRORS)
    for key, operation in operations.items():
        errors = {int(status) for status in operation["responses"] if status != "200"}
        assert errors == ERRORS[key], key
        for status in errors:
            content = operation["responses"][str(status)]["content"]["application/json"]
            assert content["schema"] == {"$ref": "#/components/schemas/ErrorBody"}, key
    shape = schema["components"]["schemas"]
    assert shape["ErrorBody"]["required"] == ["error"]
    assert set(shape["ErrorDetail"]["properties"]) == {"code", "message", "field"}
    assert "HTTPValidationError" not in shape  # FastAPI's own 422 shape is not the one sent


def test_openapi_schema_dates_are_iso_strings(client):
    schema = client.get("/openapi.json").json()
    since = next(p for p in schema["paths"]["/api/events"]["get"]["parameters"]
                 if p["name"] == "since")
    assert {"type": "string", "format": "date"} in since["schema"]["anyOf"]


def test_dashboard_and_its_assets_come_from_relata(client):
    page = client.get("/")
    assert page.status_code == 200 and "/vendor/plotly.min.js" in page.text
    for url in ("/static/app.js", "/static/style.css", "/vendor/plotly.min.js"):
        response = client.get(url)
        assert response.status_code == 200 and len(response.content) > 1000, url
    for text in (page.text, client.get("/static/app.js").text,
                 client.get("/static/style.css").text):
        assert "http://" not in text and "https://" not in text  # nothing from a CDN


def test_swagger_ui_at_docs_comes_from_relata(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "/vendor/swagger-ui/swagger-ui-bundle.js" in page.text
    assert "http://" not in page.text and "https://" not in page.text
    for url in ("/vendor/swagger-ui/swagger-ui-bundle.js", "/vendor/swagger-ui/swagger-ui.css",
                "/favicon.ico", "/static/favicon.png", "/static/world.json"):
        response = client.get(url)
        assert response.status_code == 200 and len(response.content) > 200, url
    assert client.get("/vendor/swagger-ui/index.html").status_code == 404
    world = client.get("/static/world.json").json()
    assert len(world["lon"]) == len(world["lat"]) > 5000


def test_a_missing_database_is_a_503(tmp_path):
    client = TestClient(create_app(tmp_path / "none.duckdb"))
    _error(client.get("/api/events"), 503)


def test_filters_read_names_and_any_case_as_the_cli_does(client):
    def ids(url):
        response = client.get(url)
        assert response.status_code == 200, response.text
        return [e["id"] for e in response.json()["events"]]

    by_code = ids("/api/events?source=RUS&type=ASSAULT&modality=factual")
    assert by_code and ids("/api/events?source=Россия&type=assault&modality=Factual") == by_code
    assert ids("/api/events?source=Russia&type=Assault") == ids(
        "/api/events?source=RUS&type=ASSAULT")
    named = client.get("/api/dyad?a=Russia&b=Азербайджан&modality=FACTUAL").json()
    coded = client.get("/api/dyad?a=RUS&b=AZE").json()
    assert named["series"] == coded["series"]
    assert client.get("/api/dyad?a=rus&b=aze").json()["series"] == coded["series"]
