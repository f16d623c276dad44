"""Draw the actor phrases of gold/actors-dev.jsonl from the development texts, once.

    python scripts/sample_actor_gold.py [--data ../shared/data] [--corpus ../shared/corpus]
        [--per-document 4] [--documents 80] > candidates.jsonl

The phrases are drawn mechanically, so that the gold measures what news names and not
what relata happens to get right or wrong:

- the documents: RuSentRel-1.1 train articles, factRuEval-2016 dev texts and the
  corpus folder, shuffled with a fixed seed; the first `--documents` are used;
- in each, the candidates are the entities the dataset's own annotators marked
  (RuSentRel `.ann` PER/ORG/LOC/GEOPOLIT, factRuEval `.objects` Person/Org/Location/
  LocOrg; the corpus text has none) and the role nouns of ROLES (`президент`,
  `министр`, `правительство` …) with the words that complete them (`президент
  России`, `глава МИД Франции`), spans that overlap an earlier one dropped;
- of each document's names, `per-document - 1` evenly spaced ones (every Nth), and
  of its role nouns one, from a random offset drawn with the same seed; twice as many
  of each in a RuSentRel article (ten times as long as a factRuEval text).

Each candidate is printed as a JSON line {doc, start, end, text, kind}; `doc` is the
path under the data folder (`../corpus/…` for the corpus folder beside it), offsets
are Python str indices into the file as text mode reads it. The annotator then adds
`type`, `country` and `sector` by hand (gold/README.md).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

SEED = "actors-dev"
# Role nouns and organs that name an actor only with a country, said or understood:
# patterns of their noun forms (not `главный`, `последний`, `военная`). A one-off
# sampling list, kept here with its use.
ROLES = (
    r"президент\w{0,3}", r"премьер(?:-министр)?\w{0,3}", r"министр\w{0,3}",
    r"глав[аыеуо]й?", r"правительств[оауе]м?", r"кабмин\w{0,2}", r"парламент\w{0,2}",
    r"полици[яиюей]", r"арми[яиюей]", r"военн(?:ые|ых|ым|ыми)", r"дипломат\w{0,3}",
    r"посол", r"посл[ау]", r"послом", r"посольств\w{0,3}", r"ведомств[оауе]м?",
    r"альянс\w{0,2}", r"оппозици[яиюей]", r"власт(?:ь|и|ей|ям|ями|ях)", r"спикер\w{0,2}",
    r"канцлер\w{0,2}", r"генсек\w{0,2}", r"госсекретар[ьяюем]\w{0,1}", r"депутат\w{0,3}",
    r"мэр\w{0,2}", r"мэри[яиюей]", r"губернатор\w{0,2}", r"прокурор\w{0,3}",
    r"прокуратур[аыеуо]й?", r"суд[аеуы]?", r"центробанк\w{0,2}", r"лидер\w{0,3}",
    r"коалици[яиюей]", r"боевик\w{0,3}", r"силовик\w{0,3}", r"пограничник\w{0,3}",
    r"МИД", r"Минобороны", r"Кремл[ьяюе]м?",
)
# Words that complete a role noun after it (`министр иностранных дел`, `глава МИД`).
COMPLEMENTS = frozenset({"иностранных", "дел", "обороны", "МИД", "правительства",
                         "страны", "республики", "РФ", "США", "ЕС", "ООН", "НАТО"})
WORD = re.compile(r"[\w-]+")
ROLE = re.compile(r"(?<![\w-])(?:" + "|".join(ROLES) + r")(?![\w-])", re.IGNORECASE)
RUSENTREL_KINDS = {"PER", "ORG", "LOC", "GEOPOLIT"}
FACTRUEVAL_KINDS = {"Person", "Org", "Location", "LocOrg"}


def rusentrel_names(path: Path, text: str) -> list[tuple[int, int]]:
    """The .ann entities, found in the text: the offsets drift from the text's by a few
    characters (line ends), so each is looked up from a little before its offset."""
    spans = []
    for line in path.with_suffix(".ann").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        kind, start, _ = parts[1].split()[:3]
        name = parts[2].strip()
        if kind not in RUSENTREL_KINDS or name in ("Author", "Unknown") or not name:
            continue
        found = text.find(name, max(0, int(start) - 40))
        if found >= 0 and abs(found - int(start)) < 40:
            spans.append((found, found + len(name)))
    return spans


def factrueval_names(path: Path, text: str) -> list[tuple[int, int]]:
    """The .objects entities: from the first to the last character of their spans."""
    spans: dict[str, tuple[int, int]] = {}
    for line in path.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) >= 4:
            start, length = int(fields[2]), int(fields[3])
            spans[fields[0]] = (start, start + length)
    names = []
    for line in path.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        head = line.split("#")[0].split()
        if len(head) < 3 or head[1] not in FACTRUEVAL_KINDS:
            continue
        parts = [spans[s] for s in head[2:] if s in spans]
        if parts:
            names.append((min(p[0] for p in parts), max(p[1] for p in parts)))
    return names


def role_nouns(text: str) -> list[tuple[int, int]]:
    """Each role noun with the words after it that complete it (up to four)."""
    spans = []
    for match in ROLE.finditer(text):
        end = match.end()
        for _ in range(4):
            nxt = WORD.match(text, end + 1) if text[end:end + 1] == " " else None
            if not nxt or not (nxt.group()[0].isupper() or nxt.group() in COMPLEMENTS):
                break
            end = nxt.end()
        spans.append((match.start(), end))
    return spans


def distinct(spans: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in text order that overlap none taken before them."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if all(end <= s or e <= start for s, e in [*taken, *kept]):
            kept.append((start, end))
    return kept


def every_nth(spans: list, count: int, rng: random.Random) -> list:
    if len(spans) <= count:
        return spans
    step = len(spans) / count
    offset = rng.random() * step
    return [spans[int(offset + i * step)] for i in range(count)]


def documents(data: Path, corpus: Path) -> list[tuple[str, Path]]:
    found = [(f"{p.parent.name}/{p.name}", p)
             for folder in ("rusentrel-1.1-train", "factrueval-2016-dev")
             for p in sorted((data / folder).glob("*.txt"))
             if p.with_suffix(".ann").exists() or p.with_suffix(".objects").exists()]
    found += [(f"../{corpus.name}/{p.name}", p) for p in sorted(corpus.glob("*.txt"))]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--per-document", type=int, default=4)
    parser.add_argument("--documents", type=int, default=80)
    args = parser.parse_args()
    rng = random.Random(SEED)
    chosen = documents(args.data, args.corpus)
    rng.shuffle(chosen)
    for name, path in chosen[: args.documents]:
        text = path.read_text(encoding="utf-8")
        if name.startswith("rusentrel"):
            names = rusentrel_names(path, text)
        elif name.startswith("factrueval"):
            names = factrueval_names(path, text)
        else:
            names = []
        names = distinct(names, [])
        roles = distinct(role_nouns(text), names)
        # RuSentRel articles are ten times as long as factRuEval texts and all about
        # international politics: twice the phrases each
        scale = 2 if name.startswith("rusentrel") else 1
        picked = [(*s, "name") for s in every_nth(names, scale * (args.per_document - 1), rng)]
        picked += [(*s, "role") for s in every_nth(roles, scale, rng)]
        for start, end, kind in sorted(picked):
            record = {"doc": name, "start": start, "end": end, "text": text[start:end],
                      "kind": kind}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
