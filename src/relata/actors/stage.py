"""The actors stage: dictionary phrases and NER names become coded actors."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence

from ..language.markup import visible
from ..language.russian import normal_forms
from ..language.words import person_noun
from ..places import lookup_span, lookup_text, place_of_adjective
from ..records import Actor, Analysis, Mention, Sentence, Token
from .codes import normal
from .compiled import compiled_index
from .dictionary import Person
from .forms import by_form, load_forms
from .names import same_people
from .organs import organ_places
from .origins import by_origin, load_origins
from .patterns import Index
from .places import acts_as_state
from .places import words as place_words
from .relations import by_relation, load_relations
from .remits import bodies_by_remit
from .resolve import mentions_of, phrases
from .surnames import load_surnames, surnames_in_context

# Names kept as actors even when no dictionary knows them, so events can still use them.
UNRESOLVED_KINDS = frozenset({"PER", "ORG"})


@functools.lru_cache(maxsize=4)
def index_for(user_files: tuple[str, ...] = (), builtin: bool = True) -> Index:
    """The dictionaries' index, kept compiled in relata's cache between runs."""
    return compiled_index(user_files, builtin)


def _token_range(sentence: Sentence, mention: Mention) -> tuple[int, int]:
    first = next(i for i, t in enumerate(sentence.tokens) if t.end > mention.start)
    last = next((i for i, t in enumerate(sentence.tokens) if t.start >= mention.end),
                len(sentence.tokens))
    return first, max(last, first + 1)


def _place_or_state(text: str, sentence: Sentence, mention: Mention,
                    seats: frozenset[str] = frozenset()) -> Mention:
    """LOC stays a place, or becomes LOCORG, a place acting as a state (`Россия заявила`)."""
    if mention.parts:
        parts = tuple(_place_or_state(text, sentence, p, seats) for p in mention.parts)
        mention = dataclasses.replace(mention, parts=parts)
    if mention.kind != "LOC":
        return mention
    if acts_as_state(text, sentence.tokens, *_token_range(sentence, mention)):
        return dataclasses.replace(mention, kind="LOCORG")
    if mention.normal not in seats:
        return mention
    first, _ = _token_range(sentence, mention)
    tokens = sentence.tokens
    if tokens[first].rel == "conj" and tokens[first].head:  # `в Париже и Брюсселе`
        first = tokens[first].head - 1
    placed = first > 0 and tokens[first - 1].pos == "ADP"  # `в Брюсселе`
    return _seat_as_place(mention) if placed else mention


def _acting_place(sentence: Sentence, mention: Mention) -> Mention:
    """A place no dictionary knows that acts as a state (`Бавария выступила против`,
    `Ганновер принял беженцев`) speaks for its state, as a region named with its kind
    does (`штат Калифорния`): the gazetteer's country, with no code of its own."""
    if mention.kind != "LOCORG" or mention.actor is not None:
        return mention
    place = lookup_span(sentence.tokens, mention.start, mention.end)
    if place is None:
        return mention
    return dataclasses.replace(mention, actor=Actor(None, place.country, None, place.name))


def _place_alone(sentence: Sentence, mention: Mention) -> Mention:
    """A name that is all its sentence says (a dateline, a heading, a phrase given to
    `relata resolve`: `Ганновер`, `Нью-Йорк`), which NER, with no words around it to go by,
    took for an organisation, is the place the gazetteer knows by it, as `Мюнхен` is."""
    if mention.kind != "ORG" or mention.actor is not None:
        return mention
    words = [t for t in sentence.tokens if t.pos != "PUNCT"]
    if not words or words[0].start < mention.start or words[-1].end > mention.end:
        return mention
    place = lookup_span(sentence.tokens, mention.start, mention.end)
    if place is None or place.country is None:
        return mention
    return dataclasses.replace(mention, kind="LOC")


def _named_after_place(sentence: Sentence, mention: Mention) -> Mention:
    """An organisation NER found, no dictionary knows, whose name is all a town or region
    the gazetteer knows (a club, a plant, a team named after its town: `футбольного клуба
    Челси`, `ФК «Ростов»`), is of that place's state, with no sector of its own."""
    if mention.kind != "ORG" or mention.actor is not None:
        return mention
    place = lookup_span(sentence.tokens, mention.start, mention.end)
    if place is None or place.country is None or place.kind not in ("city", "region"):
        return mention
    return dataclasses.replace(mention, actor=Actor(None, place.country, None,
                                                    mention.normal or mention.text))


def _seat_as_place(mention: Mention) -> Mention:
    """An organisation's seat named as a place after a preposition (`встреча прошла в
    Брюсселе`) is the town and its state (BEL), not the organisation it seats (EU), which
    it is when it acts (`Брюссель ввел санкции`) or stands alone."""
    place = lookup_text(mention.normal or mention.text, common_words=False)
    if place is None or place.kind != "city":
        return mention
    return dataclasses.replace(mention, actor=Actor(place.country, place.country, None,
                                                    place.name))


def _from_ner(mention: Mention) -> Mention:
    if mention.kind in UNRESOLVED_KINDS and mention.actor is None:
        return dataclasses.replace(mention, actor=Actor(None, name=mention.normal or mention.text))
    return mention


@functools.lru_cache(maxsize=4096)
def _name_words(person: Person) -> frozenset[str]:
    return frozenset(form for name in person.names for word in name.split()
                     for form in normal_forms(word))


def _same_person(index: Index, person: Mention, words: Sequence[Token]) -> bool:
    """Whether `words`, written next to a dictionary person, are that person's name too:
    `Ильхам Гейдарович Алиев` is Алиев, `Вишванатан Ананд` is not the Anand we know."""
    entry = index.dictionary.people.get(person.actor.id) if person.actor else None
    if entry is None:
        return False
    names = _name_words(entry)
    return all(t.lemma in names or t.text.lower() in names for t in words)


def _given_name_before(
    tokens: Sequence[Token], mention: Mention, known: Sequence[Mention],
    ner: Sequence[Mention] = (),
) -> list[Token]:
    """A name right before a surname (`Мишель Обама`); not initials, not an abbreviation, not
    a name of its own (`председатель КНР Ху Цзиньтао`), not a place or organisation NER
    found (`глава Чечни Рамзан Кадыров`)."""
    before = [t for t in tokens if t.end <= mention.start]
    if not before:
        return []
    word = before[-1]
    if word.pos != "PROPN" or len(word.text) < 2 or word.text.isupper():
        return []
    first = next(t for t in tokens if t.end > mention.start)
    if _another_name(tokens, word, first, mention, ner):
        return []
    others = [m for m in ner if m.kind != "PER"]
    return [] if any(m.start <= word.start < m.end for m in (*known, *others)) else [word]


def _owns(word: Token, name: Token) -> bool:
    """Whether `name` is in the genitive after a word in another case, which owns it:
    `Оппонентка Лукашенко` (a role noun the tagger took for a name, first in the sentence),
    `Моралеса Хорхе Кирога` read backwards. Both cases must be tagged."""
    return name.feat("Case") == "Gen" and word.feat("Case") not in (None, "Gen")


def _owner_in_genitive(words: Sequence[Token], name: Token, before: Token | None) -> bool:
    """Whether `words` right before a name are another person's name in the genitive that
    a common noun before them owns (`соперник Моралеса Карлос Меса`), not a given name the
    tagger read in an odd case (`• Тору Камикава`: `Тору` in the dative)."""
    return (before is not None and before.pos == "NOUN" and name.feat("Case") not in (
        None, "Gen") and all(w.feat("Case") == "Gen" for w in words))


def _another_name(
    tokens: Sequence[Token], word: Token, first: Token, mention: Mention,
    ner: Sequence[Mention],
) -> bool:
    """Whether a capitalised word right before a dictionary name is no given name of the
    same person: a name NER found apart (`Моралеса` in `оппонент Моралеса Хорхе Кирога`),
    an owner in the genitive of a noun before it (`соперник Моралеса Хорхе Кирога`), or a
    noun that owns the name (`Оппонентка Лукашенко Светлана Тихановская`, a role noun first
    in the sentence that the tagger took for a name, and `Лукашенко` in the genitive), or
    a title the tagger took for a name (`Госсекретарь Мадлен Олбрайт`, first in the
    sentence: a common noun for a person that is no name, language.words.person_noun)."""
    if person_noun(word.text):
        return True
    apart = any(m.kind == "PER" and m.start <= word.start < m.end <= mention.start
                for m in ner)
    k = next(i for i, t in enumerate(tokens) if t is word)
    before = tokens[k - 1] if k > 0 else None
    return apart or _owns(word, first) or _owner_in_genitive([word], first, before)


def _owner_before(
    tokens: Sequence[Token], name: Mention, mention: Mention
) -> Mention | None:
    """The words of a NER name before a dictionary person inside it, when they are another
    person's name in the genitive (NER ran an owner into the name: `соперник Моралеса
    Карлос Меса`): that person, a name no dictionary knows yet; None when the words may
    be part of the same name."""
    inside = [k for k, t in enumerate(tokens) if name.start <= t.start and t.end <= name.end]
    words = [tokens[k] for k in inside if tokens[k].end <= mention.start]
    first = next((t for t in tokens if t.start >= mention.start), None)
    before = tokens[inside[0] - 1] if inside and inside[0] > 0 else None
    if not words or first is None or not _owner_in_genitive(words, first, before):
        return None
    start, end = words[0].start, words[-1].end
    written = (name.normal or name.text).split()
    normal = " ".join(written[: len(words)]) if len(written) == len(inside) else None
    text = name.text[start - name.start : end - name.start]
    return Mention(start, end, text, "PER", normal or text,
                   Actor(None, name=normal or text))


def _people_in_names(
    index: Index, sentence: Sentence, known: list[Mention], ner: Sequence[Mention]
) -> list[Mention]:
    """A dictionary person inside a longer name (NER's, or a given name before it): the same
    person (the mention takes the whole name) or another one (the match is dropped, and the
    NER name, if any, stays as a person no dictionary knows)."""
    result = []
    for mention in known:
        if mention.kind != "PER" or mention.parts:
            result.append(mention)
            continue
        name = next((n for n in ner if n.kind == "PER" and n.start <= mention.start
                     and mention.end <= n.end and (n.start, n.end) != (mention.start, mention.end)),
                    None)
        if name is None:
            given = _given_name_before(sentence.tokens, mention, known, ner)
            if not given or _same_person(index, mention, given):
                result.append(mention)
            continue
        extra = [t for t in sentence.tokens if name.start <= t.start and t.end <= name.end
                 and not (mention.start <= t.start and t.end <= mention.end)
                 and t.text.isalpha() and len(t.text) > 1  # initials (`В. Путин`) say nothing
                 and not person_noun(t.text)]  # nor a title: `Госсекретарь Мадлен Олбрайт`
        if _same_person(index, mention, extra):
            result.append(dataclasses.replace(mention, start=name.start, end=name.end,
                                              text=name.text))
        elif (owner := _owner_before(sentence.tokens, name, mention)) is not None and \
                name.end == mention.end:
            result += [owner, mention]
    return result


@functools.lru_cache(maxsize=8)
def _seats(index: Index) -> frozenset[str]:
    """The seats of organisations as the index's dictionary writes them (`Брюссель`)."""
    return frozenset(seat for org in index.dictionary.organisations.values()
                     for seat in org.seats)


def resolve_sentence(
    index: Index, text: str, sentence: Sentence, ner: Sequence[Mention], date: dt.date | None
) -> list[Mention]:
    """Dictionary mentions first; NER names that no dictionary phrase covers are kept.
    Places the dictionary knows to be no actor (`Европа`) stay places."""
    tokens = sentence.tokens
    grouped = bodies_by_remit(phrases(index.match(tokens, text), tokens), tokens,
                              index.dictionary)
    grouped = organ_places(grouped, tokens, ner)
    known = mentions_of(grouped, text, tokens, date)
    known = _people_in_names(index, sentence, known, ner)
    known, ner = _names_around_words(known, ner)
    seats = _seats(index)
    found = [m if m.actor is None and m.kind == "LOC"
             else _place_or_state(text, sentence, m, seats) for m in known]
    found += [_acting_place(sentence, _place_or_state(text, sentence, _from_ner(
                  _named_after_place(sentence, _place_alone(sentence, m)))))
              for m in ner if not any(m.start < d.end and d.start < m.end for d in known)]
    found += _place_adjectives(tokens, found, ner)
    return sorted(found, key=lambda m: (m.start, -m.end))


def _place_adjectives(tokens: Sequence[Token], found: Sequence[Mention],
                      ner: Sequence[Mention]) -> list[Mention]:
    """The adjective of a town or region that describes a place (`в подмосковном
    Сколково`, `в лондонском районе Тоттенхэм`, `на киевской окраине`): the place's state,
    as a state's own adjective is (`российский` → RUS, an ADJ mention). Only before a
    noun of land or a kind of place (data/context/places.yaml) or a name no mention takes
    for a person or an organisation (`Пермский обозреватель` names a paper, and an organ's
    adjective, `московский суд`, is its phrase already), or alone in its sentence (a
    phrase given to `relata resolve`)."""
    land = place_words().place_nouns | place_words().kinds
    taken = [*found, *ner]
    words = [t for t in tokens if t.pos != "PUNCT"]
    result = []
    for k, token in enumerate(tokens):
        if token.pos != "ADJ" or any(m.start < token.end and token.start < m.end
                                     for m in taken):
            continue
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        named = after and next((m for m in taken if m.start < after.end
                                and after.start < m.end), None)
        alone = words == [token]  # `подмосковный` given alone, as `российский` may be
        if not (alone or (after is not None and (
                (after.pos == "NOUN" and normal(after.lemma) in land and named is None)
                or (after.pos == "PROPN" and (named is None or named.kind == "LOC"))))):
            continue
        place = place_of_adjective(token.lemma) or place_of_adjective(normal(token.text))
        if place is None or place.country is None:
            continue
        result.append(Mention(token.start, token.end, token.text, "ADJ", place.name,
                              Actor(place.country, place.country, None, place.name)))
    return result


def _unnamed(mention: Mention) -> bool:
    """Words a longer name may hold: `крымско-татарского народа`, not `НАТО` or `Алиев`."""
    if mention.kind in ("ADJ", "GRP", "LOC"):
        return True
    return mention.kind in ("ORG", "ROLE") and bool(mention.parts) and all(
        p.kind == "ADJ" for p in mention.parts)


def _names_around_words(
    known: list[Mention], ner: Sequence[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """A NER name that holds dictionary words but is more than them stays a name of its own
    (`Меджлис крымско-татарского народа`, `Чеченская республика`); the words become its
    parts, and a country among them is the name's country."""
    names = []
    for name in ner:
        inside = [m for m in known if name.start <= m.start and m.end <= name.end]
        crossing = [m for m in known if m.start < name.end and name.start < m.end
                    and m not in inside]
        if not inside or crossing or not all(map(_unnamed, inside)) or any(
            (m.start, m.end) == (name.start, name.end) for m in inside
        ):
            names.append(name)
            continue
        country = next((m.actor.country for m in inside if m.actor and m.actor.country), None)
        actor = Actor(None, country, None, name.normal or name.text) if country else name.actor
        names.append(dataclasses.replace(name, actor=actor, parts=tuple(inside)))
        known = [m for m in known if m not in inside]
    return known, names


class ResolveActors:
    """Stage: mentions with coded actors (`RUSGOV`, `AZEBUS`, `NATO`), by the document's date."""

    name = "actors"

    def __init__(self, dictionaries: Sequence[str] = (), *, builtin: bool = True):
        self.index = index_for(tuple(str(d) for d in dictionaries), builtin)
        self.origins = load_origins()
        self.relations = load_relations()
        self.forms = load_forms()
        # checked against the built-in dictionaries (a user's own alone may lack the
        # file's states and people, which are then not checked)
        dictionary = self.index.dictionary
        self.surnames = load_surnames(
            countries=frozenset(dictionary.countries) if builtin else None,
            people=frozenset(dictionary.people) if builtin else None)

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        return [self._resolve(a) if a.analysed and a.sentences else a for a in batch]

    def _resolve(self, analysis: Analysis) -> Analysis:
        document = analysis.document
        ner = sorted(analysis.mentions, key=lambda m: m.start)
        starts = [m.start for m in ner]
        mentions: list[Mention] = []
        sentence_of: dict[int, int] = {}  # a mention's start → its sentence
        for n, sentence in enumerate(analysis.sentences):
            inside = ner[bisect.bisect_left(starts, sentence.start) :
                         bisect.bisect_left(starts, sentence.end)]
            found = resolve_sentence(self.index, document.text, sentence, inside,
                                     document.date)
            # a name no dictionary knows, by the words around it (`адвокат Навального`)
            found = by_relation(found, sentence.tokens, document.text, self.relations)
            # an organisation no dictionary knows, by its legal form (`ООО «Алтек»`)
            found = by_form(found, sentence.tokens, self.forms, document.text)
            sentence_of.update((m.start, n) for m in found)
            mentions += found
        # a surname alone is the dictionary's person only if known by it or in context
        mentions = surnames_in_context(mentions, self.index.dictionary.people, self.surnames)
        known = by_origin(_known_by_office(mentions, document.text), self.origins,
                          sentence_of)
        tokens = [t for sentence in analysis.sentences for t in sentence.tokens]
        return dataclasses.replace(analysis, mentions=tuple(same_people(
            list(known), document.text, tokens)))


# What may stand between an office and its holder's name: nothing, a closing quote
# (`глава ОАО «Газпром» Алексей Миллер`), or where the office is held (`посол Италии в
# Грузии Виторио Сандали`).
_BETWEEN = re.compile(r"^[\s»\"]*(?:(?:в|во|при|на)\s+\w+(?:\s+\w+)?\s*)?$")


def _known_by_office(mentions: list[Mention], text: str) -> Iterator[Mention]:
    """People no dictionary knows, named with their office: `премьер-министр Японии Наото
    Кан` is JPNGOV (a `Кан` elsewhere in the document takes it by
    `names.surname_of_named_person`)."""
    previous: Mention | None = None
    for mention in mentions:
        unknown = mention.kind == "PER" and mention.actor is not None and not mention.actor.code
        if (unknown and previous is not None and previous.kind in ("ROLE", "ORG")
                and previous.actor is not None and previous.actor.country
                and (previous.actor.code or previous.parts)  # not `клуба Челси Фрэнк Лэмпард`
                and _BETWEEN.match(visible(text[previous.end : mention.start]))):
            actor = dataclasses.replace(previous.actor, name=mention.normal or mention.text)
            merged = Mention(previous.start, mention.end, text[previous.start : mention.end],
                             "PER", actor.name or "", actor,
                             (*(previous.parts or (previous,)), dataclasses.replace(
                                 mention, actor=actor)))
            previous = None
            yield merged
            continue
        if previous is not None:
            yield previous
        previous = mention
    if previous is not None:
        yield previous
