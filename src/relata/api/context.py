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
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd
from fastapi import Request

from ..pipeline import Pipeline
from ..records import Analysis
from ..relations.series import ReadAhead, read_ahead
from ..store import Store, open_store
from ..store.store import connect
from .cache import AnswerCache
from .errors import ApiError

if TYPE_CHECKING:
    from .warm import Warmer

DEFAULT_MAX_BODY = 1 << 20  # bytes of a request body: POST /api/code and /api/ingest
LINGER = 1.0  # seconds the database stays open after the last request that read it


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


class FairSemaphore:
    """At most `slots` holders at once, the others served in the order they came.
    threading.Semaphore lets a thread that comes as a slot is freed take it before the
    waiter woken for it, which then waits again behind the others: under fifty clients'
    first requests, the answer asked first was computed last (0.55 s). Here a slot freed
    passes straight to the longest waiting."""

    def __init__(self, slots: int) -> None:
        self._lock = threading.Lock()
        self._free = slots
        self._waiting: deque[threading.Lock] = deque()

    def __enter__(self) -> FairSemaphore:
        with self._lock:
            if self._free > 0:  # (then nobody waits: a slot freed goes to a waiter)
                self._free -= 1
                return self
            turn = threading.Lock()
            turn.acquire()
            self._waiting.append(turn)
        turn.acquire()  # released by the holder whose slot this becomes
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            if self._waiting:
                self._waiting.popleft().release()
            else:
                self._free += 1


@dataclass
class Context:
    db: Path
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    lock: ReadWriteLock = field(default_factory=ReadWriteLock)
    _pipeline: Pipeline | None = None  # loaded on first use, unless given
    _models: threading.Lock = field(default_factory=threading.Lock)

    # One read-only connection for all readers, a cursor each: a fresh one opens the file
    # and reads and decompresses the columns again, which on a million events made
    # /api/dyad four to seven times slower (120-270 ms, not 30-40). It is closed once no
    # request has used it for LINGER seconds: then another process (`relata ingest`, which
    # waits that long for it) can write the file, and the next request sees what it wrote.
    _shared: duckdb.DuckDBPyConnection | None = None
    _users: int = 0  # requests reading through it now
    _opening: threading.Lock = field(default_factory=threading.Lock)
    _closing: threading.Timer | None = None
    # Answers of the read endpoints by request and `version()`: see cache.py.
    answers: AnswerCache = field(default_factory=AnswerCache)
    _writes: int = 0  # ingests through this server: each one a new version
    # Answers computed at once: two (the cores). Forty worker threads computing would take
    # turns at the GIL with the event loop, and every answer already kept would wait its
    # turn behind them; waiting here, a thread lets go of the GIL. In the order asked.
    computing: FairSemaphore = field(default_factory=lambda: FairSemaphore(2))
    # The busiest dyads' answers computed ahead of the requests (warm.py); None: not.
    warmer: Warmer | None = None
    # Whether the dyads' counts and kept answers are current (Store.dyads_counted,
    # .dyads_answered), by `version()`: asked once a version, not by every answer (more
    # tables read, a millisecond of CPU or more).
    _counted: dict[tuple, tuple[bool, bool]] = field(default_factory=dict)
    # Every dyad's rows for the question the warmer answers, by (version, freq,
    # modalities): see `read_all`.
    _read: tuple[tuple, ReadAhead] | None = None

    def version(self) -> tuple:
        """What changes whenever the database does: the count of this server's own writes,
        and the size and modification time of the file and of its write-ahead log. Another
        process can write only while this one has the file closed (DuckDB's lock), and any
        write it commits changes one of the two files."""
        marks = []
        for path in (self.db, self.db.with_name(self.db.name + ".wal")):
            try:
                found = path.stat()
            except FileNotFoundError:
                marks.append(None)
            else:
                marks.append((found.st_mtime_ns, found.st_size, found.st_ino))
        return (self._writes, *marks)

    def _connection(self) -> duckdb.DuckDBPyConnection:
        with self._opening:
            if self._closing is not None:
                self._closing.cancel()
                self._closing = None
            if self._shared is None:
                # The schema checked (an older one migrated, a newer one refused) each
                # time the file is opened: another relata can change it only while this
                # process has it closed. The requests' Stores then check nothing.
                with open_store(self.db, read_only=True, wait=0):
                    pass
                # Another process writing the file: a 503 at once, not a request held up.
                # One DuckDB thread a query: the answers are computed two at a time
                # (`computing`), each on its own core; a query's second thread only
                # waited for the other's core, and made a small query's time twice or
                # four times as long on a loaded machine.
                self._shared = connect(self.db, read_only=True, wait=0)
                self._shared.execute("SET threads = 1")
            self._users += 1
            return self._shared

    def _done(self) -> None:
        with self._opening:
            self._users -= 1
            if self._users == 0:
                self._closing = threading.Timer(LINGER, self._close_unused)
                self._closing.daemon = True
                self._closing.start()

    def _close_unused(self) -> None:
        with self._opening:
            if self._users == 0 and self._shared is not None:
                self._shared.close()
                self._shared = None

    @contextmanager
    def reader(self) -> Iterator[Store]:
        with self.lock.reading():
            connection = self._connection()
            try:
                with Store(self.db, read_only=True, connection=connection.cursor()) as store:
                    # The version once the file is open: no other process writes it while
                    # it is (DuckDB's lock), so what is asked now holds for all of it.
                    version = self.version()
                    current = self._counted.get(version)
                    if current is None:
                        current = (store.dyads_counted(), store.dyads_answered())
                        self._counted = {version: current}  # (the last version only)
                    store.counted, store.answered = current
                    yield store
            finally:
                self._done()

    def read_all(self, question: tuple) -> None:
        """Read every dyad's rows for `question` (version, freq, modalities) at once, for
        the answers to it to take theirs from (`rows_read`): what the warmer does before
        it computes the busiest dyads' answers (relations.series.read_ahead)."""
        _, freq, modalities = question
        with self.reader() as store:
            found = read_ahead(store, freq, modalities)
        if found is not None:
            self._read = (question, found)  # (the last question only)

    def rows_read(self, question: tuple) -> ReadAhead | None:
        """Every dyad's rows for `question`, if they have been read (`read_all`)."""
        read = self._read
        return read[1] if read is not None and read[0] == question else None

    @contextmanager
    def writer(self) -> Iterator[Store]:
        try:
            with self.lock.writing():
                self._close_unused()  # DuckDB: no writer while this process has it read-only
                try:
                    with open_store(self.db, write=True) as store:
                        yield store
                finally:  # under the lock: no reader sees the new data under the old version
                    self._writes += 1
                    self.answers.clear()
        finally:  # a new version: its busiest dyads computed again, once readers may read
            if self.warmer is not None:
                self.warmer.request()

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
