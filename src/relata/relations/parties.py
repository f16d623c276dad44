"""The two sides of a dyad as the user names them: `RUS`, `NATO`, `RUSMIL`, `Россия`, `Azerbaijan`.

A country or organisation code (or a name resolved to one) means the country
level: every actor of that country, whatever its sector. A code with a sector
(`RUSMIL`) means that actor only.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..errors import RelataError

_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")
COUNTRY, ACTOR = "country", "actor"


class UnknownActorError(RelataError):
    """A dyad side that is no known code and names no known actor."""


@dataclass(frozen=True, slots=True)
class Party:
    code: str   # RUS, NATO, RUSMIL
    level: str  # country: any actor of the country (or the organisation); actor: this code
    name: str = ""

    @property
    def country_level(self) -> bool:
        return self.level == COUNTRY

    @property
    def side(self) -> str:
        """The country (or organisation) this side belongs to, as the store's dyad key has it."""
        return self.code if self.country_level else self.code[:3]


@dataclass(frozen=True, slots=True)
class _Codes:
    names: dict[str, str]        # code → canonical name, countries and organisations
    by_name: dict[str, str]      # normalised name → code
    sectors: frozenset[str]


@functools.lru_cache(maxsize=1)
def _codes() -> _Codes:
    # Only the two files that hold codes: the whole dictionary (people, companies) is slow
    # to load, and a dyad command should answer in a fraction of a second.
    from ..actors.dictionary import SECTORS
    from ..actors.load import BUILTIN, normal, read_file
    from ..datafile import Problems

    names: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for file in ("countries.yaml", "organisations.yaml"):
        for _, entry in read_file(BUILTIN / file, Problems()):
            names[entry.code] = entry.name
            for name in (entry.code, entry.name, *entry.names):
                by_name.setdefault(normal(name), entry.code)
    return _Codes(names, by_name, frozenset(SECTORS))


def party(text: str) -> Party:
    """The dyad side `text` names: a code, or a country or organisation name in Russian or
    English (`Россия`, `Russia`, `России`, `армия РФ`); UnknownActorError if none."""
    from ..actors.load import normal

    given = text.strip()
    codes = _codes()
    if _CODE.match(given):
        if given in codes.names:
            return Party(given, COUNTRY, codes.names[given])
        country, sector = given[:3], given[3:]
        if country in codes.names and sector in codes.sectors:
            return Party(given, ACTOR, codes.names[country])
    code = codes.by_name.get(normal(given))
    if code is None:
        code = _resolved(given)
    if code is None:
        raise UnknownActorError(
            f"unknown actor {text!r}: not a country or organisation code (RUS, NATO), an actor "
            f"code (RUSMIL), or a name the actor dictionaries know")
    return Party(code, COUNTRY, codes.names.get(code, code))


def _resolved(phrase: str) -> str | None:
    """Inflected and longer names (`России`, `армия РФ`) through the actor resolver; it loads
    the language models, so only names the code lists do not know come here."""
    from ..code import resolve

    (mention,) = resolve([phrase])
    if mention is None or mention.actor is None:
        return None
    return mention.actor.country or mention.actor.code
