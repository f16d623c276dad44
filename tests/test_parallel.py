import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from relata.parallel import ParallelPipeline, make_pipeline
from relata.pipeline import Pipeline, batched
from relata.sources import read

from conftest import EXAMPLES


def test_two_workers_give_what_one_process_gives(pipeline):
    documents = [d for d in read([EXAMPLES]) if hasattr(d, "text")]
    parallel = make_pipeline(2)
    assert isinstance(parallel, ParallelPipeline)
    try:
        together = [a for batch in parallel.map(batched(documents, 3)) for a in batch]
    finally:
        parallel.close()
    alone = list(pipeline.run(documents, 3))
    assert [a.document.id for a in together] == [a.document.id for a in alone]
    assert [a.events for a in together] == [a.events for a in alone]
    assert [a.mentions for a in together] == [a.mentions for a in alone]
    assert parallel.seconds["russian"] > 0


def test_one_worker_is_the_plain_pipeline():
    assert isinstance(make_pipeline(1), Pipeline)


WORKERS_SCRIPT = """
import json, os, time
changed = []  # what the parent writes into its own environment
for name in ("putenv", "unsetenv"):
    real = getattr(os, name)
    setattr(os, name, lambda *args, real=real: changed.append(os.fsdecode(args[0])) or real(*args))
from relata.parallel import ParallelPipeline
pipeline = ParallelPipeline(2)
print(json.dumps({"workers": list(pipeline._pool._processes), "changed": changed}), flush=True)
time.sleep(600)
"""


def _children(parent: int) -> set[int]:
    """The processes whose parent is `parent`, from /proc."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == parent:
                found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    """Running: a zombie has ended, whether or not anyone reaps it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_end_when_their_parent_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", WORKERS_SCRIPT], stdout=subprocess.PIPE,
                              text=True)
    children: set[int] = set()
    try:
        started = json.loads(parent.stdout.readline())
        children = _children(parent.pid)  # the workers and multiprocessing's resource tracker
        assert set(started["workers"]) <= children
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in children if _alive(pid)]
        assert started["changed"] == []  # the workers' thread limits are set in the workers
    finally:
        parent.kill()
        for pid in children:  # only if the test failed: they are this test's
            with contextlib.suppress(OSError):
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
