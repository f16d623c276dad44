"""The stages wired in order: documents in, analyses out, batch by batch.

A stage is a callable `list[Analysis] -> list[Analysis]` with a `name`. When a
stage fails on a batch, the batch is retried one document at a time so the
failure is pinned to its document and the others go on.
"""

from __future__ import annotations

import dataclasses
import gc
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, Protocol, TypeVar, overload

from .errors import StageError
from .records import Analysis, Document, Problem

DEFAULT_BATCH_SIZE = 32


class Stage(Protocol):
    name: str

    def __call__(self, batch: list[Analysis]) -> list[Analysis]: ...


def default_stages(dictionaries: Sequence[str] = (), parse_all: bool = False,
                   lexicons: Sequence[str] = ()) -> list[Stage]:
    """Language, Russian NLP, actors (the built-in dictionaries and the user's), context,
    events (the built-in lexicon with the user's `lexicons` on top). Unless `parse_all`, the
    parser only reads sentences that name someone (or hold a word that may stand for someone
    named before: `он`, `президент`) and hold a trigger word: nothing else can hold an event
    (the others get no dependency tree, and their places are told from actors by case
    and preposition alone)."""
    # Imported here: the models' libraries take seconds, and commands that only read the
    # database import this module for its defaults.
    from .actors import ResolveActors
    from .actors.context import ResolveReferences
    from .events import CodeEvents
    from .events.lexicon import load_lexicon
    from .language import DetectLanguage, RussianNLP

    lexicon = load_lexicon(user=tuple(map(Path, lexicons))) if lexicons else None
    actors = ResolveActors(dictionaries)
    events = CodeEvents(lexicon, groups=actors.index.dictionary.groups)
    context = ResolveReferences(actors.index.dictionary)

    def worth_parsing(tokens, named: bool) -> bool:
        return (named or actors.index.may_match(tokens) or context.may_refer(tokens)) and \
            events.may_code({t.lemma for t in tokens})

    nlp = RussianNLP(parse_when=None if parse_all else worth_parsing)
    return [DetectLanguage(), nlp, actors, context, events]


T = TypeVar("T")


def in_order(submit: Callable[[list[Document]], Any], batches: Iterable[Sequence[Document]],
             ahead: int) -> Iterator[Any]:
    """Each batch's result, in input order, from `submit` (which returns a future), with at
    most `ahead` batches in flight: a million documents stream through in bounded memory."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(list(batch)))
        if len(pending) > ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def split_batches(
    items: Iterable[Document | Problem], size: int
) -> Iterator[tuple[list[Document], list[Problem]]]:
    """Documents in batches of `size`, each with the input problems met while reading it."""
    documents: list[Document] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        documents.append(item)
        if len(documents) == size:
            yield documents, problems
            documents, problems = [], []
    if documents or problems:
        yield documents, problems


class Batches:
    """What every pipeline does with its `map`: documents in, analyses out, in order."""

    def map(self, batches: Iterable[Sequence[Document]]) -> Iterator[list[Analysis]]:
        raise NotImplementedError

    def run(
        self, documents: Iterable[Document], batch_size: int = DEFAULT_BATCH_SIZE
    ) -> Iterator[Analysis]:
        for analyses in self.map(batched(documents, batch_size)):
            yield from analyses

    def close(self) -> None:
        """Nothing to release in one process; a ParallelPipeline stops its workers."""


class Pipeline(Batches):
    def __init__(
        self,
        stages: Sequence[Stage] | None = None,
        *,
        dictionaries: Sequence[str] = (),
        parse_all: bool = False,
        freeze: bool = False,
        lexicons: Sequence[str] = (),
    ):
        """The default stages, with the user's actor dictionaries and predicate lexicons,
        unless `stages` are given.

        `freeze`: after the first batch the models, dictionaries and lexicon are loaded: a
        quarter of a million objects that live as long as the process. Python's collector
        would walk them all again every few batches (a tenth of the time here); frozen
        (`gc.freeze`), it only walks what was made since. That changes the collector of
        the whole process, so it is for a process relata owns (its command, its workers),
        never the default of a library call."""
        self.stages = list(default_stages(dictionaries, parse_all, lexicons) if stages is None
                           else stages)
        self.seconds: Counter[str] = Counter()  # time spent in each stage, for benchmarks
        self._freeze = freeze

    @overload
    def __call__(self, documents: str) -> Analysis: ...
    @overload
    def __call__(self, documents: Sequence[Document]) -> list[Analysis]: ...

    def __call__(self, documents):
        """Analyse one batch of documents; a string is one text, and gives its analysis
        (`Pipeline()("Москва и Баку провели переговоры.")`, as `relata.code_text`)."""
        if isinstance(documents, str):
            from .sources import parse_text

            return self([parse_text(documents, "<text>")])[0]
        wrong = next((d for d in documents if not isinstance(d, Document)), None)
        if wrong is not None:
            raise TypeError(f"a Pipeline analyses a list of Documents, not of "
                            f"{type(wrong).__name__}: for texts, use relata.code(texts)")
        batch = [Analysis(document) for document in documents]
        for stage in self.stages:
            started = time.perf_counter()
            batch = _apply(stage, batch)
            self.seconds[stage.name] += time.perf_counter() - started
        if self._freeze:
            # Garbage without cycles, which is all the stages make, is freed as before;
            # garbage already there is collected first, so that freezing keeps none of it.
            gc.collect()
            gc.freeze()
            self._freeze = False
        return batch

    def map(self, batches: Iterable[Sequence[Document]]) -> Iterator[list[Analysis]]:
        """Analyse batches in order (a ParallelPipeline does the same on several cores)."""
        for batch in batches:
            yield self(batch)


def _apply(stage: Stage, batch: list[Analysis]) -> list[Analysis]:
    try:
        return stage(batch)
    except Exception as error:
        if len(batch) > 1:
            return [result for analysis in batch for result in _apply(stage, [analysis])]
        failure = StageError(stage.name, batch[0].document.origin, error)
        return [dataclasses.replace(batch[0], failure=str(failure))]
