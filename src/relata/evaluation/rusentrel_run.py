"""Running relata on a RuSentRel folder: the attitudes between the `.ann` entities of
each article, written as `artN.opin.txt`, scored where the gold is present, and the
score threshold chosen by cross-validation over documents when asked."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvaluationError, RelataError
from ..pipeline import Pipeline
from ..records import Analysis, Problem
from ..sources import parse_text
from ..sources.document import decode
from ..stance.document import Attitude, Party, attitudes, side
from ..stance.sentiment import SentimentModel
from .rusentrel import (
    Entity,
    Opinion,
    Result,
    Synonyms,
    compare,
    documents,
    read_entities,
    read_opinions,
    write_opinions,
)

THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 31))  # 0.05 … 1.5


@dataclass(frozen=True, slots=True)
class Article:
    name: str  # artN
    found: tuple[Attitude, ...]  # every scored pair, threshold 0
    gold: tuple[Opinion, ...] | None

    def opinions(self, threshold: float) -> list[Opinion]:
        return [Opinion(a.source_name, a.target_name, a.label)
                for a in self.found if abs(a.score) >= threshold]


def _normalised(raw: str) -> list[int]:
    """Where each `\\r\\n` of the raw file lost its `\\r`: `.ann` offsets count them, relata
    reads text as Python's text mode does (one `\\n`)."""
    return [i for i in range(len(raw) - 1) if raw[i] == "\r" and raw[i + 1] == "\n"]


def parties_of(analysis: Analysis, entities: Sequence[Entity], synonyms: Synonyms,
               dropped: list[int]) -> list[Party]:
    """The `.ann` entities as parties: grouped by synonyms, named by their first mention,
    with the country or code relata gives the words (to match events' sides)."""
    names: dict[str, str] = {}
    found = []
    for entity in entities:
        start = entity.start - bisect.bisect_left(dropped, entity.start)
        end = entity.end - bisect.bisect_left(dropped, entity.end)
        key = synonyms.group(entity.text)
        over = [m for m in analysis.mentions if m.start < end and start < m.end]
        # Named in the nominative where relata gives it for exactly these words
        # (`Россией` → `Россия`), so that the opinion files read as the gold does.
        same = [m.normal for m in over if (m.start, m.end) == (start, end) and m.normal]
        name = same[0] if same and synonyms.group(same[0]) == key else entity.text
        name = names.setdefault(key, name)
        sides = [side(m) for m in over if side(m)]
        found.append(Party(key, name, start, end, sides[0] if sides else None))
    return found


def analyse(folder: Path, pipeline: Pipeline, model: SentimentModel | None = None,
            problems: list[Problem] | None = None) -> list[Article]:
    """Every article of `folder` with all its scored pairs (the threshold comes later)."""
    problems = [] if problems is None else problems
    paths = documents(folder)  # first: a folder without articles is told as such
    synonyms = Synonyms.read(folder / "synonyms.txt")
    model = model or SentimentModel.load()
    articles = []
    for path in paths:
        try:
            raw = path.read_bytes().decode("utf-8")
            entities, bad = read_entities(path.with_suffix(".ann"))
        except (OSError, UnicodeDecodeError) as e:
            problems.append(Problem(str(path), f"unreadable: {e}"))
            continue
        problems.extend(bad)
        analysis = pipeline([parse_text(decode(path.read_bytes()), str(path))])[0]
        if not analysis.analysed:
            problems.append(Problem(str(path), analysis.failure or analysis.skipped or ""))
            continue
        found = parties_of(analysis, entities, synonyms, _normalised(raw))
        gold_path = path.with_suffix(".opin.txt")
        gold = None
        if gold_path.exists():
            opinions, bad = read_opinions(gold_path)
            problems.extend(bad)
            gold = tuple(opinions)
        scored = attitudes(analysis, found, model, threshold=0.0)
        articles.append(Article(path.stem, tuple(scored), gold))
    return articles


def score(articles: Sequence[Article], synonyms: Synonyms, threshold: float) -> Result:
    """The measure over the articles with gold; EvaluationError if none has."""
    result = Result({a.name: compare(a.gold, a.opinions(threshold), synonyms)
                     for a in articles if a.gold is not None})
    if not result.documents:
        raise EvaluationError(f"none of the {len(articles)} analysed articles has its gold "
                              "(artN.opin.txt): nothing to score")
    return result


def choose_threshold(articles: Sequence[Article], synonyms: Synonyms) -> float:
    return max(THRESHOLDS, key=lambda t: (score(articles, synonyms, t).f1_mean, -t))


def cross_validate(articles: Sequence[Article], synonyms: Synonyms, folds: int
                   ) -> tuple[Result, list[float]]:
    """Each article scored at the threshold chosen on the others of `folds` folds
    (articles dealt to folds in order), so no article's score saw its own gold."""
    gold = [a for a in articles if a.gold is not None]
    if len(gold) < folds:
        raise RelataError(f"cross-validation needs at least {folds} articles with gold")
    documents_: dict = {}
    chosen = []
    for k in range(folds):
        test = gold[k::folds]
        train = [a for a in gold if a not in test]
        threshold = choose_threshold(train, synonyms)
        chosen.append(threshold)
        documents_.update(score(test, synonyms, threshold).documents)
    return Result(documents_), chosen


def write(articles: Sequence[Article], out: Path, threshold: float) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for article in articles:
        write_opinions(out / f"{article.name}.opin.txt", article.opinions(threshold))
