"""Speed of dyad series and trends on a large synthetic database.

    python benchmarks/dyads.py [--db /tmp/relata-bench.duckdb] [--events 10000000] [--json]

The database is generated in DuckDB SQL (no Python loop per row): documents
five events each, ten years of dates in document order (as news is ingested),
60 states drawn with a skewed (Zipf-like) weight as sources and targets, quad
classes and Goldstein weights whose conflict share drifts for one dyad in
seven, nine events in ten factual. It is kept between runs (`--fresh` rebuilds).
Then `dyad_series` (library, with its trend and 20 evidence events), `relata
dyad` (the command, in a fresh process: start-up included), `trends` (library
and command), `relata dyad` over three months (too short for a change point:
no search) and the start-up alone (`relata --version`) are timed, best of
`--repeat`; the library's first call (imports included) is given apart. So is
what a fresh process spends before it reads anything: the interpreter alone,
then each import `relata dyad` needs (each in a fresh process, so shared
dependencies count in each: numpy is inside duckdb's and the change-point
search's figures), the `ruptures` package and pandas for comparison (the
commands import neither), and all that `relata dyad` imports together
(`dyad_imports_s`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

STATES = (
    "RUS", "UKR", "USA", "CHN", "AZE", "ARM", "TUR", "DEU", "FRA", "GBR", "KAZ", "BLR",
    "GEO", "IRN", "ISR", "SYR", "IND", "JPN", "POL", "MDA", "UZB", "KGZ", "TJK", "TKM",
    "LTU", "LVA", "EST", "FIN", "SWE", "NOR", "ITA", "ESP", "HUN", "SRB", "PRK", "KOR",
    "SAU", "ARE", "EGY", "QAT", "IRQ", "AFG", "PAK", "VNM", "BRA", "MEX", "CAN", "AUS",
    "ZAF", "NGA", "ETH", "LBY", "VEN", "CUB", "GRC", "BGR", "ROU", "CZE", "SVK", "AUT",
)
EVENTS_PER_DOCUMENT = 5
DAYS = 3652  # 2015-01-01 … 2024-12-31


def generate(path: Path, events: int) -> float:
    """Create the database at `path` with `events` events; the seconds it took."""
    from relata.store import open_store
    from relata.store.schema import DYAD_EVENTS

    started = time.perf_counter()
    documents = max(1, events // EVENTS_PER_DOCUMENT)
    with open_store(path, write=True) as store:
        db = store._db
        db.execute("CREATE TEMP TABLE states AS SELECT unnest($s) AS code, "
                   "generate_subscripts($s, 1) - 1 AS k", {"s": list(STATES)})
        db.execute(
            """INSERT INTO documents (id, origin, date, lang, status, body_start, chars, text)
               SELECT 'd' || i, 'synthetic', DATE '2015-01-01' + CAST(i * $days // $n AS INT),
                      'ru', 'analysed', 0, 60,
                      'Синтетическая статья номер ' || i || ': стороны обменялись заявлениями.'
               FROM range($n) t(i)""", {"n": documents, "days": DAYS})
        db.execute(
            """INSERT INTO events (id, doc_id, date, type, cameo, quad_class, goldstein, modality,
                   source_code, source_country, source_sector, source_name,
                   target_code, target_country, target_sector, target_name,
                   trigger_text, trigger_start, trigger_end, sentence_start, sentence_end,
                   confidence, story_id)
               WITH draw AS (
                   SELECT i, i // $per AS d,
                          CAST(floor($k * pow(random(), 2.5)) AS INT) AS s,
                          CAST(floor(($k - 1) * pow(random(), 2.0)) AS INT) AS hop,
                          random() AS q, random() AS g, random() AS m
                   FROM range($n) t(i)),
               coded AS (
                   SELECT i, d, s, (s + 1 + hop) % $k AS t, q, g, m,
                          DATE '2015-01-01' + CAST(d * $days // $docs AS INT) AS day
                   FROM draw),
               classed AS (
                   SELECT *, CASE
                       -- one dyad in seven turns hostile over the decade
                       WHEN q < 0.25 + (CASE WHEN (s + 2 * t) % 7 = 0
                                        THEN 0.5 * (day - DATE '2015-01-01') / $days ELSE 0 END)
                            THEN (CASE WHEN g < 0.5 THEN 3 ELSE 4 END)
                       ELSE (CASE WHEN g < 0.7 THEN 1 ELSE 2 END) END AS quad
                   FROM coded)
               SELECT 'e' || i, 'd' || d, day,
                      ['CONSULT', 'COOPERATE', 'ACCUSE', 'ASSAULT'][quad],
                      ['040', '060', '112', '190'][quad], quad,
                      round([1 + 6 * g, 6 + 2 * g, -2 - 4 * g, -7 - 3 * g][quad], 1),
                      CASE WHEN m < 0.9 THEN 'factual' WHEN m < 0.97 THEN 'predicted'
                           ELSE 'intended' END,
                      a.code || 'GOV', a.code, 'GOV', a.code,
                      b.code || (CASE WHEN quad = 4 THEN 'MIL' ELSE 'GOV' END), b.code,
                      CASE WHEN quad = 4 THEN 'MIL' ELSE 'GOV' END, b.code,
                      'заявили', 0, 7, 0, 60, 0.9, 'e' || i  -- each event its own story
               FROM classed JOIN states a ON a.k = s JOIN states b ON b.k = t""",
            {"n": events, "per": EVENTS_PER_DOCUMENT, "k": len(STATES), "days": DAYS,
             "docs": documents})
        # the dyads of the new events, appended as Store.write does, then put in order as
        # ingest does at the end of a run
        db.execute(f"INSERT INTO dyad_events {DYAD_EVENTS.format(table='events')}")
        store.sort_dyads()
    return time.perf_counter() - started


def best(repeat: int, call) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return min(times)


def command(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "relata", *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# What `relata dyad` imports; for comparison, the ruptures package (its __init__ pulls in
# scipy) and pandas, which the commands no longer import.
_SEARCH = "from relata.relations import pelt; pelt._compiled()"
IMPORTS = {"relata_cli": "import relata.cli",
           "relata_relations": "import relata.relations.series",
           "numpy": "import numpy", "duckdb": "import duckdb",
           "change_point_search": _SEARCH,
           "ruptures_package": "import ruptures", "pandas": "import pandas"}
DYAD_IMPORTS = f"import relata.cli, relata.relations.series, duckdb, relata.table; {_SEARCH}"


def python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/relata-bench.duckdb"))
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fresh", action="store_true", help="Rebuild the database.")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()

    import relata

    figures: dict[str, float | int | None] = {"events": args.events, "generate_s": None}
    if args.fresh:
        args.db.unlink(missing_ok=True)
        Path(f"{args.db}.wal").unlink(missing_ok=True)
    if not args.db.exists():
        figures["generate_s"] = round(generate(args.db, args.events), 2)
    figures["db_mb"] = round(args.db.stat().st_size / 2**20)
    with relata.open_store(args.db, read_only=True) as store:
        figures["events"] = store.counts()["events"]
        started = time.perf_counter()
        relata.dyad_series(store, "RUS", "AZE", freq="M", evidence=20)
        figures["dyad_library_first_s"] = time.perf_counter() - started
        figures["dyad_library_s"] = best(args.repeat, lambda: relata.dyad_series(
            store, "RUS", "AZE", freq="M", evidence=20))
        figures["trends_library_s"] = best(args.repeat, lambda: relata.trends(store, freq="M"))
    figures["startup_s"] = best(args.repeat, lambda: command("--version"))
    figures["python_s"] = best(args.repeat, lambda: python("pass"))
    for name, modules in IMPORTS.items():
        figures[f"import_{name}_s"] = best(args.repeat, lambda m=modules: python(m))
    figures["dyad_imports_s"] = best(args.repeat, lambda: python(DYAD_IMPORTS))
    figures["dyad_command_s"] = best(args.repeat, lambda: command(
        "dyad", "RUS", "AZE", "--db", str(args.db), "--freq", "M"))
    # three months: too short for a change point, so none is searched
    figures["dyad_short_command_s"] = best(args.repeat, lambda: command(
        "dyad", "RUS", "AZE", "--db", str(args.db), "--freq", "M", "--since", "2024-10-01"))
    figures["trends_command_s"] = best(args.repeat, lambda: command(
        "trends", "--db", str(args.db)))
    figures = {k: round(v, 3) if isinstance(v, float) else v for k, v in figures.items()}
    if args.json:
        print(json.dumps(figures))
    else:
        for name, value in figures.items():
            print(f"{name:20} {value}")


if __name__ == "__main__":
    main()
