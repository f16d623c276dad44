"""The default pipeline on several processes of one machine.

Each worker loads the models once and analyses whole batches; batches go out as
workers free up and come back in input order. A cluster beyond one machine is
the Dask issue's; this is `--workers N` on a laptop.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from .pipeline import Batches, Pipeline
from .records import Analysis, Document

_worker: Pipeline | None = None
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _ready() -> bool:
    return _worker is not None


def _start(dictionaries: tuple[str, ...]) -> None:
    global _worker
    _worker = Pipeline(dictionaries=dictionaries)
    _worker([Document(id="warm-up", text="Россия и Азербайджан.", lang="ru")])


def _analyse(batch: Sequence[Document]) -> tuple[list[Analysis], Counter]:
    assert _worker is not None
    _worker.seconds.clear()
    return _worker(batch), Counter(_worker.seconds)


class ParallelPipeline(Batches):
    """The default stages in `workers` processes; the same interface as Pipeline."""

    def __init__(self, workers: int, *, dictionaries: Sequence[str] = ()):
        self.workers = workers
        self.seconds: Counter[str] = Counter()  # summed over workers
        context = multiprocessing.get_context("spawn")  # no fork after numpy threads start
        self._pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start,
                                         initargs=(tuple(dictionaries),))
        # One BLAS thread per worker: the workers are the parallelism, and threads on top of
        # them fight for the same cores. Workers read this when they start, so start them now.
        saved = {name: os.environ.get(name) for name in _THREAD_VARIABLES}
        os.environ.update(dict.fromkeys(_THREAD_VARIABLES, "1"))
        try:
            for future in [self._pool.submit(_ready) for _ in range(workers)]:
                future.result()
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value

    def __call__(self, documents: Sequence[Document]) -> list[Analysis]:
        return next(self.map([documents]))

    def map(self, batches: Iterable[Sequence[Document]]) -> Iterator[list[Analysis]]:
        pending: deque[Future] = deque()
        for batch in batches:
            pending.append(self._pool.submit(_analyse, list(batch)))
            if len(pending) > 2 * self.workers:  # bounded: a million documents stream through
                yield self._collect(pending.popleft())
        while pending:
            yield self._collect(pending.popleft())

    def _collect(self, future: Future) -> list[Analysis]:
        analyses, seconds = future.result()
        self.seconds.update(seconds)
        return analyses

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def make_pipeline(workers: int = 1, dictionaries: Sequence[str] = ()) -> Batches:
    """One process, or `workers` of them."""
    if workers > 1:
        return ParallelPipeline(workers, dictionaries=dictionaries)
    return Pipeline(dictionaries=dictionaries)
