"""From dictionary matches to coded actors: phrases, people by date, places or actors.

Adjacent matches make one phrase in the order
`[adjective] [sector word] [state, organisation or company] [person]`
(`российские военные`, `армия РФ`, `МИД Азербайджана`, `президент Азербайджана
Ильхам Алиев`); the phrase is one actor.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..language.markup import visible
from ..records import Actor, Mention, Token
from .dictionary import Company, Country, Group, Locality, Organisation, Person, Place
from .patterns import ADJECTIVE, BREAKAWAY, CAPITAL, DEMONYM, PREFIX, SEAT, SECTOR, Match

_SLOTS = ("adjective", "sector", "state", "person", "place")
FORMER = "ELI"  # the sector of former office holders (sectors.yaml)


def _slot(match: Match) -> str:
    entry, role = match.target.entry, match.target.role
    if isinstance(entry, Person):
        return "person"
    if isinstance(entry, Place):
        return "place"
    if role == SECTOR:
        return "sector"
    if role in (ADJECTIVE, PREFIX):
        return "adjective"
    return "state"


@dataclass(frozen=True, slots=True)
class Phrase:
    matches: tuple[Match, ...]

    def part(self, slot: str) -> Match | None:
        return next((m for m in self.matches if _slot(m) == slot), None)

    @property
    def start(self) -> int:
        return self.matches[0].start

    @property
    def end(self) -> int:
        return self.matches[-1].end


def _genitive_or_fixed(tokens: Sequence[Token], match: Match) -> bool:
    return tokens[match.first].feat("Case") in (None, "Gen")


def phrases(matches: Sequence[Match], tokens: Sequence[Token]) -> list[Phrase]:
    """Group adjacent matches whose slots come in order into phrases."""
    result: list[list[Match]] = []
    for match in matches:
        current = result[-1] if result else None
        if current and _joins(current, match, tokens):
            current.append(match)
        else:
            result.append([match])
    return [Phrase(tuple(group)) for group in result]


def _joins(current: list[Match], match: Match, tokens: Sequence[Token]) -> bool:
    last = current[-1]
    if match.first != last.last or match.first == last.first:  # not adjacent, or one compound
        return False
    if "place" in (_slot(last), _slot(match)):
        return False
    before, after = _SLOTS.index(_slot(last)), _SLOTS.index(_slot(match))
    if after <= before:
        return False
    slots = {_slot(m) for m in current}
    if _slot(match) == "state":  # `армия РФ`: a sector word and a state in the genitive
        return "sector" in slots and _genitive_or_fixed(tokens, match)
    if _slot(match) == "person":  # `президент (Азербайджана) Ильхам Алиев`
        return "sector" in slots
    return True


def _code(country: str | None, sector: str | None) -> str | None:
    if country is None:
        return None
    return country + (sector or "")


def person_actor(person: Person, date: dt.date | None) -> Actor:
    role = person.role_on(date)
    if role is not None:
        holder = role.country or role.org
        sector = role.effective_sector
        # an organisation's code stands alone, whatever the role's sector (Hamas's leader
        # is HAMAS, REB), as the organisation's own name is coded
        code = holder if role.org else _code(holder, sector)
        return Actor(code, role.country, sector, person.name, person.id)
    past = person.last_role_before(date) if date else None
    if past is None:  # in office only later than this date
        past = min(person.roles, key=lambda r: r.start or dt.date.min, default=None)
    if past is None or past.country is None:
        holder = past.org if past else None
        return Actor(_code(holder, FORMER), None, FORMER, person.name, person.id)
    return Actor(_code(past.country, FORMER), past.country, FORMER, person.name, person.id)


def _state(match: Match) -> tuple[str | None, str | None, str | None, str, str]:
    """(country, organisation code, default sector, name, id) of a state-like match."""
    entry, role = match.target.entry, match.target.role
    if isinstance(entry, Country):
        if role == BREAKAWAY:  # `Абхазия` → GEOSEP, named as itself
            return entry.code, None, "SEP", match.target.surface, entry.code
        sector = "GOV" if role in (CAPITAL, SEAT) else None
        return entry.code, None, sector, entry.name, entry.code
    if isinstance(entry, Organisation):
        return None, entry.code, entry.sector, entry.name, entry.code
    if isinstance(entry, Company):
        return entry.country, None, entry.sector, entry.name, entry.id
    if isinstance(entry, Group):  # `западные страны` → WST, one actor (data/README.md)
        return None, entry.code, None, entry.name, entry.code
    if isinstance(entry, Locality):  # `суд провинции Ляонин`: the province's country
        return entry.country, None, None, entry.name, entry.id
    raise TypeError(f"not a state: {entry!r}")


# Former states whose office holders news may name by a successor's adjective
# (`российский политик Горбачёв`): no namesake is told by them.
_FORMER_STATES = frozenset({"SUN", "YUG", "CSK", "DDR"})


def _namesake(person: Person, state: Match) -> bool:
    """Whether the state or adjective a phrase names with a dictionary person is none of
    the person's (`британский журналист Джон Сноу` is no US Treasury secretary John Snow):
    the phrase names another bearer of the name. Not told when the person held only
    offices of organisations, or either state is a former one (`советский`)."""
    country = _state(state)[0]
    held = {role.country for role in person.roles if role.country}
    if country is None or not held or country in _FORMER_STATES or held & _FORMER_STATES:
        return False
    return country not in held


def phrase_actor(phrase: Phrase, date: dt.date | None) -> Actor | None:
    person = phrase.part("person")
    named = phrase.part("state") or phrase.part("adjective")
    if person is not None and named is not None and _namesake(person.target.entry, named):
        country, _, _, _, _ = _state(named)
        word = phrase.part("sector")
        sector = word.target.entry.sector if word else None
        return Actor(_code(country, sector), country, sector, person.target.surface)
    if person is not None:
        actor = person_actor(person.target.entry, date)
        word = phrase.part("sector")
        if date is None and word is not None and word.target.entry.sector == FORMER and (
                actor.country):
            # `бывший президент Боливии Хорхе Кирога` with no date: the text says the
            # office is over (with a date, the office held then says it: `бывший
            # президент` Medvedev was prime minister in 2015)
            return dataclasses.replace(actor, code=_code(actor.country, FORMER),
                                       sector=FORMER)
        return actor
    state = phrase.part("state") or phrase.part("adjective")
    if state is None:
        return None  # a sector word alone names no one
    country, org, sector, name, key = _state(state)
    word = phrase.part("sector")
    word_sector = word.target.entry.sector if word else None
    if org is not None:  # `НАТО` → NATO, `натовские военные` → NATOMIL
        if word_sector in (None, "GOV", sector):
            return Actor(org, None, sector, name, key)
        return Actor(org + word_sector, None, word_sector, name, key)
    if word_sector and not isinstance(state.target.entry, Company):
        sector = word_sector
    return Actor(_code(country, sector), country, sector, name, key)


def kind_of(phrase: Phrase, tokens: Sequence[Token]) -> str:
    """PER (a named person), ROLE (people named by office or trade: `президент России`,
    `российские военные`), ORG, LOC (a place, which may stand for its state), GRP (a
    people: `россияне`) or ADJ (`российский`)."""
    if phrase.part("person"):
        return "PER"
    state, word = phrase.part("state"), phrase.part("sector")
    if word is not None:
        animate = tokens[word.first].feat("Animacy") == "Anim"
        return "ROLE" if animate else "ORG"
    if state is None:
        return "ADJ"
    if isinstance(state.target.entry, Locality):
        return "LOC"
    if isinstance(state.target.entry, Organisation) and state.target.role == SEAT:
        return "LOC"  # `Брюссель`: a place that may act for the organisation it seats
    if isinstance(state.target.entry, Group):  # `Запад` a place name, `западные страны` not
        return "LOC" if state.target.surface[:1].isupper() else "GRP"
    if not isinstance(state.target.entry, Country):
        return "ORG"
    return "GRP" if state.target.role == DEMONYM else "LOC"


def _mention(phrase: Phrase, text: str, tokens: Sequence[Token], date: dt.date | None):
    text_of = text[phrase.start : phrase.end]
    # The dictionary form of a single name (`Москвой` → `Москва`), of the person a phrase
    # names (`ведомства Мария Захарова` → `Мария Захарова`); another phrase as written.
    person = phrase.part("person")
    normal = (phrase.matches[0].target.surface if len(phrase.matches) == 1
              else person.target.surface if person is not None else visible(text_of))
    if phrase.part("place"):
        return Mention(phrase.start, phrase.end, text_of, "LOC", normal)
    actor = phrase_actor(phrase, date)
    if actor is None:
        return None
    parts = ()
    if len(phrase.matches) > 1:  # `президент Азербайджана Ильхам Алиев`: Азербайджан, Алиев
        singles = (Phrase((m,)) for m in phrase.matches if _slot(m) != "sector")
        parts = tuple(filter(None, (_mention(p, text, tokens, date) for p in singles)))
    return Mention(phrase.start, phrase.end, text_of, kind_of(phrase, tokens), normal, actor,
                   parts)


def mentions_of(
    phrases_: Sequence[Phrase], text: str, tokens: Sequence[Token], date: dt.date | None
) -> list[Mention]:
    """A mention for each phrase that names an actor, or a place that is none (no actor)."""
    found = (_mention(p, text, tokens, date) for p in phrases_)
    return [m for m in found if m is not None]
