"""RuSentNE-2023: sentiment toward a named entity in a sentence (−1, 0, 1).

The files are tab-separated (despite `.csv`), with a header: `sentence entity
entity_tag entity_pos_start_rel entity_pos_end_rel label`, the end offset exclusive.
The shared task's measure is the macro-F1 over the positive and negative classes
(F1 of each computed on all rows, neutral ones included); the 3-class macro-F1 is
printed too. A file without a row to score is an EvaluationError, not a score.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvaluationError, RelataError
from ..records import Problem
from ..stance.features import Target
from ..stance.sentiment import SentimentModel

COLUMNS = ("sentence", "entity", "entity_tag", "entity_pos_start_rel", "entity_pos_end_rel")
LABELS = (-1, 0, 1)
NAMES = {-1: "neg", 0: "neutral", 1: "pos"}


@dataclass(frozen=True, slots=True)
class Item:
    line: int
    target: Target
    label: int | None  # None when the file has no label column


@dataclass(frozen=True, slots=True)
class ClassScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class Scores:
    by_class: dict[int, ClassScore]
    rows: int

    @property
    def f1_pn(self) -> float:
        """The shared task's measure: the mean F1 of the positive and negative classes."""
        return (self.by_class[1].f1 + self.by_class[-1].f1) / 2

    @property
    def f1_pn0(self) -> float:
        return sum(s.f1 for s in self.by_class.values()) / len(self.by_class)


def read(path: Path, labelled: bool = True) -> tuple[list[Item], list[Problem]]:
    """The rows of a RuSentNE file; a malformed row is a Problem naming its line and field,
    and the other rows are still read."""
    items, problems = [], []
    try:
        file = path.open(encoding="utf-8", newline="")
    except OSError as e:
        raise RelataError(f"{path}: {e.strerror or e}") from e
    with file:
        reader = csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
        needed = COLUMNS + (("label",) if labelled else ())
        missing = [c for c in needed if c not in (reader.fieldnames or ())]
        if missing:
            raise RelataError(f"{path}:1: header lacks the column(s) {', '.join(missing)}")
        for row in reader:
            line = reader.line_num
            try:
                items.append(_item(row, line, labelled))
            except ValueError as e:
                problems.append(Problem(f"{path}:{line}", str(e)))
    return items, problems


def _item(row: dict, line: int, labelled: bool) -> Item:
    fields = {}
    for name in ("entity_pos_start_rel", "entity_pos_end_rel", *(("label",) if labelled else ())):
        value = row.get(name)
        try:
            fields[name] = int(value)
        except (TypeError, ValueError):
            raise ValueError(f"field {name!r}: not an integer: {value!r}") from None
    sentence = row.get("sentence") or ""
    start, end = fields["entity_pos_start_rel"], fields["entity_pos_end_rel"]
    if not 0 <= start < end <= len(sentence):
        raise ValueError(f"field 'entity_pos_end_rel': span [{start}, {end}) is outside the "
                         f"sentence of {len(sentence)} chars")
    label = fields.get("label")
    if labelled and label not in LABELS:
        raise ValueError(f"field 'label': {label} is not -1, 0 or 1")
    return Item(line, Target(sentence, start, end, row.get("entity_tag") or ""), label)


def score(gold: Sequence[int], predicted: Sequence[int]) -> Scores:
    if not gold:
        raise EvaluationError("no labelled rows: nothing to score")
    by_class = {}
    for label in LABELS:
        hits = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        said, true = sum(p == label for p in predicted), sum(g == label for g in gold)
        precision = hits / said if said else 0.0
        recall = hits / true if true else 0.0
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        by_class[label] = ClassScore(precision, recall, f1, true)
    return Scores(by_class, len(gold))


def evaluate(path: Path, model: SentimentModel | None = None) -> tuple[Scores, list[Problem]]:
    """Predict every row of a labelled file and score the predictions."""
    items, problems = read(path)
    if not items:
        raise EvaluationError(f"{path}: no row to score" + (
            f" ({len(problems)} malformed; the first, {problems[0]})" if problems else ""))
    model = model or SentimentModel.load()
    predicted = [s.label for s in model.predict([i.target for i in items])]
    return score([i.label for i in items], predicted), problems


def format_scores(scores: Scores) -> str:
    lines = [f"rows {scores.rows}",
             f"F1 pos/neg (shared-task measure): {scores.f1_pn:.4f}",
             f"F1 macro over 3 classes: {scores.f1_pn0:.4f}"]
    for label in (1, -1, 0):
        s = scores.by_class[label]
        lines.append(f"  {NAMES[label]:8} P {s.precision:.4f} R {s.recall:.4f} F1 {s.f1:.4f} "
                     f"({s.support})")
    return "\n".join(lines)
