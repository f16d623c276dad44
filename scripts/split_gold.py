"""Split an event gold file into a tuning part and a held-out part, once, when it is made.

    python scripts/split_gold.py GOLD.jsonl|GOLD_FOLDER [--fraction 0.34]

The unit is the document (`doc` in relata's own format; in the sentence format
each sentence stands alone, so its `id`; in a factRuEval folder, each `book_N`
with gold layers). A third of them, drawn at random with
the file's name as the seed, are held out; their names are written to
`gold/held-out/<name>.txt`, which `relata eval events` reads. The held-out part
is scored and never read for errors while the coder is being changed: its figure
is the forecast of text the coder has never seen. Refuses to overwrite a split
that exists: a split is made once.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path

HELD_OUT = Path(__file__).resolve().parents[1] / "gold" / "held-out"


def units(path: Path) -> list[str]:
    if path.is_dir():  # factRuEval: the books with gold
        return sorted(p.stem for p in path.glob("book_*.objects"))
    found: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            found[record["doc"] if "doc" in record else record["id"]] = None
    return sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--fraction", type=float, default=0.34)
    args = parser.parse_args()
    out = HELD_OUT / f"{args.gold.resolve().stem}.txt"
    if out.exists():
        raise SystemExit(f"{out} exists: a split is made once, when the gold is")
    names = units(args.gold)
    count = math.ceil(len(names) * args.fraction)
    held = sorted(random.Random(args.gold.name).sample(names, count))
    header = [
        f"# The held-out part of {args.gold.name}: {len(held)} of its {len(names)} "
        f"{'documents' if '/' in names[0] or args.gold.is_dir() else 'sentences'}, "
        "drawn at random",
        "# by scripts/split_gold.py (seed: the file name). Scored, never read for errors.",
    ]
    out.write_text("\n".join([*header, *held]) + "\n", encoding="utf-8")
    print(f"{out}: {len(held)} of {len(names)} held out")


if __name__ == "__main__":
    main()
