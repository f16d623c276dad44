"""Answers kept by request and database version: what 50 analysts looking at the same few
dyads ask for again and again is computed once.

A key is the request (its parameters, normalised) with the database's version (see
`Context.version`): an ingest, through the API or by another process, changes the version,
so no answer computed before it is served after it. The cache holds at most `size`
answers, the least recently used dropped first. Concurrent identical requests wait for
the one computing the answer instead of computing it too; an error is not kept, each
waiting request gets it and the next one tries again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")
DEFAULT_SIZE = 1024  # answers kept: a dyad's is a few KB to a few hundred (daily series)


class _Pending:
    """An answer being computed by one request, awaited by the others."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: object = None
        self.error: BaseException | None = None


class AnswerCache:
    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, object] = OrderedDict()
        self._pending: dict[Hashable, _Pending] = {}
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> object | None:
        """The kept answer, or None (without waiting for one being computed)."""
        with self._lock:
            value = self._kept.get(key)
            if value is not None:
                self._kept.move_to_end(key)
                self.hits += 1
            return value

    def compute(self, key: Hashable, make: Callable[[], T]) -> T:
        """The answer kept for `key`, else the one being computed for it (waited for), else
        `make()`'s, kept. Blocks: call it from a worker thread, not the event loop."""
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                self.hits += 1
                return self._kept[key]
            pending = self._pending.get(key)
            mine = pending is None
            if mine:
                pending = self._pending[key] = _Pending()
                self.misses += 1
        if not mine:
            pending.done.wait()
            if pending.error is not None:
                raise pending.error
            return pending.value
        try:
            pending.value = make()
        except BaseException as e:
            pending.error = e
            raise
        finally:
            with self._lock:
                del self._pending[key]
                if pending.error is None:
                    self._kept[key] = pending.value
                    while len(self._kept) > self.size:
                        self._kept.popitem(last=False)
            pending.done.set()
        return pending.value

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
