"""relata's cache folder: JSON files of what is slow to build and cheap to check (the code
lists' names, the forms of the dictionaries' words). Deleting the folder is always safe.

A cache file is opened only inside a real folder and never through a symlink (O_NOFOLLOW on
the folder and on the file), so that a link planted in its place cannot make relata read
another file or overwrite one. Where the system cannot open a file relative to a folder
(dir_fd), there is no cache and everything is built each time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from pathlib import Path

SAFE = os.open in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW")
_NO_LINK = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def cache_dir() -> Path:
    """relata's cache folder: $RELATA_CACHE_DIR, else `relata` in the user's cache
    ($XDG_CACHE_HOME or ~/.cache)."""
    if os.environ.get("RELATA_CACHE_DIR"):
        return Path(os.environ["RELATA_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "relata"


def stamp(file: Path) -> list:
    """What a cache is checked against: the file's path, size, time and content. Hashing
    takes a fraction of a millisecond, and an edit that keeps the size and time (a copy
    with `cp -p`, a checkout in the same second) still counts as a change."""
    with file.open("rb") as f:
        status = os.fstat(f.fileno())
        digest = hashlib.sha256(f.read()).hexdigest()
    return [str(file), status.st_size, status.st_mtime_ns, digest]


def _open_folder(folder: Path) -> int:
    """A descriptor of the folder itself; OSError if it is a symlink or no folder."""
    return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NO_LINK)


def read_bytes(name: str, folder: Path | None = None) -> bytes | None:
    """The cache file's bytes; None if there is none, or it is a symlink or no regular file
    (O_NONBLOCK: a FIFO put there does not keep the command waiting)."""
    if not SAFE:
        return None
    try:
        handle = _open_folder(folder or cache_dir())
    except OSError:
        return None
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | _NO_LINK, dir_fd=handle)
        with open(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            return file.read()
    except OSError:
        return None
    finally:
        os.close(handle)


def read_json(name: str, folder: Path | None = None) -> dict | None:
    """The cache file's JSON; None if there is none, it cannot be read (`read_bytes`) or
    it is no JSON object."""
    kept = read_bytes(name, folder)
    if kept is None:
        return None
    try:
        data = json.loads(kept.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError too
        return None
    return data if isinstance(data, dict) else None


def write_bytes(name: str, data: bytes, folder: Path | None = None) -> None:
    """Write whole or not at all: a new file of this process's, renamed over the old one
    (another process may read it meanwhile; a symlink there is replaced, never followed).
    A cache that cannot be written (a read-only home, a symlinked folder) only costs time."""
    if not SAFE:
        return
    folder = folder or cache_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle = _open_folder(folder)
    except OSError:
        return
    temporary = f".{name}.{os.getpid()}.{os.urandom(4).hex()}"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_LINK, 0o600,
                     dir_fd=handle)
        with open(fd, "wb") as file:
            file.write(data)
        os.replace(temporary, name, src_dir_fd=handle, dst_dir_fd=handle)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=handle)
    finally:
        os.close(handle)


def write_json(name: str, data: dict, folder: Path | None = None) -> None:
    """`data` as JSON, written as `write_bytes` writes."""
    write_bytes(name, json.dumps(data, ensure_ascii=False).encode("utf-8"), folder)
