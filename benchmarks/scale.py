"""Ingest on a Dask cluster: 1 worker against 2, and what 10 million articles would take.

    python benchmarks/scale.py [../shared/data/factrueval-2016-dev] [--documents 600]

The corpus is the folder's articles (factRuEval-2016 *dev* news by default) as a JSON
Lines stream of `--documents` lines, repeated with a numbered line added to each so that
every one is a new article (near-duplicate detection is off: it would set the copies
aside). Each run ingests it into a fresh database through `relata.cluster.DaskPipeline`
on a LocalCluster of 1, then 2 workers (one BLAS thread each), models loaded before the
clock starts. Printed: articles a second, the speed-up, each worker's memory, and the
workers and hours 10 million articles would take at the measured rate per worker.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from relata import ingest, open_store  # noqa: E402
from relata.cluster import DaskPipeline  # noqa: E402


def corpus(folder: Path, documents: int, out: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    with out.open("w", encoding="utf-8") as stream:
        for n in range(documents):
            text = texts[n % len(texts)] + f"\n\nВыпуск {n}."
            stream.write(json.dumps({"text": text, "date": "2016-05-01"},
                                    ensure_ascii=False) + "\n")


def run(workers: int, stream: Path, folder: Path) -> dict:
    pipeline = DaskPipeline(f"local:{workers}")
    try:
        client = pipeline._client
        started = time.perf_counter()
        with open_store(folder / f"w{workers}.duckdb", write=True) as store:
            report = ingest(store, [stream], pipeline=pipeline, duplicates=None)
        seconds = time.perf_counter() - started

        def rss() -> float:
            import psutil

            return psutil.Process().memory_info().rss / 2**20

        memory = sorted(client.run(rss).values())
    finally:
        pipeline.close()
    return {"workers": workers, "documents": report.stored, "seconds": round(seconds, 1),
            "per_second": round(report.stored / seconds, 2),
            "worker_mib": [round(m) for m in memory]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path,
                        default=ROOT.parent / "shared" / "data" / "factrueval-2016-dev")
    parser.add_argument("--documents", type=int, default=600)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        stream = folder / "corpus.jsonl"
        corpus(args.folder, args.documents, stream)
        one, two = run(1, stream, folder), run(2, stream, folder)
    for result in (one, two):
        print(f"{result['workers']} worker(s): {result['documents']} articles in "
              f"{result['seconds']} s, {result['per_second']} a second; worker memory "
              f"{result['worker_mib']} MiB")
    speedup = two["per_second"] / one["per_second"]
    per_worker = one["per_second"]
    hours = 10_000_000 / per_worker / 3600
    print(f"speed-up with 2 workers: {speedup:.2f}×")
    print(f"10 million articles at {per_worker} a second a worker: {hours:,.0f} worker-hours; "
          f"{hours / 24:,.0f} workers finish in a day, {hours / 8:,.0f} in 8 hours")


if __name__ == "__main__":
    main()
