"""The two sides of a dyad as the user names them: `RUS`, `NATO`, `RUSMIL`, `NATOMIL`,
`Россия`, `Azerbaijan`.

A country or organisation code (or a name resolved to one) means the country
level: every actor of that country, whatever its sector. A code with a sector
(`RUSMIL`, `NATOMIL`) means that actor only. Such a code is read as the resolver
makes it, a code of the code lists followed by a sector code, never by its length:
organisation codes are not three letters long.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..actors.codes import BUILTIN, SECTORS, normal
from ..errors import RelataError

_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")
COUNTRY, ACTOR = "country", "actor"


class UnknownActorError(RelataError):
    """A dyad side that is no known code and names no known actor."""


@dataclass(frozen=True, slots=True)
class Party:
    code: str   # RUS, NATO, RUSMIL, NATOMIL
    level: str  # country: any actor of the country (or the organisation); actor: this code
    name: str = ""
    side: str = ""  # the country or organisation of the code, as the store's dyad key has it
    sector: str | None = None  # the sector of an actor code (MIL of RUSMIL)

    def __post_init__(self) -> None:
        if not self.side:  # a country-level side is its own code
            object.__setattr__(self, "side", self.code)

    @property
    def country_level(self) -> bool:
        return self.level == COUNTRY


@dataclass(frozen=True, slots=True)
class _Codes:
    names: dict[str, str]        # code → canonical name, countries and organisations
    by_name: dict[str, str]      # normalised name → code


CODE_FILES = ("countries.yaml", "organisations.yaml")  # the two files that hold codes
_CACHE_FORMAT = 2  # raise when what the cache holds changes
_CACHE_FILE = "codes.json"
# The cache is opened only inside a real folder and never through a symlink (O_NOFOLLOW on
# the folder and on the file), so that a link planted in its place cannot make relata read
# another file or overwrite one. Where the system cannot open a file relative to a folder
# (dir_fd), there is no cache and the code lists are parsed each time.
_SAFE = os.open in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW")
_NO_LINK = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


@functools.lru_cache(maxsize=1)
def _codes() -> _Codes:
    """The codes and names of the two code files. Parsing their YAML takes a tenth of a
    second, most of what `relata dyad` does with them, so what they give is kept in a
    JSON file in the user's cache (see `cache_dir`), built when first needed and read back
    while each file has the size, time and content (SHA-256) it had when it was written."""
    files = [BUILTIN / name for name in CODE_FILES]
    try:
        stamp = [_CACHE_FORMAT, *map(_stamp, files)]
    except OSError:  # a missing file: reading it reports the problem
        return _read_codes(files)
    kept = _read_cache(cache_dir())
    try:
        if kept is not None and kept["stamp"] == stamp:  # lists of str and int, as JSON has
            return _Codes(dict(kept["names"]), dict(kept["by_name"]))
    except (KeyError, TypeError, ValueError):
        pass  # a cache that is not ours: read the files
    codes = _read_codes(files)
    _write_cache(cache_dir(), {"stamp": stamp, "names": codes.names, "by_name": codes.by_name})
    return codes


def _stamp(file: Path) -> list:
    """What the cache is checked against: the file's path, size, time and content. Hashing
    both files takes a fifth of a millisecond (hashlib is imported by then anyway), and an
    edit that keeps the size and time (a copy with `cp -p`, a checkout in the same second)
    still counts as a change."""
    with file.open("rb") as f:
        status = os.fstat(f.fileno())
        digest = hashlib.sha256(f.read()).hexdigest()
    return [str(file), status.st_size, status.st_mtime_ns, digest]


def _read_codes(files: list[Path]) -> _Codes:
    from ..actors.load import read_file
    from ..datafile import Problems

    names: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for file in files:
        for _, entry in read_file(file, Problems()):
            names[entry.code] = entry.name
            for name in (entry.code, entry.name, *entry.names):
                by_name.setdefault(normal(name), entry.code)
    return _Codes(names, by_name)


def cache_dir() -> Path:
    """relata's cache folder: $RELATA_CACHE_DIR, else `relata` in the user's cache
    ($XDG_CACHE_HOME or ~/.cache)."""
    if os.environ.get("RELATA_CACHE_DIR"):
        return Path(os.environ["RELATA_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "relata"


def _open_folder(folder: Path) -> int:
    """A descriptor of the folder itself; OSError if it is a symlink or no folder."""
    return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NO_LINK)


def _read_cache(folder: Path) -> dict | None:
    """The cache's JSON; None if there is none, or it is a symlink, no regular file or no
    JSON (O_NONBLOCK: a FIFO put there does not keep the command waiting)."""
    if not _SAFE:
        return None
    try:
        handle = _open_folder(folder)
    except OSError:
        return None
    try:
        fd = os.open(_CACHE_FILE, os.O_RDONLY | os.O_NONBLOCK | _NO_LINK, dir_fd=handle)
        with open(fd, encoding="utf-8") as file:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            return json.load(file)
    except (OSError, ValueError):
        return None
    finally:
        os.close(handle)


def _write_cache(folder: Path, data: dict) -> None:
    """Write whole or not at all: a new file of this process's, renamed over the old one
    (another process may read it meanwhile; a symlink there is replaced, never followed).
    A cache that cannot be written (a read-only home, a symlinked folder) only costs time."""
    if not _SAFE:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle = _open_folder(folder)
    except OSError:
        return
    temporary = f".{_CACHE_FILE}.{os.getpid()}.{os.urandom(4).hex()}"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_LINK, 0o600,
                     dir_fd=handle)
        with open(fd, "w", encoding="utf-8") as file:
            json.dump(data, file, ensure_ascii=False)
        os.replace(temporary, _CACHE_FILE, src_dir_fd=handle, dst_dir_fd=handle)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=handle)
    finally:
        os.close(handle)


def party(text: str) -> Party:
    """The dyad side `text` names: a code, or a country or organisation name in Russian or
    English (`Россия`, `Russia`, `России`, `армия РФ`); UnknownActorError if none."""
    given = text.strip()
    codes = _codes()
    if _CODE.match(given):
        if given in codes.names:
            return Party(given, COUNTRY, codes.names[given])
        holder = _holder(given, codes)
        if holder is not None:
            side, sector = holder
            return Party(given, ACTOR, codes.names[side], side, sector)
    code = codes.by_name.get(normal(given))
    if code is None:
        code = _resolved(given, codes)
    if code is None:
        raise UnknownActorError(
            f"unknown actor {text!r}: not a country or organisation code (RUS, NATO), an actor "
            f"code (RUSMIL), or a name the actor dictionaries know")
    return Party(code, COUNTRY, codes.names.get(code, code))


def _holder(code: str, codes: _Codes) -> tuple[str, str] | None:
    """(country or organisation, sector) of an actor code: a code of the lists and a sector
    code, joined as the resolver joins them (RUS + MIL, NATO + MIL); None if it is none."""
    for sector in sorted(SECTORS):
        side = code.removesuffix(sector)
        if side != code and side in codes.names:
            return side, sector
    return None


def _resolved(phrase: str, codes: _Codes) -> str | None:
    """Inflected and longer names (`России`, `армия РФ`, `натовские военные`) through the
    actor resolver, at the country level; it loads the language models, so only names the
    code lists do not know come here."""
    from ..coding import resolve

    (mention,) = resolve([phrase])
    if mention is None or mention.actor is None:
        return None
    actor = mention.actor
    if actor.country or actor.code in codes.names:
        return actor.country or actor.code
    holder = _holder(actor.code or "", codes)  # an organisation's sector (NATOMIL)
    return holder[0] if holder else actor.code
