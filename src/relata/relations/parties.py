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
import re
from dataclasses import dataclass
from pathlib import Path

from ..actors.codes import BUILTIN, SECTORS, normal
from ..cache import read_json, write_json
from ..cache import stamp as file_stamp
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


@functools.lru_cache(maxsize=1)
def _codes() -> _Codes:
    """The codes and names of the two code files. Parsing their YAML takes a tenth of a
    second, most of what `relata dyad` does with them, so what they give is kept in a
    JSON file in the user's cache (see `relata.cache`), built when first needed and read back
    while each file has the size, time and content (SHA-256) it had when it was written."""
    files = [BUILTIN / name for name in CODE_FILES]
    try:
        stamp = [_CACHE_FORMAT, *map(file_stamp, files)]
    except OSError:  # a missing file: reading it reports the problem
        return _read_codes(files)
    kept = read_json(_CACHE_FILE)
    try:
        if kept is not None and kept["stamp"] == stamp:  # lists of str and int, as JSON has
            return _Codes(dict(kept["names"]), dict(kept["by_name"]))
    except (KeyError, TypeError, ValueError):
        pass  # a cache that is not ours: read the files
    codes = _read_codes(files)
    write_json(_CACHE_FILE, {"stamp": stamp, "names": codes.names, "by_name": codes.by_name})
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
