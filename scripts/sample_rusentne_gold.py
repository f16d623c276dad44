"""Draw more RuSentNE-2023 *train* sentences for a blind event gold, by reference.

    python scripts/sample_rusentne_gold.py ../shared/data --count 400 \\
        --exclude ../shared/gold/events-sentences-dev.jsonl \\
        --output gold/events-sentences-rusentne.jsonl
    python scripts/sample_rusentne_gold.py ../shared/data --count 300 \\
        --seed events-sentences-rusentne2 --prefix rs2 \\
        --exclude ../shared/gold/events-sentences-dev.jsonl \\
        --exclude gold/events-sentences-rusentne.jsonl \\
        --output gold/events-sentences-rusentne2.jsonl

The shared sentence gold (`../shared/gold/events-sentences-dev.jsonl`) took 600 sentences
of `rusentne-2023-train/train_data.csv` that name at least two political entities
(the dataset's own PERSON, ORGANIZATION, COUNTRY and NATIONALITY rows). This draws
`--count` more by the same criterion, from the sentences no `--exclude` file holds, at
random with a fixed seed (`--seed`: one per gold file drawn), before any coder is run on them.
An `--exclude` file may give its sentences as words (`text`) or as spans (`source`, `start`,
`end`, as this script writes them). Each line written is `{"id",
"source", "start", "end"}`: the sentence's span in the CSV file as it is on disk (a
sentence the file holds only quoted, with doubled quote marks, is left out), so the words
stay in the data folder; `relata eval events` reads them from there, and
`scripts/sample_sentence_gold.py --expand` puts them back for an annotator.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections import Counter
from pathlib import Path

SOURCE = "rusentne-2023-train/train_data.csv"
POLITICAL = {"PERSON", "ORGANIZATION", "COUNTRY", "NATIONALITY"}
SEED = "events-sentences-rusentne"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_root", type=Path)
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--seed", default=SEED)
    parser.add_argument("--prefix", default="rsn", help="the ids' prefix: PREFIX-001 …")
    args = parser.parse_args()
    path = args.data_root / SOURCE
    raw = path.read_text(encoding="utf-8")
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file, delimiter="\t"))
    political = Counter(row["sentence"] for row in rows if row["entity_tag"] in POLITICAL)
    used = set()
    for gold in args.exclude:
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                text = record.get("text")
                if text is None:  # a span of a file under the data folder
                    words = (args.data_root / record["source"]).read_text(encoding="utf-8")
                    text = words[record["start"] : record["end"]]
                used.add(" ".join(text.split()))
    candidates = sorted(s for s, n in political.items()
                        if n >= 2 and " ".join(s.split()) not in used and raw.find(s) >= 0)
    chosen = random.Random(args.seed).sample(candidates, min(args.count, len(candidates)))
    lines = []
    for n, sentence in enumerate(chosen, 1):
        start = raw.find(sentence)
        lines.append({"id": f"{args.prefix}-{n:03d}", "source": SOURCE,
                      "start": start, "end": start + len(sentence)})
    args.output.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} of {len(candidates)} candidate sentences written to {args.output}")


if __name__ == "__main__":
    main()
