"""What every request shares: the database path, the lock that keeps its one writer apart
from its readers, the models (loaded once, on first use), and the request size limit.

Lock order: the models, then the database. A request that needs both takes the models first
(ingest: the models, then the database for writing); none waits for the models while it
holds the database open. Otherwise a reader waiting for the models that an ingest holds,
while the ingest waits for the readers to finish, would stop the server for good.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
from fastapi import Request

from ..errors import StoreError
from ..pipeline import Pipeline
from ..records import Analysis
from ..store import Store, open_store
from .errors import ApiError

DEFAULT_MAX_BODY = 1 << 20  # bytes of a request body: POST /api/code and /api/ingest


class ReadWriteLock:
    """Many readers or one writer. DuckDB lets one process write a file, and not while the
    same process holds it open read-only, so ingest waits for the readers to close."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._writing = True  # new readers wait from now on
            self._cond.wait_for(lambda: self._readers == 0)
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


@dataclass
class Context:
    db: Path
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    lock: ReadWriteLock = field(default_factory=ReadWriteLock)
    _pipeline: Pipeline | None = None  # loaded on first use, unless given
    _models: threading.Lock = field(default_factory=threading.Lock)

    _shared: duckdb.DuckDBPyConnection | None = None  # read-only, for all readers
    _opening: threading.Lock = field(default_factory=threading.Lock)

    def _connection(self) -> duckdb.DuckDBPyConnection:
        # Opening the file costs tens of milliseconds; a cursor of an open one, almost none.
        with self._opening:
            if self._shared is None:
                with open_store(self.db, read_only=True):  # checks it: exists, not too new
                    pass
                try:
                    self._shared = duckdb.connect(str(self.db), read_only=True)
                except duckdb.Error as e:
                    raise StoreError(f"{self.db}: cannot open the database: {e}") from None
            return self._shared

    @contextmanager
    def reader(self) -> Iterator[Store]:
        with self.lock.reading():
            cursor = self._connection().cursor()
            with Store(self.db, read_only=True, connection=cursor) as store:
                yield store

    @contextmanager
    def writer(self) -> Iterator[Store]:
        with self.lock.writing():
            with self._opening:
                if self._shared is not None:  # DuckDB: no writer while it is open read-only
                    self._shared.close()
                    self._shared = None
            with open_store(self.db) as store:
                yield store

    @contextmanager
    def pipeline(self) -> Iterator[Pipeline]:
        """The models, one request at a time: a pipeline is not made for threads. Never
        asked for while holding `reader()` or `writer()` (see the lock order above)."""
        with self._models:
            if self._pipeline is None:
                self._pipeline = Pipeline()
            yield self._pipeline


def context(request: Request) -> Context:
    return request.app.state.relata


def read_store(request: Request) -> Iterator[Store]:
    """A read-only store for one request (a FastAPI dependency)."""
    with context(request).reader() as store:
        yield store


def analysed(analysis: Analysis) -> Analysis:
    """The analysis, if no stage failed on it; else a 422 `analysis_failed` that says which
    stage and why (an answer with no events would read as a text without any)."""
    if analysis.failure is None:
        return analysis
    # The failure reads `origin: stage 'name' failed: reason`; the origin is the request's own.
    reason = analysis.failure.removeprefix(f"{analysis.document.origin}: ")
    raise ApiError(422, reason, code="analysis_failed")


def jsonable(value):
    """A value from a DataFrame or a record as JSON has it: dates as ISO, NaN as null."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return jsonable(value.item())
    return value


def records(frame: pd.DataFrame) -> list[dict]:
    rows = frame.astype(object).to_dict(orient="records")
    return [{key: jsonable(value) for key, value in row.items()} for row in rows]
