"""relata's mentions as factRuEval-2016 track-1 entities, and the whole evaluation run.

Track 1 scores named entities only: a person by name, an organisation that has a
name, a place as Location or LocOrg (a place acting as a state). Unnamed phrases
(`азербайджанская сторона`), adjectives and demonyms are not entities there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ..actors.origins import ORIGIN
from ..errors import EvaluationError
from ..pipeline import Pipeline
from ..records import Analysis, Document, Mention, Problem
from .factrueval import Response, Score, books, score, write_responses

KINDS = {"PER": "per", "ORG": "org", "LOC": "loc", "LOCORG": "locorg"}


def entities(analysis: Analysis) -> Iterator[Response]:
    for mention in analysis.mentions:
        # `президент`, `он` resolved in context name no entity; a name whose country its
        # surname told (`origin`) is a name all the same
        if mention.via in (None, ORIGIN):
            yield from _entities(mention)


def _entities(mention: Mention) -> Iterator[Response]:
    if not mention.parts:
        if mention.kind in KINDS:
            yield Response(KINDS[mention.kind], mention.start, mention.end)
        return
    if mention.kind == "ORG":  # `МИД Азербайджана`: the organisation, the place inside unscored
        if any(p.kind in ("LOC", "LOCORG", "ORG") for p in mention.parts):
            yield Response("org", mention.start, mention.end)
        return
    for part in mention.parts:  # `президент Азербайджана Ильхам Алиев`: locorg, per
        if part.kind in KINDS:
            yield Response(KINDS[part.kind], part.start, part.end)


def respond(folder: Path, responses: Path, pipeline: Pipeline,
            problems: list[Problem] | None = None) -> int:
    """Analyse every `book_N.txt` of `folder`, gold layers or not, and write its response
    file (empty for a text the analysis failed on, which is a Problem, as is a text that
    cannot be read); how many were written. EvaluationError if there is no text."""
    problems = [] if problems is None else problems
    texts = books(folder, "txt")
    if not texts:
        raise EvaluationError(f"{folder}: no book_N.txt files")
    documents = []
    for path in texts:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            problems.append(Problem(str(path), f"unreadable: {e}"))
            continue
        documents.append(Document(id=path.stem, text=text, lang="ru", origin=str(path)))
    written = 0
    for analysis in pipeline.run(documents):
        if not analysis.analysed:
            problems.append(Problem(analysis.document.origin,
                                    analysis.failure or analysis.skipped or "not analysed"))
        write_responses(responses, analysis.document.id, entities(analysis))
        written += 1
    return written


def scores(folder: Path, responses: Path,
           only: Callable[[str], bool] | None = None) -> tuple[Score, Score]:
    """The responses scored where `folder` has gold, in both modes (see `score`); `only`:
    the documents of one part of a split."""
    return (score(folder, responses, only=only),
            score(folder, responses, fold_locorg=True, only=only))


def run(folder: Path, responses: Path, pipeline: Pipeline,
        problems: list[Problem] | None = None) -> tuple[Score, Score]:
    """Write a response for every text of `folder`, then score them where there is gold."""
    respond(folder, responses, pipeline, problems)
    return scores(folder, responses)
