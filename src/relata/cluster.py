"""The default pipeline on a Dask cluster: analysis on the workers, storing here.

Each worker loads the models once (a worker plugin, run again on a worker that replaces
a lost one); batches are sent as tasks, a bounded number ahead, and come back in input
order, so `ingest` stores them as it stores a local pipeline's: one transaction a batch,
idempotent. A worker killed mid-batch loses nothing (the scheduler runs its tasks
elsewhere); a client killed mid-run loses nothing either (the batches stored are stored,
and the same command again analyses the rest).

    relata ingest news/ --dask tcp://scheduler:8786   # a running cluster
    relata ingest news/ --dask local:2                # a LocalCluster of 2 workers here
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from .errors import RelataError
from .pipeline import Batches, Pipeline, in_order
from .records import Analysis, Document

if TYPE_CHECKING:
    pass

PLUGIN = "relata-models"
AHEAD = 2  # batches in flight per worker: enough to keep them busy, bounded memory


class ClusterError(RelataError):
    """The cluster cannot be reached or used."""


def _models_plugin(dictionaries: tuple[str, ...], lexicons: tuple[str, ...]):
    from distributed import WorkerPlugin

    class RelataModels(WorkerPlugin):
        """Loads relata's pipeline once in each worker, with one BLAS thread: the workers
        are the parallelism."""

        def __init__(self, dictionaries: tuple[str, ...], lexicons: tuple[str, ...]):
            self.dictionaries = dictionaries
            self.lexicons = lexicons

        def setup(self, worker) -> None:
            from threadpoolctl import threadpool_limits

            threadpool_limits(1)
            pipeline = Pipeline(dictionaries=self.dictionaries, lexicons=self.lexicons,
                                freeze=True)
            pipeline([Document(id="warm-up", text="Россия и Азербайджан.", lang="ru")])
            worker.relata_pipeline = pipeline

    return RelataModels(dictionaries, lexicons)


def _analyse(batch: list[Document]) -> tuple[list[Analysis], Counter]:
    from distributed import get_worker

    pipeline = get_worker().relata_pipeline
    pipeline.seconds.clear()
    return pipeline(batch), Counter(pipeline.seconds)


def parse_address(address: str) -> tuple[str, int | None]:
    """`local` or `local:N` (a LocalCluster of N workers here, 2 by default), or a
    scheduler's address (`tcp://host:8786`)."""
    if address == "local" or address.startswith("local:"):
        _, _, count = address.partition(":")
        if count and (not count.isdigit() or int(count) < 1):
            raise ClusterError(f"--dask {address}: local:N wants a number of workers ≥ 1")
        return "local", int(count) if count else 2
    return address, None


class DaskPipeline(Batches):
    """The default stages on the workers of a Dask cluster; the same interface as
    Pipeline. `close()` closes the client, and the LocalCluster it started, if any."""

    def __init__(self, address: str, *, dictionaries: Sequence[str] = (),
                 lexicons: Sequence[str] = ()):
        import logging

        from distributed import Client, LocalCluster

        where, workers = parse_address(address)
        self.seconds: Counter[str] = Counter()
        self._cluster = None
        try:
            if where == "local":
                self._cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.WARNING)
                self._client = Client(self._cluster)
            else:
                self._client = Client(where, timeout="10s")
        except (OSError, TimeoutError) as e:
            self.close()
            raise ClusterError(f"--dask {address}: cannot reach the scheduler: {e}") from None
        self._client.register_plugin(_models_plugin(tuple(dictionaries), tuple(lexicons)),
                                      name=PLUGIN)
        self.workers = max(1, len(self._client.scheduler_info()["workers"]))

    def __call__(self, documents: Sequence[Document]) -> list[Analysis]:
        return next(self.map([documents]))

    def map(self, batches: Iterable[Sequence[Document]]) -> Iterator[list[Analysis]]:
        def submit(batch: list[Document]):
            return self._client.submit(_analyse, batch, pure=False, retries=2)

        for analyses, seconds in in_order(submit, batches, AHEAD * self.workers):
            self.seconds.update(seconds)
            yield analyses

    def close(self) -> None:
        client, cluster = getattr(self, "_client", None), self._cluster
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
