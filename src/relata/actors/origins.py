"""The country of a person no dictionary knows, from the form of the surname
(`data/context/name-origins.yaml`): `Расула Мирзаева` is Russian."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..datafile import Problems, fields, read_sections
from ..errors import DataFileError
from ..language.spelling import fold
from ..records import Mention

ORIGINS = Path(__file__).parent / "data" / "context" / "name-origins.yaml"
ORIGIN = "origin"  # the value of Mention.via for a country told by the surname
_FIELDS = {"origins": {"country": ("str", True), "endings": ("list", False),
                       "shortest": ("str", True), "not_after": ("list", False),
                       "unless": ("list", False), "given": ("list", False)}}


class OriginsError(DataFileError):
    what = "the name origins"


@dataclass(frozen=True, slots=True)
class Origin:
    country: str
    endings: tuple[str, ...]
    shortest: int
    not_after: frozenset[str]
    unless: frozenset[str]
    given: frozenset[str] = frozenset()  # given names one of which must come first

    def fits(self, name: str, countries: set[str]) -> bool:
        """Whether a person called `name` (dictionary form) is of this origin, in a sentence
        naming `countries`."""
        words = fold(name).replace("-", " ").split()
        if not words or countries & self.unless:
            return False
        surname = words[-1]
        if len(words) > 1 and words[0] in self.not_after:
            return False
        if self.given and (len(words) < 2 or words[0] not in self.given):
            return False
        # no endings: any surname, the given name alone tells (the file's last entry)
        return len(surname) >= self.shortest and (not self.endings
                                                  or surname.endswith(self.endings))


@functools.cache
def load_origins(path: Path = ORIGINS, countries: frozenset[str] | None = None,
                 ) -> tuple[Origin, ...]:
    """The origins of the file, in order; OriginsError lists every problem (a country that
    is no ISO 3166 alpha-3 code, or not among `countries` when given; a length that is no
    number)."""
    problems = Problems()
    found = []
    for _, raw, where in read_sections(path, _FIELDS, problems):
        values = fields(raw, _FIELDS["origins"], where, problems)
        if values is None:
            continue
        named = [values["country"], *values.get("unless", ())]
        unknown = [c for c in named if not (c.isascii() and c.isupper() and len(c) == 3)
                   or (countries is not None and c not in countries)]
        if unknown:
            problems.add(where, f"unknown country code(s): {', '.join(unknown)}")
            continue
        if not values.get("endings") and not values.get("given"):
            problems.add(where, "an entry with no 'endings' needs 'given' names")
            continue
        if not values["shortest"].isdigit():
            problems.add(where, f"field 'shortest' must be a number, not {values['shortest']!r}")
            continue
        found.append(Origin(values["country"], tuple(map(fold, values.get("endings", ()))),
                            int(values["shortest"]), frozenset(map(fold, values.get(
                                "not_after", ()))), frozenset(values.get("unless", ())),
                            frozenset(map(fold, values.get("given", ())))))
    if problems:
        raise OriginsError(problems)
    return tuple(found)


def by_origin(mentions: Iterable[Mention], origins: Sequence[Origin],
              sentence_of: dict[int, int]) -> Iterator[Mention]:
    """The mentions, a person no dictionary or office resolved given the country of the
    first origin his name fits (`sentence_of`: a mention's start → its sentence's index,
    for the states named in the same sentence)."""
    mentions = list(mentions)
    named: dict[int, set[str]] = {}
    for m in mentions:
        if m.actor is not None and m.actor.country:
            named.setdefault(sentence_of.get(m.start, -1), set()).add(m.actor.country)
    for m in mentions:
        if m.kind == "PER" and m.actor is not None and not m.actor.code and not m.actor.country:
            countries = named.get(sentence_of.get(m.start, -1), set())
            origin = next((o for o in origins if o.fits(m.normal or m.text, countries)), None)
            if origin is not None:
                m = dataclasses.replace(m, via=ORIGIN, actor=dataclasses.replace(
                    m.actor, code=origin.country, country=origin.country))
        yield m
