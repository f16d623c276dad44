"""Organs with the place they serve: `суд Москвы`, `полиция провинции Ляонин`, `Бакинский
суд`, `Суд в Южной Корее`. A phrase that is an organ word alone (data/organs.yaml) takes
the region or town named right after it or the place adjective right before it, which
stands for its country; what is left alone is the context stage's (actors/context.py).
The places are the gazetteer's (relata.places), their adjectives places/data/adjectives.csv
and the words for a kind of place places/data/divisions.txt.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..places import divisions, lookup, place_of_adjective
from ..places.gazetteer import Place as GazetteerPlace
from ..records import Mention, Token
from .codes import normal
from .dictionary import Country, Locality, Organ, Person
from .patterns import ADJECTIVE, CAPITAL, NAME, SEAT, SECTOR, Match, Target
from .resolve import Phrase

# Prepositions that put a place after an organ (`суд в Южной Корее`, `полицейские из
# Мадрида`); grammar words, so here rather than in a data file.
PLACE_PREPOSITIONS = frozenset({"в", "во", "из", "изо"})
MAX_NAME_WORDS = 3  # `Нижний Новгород`, `Ростов - на - Дону` split by the tokenizer
NAMES_OF = frozenset({"PER", "ORG"})  # NER names that are no place (`суд Иванова`)


def _bare_organ(phrase: Phrase) -> bool:
    """An organ word with nothing that names its state: `суд`, `федеральный суд`."""
    return len(phrase.matches) == 1 and isinstance(phrase.matches[0].target.entry, Organ)


def _bare_role(phrase: Phrase) -> bool:
    """Any other sector word alone (`глава`, `президент`, `премьер`, `министр`): it takes a
    region or town in the genitive right after it, as an organ does (`глава Чечни`,
    `премьер Квебека`), but not one after `в`/`из` (`посол в Мадриде` is no Spanish
    official) nor a place adjective before it (`Пермский обозреватель` names a paper)."""
    return (len(phrase.matches) == 1 and phrase.matches[0].target.role == SECTOR
            and not isinstance(phrase.matches[0].target.entry, Organ))


def _locality(place: GazetteerPlace) -> Locality:
    return Locality(str(place.geonameid or place.name), place.name, place.country)


def _adjective_before(phrase: Phrase, tokens: Sequence[Token], taken: set[int]) -> Match | None:
    """`Бакинский суд`, `московская прокуратура`: a place adjective right before."""
    k = phrase.matches[0].first - 1
    if k < 0 or k in taken or tokens[k].pos != "ADJ":
        return None
    place = place_of_adjective(tokens[k].lemma) or place_of_adjective(normal(tokens[k].text))
    if place is None:
        return None
    token = tokens[k]
    return Match(k, k + 1, token.start, token.end,
                 Target(ADJECTIVE, _locality(place), token.lemma))


def _division(tokens: Sequence[Token], j: int) -> int:
    """How many tokens from j name a kind of place (`провинции`, `автономного округа`)."""
    words = divisions()
    for n in (2, 1):
        lemmas = tuple(normal(t.lemma) for t in tokens[j : j + n])
        if len(lemmas) == n and lemmas in words:
            return n
    return 0


def _district(tokens: Sequence[Token], j: int) -> int:
    """How many tokens from j name a district by an adjective (`Кировского района`,
    `Центрального округа`), which the town after it says where it is: `суд Кировского
    района Казани` serves Kazan."""
    if j < len(tokens) and tokens[j].pos == "ADJ" and tokens[j].feat("Case") == "Gen":
        return 1 + _division(tokens, j + 1) if _division(tokens, j + 1) else 0
    return 0


def _gazetteer_place(tokens: Sequence[Token], j: int, taken: set[int],
                     names: Sequence[Mention]) -> Match | None:
    """The longest run of words from j that the gazetteer knows as a place, written with a
    capital, inside no dictionary match and no NER person or organisation."""
    for n in range(MAX_NAME_WORDS, 0, -1):
        words = tokens[j : j + n]
        if len(words) < n or not words[0].text[:1].isupper() or any(
                k in taken for k in range(j, j + n)):
            continue
        start, end = words[0].start, words[-1].end
        if any(m.kind in NAMES_OF and m.start < end and start < m.end for m in names):
            continue
        place = (lookup([t.lemma for t in words], common_words=False)
                 or lookup([t.text for t in words], common_words=False))
        if place is not None and place.kind in ("city", "region"):
            return Match(j, j + n, start, end, Target(NAME, _locality(place), place.name))
    return None


def _state_name(phrase: Phrase) -> bool:
    """A dictionary state named by itself, its capital or seat (`Южной Корее`, `Москве`)."""
    if len(phrase.matches) != 1:
        return False
    target = phrase.matches[0].target
    return isinstance(target.entry, Country) and target.role in (NAME, CAPITAL, SEAT)


def _person_after(phrases_: Sequence[Phrase], starts: dict[int, int], end: int) -> int | None:
    """The phrase right at token `end` if it is a person alone: `глава Чечни Рамзан Кадыров`
    is Кадыров, whom the office and its place only describe."""
    following = starts.get(end)
    if following is None:
        return None
    matches = phrases_[following].matches
    return following if len(matches) == 1 and isinstance(matches[0].target.entry, Person) else None


def organ_places(phrases_: Sequence[Phrase], tokens: Sequence[Token],
                 names: Sequence[Mention] = ()) -> list[Phrase]:
    """The phrases, each organ or role word alone given the place it serves where one is
    named with it, and the person named right after them; `names` are the sentence's NER
    mentions."""
    taken = {k for p in phrases_ for m in p.matches for k in range(m.first, m.last)}
    starts = {p.matches[0].first: n for n, p in enumerate(phrases_)}
    result: list[Phrase] = []
    skip: set[int] = set()

    def place_at(k: int) -> bool:
        """Whether a state or a gazetteer place is named at token k."""
        if k in starts:
            return _state_name(phrases_[starts[k]])
        return _gazetteer_place(tokens, k, taken, names) is not None

    def placed(phrase: Phrase) -> None:
        """Keep a phrase that now names its place, with the person after it if any."""
        person = _person_after(phrases_, starts, phrase.matches[-1].last)
        if person is not None:
            skip.add(person)
            phrase = Phrase((*phrase.matches, *phrases_[person].matches))
        result.append(phrase)

    for n, phrase in enumerate(phrases_):
        if n in skip:
            continue
        organ_word = _bare_organ(phrase)
        if not (organ_word or _bare_role(phrase)):
            result.append(phrase)
            continue
        # An organ's place adjective only: `Пермский обозреватель` is a newspaper's name
        adjective = _adjective_before(phrase, tokens, taken) if organ_word else None
        if adjective is not None:
            placed(Phrase((adjective, *phrase.matches)))
            continue
        organ = phrase.matches[0]
        j = organ.last
        preposition = (organ_word and j < len(tokens)
                       and normal(tokens[j].lemma) in PLACE_PREPOSITIONS
                       and not (organ.first > 0 and tokens[organ.first - 1].pos == "ADP"))
        j += preposition
        district = _district(tokens, j)
        if district and not place_at(j + district) and _gazetteer_place(
                tokens, j, taken, names) is not None:
            district = 0  # `Тюменской области`: a region, with no town after it
        j += district
        division = _division(tokens, j)
        if j >= len(tokens) or not (preposition or district or division or tokens[j].feat(
                "Case") in (None, "Gen")):
            result.append(phrase)
            continue
        j += division
        following = starts.get(j)
        if following is not None:  # a dictionary name: a state's joins, any other stops
            if (preposition or district or division) and _state_name(phrases_[following]):
                skip.add(following)
                placed(Phrase((*phrase.matches, *phrases_[following].matches)))
            else:
                result.append(phrase)
            continue
        place = _gazetteer_place(tokens, j, taken, names)
        if place is None:
            result.append(phrase)
        else:
            placed(Phrase((*phrase.matches, place)))
    return result
