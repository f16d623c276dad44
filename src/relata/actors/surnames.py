"""A surname alone names a dictionary person only when the person is known by it, or
the document says which state it is about (`data/context/surnames.yaml`).

`Стерджесс и Роули были отравлены` names two British victims, not Trinidad and Tobago's
prime minister Keith Rowley, whose surname the dictionary lists: a surname alone is every
bearer of it. The surname of a person whom news names that way (an office holder of a
state it covers in depth, or of an organisation; a leader of another state it names by
the surname: `Мадуро`) stays the dictionary's person; that of another person does only
when the document also names the person's state, or names the person in full (the name
rules of actors/names.py give the surname the full name's person back).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..datafile import Problems, fields, read_sections
from ..errors import DataFileError
from ..records import Actor, Mention
from .dictionary import Person

SURNAMES = Path(__file__).parent / "data" / "context" / "surnames.yaml"
_FIELDS = {"states": {"name": ("str", True), "countries": ("list", True)},
           "people": {"name": ("str", True), "ids": ("list", True)}}


class SurnamesError(DataFileError):
    what = "the surnames file"


@dataclass(frozen=True, slots=True)
class Surnames:
    """Whose surname alone names them: office holders of `states`, and `people`."""

    states: frozenset[str]
    people: frozenset[str]

    def known_by_surname(self, person: Person) -> bool:
        return person.id in self.people or any(
            role.org is not None or role.country in self.states for role in person.roles)


@functools.cache
def load_surnames(path: Path = SURNAMES, countries: frozenset[str] | None = None,
                  people: frozenset[str] | None = None) -> Surnames:
    """The file's states and people; SurnamesError lists every problem (a country that is
    not among `countries`, a person id not among `people`, when given; one listed twice)."""
    problems = Problems()
    states: set[str] = set()
    ids: set[str] = set()
    for section, raw, where in read_sections(path, _FIELDS, problems):
        values = fields(raw, _FIELDS[section], where, problems)
        if values is None:
            continue
        if section == "states":
            listed, known, found, what = values["countries"], countries, states, "country"
        else:
            listed, known, found, what = values["ids"], people, ids, "person"
        for item in listed:
            if known is not None and item not in known:
                problems.add(where, f"unknown {what} {item!r}")
            elif item in found:
                problems.add(where, f"{what} {item!r} listed twice")
            found.add(item)
    if problems:
        raise SurnamesError(problems)
    return Surnames(frozenset(states), frozenset(ids))


def _bare_surname(mention: Mention) -> bool:
    """A dictionary person named by one word and nothing else (`Роули`, not `Кит Роули`
    nor `премьер-министр Тринидада и Тобаго Роули`)."""
    return (mention.kind == "PER" and not mention.parts and mention.actor is not None
            and mention.actor.id is not None and len(mention.text.split()) == 1)


def surnames_in_context(mentions: Sequence[Mention], people: Mapping[str, Person],
                        surnames: Surnames) -> list[Mention]:
    """The document's mentions, a bare surname of a person not known by it alone made a
    person no dictionary knows unless the document names the person's state (by a mention
    that is no such surname)."""
    doubtful = {id(m) for m in mentions if _bare_surname(m)
                and (person := people.get(m.actor.id)) is not None
                and not surnames.known_by_surname(person)}
    if not doubtful:
        return list(mentions)
    named = {m.actor.country for m in mentions if m.actor is not None and m.actor.country
             and id(m) not in doubtful}
    result = []
    for mention in mentions:
        if id(mention) in doubtful:
            person = people[mention.actor.id]
            if not any(role.country in named for role in person.roles):
                mention = dataclasses.replace(mention, via=None, actor=Actor(
                    None, name=mention.normal or mention.text))
        result.append(mention)
    return result
