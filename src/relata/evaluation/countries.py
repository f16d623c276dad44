"""Do mentions of states get their country? Two measures:

- RuSentNE-2023 (`train_data.csv`): the share of COUNTRY and NATIONALITY entities
  that relata resolves to a country at all (and a sample to check by hand);
- a key of country, capital and seat-of-power mentions in factRuEval texts
  (`tests/data/factrueval_countries.tsv`): the share resolved to the right country.

A file that gives no mention to check is an EvaluationError, not a share.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvaluationError
from ..pipeline import Pipeline
from ..records import Analysis, Document, Mention

TAGS = ("COUNTRY", "NATIONALITY")
RUSENTNE_COLUMNS = ("sentence", "entity", "entity_tag", "entity_pos_start_rel",
                    "entity_pos_end_rel")
KEY_COLUMNS = ("book", "start", "end", "text", "country")


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
    if not items:
        raise EvaluationError("no gold mentions: nothing to check")
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
    for line, row in _rows(path, RUSENTNE_COLUMNS, quoting=csv.QUOTE_NONE):
        if row["entity_tag"] not in TAGS:
            continue
        doc = texts.setdefault(row["sentence"], f"s{len(texts)}")
        start, end = _offsets(path, line, row, "entity_pos_start_rel", "entity_pos_end_rel")
        items.append(Item(doc, start, end, row["entity"], row["entity_tag"]))
    if not items:
        raise EvaluationError(f"{path}: no {' or '.join(TAGS)} entity: nothing to check")
    return {doc: sentence for sentence, doc in texts.items()}, items


def read_key(path: Path, folder: Path) -> tuple[dict[str, str], list[Item]]:
    """The factRuEval key: `book start end text country`, offsets into `folder/book.txt`."""
    items = []
    texts: dict[str, str] = {}
    for line, row in _rows(path, KEY_COLUMNS):
        book = row["book"]
        if book not in texts:
            try:
                texts[book] = (folder / f"{book}.txt").read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise EvaluationError(f"{path}:{line}: {folder / book}.txt: "
                                      f"{getattr(e, 'strerror', None) or e}") from e
        start, end = _offsets(path, line, row, "start", "end")
        items.append(Item(book, start, end, row["text"], "KEY", row["country"]))
    if not items:
        raise EvaluationError(f"{path}: no key rows: nothing to check")
    return texts, items


def _rows(path: Path, columns: Sequence[str], **options) -> Iterator[tuple[int, dict]]:
    """(line, row) of a tab-separated file whose header has `columns`."""
    try:
        with path.open(encoding="utf-8", newline="") as file:
            reader = csv.DictReader(file, delimiter="\t", **options)
            missing = [c for c in columns if c not in (reader.fieldnames or ())]
            if missing:
                raise EvaluationError(f"{path}:1: header lacks the column(s) "
                                      f"{', '.join(missing)}")
            for row in reader:
                yield reader.line_num, row
    except (OSError, UnicodeDecodeError) as e:
        raise EvaluationError(f"{path}: unreadable: {e}") from e


def _offsets(path: Path, line: int, row: dict, *fields: str) -> tuple[int, int]:
    try:
        start, end = (int(row[f]) for f in fields)
    except (TypeError, ValueError):
        raise EvaluationError(f"{path}:{line}: fields {' and '.join(map(repr, fields))}: "
                              f"not integers: {[row[f] for f in fields]}") from None
    return start, end
