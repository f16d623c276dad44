"""Find actors by name, in Russian or English, in the dictionaries: what a user picks a dyad
side from (`Росс` → RUS, `Azerb` → AZE, `SOCAR` → AZEBUS)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .codes import normal
from .dictionary import Dictionary
from .load import load_dictionary

DEFAULT_LIMIT = 20
KIND_ORDER = {"country": 0, "organisation": 1, "group": 2, "company": 3, "person": 4}


@dataclass(frozen=True, slots=True)
class Found:
    code: str  # what the store's events carry: RUS, NATO, AZEBUS, RUSGOV
    kind: str  # country, organisation, group, company, person
    name: str  # the canonical name
    matched: str  # the name that matched the query
    country: str | None = None


@dataclass(frozen=True, slots=True)
class _Entry:
    code: str
    kind: str
    name: str
    country: str | None
    names: tuple[str, ...]  # the code and every surface name, as written
    keys: tuple[str, ...]  # the same, normalised


def _entries(dictionary: Dictionary) -> list[_Entry]:
    found: list[tuple[str, str, str, str | None, tuple[str, ...]]] = []
    for c in dictionary.countries.values():
        found.append((c.code, "country", c.name, c.code, (c.code, c.name, *c.names,
                                                           *c.adjectives)))
    for o in dictionary.organisations.values():
        found.append((o.code, "organisation", o.name, None, (o.code, o.name, *o.names)))
    for g in dictionary.groups.values():  # `Запад` → WST, `страны Балтии` → BLT
        found.append((g.code, "group", g.name, None, (g.code, g.name, *g.names)))
    for c in dictionary.companies.values():
        found.append((c.country + c.sector, "company", c.name, c.country, (c.name, *c.names)))
    for p in dictionary.people.values():
        role = p.role_on(None)
        if role is not None and (role.country or role.org):
            code = role.country + role.effective_sector if role.country else role.org
            found.append((code, "person", p.name, role.country, (p.name, *p.names)))
    return [_Entry(code, kind, name, country, names, tuple(normal(n) for n in names))
            for code, kind, name, country, names in found]


@functools.lru_cache(maxsize=1)
def _index() -> tuple[_Entry, ...]:
    return tuple(_entries(load_dictionary()))


def search_actors(query: str, *, limit: int = DEFAULT_LIMIT) -> list[Found]:
    """Actors whose code or a name starts with, or holds, `query` (case and ё ignored):
    exact matches first, then prefixes, then the rest; countries before organisations,
    companies and people."""
    wanted = normal(query.strip())
    if not wanted:
        return []
    ranked: list[tuple[tuple[int, int, int, str], Found]] = []
    for entry in _index():
        best: tuple[int, str] | None = None
        for name, key in zip(entry.names, entry.keys, strict=True):
            rank = 0 if key == wanted else 1 if key.startswith(wanted) else \
                2 if wanted in key else None
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, name)
        if best is not None:
            order = (best[0], KIND_ORDER[entry.kind], len(best[1]), entry.name)
            ranked.append((order, Found(entry.code, entry.kind, entry.name, best[1],
                                        entry.country)))
    ranked.sort(key=lambda pair: pair[0])
    return [found for _, found in ranked[:limit]]
