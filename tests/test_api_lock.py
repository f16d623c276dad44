"""The lock that keeps the API's one writer (ingest) apart from its readers."""

from __future__ import annotations

import threading
import time

from relata.api.context import ReadWriteLock


def test_a_writer_waits_for_readers_and_new_readers_wait_for_it():
    lock, order = ReadWriteLock(), []
    reading, release = threading.Event(), threading.Event()

    def reader(name: str, hold: threading.Event | None = None) -> None:
        with lock.reading():
            order.append(f"{name} in")
            reading.set()
            if hold:
                hold.wait(5)
            order.append(f"{name} out")

    def writer() -> None:
        with lock.writing():
            order.append("writer")

    first = threading.Thread(target=reader, args=("first", release))
    first.start()
    reading.wait(5)
    write = threading.Thread(target=writer)
    write.start()
    deadline = time.monotonic() + 5
    while not lock._writing:  # the writer is waiting for the first reader
        assert time.monotonic() < deadline
        time.sleep(0.01)
    late = threading.Thread(target=reader, args=("late",))
    late.start()
    time.sleep(0.1)  # the late reader, come after the writer, waits behind it
    assert order == ["first in"]
    release.set()
    for thread in (first, write, late):
        thread.join(5)
    assert order == ["first in", "first out", "writer", "late in", "late out"]
