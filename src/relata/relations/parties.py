"""The two sides of a dyad as the user names them: `RUS`, `NATO`, `RUSMIL`, `NATOMIL`,
`Россия`, `Azerbaijan`.

A country or organisation code (or a name resolved to one) means the country
level: every actor of that country, whatever its sector. A code with a sector
(`RUSMIL`, `NATOMIL`) means that actor only. Such a code is read as the resolver
makes it, a code of the code lists followed by a sector code, never by its length:
organisation codes are not three letters long.
"""

from __future__ import annotations

import functools
import json
import os
import re
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
_CACHE_FORMAT = 1  # raise when what the cache holds changes


@functools.lru_cache(maxsize=1)
def _codes() -> _Codes:
    """The codes and names of the two code files. Parsing their YAML takes a tenth of a
    second, most of what `relata dyad` does with them, so what they give is kept in a
    JSON file in the user's cache and read back while the files' sizes and times match."""
    files = [BUILTIN / name for name in CODE_FILES]
    try:
        stats = [f.stat() for f in files]
    except OSError:  # a missing file: reading it reports the problem
        return _read_codes(files)
    stamp = [_CACHE_FORMAT, *([str(f), s.st_size, s.st_mtime_ns]
                              for f, s in zip(files, stats, strict=True))]
    cache = _cache_dir() / "codes.json"
    try:
        kept = json.loads(cache.read_text(encoding="utf-8"))
        if kept["stamp"] == stamp:  # lists of str and int: as JSON gives them back
            return _Codes(dict(kept["names"]), dict(kept["by_name"]))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no cache yet, or one that is not ours: read the files
    codes = _read_codes(files)
    _write_quietly(cache, {"stamp": stamp, "names": codes.names, "by_name": codes.by_name})
    return codes


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


def _cache_dir() -> Path:
    """$RELATA_CACHE_DIR, else relata's folder in the user's cache ($XDG_CACHE_HOME or
    ~/.cache)."""
    if os.environ.get("RELATA_CACHE_DIR"):
        return Path(os.environ["RELATA_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "relata"


def _write_quietly(path: Path, data: dict) -> None:
    """Write whole or not at all (another process may read it meanwhile); a cache that
    cannot be written only costs time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass


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
    from ..code import resolve

    (mention,) = resolve([phrase])
    if mention is None or mention.actor is None:
        return None
    actor = mention.actor
    if actor.country or actor.code in codes.names:
        return actor.country or actor.code
    holder = _holder(actor.code or "", codes)  # an organisation's sector (NATOMIL)
    return holder[0] if holder else actor.code
