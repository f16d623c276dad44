"""Actor dictionaries: entries as records, and the merge of built-in and user files.

The format is described in `data/README.md`. Reading and checking the YAML is
in `load.py`; this module holds what a loaded dictionary is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..datafile import Where

ROLE_SECTORS = {"defence minister": "MIL"}  # every other country role is GOV; org roles are IGO


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    breakaway: tuple[str, ...] = ()  # breakaway regions, coded as the country's separatists
    until: dt.date | None = None
    where: Where | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return self.code


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    sector: str = "IGO"
    where: Where | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return self.code


@dataclass(frozen=True, slots=True)
class Sector:
    sector: str
    words: tuple[str, ...]
    name: str = ""
    where: Where | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return self.sector


@dataclass(frozen=True, slots=True)
class Company:
    id: str
    name: str
    country: str
    names: tuple[str, ...]
    sector: str = "BUS"
    where: Where | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return self.id


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    country: str | None = None
    org: str | None = None
    start: dt.date | None = None  # first day in office
    end: dt.date | None = None  # the successor's first day; None while in office
    sector: str | None = None
    shared: bool = False
    where: Where | None = field(default=None, compare=False)

    def holds_on(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)

    @property
    def effective_sector(self) -> str:
        if self.sector:
            return self.sector
        return "IGO" if self.org else ROLE_SECTORS.get(self.role, "GOV")


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    names: tuple[str, ...]
    roles: tuple[Role, ...] = ()
    where: Where | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return self.id

    def role_on(self, date: dt.date | None) -> Role | None:
        """The office held on `date`; with no date, the latest office."""
        if date is None:
            latest = max(self.roles, key=lambda r: r.start or dt.date.min, default=None)
            return latest
        return next((r for r in self.roles if r.holds_on(date)), None)

    def last_role_before(self, date: dt.date) -> Role | None:
        past = [r for r in self.roles if r.start is None or r.start <= date]
        return max(past, key=lambda r: r.start or dt.date.min, default=None)


@dataclass(frozen=True, slots=True)
class Place:
    """A place that is no political actor (Европа, Ближний Восток, Луна): named so that it
    is never taken for one, and so that `Латинская Америка` is not `Америка`."""

    id: str
    name: str
    names: tuple[str, ...]
    where: Where | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return self.id


@dataclass(frozen=True, slots=True)
class Organ:
    """A kind of state organ (courts, prosecutors, police …): sector words that also take
    the place they serve (`суд Москвы`, `полиция провинции Ляонин`, `бакинский суд`, `суд в
    Южной Корее`), the place standing for its country; alone they take the state in focus."""

    kind: str
    sector: str
    words: tuple[str, ...]
    name: str = ""
    where: Where | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return self.kind


@dataclass(frozen=True, slots=True)
class Head:
    """Words for a body or an office named by what it deals with, its remit, and then by
    whose it is: `министерство культуры Белоруссии`, `агентство по атомной энергии Японии`,
    `комитет по обороне Госдумы` (actors/remits.py). `sector`: the body's own sector
    (`министерство` GOV); None takes the owner's (`комитет Сената США` USALEG, `комиссия
    ЕС` EU), GOV for a state named alone. `remit`: False where the word may stand right
    before a state with no remit between them (`министерство России`), True where a remit
    or a named owner other than a state is needed (`Олимпийский комитет России` is no
    government's). `adjectives`: an adjective before the word says its remit as well
    (`Федеральная миграционная служба России`)."""

    kind: str
    words: tuple[str, ...]
    sector: str | None = None
    name: str = ""
    remit: bool = False
    adjectives: bool = False
    where: Where | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return self.kind


@dataclass(frozen=True, slots=True)
class Group:
    """A group of states named as one actor (`западные страны` → WST): one actor with the
    group's code; `members` say which states it stands for (organisations.yaml, README)."""

    code: str
    name: str
    names: tuple[str, ...]
    members: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    each: bool = False  # a small group whose every member is a side of its acts (BLT)
    where: Where | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return self.code


@dataclass(frozen=True, slots=True)
class Locality:
    """A region or town of the gazetteer (relata.places) that an organ serves (`полиция
    провинции Ляонин`, `бакинский суд`): it stands for its country. Not read from the
    dictionary files; made where an organ names it (actors/organs.py)."""

    id: str
    name: str
    country: str

    @property
    def key(self) -> str:
        return self.id


Entry = Country | Organisation | Sector | Company | Person | Place | Organ | Group | Head
KINDS: dict[str, type] = {
    "countries": Country,
    "organisations": Organisation,
    "groups": Group,
    "organs": Organ,  # before sectors: a word both list is matched as the organ's
    "sectors": Sector,
    "companies": Company,
    "people": Person,
    "places": Place,
    "heads": Head,  # not names: the words of a body named by its remit (actors/remits.py)
}


@dataclass(frozen=True, slots=True)
class Dictionary:
    countries: dict[str, Country]
    organisations: dict[str, Organisation]
    sectors: dict[str, Sector]
    companies: dict[str, Company]
    people: dict[str, Person]
    places: dict[str, Place]
    organs: dict[str, Organ] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    heads: dict[str, Head] = field(default_factory=dict)

    def entries(self):
        for kind in KINDS:
            yield from getattr(self, kind).values()
