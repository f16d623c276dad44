"""Schemathesis, every check, against `relata serve`: how many failures it finds.

    python benchmarks/schemathesis_run.py [--max-examples 30] [--max-time 180] [--seed 1] [--json]

Builds a database of examples/ (ingested by relata, models and all) in a temporary
folder, starts `relata serve` on it on 127.0.0.1 with an ingest token (sent with every
request, so that ingest is tested past its 403), and runs `schemathesis run --checks all`
on the server's OpenAPI document: `--max-examples` cases an operation at a time, the
fuzzing repeated until `--max-time` seconds are spent (a run stuck past them by two
minutes is stopped and said to be incomplete).
Schemathesis is given the stored documents' ids and a few actor codes as dictionaries, so
that the document and dyad operations are reached, not only their 404s.

One allowance, stated in the output: /api/events, /api/dyad and /api/trends may answer a
schema-valid request with 422 when `since` is after `until`, and the last two when the
window has more periods than the cap (relata.relations.MAX_PERIODS): rules between
parameters, which JSON Schema cannot state. Prints the failures by check and operation,
and their count (the README's figure; the goal is 0); exits 1 when there is one. Only
127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from api_load import HOST, free_port, serve

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "schemathesis"
ACTORS = ("RUS", "AZE", "UKR", "ARM", "KAZ", "TUR", "USA", "EU", "NATO", "RUSMIL", "AZEGOV")
WINDOW_RULES = "^/api/(events|dyad|trends)$"
# schemathesis' own list of what a schema-valid request may get, and the window rules' 422
ACCEPTED = ["2xx", "3xx", 401, 403, 404, 409, 429, "5xx", 422]


def build(db: Path) -> list[str]:
    """A database of examples/; the ids of its documents."""
    from relata import ingest, open_store

    with open_store(db, write=True) as store:
        ingest(store, [ROOT / "examples"])
    with open_store(db, read_only=True) as store:
        return store.documents()["id"].tolist()


def config(doc_ids: list[str]) -> str:
    """schemathesis.toml: the dictionaries, and the allowance for the window rules."""
    return "\n".join([
        f"[dictionaries.doc_ids]\nvalues = {json.dumps(doc_ids)}",
        f"[dictionaries.actors]\nvalues = {json.dumps(list(ACTORS))}",
        "[parameters]",
        '"path.doc_id" = { dictionary = "doc_ids", probability = 0.5 }',
        '"query.a" = { dictionary = "actors", probability = 0.7 }',
        '"query.b" = { dictionary = "actors", probability = 0.7 }',
        "[[operations]]",
        f'include-path-regex = "{WINDOW_RULES}"',
        f"checks.positive_data_acceptance.expected-statuses = {json.dumps(ACCEPTED)}",
        "",
    ])


def run(port: int, folder: Path, doc_ids: list[str], max_examples: int, max_time: int,
        seed: int) -> dict:
    """Schemathesis' JSON report of one run, with `timed_out` when it had to be stopped."""
    report = folder / "report.json"
    (folder / "schemathesis.toml").write_text(config(doc_ids))
    command = [str(Path(sys.executable).with_name("schemathesis")),
               "--config-file", str(folder / "schemathesis.toml"), "--no-color", "run",
               f"http://{HOST}:{port}/openapi.json", "--checks", "all",
               "--max-examples", str(max_examples), "--max-time", str(max_time),
               "--seed", str(seed), "--workers", "1", "--request-timeout", "60",
               "--header", f"X-Relata-Token: {TOKEN}",
               "--report", "json", "--report-json-path", str(report)]
    log = folder / "schemathesis.log"
    with log.open("w") as output:
        try:  # its own --max-time ends the fuzzing; this ends a run stuck in one request
            subprocess.run(command, stdout=output, stderr=subprocess.STDOUT,
                           timeout=max_time + 120, check=False)
        except subprocess.TimeoutExpired:
            return {"timed_out": True, "log": log.read_text()[-4000:]}
    found = json.loads(report.read_text()) if report.exists() else {}
    return {"timed_out": False, "log": log.read_text(), **found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-examples", type=int, default=30,
                        help="Cases per operation (1 to 1,000).")
    parser.add_argument("--max-time", type=int, default=180,
                        help="Seconds for the whole run (10 to 3,600).")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()
    if not 1 <= args.max_examples <= 1000 or not 10 <= args.max_time <= 3600:
        parser.error("--max-examples must be from 1 to 1,000, --max-time from 10 to 3,600")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        port = free_port()
        # the database first: the server opens it on its first request
        doc_ids = build(folder / "served.duckdb")
        server = serve(folder / "served.duckdb", port, "--token", TOKEN)
        try:
            found = run(port, folder, doc_ids, args.max_examples, args.max_time, args.seed)
        finally:
            server.terminate()
            server.wait(30)
    failures = [{"check": f"{f['code']} {f['title']}", "count": f["count"],
                 "operations": f["operations"]} for f in found.get("failures", [])]
    errors = found.get("errors", [])
    figures = {
        "complete": bool(found.get("complete")) and not found["timed_out"],
        "operations": found.get("operations", {}).get("tested", 0),
        "test_cases": found.get("test_cases", {}).get("generated", 0),
        "failures": sum(f["count"] for f in failures) + len(errors),
        "by_check": failures, "errors": errors, "documents": len(doc_ids),
        "allowed": f"422 from {WINDOW_RULES} (since after until, too many periods)",
        "seconds": round(time.perf_counter() - started, 1),
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        for key, value in figures.items():
            print(f"{key:11} {value}")
        if figures["failures"] or not figures["complete"]:
            print(found["log"][-6000:], file=sys.stderr)
    sys.exit(1 if figures["failures"] or not figures["complete"] else 0)


if __name__ == "__main__":
    main()
