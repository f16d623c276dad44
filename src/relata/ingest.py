"""Ingest: read, analyse and store, one transaction per batch, resumable and idempotent."""

from __future__ import annotations

import datetime as dt
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .dedup import DEFAULT_THRESHOLD, Copy, CopyFinder
from .errors import StoreError
from .pipeline import DEFAULT_BATCH_SIZE, Batches, Pipeline, split_batches
from .records import Analysis, Document, Problem
from .sources import DEFAULT_MAX_BYTES, read
from .sources.folder import EVERY_ARTICLE, Selection
from .store import Store


@dataclass(slots=True)
class IngestReport:
    read: int = 0  # documents read from the input
    stored: int = 0  # new documents written, analysed or not
    duplicates: int = 0  # already stored, or repeated in the input
    not_analysed: Counter[str] = field(default_factory=Counter)  # stored, not analysed: why
    problems: list[Problem] = field(default_factory=list)  # unreadable input, failed analysis
    batches: int = 0
    undated: int = 0  # stored and analysed without a date: not in dyads and trends
    copies: int = 0  # near-duplicates of stored articles: kept as mentions, not analysed

    @property
    def skipped(self) -> int:
        return self.duplicates + sum(self.not_analysed.values())

    @property
    def failed(self) -> int:
        return len(self.problems)

    def summary(self) -> str:
        reasons = [f"{self.duplicates} already stored"] if self.duplicates else []
        reasons += [f"{n} {why}" for why, n in sorted(self.not_analysed.items())]
        skipped = f"skipped {self.skipped}" + (f" ({', '.join(reasons)})" if reasons else "")
        copies = f" · copies {self.copies}" if self.copies else ""
        return (f"read {self.read} · stored {self.stored}{copies} · {skipped} · "
                f"failed {self.failed}")

    def undated_warning(self) -> str | None:
        """What an analyst must know when documents came without a date."""
        if not self.undated:
            return None
        return (f"warning: {self.undated} of the stored documents have no date: their events "
                "are stored but will not appear in dyads and trends; give a date with "
                "--date YYYY-MM-DD, a first line `date YYYY-MM-DD`, or a JSONL `date` field")


@dataclass(frozen=True, slots=True)
class IngestEvents:
    """Callbacks for whoever shows progress; each gets the report so far."""

    on_problem: Callable[[Problem], None] = lambda problem: None
    on_skipped: Callable[[Analysis], None] = lambda analysis: None
    on_batch: Callable[[IngestReport, int], None] = lambda report, documents: None


def unique(documents: list[Document]) -> tuple[list[Document], int]:
    """The first of each document id, and how many repeats were dropped."""
    seen: set[str] = set()
    kept = []
    for document in documents:
        if document.id not in seen:
            seen.add(document.id)
            kept.append(document)
    return kept, len(documents) - len(kept)


def ingest_items(
    store: Store,
    items: Iterable[Document | Problem],
    *,
    pipeline: Batches | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    events: IngestEvents = IngestEvents(),
    duplicates: float | None = DEFAULT_THRESHOLD,
) -> IngestReport:
    """Analyse the new documents of `items` and store them, a transaction a batch.
    `duplicates`: the similarity (estimated Jaccard of word shingles) at or above which an
    article is a copy of one stored or read before it, kept as a mention of it and not
    analysed (relata.dedup); None analyses every article."""
    pipeline = pipeline or Pipeline()
    report = IngestReport()
    submitted: set[str] = set()  # ids sent for analysis in this run, not yet all stored
    sizes: list[int] = []
    finder = CopyFinder(store, duplicates) if duplicates is not None else None
    # each batch's copies, stored with the batch and then let go (a copy holds its text:
    # kept for the whole run, they were the memory a long stream grew by)
    copies: deque[list[Copy]] = deque()

    def new_batches() -> Iterator[list[Document]]:
        for documents, problems in split_batches(items, batch_size):
            for problem in problems:
                report.problems.append(problem)
                events.on_problem(problem)
            report.read += len(documents)
            unseen = [d for d in documents if d.id not in submitted]
            fresh, _ = unique(unseen)
            stored = store.known(d.id for d in fresh)
            new = [d for d in fresh if d.id not in stored]
            submitted.update(d.id for d in new)
            report.duplicates += len(documents) - len(new)
            sizes.append(len(documents))
            found: list[Copy] = []
            if finder is not None:
                new, found = finder.split(new)
            copies.append(found)
            yield new

    for analyses in pipeline.map(new_batches()):
        found = copies.popleft()
        ids = [a.document.id for a in analyses]
        report.stored += store.write(analyses, copies=found, signatures=(
            finder.signatures(ids) if finder is not None else ()))
        if finder is not None:
            finder.written(ids)
        report.copies += len(found)
        report.batches += 1
        for analysis in analyses:
            if analysis.failure:
                problem = Problem(analysis.document.origin, analysis.failure)
                report.problems.append(problem)
                events.on_problem(problem)
            elif analysis.skipped:
                report.not_analysed[analysis.skipped] += 1
                events.on_skipped(analysis)
            elif analysis.document.date is None:
                report.undated += 1
        events.on_batch(report, sizes[report.batches - 1])
    store.sort_dyads()
    return report


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    default_date: dt.date | None = None,
    select: Selection = EVERY_ARTICLE,
    **options,
) -> IngestReport:
    """Read every path (files, folders, `-`), analyse what is new, store it (the store
    opened with `open_store(path, write=True)`)."""
    if getattr(store, "read_only", False):
        raise StoreError(f"{store.path}: opened read-only; open_store(path, write=True) to "
                         "ingest into it", "the database is read-only")
    items = read(paths, max_bytes=max_bytes, default_date=default_date, select=select)
    return ingest_items(store, items, **options)
