"""Do mentions of states get their country? Two measures:

- RuSentNE-2023 (`train_data.csv`): the share of COUNTRY and NATIONALITY entities
  that relata resolves to a country at all (and a sample to check by hand);
- a key of country, capital and seat-of-power mentions in factRuEval texts
  (`tests/data/factrueval_countries.tsv`): the share resolved to the right country.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..pipeline import Pipeline
from ..records import Analysis, Document, Mention

TAGS = ("COUNTRY", "NATIONALITY")


@dataclass(frozen=True, slots=True)
class Item:
    """One gold mention: where it is and, for the key, the country it names."""

    doc: str
    start: int
    end: int
    text: str
    tag: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    item: Item
    found: str | None  # the country relata gives the mention, or None
    code: str | None

    @property
    def right(self) -> bool:
        return self.found is not None and (self.item.country in (None, self.found))


@dataclass(slots=True)
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def share(self, tag: str | None = None) -> float:
        chosen = [o for o in self.outcomes if tag is None or o.item.tag == tag]
        return sum(o.right for o in chosen) / len(chosen) if chosen else 0.0

    def counts(self) -> Counter:
        return Counter(o.item.tag for o in self.outcomes)

    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.right]

    def sample(self, n: int, seed: int = 2023) -> list[Outcome]:
        resolved = [o for o in self.outcomes if o.found is not None]
        return random.Random(seed).sample(resolved, min(n, len(resolved)))


def _mentions(analysis: Analysis) -> Iterable[Mention]:
    for mention in analysis.mentions:
        yield mention
        yield from mention.parts


def country_at(analysis: Analysis, start: int, end: int) -> tuple[str | None, str | None]:
    """(country, actor code) of the narrowest mention overlapping [start, end)."""
    overlapping = [m for m in _mentions(analysis)
                   if m.start < end and start < m.end and m.actor and m.actor.country]
    if not overlapping:
        return None, None
    best = min(overlapping, key=lambda m: (abs(m.start - start) + abs(m.end - end)))
    return best.actor.country, best.actor.code


def evaluate(texts: dict[str, str], items: Sequence[Item], pipeline: Pipeline) -> Report:
    documents = [Document(id=name, text=text, lang="ru", origin=name)
                 for name, text in texts.items()]
    analyses = {a.document.id: a for a in pipeline.run(documents)}
    report = Report()
    for item in items:
        country, code = country_at(analyses[item.doc], item.start, item.end)
        report.outcomes.append(Outcome(item, country, code))
    return report


def read_rusentne(path: Path) -> tuple[dict[str, str], list[Item]]:
    """Sentences (deduplicated) and their COUNTRY and NATIONALITY entities."""
    texts: dict[str, str] = {}
    items = []
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["entity_tag"] not in TAGS:
                continue
            sentence = row["sentence"]
            doc = texts.setdefault(sentence, f"s{len(texts)}")
            start, end = int(row["entity_pos_start_rel"]), int(row["entity_pos_end_rel"])
            items.append(Item(doc, start, end, row["entity"], row["entity_tag"]))
    return {doc: sentence for sentence, doc in texts.items()}, items


def read_key(path: Path, folder: Path) -> tuple[dict[str, str], list[Item]]:
    """The factRuEval key: `book start end text country`, offsets into `folder/book.txt`."""
    items = []
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file, delimiter="\t"):
            items.append(Item(row["book"], int(row["start"]), int(row["end"]), row["text"],
                              "KEY", row["country"]))
    texts = {book: (folder / f"{book}.txt").read_text(encoding="utf-8")
             for book in sorted({i.doc for i in items})}
    return texts, items
