"""The answers of the busiest dyads, computed before anyone asks: at start-up, after an
ingest through the API, and once a request sees that another process changed the
database. Fifty analysts opening the dashboard after an ingest ask first for the dyads
that hold most events. Their answers to the dashboard's question are kept by ingest
(relata.relations.answers), 0.6 ms of CPU each to read on a million events; computed
(answers kept by another relata, events written by other means), 4-5 ms, and dozens of
them at once make every client wait for all of them. Warmed, they are answered from the
cache.

Only the dashboard's default question of a dyad is warmed (`GET /api/dyad?a=…&b=…`:
months, both ways, factual events, the whole time, 20 events of evidence), in either
order and spelling (the kept computation is by the pair's codes, see `relations.dyad_json`);
any other question is computed when asked, as before. One dyad at a time, through the
same cache and the same bound on answers computed at once as requests: a request for a
dyad being warmed waits for that computation instead of repeating it, and the other core
stays free for requests.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from ..errors import RelataError
from ..relations.answers import KEPT_QUESTION
from .errors import ApiError

if TYPE_CHECKING:
    from .context import Context

# The dashboard's question of a dyad: the defaults of GET /api/dyad (routes_relations.py;
# tests/test_api_warm.py checks that a warmed dyad asked that way is a cache hit); the one
# whose answers ingest keeps (relations.answers), so warming a dyad is reading its answer
DEFAULT_QUESTION = {**KEPT_QUESTION, "modalities": list(KEPT_QUESTION["modalities"])}

BUSIEST = """SELECT dyad, count(*) AS events FROM dyad_events
    WHERE date IS NOT NULL AND modality = 'factual'
    GROUP BY dyad ORDER BY events DESC, dyad LIMIT $top"""


def busiest_dyads(store, top: int) -> list[tuple[str, str]]:
    """The `top` dyads with most dated factual events, busiest first, as pairs of codes."""
    found = store.arrays(BUSIEST, {"top": top})["dyad"].tolist()
    return [tuple(dyad.split(" ", 1)) for dyad in found]


class Warmer:
    """Keeps the answers of the `top` busiest dyads computed for the database's version."""

    def __init__(self, context: Context, top: int) -> None:
        self.context = context
        self.top = top
        self.version: tuple | None = None  # the version last warmed (or being warmed)
        self.warmed = 0                    # dyads computed for it so far
        self._wanted = threading.Event()   # a (new) version to warm
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._idle = True                  # no thread warming, none wanted

    def request(self) -> None:
        """Warm the database's current version (again), in the background."""
        if self.top <= 0 or self._stopped.is_set():
            return
        with self._lock:
            self._idle = False
            self._wanted.set()
            if self._thread is None:  # (cleared, under the lock, by a thread ending)
                self._thread = threading.Thread(target=self._run, name="relata-warm",
                                                daemon=True)
                self._thread.start()

    def seen(self, version: tuple) -> None:
        """A request saw `version`: warm it if it is not the one warmed."""
        if version != self.version:
            self.request()

    def stop(self) -> None:
        self._stopped.set()

    def status(self) -> dict:
        return {"dyads": self.top, "warmed": self.warmed, "running": not self._idle}

    def _run(self) -> None:
        from .relations import dyad_json

        while True:
            with self._lock:
                if not self._wanted.is_set() or self._stopped.is_set():
                    self._idle, self._thread = True, None
                    return
                self._wanted.clear()
            version = self.context.version()
            self.version, self.warmed = version, 0
            try:
                with self.context.reader() as store:
                    pairs = busiest_dyads(store, self.top)
            except RelataError:  # the file busy or gone: the next request asks again
                self.version = None
                continue
            # Every dyad's rows for the question, read at once: each answer, warmed or
            # asked later, then costs its computation alone (relations.series.read_ahead).
            with contextlib.suppress(RelataError):
                self.context.read_all(
                    (version, DEFAULT_QUESTION["freq"], tuple(DEFAULT_QUESTION["modalities"])))
            for a, b in pairs:
                if self._wanted.is_set() or self._stopped.is_set():
                    break  # a newer version to warm, or the server stopping
                # a side the code lists no longer name, the file busy: asked, an error
                with contextlib.suppress(RelataError, ApiError):
                    dyad_json(self.context, version, a, b, **DEFAULT_QUESTION)
                self.warmed += 1
