"""A million-document JSON Lines stream through `relata ingest`, with its peak memory.

    python benchmarks/million.py [--documents 1000000] [--fresh 0.005] [--keep FOLDER]

The stream is generated from the bundled texts (factRuEval-2016 *dev* news and examples/)
and written to a temporary JSONL file, one article a line, each with its own id, URL, outlet
and date. Most lines are the same stories as other outlets publish them (benchmarks/
duplicates.py's edits: another lead, another site's boilerplate, a cut, a paragraph of
the outlet's own, a headline), which ingest keeps as copies without analysing them; a
share (`--fresh`) are new articles — sentences of different stories put together — which
are analysed in full. The point is the memory: `relata ingest` runs in its own process,
its resident memory is sampled every second, and the peak and the last sample are
printed beside the rate, so that the memory is seen not to grow with the stream.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from relata.dedup import MIN_WORDS  # noqa: E402
from relata.sources import parse_text  # noqa: E402

_spec = importlib.util.spec_from_file_location("duplicates", ROOT / "benchmarks" / "duplicates.py")
duplicates = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(duplicates)

OUTLETS = [f"outlet-{n:03d}.example" for n in range(200)]


def stories(folder: Path) -> list[str]:
    bodies = []
    for path in sorted(folder.glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt")):
        body = parse_text(path.read_text(encoding="utf-8"), str(path)).body
        if len(body.split()) >= MIN_WORDS:
            bodies.append(body)
    return bodies


def write_stream(path: Path, documents: int, fresh: float, seed: int, folder: Path) -> int:
    """Write the stream; return how many of its articles are new (not copies)."""
    rng = random.Random(seed)
    bodies = stories(folder)
    sentences = [s for b in bodies for s in b.replace("\n", " ").split(". ") if len(s) > 40]
    new = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(documents):
            day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if n < len(bodies):
                text = bodies[n]  # every story once as it was first published
            elif rng.random() < fresh:
                text = ". ".join(rng.sample(sentences, 8)) + "."
                new += 1
            else:
                _, text = rng.choice(duplicates.variants(rng.choice(bodies), rng))
            outlet = rng.choice(OUTLETS)
            text += f"\n\n© {outlet}, материал {n}"  # each line its own text: no exact repeats
            record = {"id": f"m{n}", "text": text, "date": day, "source": outlet,
                      "url": f"https://{outlet}/news/{n}"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return new + min(documents, len(bodies))


def resident_kib(pid: int) -> int:
    """The resident memory of a process and its children (the ingest's workers), KiB."""
    total = 0
    for proc in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{proc}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(c) for c in found] + [g for c in found for g in _children(int(c))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--fresh", type=float, default=0.005,
                        help="share of new articles, analysed in full (default 0.005)")
    parser.add_argument("--folder", type=Path,
                        default=ROOT.parent / "shared" / "data" / "factrueval-2016-dev")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", type=Path, help="keep the stream and the database here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        where = args.keep or Path(scratch)
        where.mkdir(parents=True, exist_ok=True)
        stream, db = where / "million.jsonl", where / "million.duckdb"
        started = time.perf_counter()
        analysed = write_stream(stream, args.documents, args.fresh, args.seed, args.folder)
        print(f"stream: {args.documents:,} articles ({analysed:,} new, the rest copies), "
              f"{stream.stat().st_size / 2**20:,.0f} MiB, written in "
              f"{time.perf_counter() - started:.0f} s", flush=True)

        samples: list[tuple[float, int]] = []
        started = time.perf_counter()
        ingest = subprocess.Popen(
            [sys.executable, "-m", "relata", "ingest", str(stream), "--db", str(db), "--quiet"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

        def sample() -> None:
            while ingest.poll() is None:
                samples.append((time.perf_counter() - started, resident_kib(ingest.pid)))
                time.sleep(1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, errors = ingest.communicate()
        sampler.join()
        seconds = time.perf_counter() - started
        if ingest.returncode:
            sys.exit(f"relata ingest failed ({ingest.returncode}):\n{errors[-2000:]}")
        peak = max(kib for _, kib in samples)
        tenth = max(1, len(samples) // 10)
        early = max(kib for _, kib in samples[:tenth])
        late = max(kib for _, kib in samples[-tenth:])
        print(f"ingest: {seconds:,.0f} s, {args.documents / seconds:,.0f} articles a second; "
              f"database {db.stat().st_size / 2**20:,.0f} MiB")
        print(f"resident memory: peak {peak / 1024:,.0f} MiB; highest in the first tenth of "
              f"the run {early / 1024:,.0f} MiB, in the last tenth {late / 1024:,.0f} MiB")
        print(errors.strip().splitlines()[-1] if errors.strip() else "")


if __name__ == "__main__":
    main()
