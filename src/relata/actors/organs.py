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
from .dictionary import Country, Locality, Organ
from .patterns import ADJECTIVE, CAPITAL, NAME, SEAT, Match, Target
from .resolve import Phrase

# Prepositions that put a place after an organ (`суд в Южной Корее`, `полицейские из
# Мадрида`); grammar words, so here rather than in a data file.
PLACE_PREPOSITIONS = frozenset({"в", "во", "из", "изо"})
MAX_NAME_WORDS = 3  # `Нижний Новгород`, `Ростов - на - Дону` split by the tokenizer
NAMES_OF = frozenset({"PER", "ORG"})  # NER names that are no place (`суд Иванова`)


def _bare_organ(phrase: Phrase) -> bool:
    """An organ word with nothing that names its state: `суд`, `федеральный суд`."""
    return len(phrase.matches) == 1 and isinstance(phrase.matches[0].target.entry, Organ)


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


def organ_places(phrases_: Sequence[Phrase], tokens: Sequence[Token],
                 names: Sequence[Mention] = ()) -> list[Phrase]:
    """The phrases, each organ alone given the place it serves where one is named with it;
    `names` are the sentence's NER mentions."""
    taken = {k for p in phrases_ for m in p.matches for k in range(m.first, m.last)}
    starts = {p.matches[0].first: n for n, p in enumerate(phrases_)}
    result: list[Phrase] = []
    skip: set[int] = set()
    for n, phrase in enumerate(phrases_):
        if n in skip:
            continue
        if not _bare_organ(phrase):
            result.append(phrase)
            continue
        adjective = _adjective_before(phrase, tokens, taken)
        if adjective is not None:
            result.append(Phrase((adjective, *phrase.matches)))
            continue
        organ = phrase.matches[0]
        j = organ.last
        preposition = (j < len(tokens) and normal(tokens[j].lemma) in PLACE_PREPOSITIONS
                       and not (organ.first > 0 and tokens[organ.first - 1].pos == "ADP"))
        j += preposition
        district = _district(tokens, j)
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
                result.append(Phrase((*phrase.matches, *phrases_[following].matches)))
            else:
                result.append(phrase)
            continue
        place = _gazetteer_place(tokens, j, taken, names)
        result.append(phrase if place is None else Phrase((*phrase.matches, place)))
    return result
