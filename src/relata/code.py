"""Code documents without a database: analyses stream out, problems are reported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .ingest import unique
from .pipeline import DEFAULT_BATCH_SIZE, Pipeline, split_batches
from .records import Analysis, Problem
from .sources import DEFAULT_MAX_BYTES, parse_text, read


def code_files(
    paths: Iterable[str | Path],
    *,
    pipeline: Pipeline | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    default_date: dt.date | None = None,
    on_problem: Callable[[Problem], None] = lambda problem: None,
) -> Iterator[Analysis]:
    """Analyse every document in `paths` (files, folders, `-`); each article once."""
    pipeline = pipeline or Pipeline()
    seen: set[str] = set()
    items = read(paths, max_bytes=max_bytes, default_date=default_date)
    for documents, problems in split_batches(items, batch_size):
        for problem in problems:
            on_problem(problem)
        documents, _ = unique([d for d in documents if d.id not in seen])
        seen.update(d.id for d in documents)
        yield from pipeline(documents)


def code_text(
    text: str, *, date: dt.date | None = None, pipeline: Pipeline | None = None
) -> Analysis:
    """Analyse one text given as a string (a ` date YYYY-MM-DD` header is honoured)."""
    document = parse_text(text, "<text>", date)
    return (pipeline or Pipeline())([document])[0]
