"""RuSentRel-1.1: attitudes between named entities of whole articles.

A folder holds `artN.txt` (every line opens with `{Author, Unknown}`, which relata's
markup hides), `artN.ann` (entities: `T1<TAB>LOC 43 48<TAB>Ирана`, char offsets into
the text), `synonyms.txt` (one group of names a line) and, for the gold, `artN.opin.txt`
(`Россия, США, neg, current`). relata writes its own `artN.opin.txt` for each document.

The measure is the leaderboard's: per document, the gold and predicted opinions are
joined (names grouped by `synonyms.txt`, compared on lemmas); precision of `pos` is the
share of predicted `pos` pairs that are gold `pos` (0 without any), recall the share of
gold `pos` pairs predicted `pos` (0 without any), the same for `neg`; the four are
averaged over the documents, F1 is computed per class from the averages, and the
result is the mean of the two F1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import RelataError
from ..language.words import lemma
from ..records import Problem

LABELS = ("pos", "neg")
MARKUP_NAMES = frozenset({"Author", "Unknown"})  # the `{Author, Unknown}` line marks
_WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Opinion:
    source: str
    target: str
    label: str


@dataclass(frozen=True, slots=True)
class DocumentScore:
    pos_precision: float
    pos_recall: float
    neg_precision: float
    neg_recall: float


@dataclass(frozen=True, slots=True)
class Result:
    documents: dict[str, DocumentScore]

    def mean(self, field: str) -> float:
        values = [getattr(d, field) for d in self.documents.values()]
        return sum(values) / len(values) if values else 0.0

    def f1(self, label: str) -> float:
        p, r = self.mean(f"{label}_precision"), self.mean(f"{label}_recall")
        return 2 * p * r / (p + r) if p * r else 0.0

    @property
    def f1_mean(self) -> float:
        return (self.f1("pos") + self.f1("neg")) / 2


def format_result(result: Result) -> str:
    return (f"{len(result.documents)} documents: F1 {result.f1_mean:.4f} "
            f"(pos {result.f1('pos'):.4f}: P {result.mean('pos_precision'):.4f} "
            f"R {result.mean('pos_recall'):.4f}; neg {result.f1('neg'):.4f}: "
            f"P {result.mean('neg_precision'):.4f} R {result.mean('neg_recall'):.4f})")


def normal(name: str) -> str:
    """A name as compared: the lemma of each word, lower case."""
    return " ".join(lemma(w) for w in _WORD.findall(name))


class Synonyms:
    """Names grouped by `synonyms.txt`: a name's group is its line, found by lemmas; a
    name on no line is a group of its own."""

    def __init__(self, groups: Iterable[Iterable[str]]):
        self._group: dict[str, str] = {}
        for number, names in enumerate(groups):
            for name in names:
                self._group.setdefault(normal(name), f"#{number}")

    @classmethod
    def read(cls, path: Path) -> Synonyms:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise RelataError(f"{path}: {e.strerror or e}") from e
        return cls([n.strip() for n in line.split(",") if n.strip()] for line in lines)

    def group(self, name: str) -> str:
        key = normal(name)
        return self._group.get(key, key)


def read_entities(path: Path) -> tuple[list[Entity], list[Problem]]:
    """The entities of an `.ann` file, without the `{Author, Unknown}` marks."""
    entities, problems = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        parts = fields[1].split() if len(fields) >= 3 else []
        if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
            problems.append(Problem(f"{path}:{number}",
                                    "expected `ID<TAB>TYPE START END<TAB>TEXT`"))
            continue
        if fields[2] not in MARKUP_NAMES:
            entities.append(Entity(int(parts[1]), int(parts[2]), fields[2], parts[0]))
    return entities, problems


def read_opinions(path: Path) -> tuple[list[Opinion], list[Problem]]:
    opinions, problems = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split(",")]
        if len(fields) < 3 or fields[2] not in LABELS:
            problems.append(Problem(f"{path}:{number}",
                                    "expected `Source, Target, pos|neg, current`"))
            continue
        opinions.append(Opinion(fields[0], fields[1], fields[2]))
    return opinions, problems


def write_opinions(path: Path, opinions: Sequence[Opinion]) -> None:
    path.write_text("".join(f"{o.source}, {o.target}, {o.label}, current\n" for o in opinions),
                    encoding="utf-8")


def compare(gold: Sequence[Opinion], predicted: Sequence[Opinion],
            synonyms: Synonyms) -> DocumentScore:
    """One document's precision and recall of `pos` and `neg` over the union of pairs."""

    def by_pair(opinions: Sequence[Opinion]) -> dict[tuple[str, str], str]:
        pairs: dict[tuple[str, str], str] = {}
        for o in opinions:
            pairs.setdefault((synonyms.group(o.source), synonyms.group(o.target)), o.label)
        return pairs

    truth, said = by_pair(gold), by_pair(predicted)
    figures = []
    for label in LABELS:
        answered = [pair for pair, value in said.items() if value == label]
        right = sum(truth.get(pair) == label for pair in answered)
        expected = sum(value == label for value in truth.values())
        figures += [right / len(answered) if answered else 0.0,
                    right / expected if expected else 0.0]
    return DocumentScore(*figures)


def documents(folder: Path) -> list[Path]:
    """The `artN.txt` files of a folder, in the order of N."""
    texts = [p for p in folder.glob("art*.txt") if re.fullmatch(r"art\d+\.txt", p.name)]
    if not texts:
        raise RelataError(f"{folder}: no artN.txt files")
    return sorted(texts, key=lambda p: int(p.stem[3:]))
