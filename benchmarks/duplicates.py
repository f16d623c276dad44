"""Precision and recall of near-duplicate detection at ingest, on a generated corpus.

    python benchmarks/duplicates.py [../shared/data/factrueval-2016-dev] [--threshold 0.7]

The corpus: every article of the folder (factRuEval-2016 *dev* news by default) and of
examples/, each followed, in shuffled order, by generated copies of some of them as
other outlets publish a story: another lead sentence and dateline, another site's
boilerplate around it, the last fifth of its words cut, a paragraph of the outlet's own
added, a headline and a photo credit put above it. The originals are different stories
on overlapping topics: any of them taken for a copy is a false positive. Articles pass
through relata's own CopyFinder and store, a batch at a time, as `relata ingest` does
(without the language models: a copy is decided before analysis). A copy counts as found
when it is recorded as a copy of its own original (or of another copy of it).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from relata import open_store  # noqa: E402
from relata.dedup import MIN_WORDS, CopyFinder  # noqa: E402
from relata.records import Analysis  # noqa: E402
from relata.sources import parse_text  # noqa: E402

LEADS = ["Москва, {d} — РИА Новости.", "Как сообщает наш корреспондент,",
         "Передаёт агентство «Интерфакс».", "Баку, {d} — Trend."]
BOILERPLATE = ("Главная › Политика › В мире\nПодписывайтесь на наш канал в Telegram.\n\n",
               "\n\nЧитайте также: главные новости дня.\nВсе права защищены. "
               "При перепечатке ссылка обязательна. 18+")
OWN = ("Редакция обратилась за комментарием в министерство иностранных дел, однако на момент "
       "публикации ответ не был получен. Мы будем следить за развитием событий.")


def variants(body: str, rng: random.Random) -> list[tuple[str, str]]:
    words = body.split(" ")
    day = f"{rng.randint(1, 28)} {rng.choice(['марта', 'июня', 'августа'])}"
    first = body.strip().split("\n")[0][:90]
    return [
        ("lead", rng.choice(LEADS).format(d=day) + " " + body),
        ("boilerplate", BOILERPLATE[0] + body + BOILERPLATE[1]),
        ("cut", " ".join(words[:len(words) * 4 // 5])),  # the last fifth of the words gone
        ("own paragraph", body + "\n\n" + OWN),
        ("headline", f"{first.upper()}\nФото: пресс-служба\n\n{body}"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path,
                        default=ROOT.parent / "shared" / "data" / "factrueval-2016-dev")
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--copies", type=float, default=0.5,
                        help="share of the originals given generated copies (default 0.5)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    originals = []
    for path in sorted(args.folder.glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt")):
        document = parse_text(path.read_text(encoding="utf-8"), str(path))
        if len(document.body.split()) >= MIN_WORDS:  # shorter ones are never copies
            originals.append(document)
    items = [(d, None, "original") for d in originals]
    seen = {d.id for d in originals}
    for document in rng.sample(originals, int(len(originals) * args.copies)):
        for kind, text in variants(document.body, rng):
            copy = parse_text(text, f"{document.origin}#{kind}")
            if copy.id not in seen:  # the same text again is an exact duplicate: not counted
                seen.add(copy.id)
                items.append((copy, document.id, kind))
    # originals come before their copies, as a story is published before it is copied; the
    # rest of the order is random, so copies and other stories interleave
    rng.shuffle(items)
    items.sort(key=lambda item: item[1] is not None)
    tail = items[len(originals):]
    rng.shuffle(tail)
    items = items[:len(originals)] + tail

    source_of = {d.id: original for d, original, _ in items}
    found, started = {}, time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, \
            open_store(Path(folder) / "dup.duckdb", write=True) as store:
        finder = CopyFinder(store, args.threshold)
        for start in range(0, len(items), 16):
            batch = [d for d, _, _ in items[start:start + 16]]
            kept, copies = finder.split(batch)
            analyses = [Analysis(d, skipped="benchmark: not analysed") for d in kept]
            ids = [d.id for d in kept]
            store.write(analyses, copies=copies, signatures=finder.signatures(ids))
            finder.written(ids)
            found.update({c.document.id: c.original for c in copies})
    seconds = time.perf_counter() - started

    def story(doc_id: str) -> str:
        return source_of.get(doc_id) or doc_id

    copies = [(d, kind) for d, original, kind in items if original is not None]
    true_positive = sum(1 for d, _ in copies if d.id in found
                        and story(found[d.id]) == story(d.id))
    false_positive = sum(1 for doc_id, original in found.items()
                         if story(original) != story(doc_id))
    precision = true_positive / max(1, true_positive + false_positive)
    recall = true_positive / max(1, len(copies))
    print(f"{len(originals)} originals, {len(copies)} generated copies "
          f"(of {int(len(originals) * args.copies)} stories), threshold {args.threshold}: "
          f"{len(found)} recorded as copies in {seconds:.1f} s")
    print(f"precision {precision:.3f}   recall {recall:.3f}   "
          f"(true {true_positive}, false {false_positive}, missed "
          f"{len(copies) - true_positive})")
    for kind in ("lead", "boilerplate", "cut", "own paragraph", "headline"):
        mine = [d for d, k in copies if k == kind]
        hit = sum(1 for d in mine if d.id in found and story(found[d.id]) == story(d.id))
        print(f"  {kind:<14} {hit}/{len(mine)}")


if __name__ == "__main__":
    main()
