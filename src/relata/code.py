"""Code documents without a database: analyses stream out, problems are reported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from .actors import ResolveActors
from .ingest import unique
from .language import RussianNLP
from .pipeline import DEFAULT_BATCH_SIZE, Batches, Pipeline, split_batches
from .records import Analysis, Document, Mention, Problem
from .sources import DEFAULT_MAX_BYTES, parse_text, read


def code_files(
    paths: Iterable[str | Path],
    *,
    pipeline: Batches | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    default_date: dt.date | None = None,
    on_problem: Callable[[Problem], None] = lambda problem: None,
) -> Iterator[Analysis]:
    """Analyse every document in `paths` (files, folders, `-`); each article once."""
    pipeline = pipeline or Pipeline()
    seen: set[str] = set()
    items = read(paths, max_bytes=max_bytes, default_date=default_date)

    def new_batches() -> Iterator[list[Document]]:
        for documents, problems in split_batches(items, batch_size):
            for problem in problems:
                on_problem(problem)
            fresh, _ = unique([d for d in documents if d.id not in seen])
            seen.update(d.id for d in fresh)
            yield fresh

    for analyses in pipeline.map(new_batches()):
        yield from analyses


def code_text(
    text: str, *, date: dt.date | None = None, pipeline: Pipeline | None = None
) -> Analysis:
    """Analyse one text given as a string (a ` date YYYY-MM-DD` header is honoured)."""
    document = parse_text(text, "<text>", date)
    return (pipeline or Pipeline())([document])[0]


def resolve(
    phrases: Iterable[str],
    *,
    date: dt.date | None = None,
    dictionaries: Sequence[str] = (),
    builtin: bool = True,
    context: str = "",
) -> list[Mention | None]:
    """The actor each phrase names (`МИД Азербайджана` → AZEGOV): the widest mention found
    in it, or None. Phrases are Russian by definition, so language detection is skipped.
    With a `context` (text before the phrase), a role noun or pronoun is resolved as the
    coder's context stage resolves it there (`президент` after a Turkish text: TURGOV)."""
    from .actors.context import ResolveReferences

    actors = ResolveActors(dictionaries, builtin=builtin)
    stages = [RussianNLP(), actors]
    if context:  # the words are checked against the dictionary, which may be a user's own
        stages.append(ResolveReferences(actors.index.dictionary))
    pipeline = Pipeline(stages)
    phrases = list(phrases)
    lead = f"{context.rstrip()}\n\n" if context else ""  # the phrase a sentence of its own
    documents = [Document(id=str(i), text=lead + p, date=date, lang="ru", origin="<phrase>")
                 for i, p in enumerate(phrases)]
    results: list[Mention | None] = []
    for analysis in pipeline(documents) if documents else []:
        coded = [m for m in analysis.mentions if m.actor and m.actor.code
                 and m.start >= len(lead)]
        results.append(max(coded, key=lambda m: m.end - m.start, default=None))
    return results
