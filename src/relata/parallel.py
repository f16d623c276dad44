"""The default pipeline on several processes of one machine.

Each worker loads the models once and analyses whole batches; batches go out as
workers free up and come back in input order. A cluster beyond one machine is
the Dask issue's; this is `--workers N` on a laptop.
"""

from __future__ import annotations

import ctypes
import functools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from .pipeline import Batches, Pipeline, in_order
from .records import Analysis, Document

_worker: Pipeline | None = None
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
PARENT_POLL_SECONDS = 0.5


def _ready() -> bool:
    return _worker is not None


def _start(dictionaries: tuple[str, ...], lexicons: tuple[str, ...], parent: int,
           parent_thread_is_main: bool) -> None:
    """A worker's initializer: it ends with its parent, runs one BLAS thread, loads the
    models and, the process being relata's own, freezes what they made (see Pipeline)."""
    global _worker
    _exit_with(parent, signal_too=parent_thread_is_main)
    _one_thread()
    _worker = Pipeline(dictionaries=dictionaries, lexicons=lexicons, freeze=True)
    _worker([Document(id="warm-up", text="Россия и Азербайджан.", lang="ru")])


def _exit_with(parent: int, signal_too: bool) -> None:
    """End this worker when the process that started it dies, even by SIGKILL: the pool's
    queues would keep it waiting for work forever, with its models in memory. Linux sends
    a signal at once (but when the thread that started the worker ends, so only when that
    was the main thread); everywhere a thread watches for the worker being orphaned."""
    if signal_too and sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # died before the signal was asked for
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="relata-parent-watch", daemon=True).start()


def _one_thread() -> None:
    """One BLAS thread in this worker: the workers are the parallelism, and threads on top
    of them fight for the same cores. The variables are this worker's own, read when a
    BLAS library loads; threadpoolctl limits those loaded already."""
    from threadpoolctl import threadpool_limits

    os.environ.update(dict.fromkeys(_THREAD_VARIABLES, "1"))
    threadpool_limits(1)


def _analyse(batch: Sequence[Document]) -> tuple[list[Analysis], Counter]:
    assert _worker is not None
    _worker.seconds.clear()
    return _worker(batch), Counter(_worker.seconds)


class ParallelPipeline(Batches):
    """The default stages in `workers` processes; the same interface as Pipeline. The
    workers end when this process does, however it ends."""

    def __init__(self, workers: int, *, dictionaries: Sequence[str] = (),
                 lexicons: Sequence[str] = ()):
        self.workers = workers
        self.seconds: Counter[str] = Counter()  # summed over workers
        context = multiprocessing.get_context("spawn")  # no fork after numpy threads start
        main = threading.current_thread() is threading.main_thread()
        self._pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start,
            initargs=(tuple(dictionaries), tuple(lexicons), os.getpid(), main))
        # Start every worker now, from this thread (the pool starts them as work comes).
        for future in [self._pool.submit(_ready) for _ in range(workers)]:
            future.result()

    def __call__(self, documents: Sequence[Document]) -> list[Analysis]:
        return next(self.map([documents]))

    def map(self, batches: Iterable[Sequence[Document]]) -> Iterator[list[Analysis]]:
        submit = functools.partial(self._pool.submit, _analyse)
        for analyses, seconds in in_order(submit, batches, 2 * self.workers):
            self.seconds.update(seconds)
            yield analyses

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def make_pipeline(workers: int = 1, dictionaries: Sequence[str] = (), *,
                  freeze: bool = False, dask: str | None = None,
                  lexicons: Sequence[str] = ()) -> Batches:
    """One process, or `workers` of them, or the workers of a Dask cluster (`dask`: a
    scheduler's address, or `local:N`; see relata.cluster). `freeze`: see Pipeline
    (workers always do)."""
    if dask is not None:
        from .cluster import DaskPipeline

        return DaskPipeline(dask, dictionaries=dictionaries, lexicons=lexicons)
    if workers > 1:
        return ParallelPipeline(workers, dictionaries=dictionaries, lexicons=lexicons)
    return Pipeline(dictionaries=dictionaries, freeze=freeze, lexicons=lexicons)
