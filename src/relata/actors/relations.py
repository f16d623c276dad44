"""People no dictionary knows, coded by the words around their name in the sentence
(`data/context/relations.yaml`): `член ХАМАС Ахмед Салих`, `пресс-секретарь Эрдогана
Ибрахим Калын`, `брат президента Франции Жан Дюпон`, `уроженец Марокко Ахмед Салих`.

The rules of `RULES` are tried in order on each person's name (NER PER) that no
dictionary, office or surname resolved; the first that tells a country gives the name its
actor, marked `via: relation`. A rule reads only the words right beside the name, in
their order; the parse is not needed (the stage runs before it is used, and the words of
an apposition are adjacent in Russian news).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..datafile import Problems, fields, read_sections
from ..errors import DataFileError
from ..language.spelling import fold
from ..places import lookup
from ..records import Actor, Mention, Token
from .codes import SECTORS

RELATIONS = Path(__file__).parent / "data" / "context" / "relations.yaml"
RELATION = "relation"  # the value of Mention.via for a person coded by a relation noun

# What a relation noun passes on (relations.yaml explains each).
SAME, OPPOSITION, NONE = "same", "opposition", "none"
FOLLOWER = "follower"
# The sectors of a movement, whose followers are the movement itself.
MOVEMENT_SECTORS = frozenset({"OPP", "REB", "SEP", "PTY", "REL"})
MAX_BETWEEN = 4  # a `between` phrase: its preposition and up to three words
# Marks that may stand between an actor and the related name (`брат Джохара Царнаева,
# Тамерлан`, `глава ОАО «Газпром» Алексей Миллер`) or between a name and its relation
# after it (`Тамерлан — брат Джохара`).
_MARKS = frozenset({",", "«", "»", '"', "—", "–", "-"})
_QUOTES = frozenset({"«", '"', "„"})  # opening a name: `члены «Хезболлы»`
_WORD = re.compile(r"^[а-яёa-z]+(?:-[а-яёa-z]+)*$")
_WORDS = {"words": ("list", True)}
_FIELDS = {
    "relations": {"words": ("list", True), "country": ("str", True), "sector": ("str", False)},
    "origins": _WORDS,
    "out_of": _WORDS,
    "between": _WORDS,
}


class RelationsError(DataFileError):
    what = "the relation words"


@dataclass(frozen=True, slots=True)
class Relation:
    """What a relation noun passes on: `country` SAME, OPPOSITION or NONE; `sector` a
    sector code, SAME or FOLLOWER ("" with NONE)."""

    country: str
    sector: str


@dataclass(frozen=True, slots=True)
class RelationWords:
    relations: Mapping[str, Relation]
    origins: frozenset[str]
    out_of: frozenset[str]
    between: frozenset[str]


@functools.cache
def load_relations(path: Path = RELATIONS) -> RelationWords:
    """The file's words; RelationsError lists every problem (a word that is no lower-case
    dictionary form or is written twice in a section, an unknown `country` or `sector`,
    a missing sector where the country is passed on)."""
    problems = Problems()
    relations: dict[str, Relation] = {}
    lists: dict[str, set[str]] = {"origins": set(), "out_of": set(), "between": set()}
    for section, raw, where in read_sections(path, _FIELDS, problems):
        values = fields(raw, _FIELDS[section], where, problems)
        if values is None:
            continue
        seen = relations if section == "relations" else lists[section]
        words = []
        for word in values["words"]:
            if not _WORD.match(word):
                problems.add(where, f"not a word in lower case: {word!r}")
            elif fold(word) in seen or fold(word) in words:
                problems.add(where, f"{word!r} repeated in {section}")
            else:
                words.append(fold(word))
        if section != "relations":
            lists[section].update(words)
            continue
        country, sector = values["country"], values.get("sector", "")
        if country not in (SAME, OPPOSITION, NONE):
            problems.add(where, f"country must be {SAME}, {OPPOSITION} or {NONE}, not {country!r}")
            continue
        if country == NONE and sector:
            problems.add(where, "a noun that passes no country has no sector")
            continue
        if country != NONE and sector not in (*SECTORS, SAME, FOLLOWER):
            problems.add(where, f"sector must be a sector code, {SAME} or {FOLLOWER}, "
                                f"not {sector!r}")
            continue
        relations.update(dict.fromkeys(words, Relation(country, sector)))
    if problems:
        raise RelationsError(problems)
    return RelationWords(relations, frozenset(lists["origins"]), frozenset(lists["out_of"]),
                         frozenset(lists["between"]))


def related(relation: Relation, actor: Actor, name: str) -> Actor | None:
    """The actor of a person in `relation` to `actor`, called `name`; None if the relation
    tells no country (relations.yaml)."""
    if relation.country == NONE or not actor.code:
        return None
    if actor.country is None:  # an organisation: its code stands alone, for its own people
        if relation.country == SAME and relation.sector in (SAME, FOLLOWER):
            return Actor(actor.code, None, actor.sector, name)
        return None
    if relation.country == OPPOSITION:
        if actor.sector != "GOV":
            return None
        return Actor(f"{actor.country}OPP", actor.country, "OPP", name)
    if relation.sector == SAME:
        sector = actor.sector
    elif relation.sector == FOLLOWER:
        sector = actor.sector if actor.sector in MOVEMENT_SECTORS else "CVL"
    else:
        sector = relation.sector
    return Actor(actor.country + (sector or ""), actor.country, sector, name)


@dataclass(frozen=True)
class _Sentence:
    """A sentence's tokens and mentions, as the rules read them."""

    tokens: Sequence[Token]
    mentions: Sequence[Mention]
    words: RelationWords

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def first(self, mention: Mention) -> int:
        """The index of the mention's first token."""
        return bisect.bisect_left(self._starts, mention.start)

    def last(self, mention: Mention) -> int:
        """One past the index of the mention's last token."""
        return bisect.bisect_left(self._starts, mention.end)

    def between(self, before: Mention, after: Mention) -> Sequence[Token]:
        return self.tokens[self.last(before) : self.first(after)]

    def lemma(self, i: int) -> str:
        return fold(self.tokens[i].lemma) if 0 <= i < len(self.tokens) else ""


def _marks_only(tokens: Sequence[Token]) -> bool:
    return all(t.text in _MARKS for t in tokens)


def _adjoins(sentence: _Sentence, before: Mention, name: Mention) -> bool:
    """Whether a name follows an actor with nothing but marks between, or a short phrase of
    where or in what the relation holds (`помощник президента по экономике Иван Петров`)."""
    gap = sentence.between(before, name)
    if _marks_only(gap):
        return True
    return (fold(gap[0].lemma) in sentence.words.between and len(gap) <= MAX_BETWEEN
            and not any(t.pos == "PUNCT" for t in gap))


def _genitive(token: Token) -> bool:
    """A genitive, or a word that may be one: the tagger gives no case, or a word written
    as its lemma, which may not decline (`Лукашенко`, `Мурси`, `Шойгу`: tagged Nom)."""
    return token.feat("Case") in ("Gen", None) or fold(token.text) == fold(token.lemma)


def _told_apart(noun: Token, name: Token) -> bool:
    """Whether a name after an office's phrase is in apposition to the relation noun before
    it, not to the office (`Брат президента Франции Жан Дюпон`: the brother, both in the
    nominative), by the case they share: a genitive or an accusative (one form for a
    man) is also the office's case (`сына депутата Думы Валерия Селезнёва`: the deputy)."""
    case = noun.feat("Case")
    return case not in (None, "Gen", "Acc") and name.feat("Case") == case


def _coded(mention: Mention) -> bool:
    return mention.actor is not None and bool(mention.actor.code)


def _name(mention: Mention) -> str:
    return mention.normal or mention.text


def relation_before(sentence: _Sentence, k: int) -> Actor | None:
    """The relation is said before the name: `адвокат Навального Иван Петров`, `брат
    Джохара Царнаева, Тамерлан`, `оппонент Моралеса Хорхе Кирога`, and `пресс-секретарь
    Эрдогана Ибрахим Калын`, where the noun is a word of an office the dictionaries joined
    with the person into one phrase (their actor is the person's)."""
    if k == 0:
        return None
    name, actor = sentence.mentions[k], sentence.mentions[k - 1]
    if k >= 2 and actor.kind in ("LOC", "LOCORG") and sentence.lemma(
            sentence.first(actor) - 1) in sentence.words.between:
        actor = sentence.mentions[k - 2]  # `сотрудник посольства США в Москве Джон Смит`
    if not _coded(actor) or not _adjoins(sentence, actor, name):
        return None
    first = sentence.first(actor)
    name_token = sentence.tokens[sentence.first(name)]
    own = sentence.words.relations.get(sentence.lemma(first))
    if own is not None and actor.parts and actor.parts[0].start > actor.start:
        noun, owner = first, sentence.first(actor.parts[0])  # `пресс-секретарь Эрдогана`
        relation = own
    else:
        noun, owner = first - 1, first
        relation = sentence.words.relations.get(sentence.lemma(noun))
    if relation is None or noun < 0 or not _genitive(sentence.tokens[owner]):
        return None
    if actor.kind == "ROLE" and not _told_apart(sentence.tokens[noun], name_token):
        return None  # `сына депутата Думы Валерия Селезнёва`: the deputy, by the office rule
    return related(relation, actor.actor, _name(name))


def relation_after(sentence: _Sentence, k: int) -> Actor | None:
    """The relation is said after the name, in apposition: `Ким Чен Нам — брат лидера
    КНДР`, `Иван Петров, советник Лукашенко, заявил`."""
    if k + 1 >= len(sentence.mentions):
        return None
    name, actor = sentence.mentions[k], sentence.mentions[k + 1]
    noun = sentence.first(actor) - 1
    relation = sentence.words.relations.get(sentence.lemma(noun))
    gap = sentence.tokens[sentence.last(name) : max(noun, 0)]
    if (relation is None or not _coded(actor) or not gap or not _marks_only(gap)
            or not _genitive(sentence.tokens[noun + 1])):
        return None
    return related(relation, actor.actor, _name(name))


def origin_before(sentence: _Sentence, k: int) -> Actor | None:
    """Where the person comes from, said before the name: `уроженец Марокко Ахмед Салих`,
    `выходец из Марракеша Ахмед Салих` (a town: its state, by the gazetteer)."""
    if k == 0:
        return None
    name, place = sentence.mentions[k], sentence.mentions[k - 1]
    if place.kind not in ("LOC", "LOCORG") or not _adjoins(sentence, place, name):
        return None
    noun = sentence.first(place) - 1
    if sentence.lemma(noun) in sentence.words.out_of:
        noun -= 1
    elif not _genitive(sentence.tokens[noun + 1]):
        return None
    if noun < 0 or sentence.lemma(noun) not in sentence.words.origins:
        return None
    country = place.actor.country if place.actor is not None else None
    if country is None:
        words = sentence.tokens[sentence.first(place) : sentence.last(place)]
        found = lookup([t.lemma for t in words], common_words=False)
        country = found.country if found is not None else None
    return None if country is None else Actor(f"{country}CVL", country, "CVL", _name(name))


Rule = Callable[[_Sentence, int], Actor | None]
# In order: a relation named with the name first, then where the person comes from.
# A country's adjective before a noun for a person (`американский шоумен Энди Коэн`) is
# no rule here: the coder reads it on the parse already (sides._owner, `amod`), and as a
# rule of this stage it added a wrong event on held-out news (sentence gold held-out P
# 0.620 → 0.608) and no right one.
RULES: tuple[Rule, ...] = (relation_before, relation_after, origin_before)


def relation_phrase(sentence: _Sentence, k: int, text: str) -> Mention | None:
    """A relation noun right before a coded actor in the genitive, with no name after it,
    names people of its own: `сторонники Мурси` (EGYCVL), `оппоненты Мадуро` (VENOPP),
    `члены ХАМАС` (HAMAS); one mention of the noun and the actor, the actor its part.
    Nothing for a noun that passes no country on (`союзники США`), nor for the noun of an
    office the dictionaries joined already (`пресс-секретарь Эрдогана`)."""
    actor = sentence.mentions[k]
    noun = sentence.first(actor) - 1
    if noun > 0 and sentence.tokens[noun].text in _QUOTES:
        noun -= 1  # `сторонники «Исламского государства»`
    relation = sentence.words.relations.get(sentence.lemma(noun))
    if relation is None or not _coded(actor) or not _genitive(
            sentence.tokens[sentence.first(actor)]):
        return None
    after = sentence.mentions[k + 1] if k + 1 < len(sentence.mentions) else None
    if after is not None and after.kind == "PER" and _adjoins(sentence, actor, after):
        return None  # `адвокат Навального Иван Петров`: the name is the relation's person
    found = related(relation, actor.actor, sentence.tokens[noun].lemma)
    if found is None:
        return None
    start = sentence.tokens[noun].start
    return Mention(start, actor.end, text[start : actor.end], "ROLE",
                   text[start : actor.end], found, (actor,), RELATION)


def _unknown_person(mention: Mention) -> bool:
    return (mention.kind == "PER" and mention.actor is not None and not mention.actor.code
            and not mention.actor.country)


def by_relation(mentions: Sequence[Mention], tokens: Sequence[Token], text: str,
                words: RelationWords | None = None) -> list[Mention]:
    """A sentence's mentions (in order), each person no dictionary knows given the actor
    the first rule of `RULES` tells, if any; then each relation noun with its actor in
    the genitive one mention (`relation_phrase`)."""
    sentence = _Sentence(tokens, mentions, words or load_relations())
    result = list(mentions)
    for k, mention in enumerate(mentions):
        if not _unknown_person(mention):
            continue
        actor = next(filter(None, (rule(sentence, k) for rule in RULES)), None)
        if actor is not None:
            result[k] = dataclasses.replace(mention, actor=actor, via=RELATION)
    sentence = _Sentence(tokens, result, sentence.words)
    return [relation_phrase(sentence, k, text) or m for k, m in enumerate(result)]
