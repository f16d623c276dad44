"""relata's mentions as factRuEval-2016 track-1 entities, and the whole evaluation run.

Track 1 scores named entities only: a person by name, an organisation that has a
name, a place as Location or LocOrg (a place acting as a state). Unnamed phrases
(`азербайджанская сторона`), adjectives and demonyms are not entities there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..pipeline import Pipeline
from ..records import Analysis, Document, Mention
from .factrueval import Response, Score, load_gold, score, write_responses

KINDS = {"PER": "per", "ORG": "org", "LOC": "loc", "LOCORG": "locorg"}


def entities(analysis: Analysis) -> Iterator[Response]:
    for mention in analysis.mentions:
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


def run(gold: Path, responses: Path, pipeline: Pipeline) -> tuple[Score, Score]:
    """Analyse every document of the gold folder, write its responses, score both modes."""
    documents = [Document(id=name, text=doc.text, lang="ru", origin=name)
                 for name, doc in load_gold(gold).items()]
    for analysis in pipeline.run(documents):
        write_responses(responses, analysis.document.id, entities(analysis))
    return score(gold, responses), score(gold, responses, fold_locorg=True)
