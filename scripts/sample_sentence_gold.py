"""Draw news sentences for a blind event gold from the factRuEval-2016 *dev* texts.

    python scripts/sample_sentence_gold.py ../shared/data/factrueval-2016-dev \\
        --exclude gold/events-dev.jsonl --per-book 3 --output sentences.jsonl
    python scripts/sample_sentence_gold.py --expand gold/events-sentences-news.jsonl \\
        --data-root ../shared/data > /tmp/with-text.jsonl

A sentence is a candidate when the dataset's own annotators marked at least two named
entities in it (Person, Org, LocOrg, Location; at least one of them not a mere
Location) — the criterion of the shared sentence gold, which takes sentences that name
two political entities, most of them with no event (hard negatives). The sentences
are chosen before any coder is run on them, from every book with gold layers that
`--exclude` files do not already use, at most `--per-book` from each, at random with
a fixed seed, so the draw can be repeated. Each line written is `{"id", "source", "start",
"end"}`: where the sentence to annotate under ../shared/ANNOTATION.md is (the words stay
in the data folder; `relata eval events` reads them from there, as one line with single
spaces), with no events yet. `--expand` writes a gold file's lines with their `text`, for
an annotator or for `../shared/tools/score_sentences.py`, which need the words.
The held-out part is the books of `gold/held-out/factrueval-2016-dev.txt`, the same
books the entity figures hold out.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from razdel import sentenize

KINDS = {"Person", "Org", "LocOrg", "Location"}
SEED = "events-sentences-news"


def entity_starts(book: Path) -> list[tuple[int, str]]:
    """(start, kind) of each entity of a book's gold layers."""
    spans = {}
    for line in book.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if len(fields) >= 4:
            spans[fields[0]] = int(fields[2])
    found = []
    for line in book.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if len(fields) >= 3 and fields[1] in KINDS:
            starts = [spans[s] for s in fields[2:] if s in spans]
            if starts:
                found.append((min(starts), fields[1]))
    return found


def candidates(book: Path) -> list[tuple[int, int]]:
    """The spans of the book's sentences that name two entities or more."""
    text = book.with_suffix(".txt").read_text(encoding="utf-8")
    entities = entity_starts(book)
    chosen = []
    for sentence in sentenize(text):
        kinds = [k for s, k in entities if sentence.start <= s < sentence.stop]
        words = " ".join(sentence.text.split())
        if (len(kinds) >= 2 and set(kinds) - {"Location"} and 40 <= len(words) <= 600
                and not re.search(r"[|]", words)):
            chosen.append((sentence.start, sentence.stop))
    return chosen


def expand(gold: Path, data_root: Path) -> None:
    """Print the gold's lines with the words of each sentence as `text`."""
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            words = (data_root / record["source"]).read_text(encoding="utf-8")
            record["text"] = " ".join(words[record["start"] : record["end"]].split())
            print(json.dumps(record, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument("--per-book", type=int, default=3)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--expand", type=Path, metavar="GOLD")
    parser.add_argument("--data-root", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    if args.expand:
        expand(args.expand, args.data_root)
        return
    if args.folder is None or args.output is None:
        parser.error("FOLDER and --output are needed to draw sentences")
    used = set()
    for path in args.exclude:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                used.add(Path(json.loads(line).get("doc", "")).stem)
    rng = random.Random(SEED)
    lines = []
    for book in sorted(args.folder.glob("book_*.objects"), key=lambda p: int(p.stem[5:])):
        if book.stem in used:
            continue
        found = candidates(book)
        for n, (start, end) in enumerate(sorted(rng.sample(found, min(args.per_book,
                                                                      len(found))))):
            lines.append({"id": f"{book.stem}-{n + 1}",
                          "source": f"factrueval-2016-dev/{book.stem}.txt",
                          "start": start, "end": end})
    args.output.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n"
                                   for line in lines), encoding="utf-8")
    print(f"{len(lines)} sentences from {len({line['source'] for line in lines})} books "
          f"written to {args.output}")


if __name__ == "__main__":
    main()
