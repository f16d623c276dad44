"""Latency of the dyad endpoint under load: `relata serve` over a synthetic database.

    python benchmarks/api_load.py [--events 1000000] [--clients 50] [--requests 1000]
                                  [--warm N] [--workers N] [--json]

Builds a fresh database of `--events` synthetic events (DuckDB SQL, seeded: 40 countries,
three years, every quad class) in a temporary folder, starts `relata serve` on it in its
own process on 127.0.0.1, and sends a bounded number of `GET /api/dyad` requests from
`--clients` concurrent clients, each for a pair drawn from the ten busiest countries
(both ways, per month). It prints p50, p99 and the mean latency and the requests per
second. Only 127.0.0.1 is ever contacted. Not a test: its figures go into the docs.

`--warm N` is passed to `relata serve` (the busiest dyads' answers computed ahead, see
relata/api/warm.py; without it, the server's default); the requests are sent once the
server says (`/api/status`) that it has finished, as an analyst's would come after it.
`--warm 0` measures answers none of which is computed beforehand.

`--cpu` measures instead the CPU an answer not yet in the server's cache costs, whatever
the machine's load: in this process, the server's own making of the 45 dyads' answers
(relata.api: months, both ways, factual, 20 events of evidence), each once, after answers
for pairs of other countries; the best of `--repeat` passes, in ms of CPU an answer: as the
server makes them (`cold_cpu_ms`: read from the answers ingest keeps), and computed as if
none were kept (`computed_cpu_ms`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

HOST = "127.0.0.1"
COUNTRIES = ("RUS", "UKR", "AZE", "USA", "CHN", "TUR", "ARM", "GEO", "KAZ", "BLR", "DEU", "FRA",
             "GBR", "IRN", "ISR", "SYR", "POL", "JPN", "IND", "PRK", "KOR", "EST", "LVA", "LTU",
             "MDA", "ROU", "HUN", "SRB", "CZE", "FIN", "SWE", "NOR", "ITA", "ESP", "EGY", "SAU",
             "QAT", "UZB", "TJK", "KGZ")
BUSY = COUNTRIES[:10]


def build(path: Path, events: int) -> float:
    """A database of `events` synthetic events over 10,000 documents; seconds taken."""
    from relata import open_store

    started = time.perf_counter()
    with open_store(path, write=True):  # the schema, by relata's own migrations
        pass
    import duckdb

    codes = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    with duckdb.connect(str(path)) as db:
        db.execute("SELECT setseed(0.42)")
        db.execute("""INSERT INTO documents (id, origin, status, body_start, chars, text, date,
                                             lang)
                      SELECT printf('%020x', i), 'synthetic:' || i, 'analysed', 0, 40,
                             'Синтетический документ номер ' || i || '.',
                             DATE '2023-01-01' + CAST(i % 1095 AS INTEGER), 'ru'
                      FROM range(10000) t(i)""")
        # Busy countries first: a power law over the list, as news has it.
        db.execute(f"""INSERT INTO events (id, doc_id, date, type, quad_class, goldstein,
                          modality, source_code, source_country, target_code, target_country,
                          trigger_text, trigger_start, trigger_end, sentence_start,
                          sentence_end, confidence, story_id)
            SELECT printf('%016x', i), printf('%020x', i % 10000),
                   DATE '2023-01-01' + CAST(floor(random() * 1095) AS INTEGER),
                   ['CONSULT', 'AID', 'ACCUSE', 'ASSAULT'][q], q,
                   [4.0, 7.0, -2.0, -10.0][q],
                   CASE WHEN random() < 0.8 THEN 'factual' ELSE 'predicted' END,
                   s, s, t, t, 'synthetic', 0, 9, 0, 40, 0.9, printf('%016x', i)
            FROM (SELECT i, CAST(1 + floor(random() * 4) AS INTEGER) AS q,
                         {codes}[CAST(1 + floor(40 * pow(random(), 2.5)) AS INTEGER)] AS s,
                         {codes}[CAST(1 + floor(40 * pow(random(), 2.5)) AS INTEGER)] AS t
                  FROM range({events}) r(i))""")
        try:  # a relata whose store keeps a table of dyads fills it from the events
            from relata.store.schema import DYAD_EVENTS, DYAD_ORDER
        except ImportError:
            pass
        else:
            db.execute("DELETE FROM dyad_events")
            db.execute(f"INSERT INTO dyad_events {DYAD_EVENTS.format(table='events')} "
                       f"{DYAD_ORDER}")
            db.execute("UPDATE dyad_events_sorted SET rows = (SELECT count(*) "
                       "FROM dyad_events)")
        db.execute("CHECKPOINT")
    with open_store(path, write=True) as store:
        if hasattr(store, "aggregate_dyads"):  # a relata that keeps the dyads' series per
            store.aggregate_dyads()           # period counts them from the events
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def serve(db: Path, port: int, *options: str) -> subprocess.Popen:
    """`relata serve` on 127.0.0.1:`port` with these further options, once it answers and
    has finished warming (a relata that does not warm: once it answers)."""
    relata = Path(sys.executable).with_name("relata")
    process = subprocess.Popen([str(relata), "serve", "--db", str(db), "--host", HOST,
                                "--port", str(port), *options], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            response = httpx.get(f"http://{HOST}:{port}/api/status", timeout=5)
            response.raise_for_status()
            if not (response.json().get("warm") or {}).get("running"):
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.kill()
    raise SystemExit("relata serve did not start")


async def load(port: int, clients: int, requests: int, seed: int = 7,
               countries: tuple[str, ...] = BUSY, freq: str = "M") -> list[float]:
    """Latencies (s) of `requests` dyad requests sent by `clients` concurrent clients, each
    for a pair of `countries`, per `freq`."""
    rng = random.Random(seed)
    pairs = [rng.sample(countries, 2) for _ in range(requests)]
    queue: asyncio.Queue = asyncio.Queue()
    for pair in pairs:
        queue.put_nowait(pair)
    latencies: list[float] = []

    # Each client one keep-alive HTTP/1.1 connection written and read by hand: httpx's
    # async client spent about 6 ms of CPU a request, three times the server's own, and
    # on two cores the figures measured the client.
    async def worker() -> None:
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            while not queue.empty():
                a, b = queue.get_nowait()
                started = time.perf_counter()
                writer.write(f"GET /api/dyad?a={a}&b={b}&freq={freq} HTTP/1.1\r\n"
                             f"Host: {HOST}:{port}\r\n\r\n".encode())
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head.split(b" ", 2)[1])
                length = int(re.search(rb"(?i)content-length: *(\d+)", head)[1])
                await reader.readexactly(length)
                if status != 200:
                    raise SystemExit(f"/api/dyad?a={a}&b={b} answered {status}")
                latencies.append(time.perf_counter() - started)
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(clients)))
    return latencies


def cold_cpu(db: Path, repeat: int, *, kept: bool = True) -> float:
    """ms of CPU (this process's, all threads) an answer not yet in the server's cache
    costs, best pass; `kept`: as the server makes it (from the answer ingest keeps, see
    relata/relations/answers.py), else computed as if none were kept."""
    import itertools

    from relata.api import relations
    from relata.api.context import Context
    from relata.api.warm import DEFAULT_QUESTION

    context = Context(db)
    version = context.version()
    if not kept:  # the counts current, the answers kept not (Context.reader)
        with context.reader() as store:
            context._counted = {version: (store.dyads_counted(), False)}
    for a, b in itertools.combinations(COUNTRIES[10:20], 2):  # imports, the file's pages
        relations.dyad_json(context, version, a, b, **DEFAULT_QUESTION)
    pairs = list(itertools.combinations(BUSY, 2))
    best = float("inf")
    with context.reader():  # the connection kept open, as under load
        for _ in range(repeat):
            context.answers.clear()
            started = time.process_time()
            for a, b in pairs:
                relations.dyad_json(context, version, a, b, **DEFAULT_QUESTION)
            best = min(best, (time.process_time() - started) / len(pairs))
    return 1000 * best


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--warm", type=int, help="relata serve --warm N (default: its own)")
    parser.add_argument("--workers", type=int, help="relata serve --workers N (default: 1)")
    parser.add_argument("--cpu", action="store_true",
                        help="Measure the CPU an answer not yet kept costs, in this process, "
                             "instead of the latency under load.")
    parser.add_argument("--repeat", type=int, default=3, help="passes of --cpu (best kept)")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()
    if not 1 <= args.requests <= 100_000:
        parser.error("--requests must be from 1 to 100,000")
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "load.duckdb"
        built = build(db, args.events)
        if args.cpu:
            figures = {"events": args.events, "answers": 45,
                       "cold_cpu_ms": round(cold_cpu(db, max(1, args.repeat)), 2),
                       "computed_cpu_ms": round(cold_cpu(db, max(1, args.repeat),
                                                         kept=False), 2)}
            print(json.dumps(figures) if args.json else
                  "\n".join(f"{key:15} {value}" for key, value in figures.items()))
            return
        port = free_port()
        server = serve(db, port, *([] if args.warm is None else ["--warm", str(args.warm)]),
                       *([] if args.workers is None else ["--workers", str(args.workers)]))
        try:
            # Warm up the server (connections, imports, the file's pages) on pairs of other
            # countries, per week: none of the measured answers is in its cache beforehand,
            # nor (the server reads every dyad's rows for a question at once when many
            # are asked for together) the rows they are computed from.
            asyncio.run(load(port, args.clients, min(args.clients, args.requests), seed=1,
                             countries=COUNTRIES[10:20], freq="W"))
            started = time.perf_counter()
            latencies = asyncio.run(load(port, args.clients, args.requests))
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(30)
        size = os.path.getsize(db)
    figures = {
        "events": args.events, "database_mb": round(size / 1e6, 1), "build_s": round(built, 1),
        "clients": args.clients, "warm": args.warm, "requests": len(latencies),
        "p50_ms": round(1000 * _percentile(latencies, 0.50), 1),
        "p99_ms": round(1000 * _percentile(latencies, 0.99), 1),
        "mean_ms": round(1000 * statistics.fmean(latencies), 1),
        "requests_per_s": round(len(latencies) / elapsed, 1),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:15} {value}")


if __name__ == "__main__":
    main()
