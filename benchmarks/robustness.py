"""Peak memory and time of relata on input built to hurt it: bounded, whatever the size.

    python benchmarks/robustness.py [--bytes 2000000] [--json]

`long-sentence`: one document of `--bytes` bytes of Russian news without a single
sentence mark (the founding article's words, punctuation taken out, over and over)
goes through the whole pipeline. The parser's memory grows with the square of a
sentence's length, so relata parses no more than a fixed number of tokens at once.

Each case runs in a fresh process, whose peak resident memory (`ru_maxrss`: numpy's
arrays included, which tracemalloc does not see) is its own; the figure after the
models are loaded is given too, so the difference is what the input cost. Not a test:
its figures go into the README.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

FOUNDING = Path(__file__).resolve().parents[1] / "examples" / "2025-08-07-minval-ru-az.txt"


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def unpunctuated(size: int) -> str:
    """At least `size` bytes (UTF-8) of the founding article's words, no punctuation."""
    body = FOUNDING.read_text(encoding="utf-8").split("\n", 1)[1]
    words = re.sub(r"[^\w\s-]", " ", body).split()
    once = " ".join(words)
    return " ".join([once] * (size // len(once.encode()) + 1))


def long_sentence(size: int) -> dict:
    from relata.language.russian import models
    from relata.pipeline import Pipeline
    from relata.sources import parse_text

    pipeline = Pipeline()
    models()
    loaded = _rss_mb()
    document = parse_text(" date 2025-08-07 " + unpunctuated(size), "long-sentence.txt")
    started = time.perf_counter()
    (analysis,) = pipeline([document])
    return {
        "case": "long-sentence",
        "bytes": len(document.text.encode()),
        "failure": analysis.failure,
        "sentences": len(analysis.sentences),
        "tokens": sum(len(s.tokens) for s in analysis.sentences),
        "longest_sentence_tokens": max(len(s.tokens) for s in analysis.sentences),
        "events": len(analysis.events),
        "seconds": round(time.perf_counter() - started, 2),
        "models_rss_mb": loaded,
        "peak_rss_mb": _rss_mb(),
    }


CASES = {"long-sentence": long_sentence}


def _in_child(case: str, size: int) -> dict:
    """One case in a fresh interpreter: its peak memory is nobody else's."""
    result = subprocess.run(
        [sys.executable, __file__, "--child", case, "--bytes", str(size)],
        capture_output=True, text=True, check=False,
    )
    if result.returncode:
        return {"case": case, "error": result.stderr.strip().splitlines()[-1:],
                "exit_code": result.returncode}
    return json.loads(result.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bytes", type=int, default=2_000_000,
                        help="size of the long-sentence document")
    parser.add_argument("--cases", nargs="+", choices=sorted(CASES), default=sorted(CASES))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", choices=sorted(CASES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(CASES[args.child](args.bytes)))
        return 0
    results = [_in_child(case, args.bytes) for case in args.cases]
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for result in results:
            print(" · ".join(f"{key} {value}" for key, value in result.items()))
    return 1 if any("error" in r or r.get("failure") for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
