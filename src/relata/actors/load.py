"""Reading and checking actor dictionaries; every problem names its file and line.

Built-in files (`data/*.yaml`) form the first layer; each user file is a layer
of its own whose entries add to, or replace (same key), what came before.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..datafile import LINE, Problem, Problems, Where, fields, read_sections, word_lists
from ..errors import RelataError
from .codes import BUILTIN, SECTORS, normal
from .dictionary import (
    KINDS,
    Country,
    Dictionary,
    Entry,
    Group,
    Head,
    Organ,
    Person,
    Role,
    Sector,
)

_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")

# Ordinary words no one-word name of a company, outlet, body or group may be (the file says
# why); not a dictionary file (`*.yaml` of BUILTIN alone are), read with every load.
ORDINARY_WORDS = BUILTIN / "checks" / "ordinary-words.yaml"


DictionaryProblem = Problem


class DictionaryError(RelataError):
    def __init__(self, problems: Sequence[DictionaryProblem]):
        self.problems = list(problems)
        shown = "\n  ".join(map(str, self.problems[:10]))
        more = f"\n  … and {len(problems) - 10} more" if len(problems) > 10 else ""
        super().__init__(f"{len(problems)} problems in the actor dictionaries:\n  {shown}{more}")


# field: (type, required); types as in datafile.fields
_FIELDS: dict[str, dict[str, tuple[str, bool]]] = {
    "countries": {"code": ("str", True), "name": ("str", True), "names": ("list", True),
                  "adjectives": ("list", False), "prefixes": ("list", False),
                  "demonyms": ("list", False), "capitals": ("list", False),
                  "seats": ("list", False), "breakaway": ("list", False),
                  "until": ("date", False)},
    "organisations": {"code": ("str", True), "name": ("str", True), "names": ("list", True),
                      "adjectives": ("list", False), "seats": ("list", False),
                      "sector": ("str", False)},
    "sectors": {"sector": ("str", True), "name": ("str", False), "words": ("list", True)},
    "companies": {"id": ("str", True), "name": ("str", True), "country": ("str", True),
                  "names": ("list", True), "sector": ("str", False)},
    "people": {"id": ("str", True), "name": ("str", True), "names": ("list", True),
               "roles": ("dicts", False)},
    "places": {"id": ("str", True), "name": ("str", True), "names": ("list", True)},
    "organs": {"kind": ("str", True), "sector": ("str", True), "name": ("str", False),
               "words": ("list", True)},
    "groups": {"code": ("str", True), "name": ("str", True), "names": ("list", True),
               "members": ("list", True), "adjectives": ("list", False),
               "each": ("bool", False)},
    "heads": {"kind": ("str", True), "words": ("list", True), "sector": ("str", False),
              "name": ("str", False), "remit": ("bool", False),
              "adjectives": ("bool", False)},
    "role": {"role": ("str", True), "country": ("str", False), "org": ("str", False),
             "from": ("date", False), "to": ("date", False), "sector": ("str", False),
             "shared": ("bool", False)},
}
_RENAMED = {"from": "start", "to": "end"}


def _entry(kind: str, raw: dict, where: Where, problems: Problems):
    values = fields(raw, _FIELDS[kind], where, problems)
    if values is None:
        return None
    if kind == "people":
        roles = []
        for item in values.pop("roles", ()):
            role_where = Where(where.file, item.get(LINE, where.line))
            role = fields(item, _FIELDS["role"], role_where, problems)
            if role is not None:
                roles.append(Role(**{_RENAMED.get(k, k): v for k, v in role.items()},
                                  where=role_where))
        values["roles"] = tuple(roles)
    return KINDS[kind](**values, where=where)


def read_file(path: Path, problems: Problems) -> Iterator[tuple[str, Entry]]:
    for kind, raw, where in read_sections(path, KINDS, problems):
        entry = _entry(kind, raw, where, problems)
        if entry is not None:
            yield kind, entry


def load(
    user_files: Sequence[str | Path] = (), *, builtin: bool = True
) -> tuple[Dictionary, list[DictionaryProblem]]:
    """The merged dictionary and every problem found; entries with problems are left out."""
    problems = Problems()
    merged: dict[str, dict[str, Entry]] = {kind: {} for kind in KINDS}
    layers = [sorted(BUILTIN.glob("*.yaml"))] if builtin else []
    for layer in [*layers, *([Path(f)] for f in user_files)]:
        seen: dict[tuple[str, str], Where] = {}
        for path in layer:
            for kind, entry in read_file(path, problems):
                first = seen.setdefault((kind, entry.key), entry.where)
                if first is not entry.where:
                    problems.add(entry.where, f"duplicate entry {entry.key!r} (first at {first})")
                    continue
                merged[kind][entry.key] = entry
    dictionary = Dictionary(**merged)
    _check(dictionary, problems)
    return dictionary, list(problems)


@functools.lru_cache(maxsize=8)
def load_dictionary(user_files: tuple[str, ...] = (), builtin: bool = True) -> Dictionary:
    """The merged dictionary; DictionaryError if anything is wrong. Cached per process."""
    dictionary, problems = load(user_files, builtin=builtin)
    if problems:
        raise DictionaryError(problems)
    return dictionary


CASES = ("upper", "title", "any")  # strictest first


def case_of(word: str) -> str:
    """How a dictionary word must be written in text to match: `РФ`, `Москва`, `сторона`."""
    if word.isupper() and len(word) > 1:
        return "upper"
    return "title" if word[:1].isupper() else "any"


def _check(d: Dictionary, problems: Problems) -> None:
    for entry in d.entries():
        code = getattr(entry, "code", None)
        if isinstance(entry, Country) and not re.fullmatch(r"[A-Z]{3}", entry.code):
            problems.add(entry.where, f"country code {entry.code!r} is not ISO 3166 alpha-3")
        elif code is not None and not _CODE.match(code):
            problems.add(entry.where, f"code {code!r} must be capital letters and digits")
        sector = getattr(entry, "sector", None)
        if sector is not None and sector not in SECTORS:
            problems.add(entry.where, f"unknown sector {sector!r}")
        country = getattr(entry, "country", None)
        if country is not None and country not in d.countries:
            problems.add(entry.where, f"unknown country {country!r}")
        if isinstance(entry, Person):
            for role in entry.roles:
                _check_role(role, d, problems)
        if isinstance(entry, Group):
            _check_group(entry, d, problems)
    _check_overlaps(d, problems)
    _check_names(d, problems)
    _check_heads(d, problems)
    _check_ordinary_words(d, problems)


def _check_role(role: Role, d: Dictionary, problems: Problems) -> None:
    if (role.country is None) == (role.org is None):
        problems.add(role.where, f"role {role.role!r} needs exactly one of 'country' and 'org'")
    if role.country is not None and role.country not in d.countries:
        problems.add(role.where, f"unknown country {role.country!r}")
    if role.org is not None and role.org not in d.organisations:
        problems.add(role.where, f"unknown organisation {role.org!r}")
    if role.sector is not None and role.sector not in SECTORS:
        problems.add(role.where, f"unknown sector {role.sector!r}")
    if role.start and role.end and role.end < role.start:
        problems.add(role.where, f"role {role.role!r} ends ({role.end}) before it starts")


def _check_group(group: Group, d: Dictionary, problems: Problems) -> None:
    """A group's members are two or more known countries; its code is no country's or
    organisation's."""
    if group.code in d.countries or group.code in d.organisations:
        problems.add(group.where, f"group code {group.code!r} is also a country's or an "
                                  "organisation's")
    if len(set(group.members)) < 2:
        problems.add(group.where, f"group {group.code!r} needs two or more members")
    for member in group.members:
        if member not in d.countries:
            problems.add(group.where, f"group {group.code!r}: unknown country {member!r}")


def _check_heads(d: Dictionary, problems: Problems) -> None:
    """A head word is one word, in one entry of heads only; no name of a country,
    organisation or body is a head word (a name is matched as itself)."""
    if not d.heads:
        return
    names = {normal(s) for e in d.entries() if not isinstance(e, Head | Sector | Organ)
             for s in _surfaces(e)}
    owner: dict[str, Head] = {}
    for head in d.heads.values():
        if head.sector is not None and head.sector not in SECTORS:
            continue  # reported with the other entries' sectors
        for word in head.words:
            first = owner.setdefault(normal(word), head)
            if len(word.split()) != 1:
                problems.add(head.where, f"head word {word!r} must be one word")
            elif normal(word) in names:
                problems.add(head.where, f"head word {word!r} is a name in the dictionaries")
            elif first is not head:
                problems.add(head.where, f"head word {word!r} is also in {first.key!r}")


def _check_ordinary_words(d: Dictionary, problems: Problems) -> None:
    """No one-word name of a company, outlet, body or group is an ordinary word: a name
    matches the word wherever it is capitalised, at the start of a sentence too (`Магнит`,
    `Мир`, `Медуза`); a longer form says which actor it is (`ритейлер «Магнит»`)."""
    words = word_lists(ORDINARY_WORDS, ("ordinary",), problems)["ordinary"]
    for entry in d.companies.values():
        for name in entry.names:
            if " " not in name and case_of(name) != "upper" and normal(name) in words:
                problems.add(entry.where, f"{name!r} is an ordinary word "
                                          f"({ORDINARY_WORDS.parent.name}/{ORDINARY_WORDS.name}): "
                                          "name it in a longer form")


def _check_overlaps(d: Dictionary, problems: Problems) -> None:
    offices: dict[tuple[str, str], list[tuple[Role, Person]]] = {}
    for person in d.people.values():
        for role in person.roles:
            if not role.shared and (role.country or role.org):
                offices.setdefault((role.country or role.org, role.role), []).append((role, person))
    for (holder, office), roles in offices.items():
        roles.sort(key=lambda rp: rp[0].start or dt.date.min)
        for (a, pa), (b, pb) in itertools.pairwise(roles):
            if a.end is None or b.start is None or a.end > b.start:
                problems.add(b.where, f"{holder} {office}: {pb.id} from {b.start} overlaps "
                                      f"{pa.id} ({a.start} to {a.end or 'now'}, {a.where})")


def _surfaces(entry: Entry) -> Iterator[str]:
    for name in ("names", "adjectives", "prefixes", "demonyms", "capitals", "seats", "breakaway",
                 "words"):
        yield from getattr(entry, name, ())


def _same_sector_word(a: Entry, b: Entry) -> bool:
    """A sector word that an organ lists too, in the same sector (a user's own sectors file
    written before organs.yaml: `правительство` under GOV) says the same thing; the
    organ's entry is the one matched (KINDS lists organs first)."""
    return {type(a), type(b)} == {Sector, Organ} and a.sector == b.sector


def _check_names(d: Dictionary, problems: Problems) -> None:
    """A name must say which entry it is: one name, one entry. `ГУАМ` and `Гуам` may
    name two entries: they are written differently."""
    owner: dict[tuple[str, str], Entry] = {}
    for entry in d.entries():
        if isinstance(entry, Head):  # a head word is often a sector word too (министерство)
            continue
        for surface in {(normal(s), case_of(s)) for s in _surfaces(entry)}:
            first = owner.setdefault(surface, entry)
            if first is not entry and not _same_sector_word(first, entry):
                problems.add(entry.where, f"{surface[0]!r} is also a name of {first.key!r} "
                                          f"({first.where})")
