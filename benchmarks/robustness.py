"""Bad and oversized input, in bounded time: what each case costs and how it ends.

    python benchmarks/robustness.py [--timeout 300] [--json]

Every case runs `relata` in a fresh process, so its peak memory (the process's
maximum resident set, from `wait4`) is its own:

- `long_sentence`: a 2 MB document with no sentence punctuation, ingested (the
  syntax model reads it in chunks of a fixed number of tokens);
- `dev_zero`: `relata ingest /dev/zero`, an endless stream;
- `fifo_10mb`: 10 MB through a named pipe, over a `--max-bytes` of 5 MiB;
- `stdin_10mb`: the same on standard input;
- `jsonl_300mb_line`: a JSON Lines stream whose first line is 300 MB and whose
  second is a good article: the first is refused without being held, the second
  stored;
- `api_*`: `relata serve` over a database of `examples/`, asked for a daily dyad
  and daily trends over 76 years, and for offsets and limits past 64 bits; the
  status code each gets, and the server's peak memory after all of them.

A case prints its exit code (or HTTP status), seconds and peak MiB; `expected`
says what a robust relata answers. Generated input streams through pipes:
nothing large is written to disk.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FOUNDING = EXAMPLES / "2025-08-07-minval-ru-az.txt"
MIB = 1 << 20
RELATA = [sys.executable, "-c", "from relata.cli import main; main()"]


def _words() -> bytes:
    """The founding article's words with no sentence punctuation: one endless sentence."""
    text = FOUNDING.read_text(encoding="utf-8").split("\n\n", 1)[-1]
    return (re.sub(r"[.!?…;:\n]+", " ", text) + " ").encode("utf-8")


def _stream(size: int, out) -> None:
    words = _words()
    written = 0
    try:
        while written < size:
            chunk = words[: size - written]
            if len(chunk) < len(words):  # the last piece ends on a whole character
                chunk = chunk.decode("utf-8", "ignore").encode("utf-8")
                if not chunk:
                    break
            out.write(chunk)
            written += len(chunk)
    except BrokenPipeError:  # the reader stopped at its limit: what it should do
        pass
    finally:
        with contextlib.suppress(BrokenPipeError):
            out.close()


MEMORY_CAP = [12 << 30]  # set from --memory-cap


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP[0], MEMORY_CAP[0]))


def _run(args: list[str], *, timeout: float, feed=None) -> dict:
    """`relata ARGS` in a fresh process: exit code, seconds, peak MiB, last stderr line."""
    started = time.perf_counter()
    process = subprocess.Popen([*RELATA, *args], stdin=subprocess.PIPE if feed else None,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               preexec_fn=_capped)
    feeder = None
    if feed:
        feeder = threading.Thread(target=feed, args=(process.stdin,), daemon=True)
        feeder.start()
    errors: list[bytes] = []
    drain = threading.Thread(target=lambda: errors.append(process.stderr.read()), daemon=True)
    drain.start()
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    drain.join(5)
    lines = b"".join(errors).decode("utf-8", "replace").strip().splitlines()
    return {"exit": process.returncode, "seconds": round(time.perf_counter() - started, 2),
            "peak_mib": round(usage.ru_maxrss / 1024), "stderr": lines[-3:] if lines else [],
            "timed_out": not timer.is_alive() and process.returncode == -9}


def _fifo_case(folder: Path, size: int, extra: list[str], timeout: float,
               writer=None, suffix: str = "") -> dict:
    fifo = folder / f"pipe-{size}{suffix}"  # the suffix says the format, as for a file
    os.mkfifo(fifo)

    def write() -> None:
        with contextlib.suppress(BrokenPipeError), open(fifo, "wb") as out:
            (writer or (lambda o: _stream(size, o)))(out)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    result = _run(["ingest", str(fifo), *extra], timeout=timeout)
    if thread.is_alive():  # the reader closed early: unblock a writer still waiting to open
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
    return result


def _jsonl_with_long_line(size: int):
    good = json.dumps({"text": FOUNDING.read_text(encoding="utf-8").split("\n\n", 1)[-1],
                       "date": "2025-08-07"}, ensure_ascii=False).encode("utf-8")

    def write(out) -> None:
        try:
            out.write(b'{"text": "')
            block = b"x" * MIB
            for _ in range(size // MIB):
                out.write(block)
            out.write(b'"}\n' + good + b"\n")
        except BrokenPipeError:
            pass

    return write


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peak_mib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return -1


def _api_cases(db: Path, timeout: float) -> dict:
    port = _free_port()
    server = subprocess.Popen([*RELATA, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              preexec_fn=_capped)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/api/status", timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("relata serve did not start") from None
                time.sleep(0.2)
        requests = {
            "api_dyad_daily_76_years": "/api/dyad?a=RUS&b=AZE&freq=D"
                                       "&since=1950-01-01&until=2025-12-31",
            "api_trends_daily_30_years": "/api/trends?freq=D&since=1995-01-01&until=2025-12-31",
            "api_events_offset_2_63": "/api/events?offset=9223372036854775808",
            "api_events_limit_huge": "/api/events?limit=99999999999999999999999",
            "api_dyad_until_number": "/api/dyad?a=RUS&b=AZE&until=0",
        }
        results = {}
        for name, path in requests.items():
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(base + path, timeout=timeout) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except (urllib.error.URLError, TimeoutError) as error:
                status = f"no answer: {error}"
            results[name] = {"status": status,
                             "seconds": round(time.perf_counter() - started, 2)}
        results["api_server_peak_mib"] = _peak_mib(server.pid)
        return results
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=300,
                        help="seconds a case may take before it is killed")
    parser.add_argument("--long-bytes", type=int, default=2 * MIB,
                        help="size of the unpunctuated document (default 2 MiB)")
    parser.add_argument("--memory-cap", type=int, default=12 << 30,
                        help="address space each case may take, in bytes (default 12 GiB): "
                             "a relata that does not bound its input fails here, not the "
                             "machine")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    MEMORY_CAP[0] = args.memory_cap

    folder = Path(tempfile.mkdtemp(prefix="relata-robustness-"))
    results: dict[str, dict | int] = {}
    expected = {
        "long_sentence": "exit 0, stored",
        "dev_zero": "exit 1, over the limit",
        "fifo_10mb": "exit 1, over the limit",
        "stdin_10mb": "exit 1, over the limit",
        "jsonl_300mb_line": "exit 1, line 1 over the limit, line 2 stored",
        "api_dyad_daily_76_years": "422 (too many periods)",
        "api_trends_daily_30_years": "422 (too many periods)",
        "api_events_offset_2_63": "422",
        "api_events_limit_huge": "422",
        "api_dyad_until_number": "422",
    }
    try:
        limit = ["--max-bytes", str(5 * MIB)]
        long_text = folder / "long.txt"
        with open(long_text, "wb") as out:
            _stream(args.long_bytes, out)
        db = lambda name: ["--db", str(folder / f"{name}.duckdb"), "--quiet"]  # noqa: E731
        results["long_sentence"] = _run(["ingest", str(long_text), *db("long")],
                                        timeout=args.timeout)
        results["dev_zero"] = _run(["ingest", "/dev/zero", *limit, *db("zero")],
                                   timeout=args.timeout)
        results["fifo_10mb"] = _fifo_case(folder, 10 * MIB, [*limit, *db("fifo")],
                                          args.timeout)
        results["stdin_10mb"] = _run(["ingest", "-", *limit, *db("stdin")],
                                     timeout=args.timeout, feed=lambda o: _stream(10 * MIB, o))
        results["jsonl_300mb_line"] = _fifo_case(
            folder, 300 * MIB, [*limit, *db("jsonl")], args.timeout,
            writer=_jsonl_with_long_line(300 * MIB), suffix=".jsonl")
        examples = folder / "examples.duckdb"
        built = _run(["ingest", str(EXAMPLES), "--db", str(examples), "--quiet"],
                     timeout=args.timeout)
        if built["exit"] not in (0, 1):
            raise SystemExit(f"could not build the examples database: {built}")
        results.update(_api_cases(examples, args.timeout))
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    if args.json:
        print(json.dumps({"results": results, "expected": expected}, ensure_ascii=False,
                         indent=2))
        return
    print(f"{'case':28} {'ends':>10} {'seconds':>8} {'peak MiB':>9}  expected")
    for name, result in results.items():
        if not isinstance(result, dict):
            print(f"{name:28} {'':>10} {'':>8} {result:>9}")
            continue
        ends = result.get("status", result.get("exit"))
        peak = result.get("peak_mib", "")
        print(f"{name:28} {ends!s:>10} {result['seconds']:>8} {peak!s:>9}  "
              f"{expected.get(name, '')}")
        for line in result.get("stderr", [])[-1:]:
            print(f"{'':28}   {line[:110]}")


if __name__ == "__main__":
    main()
