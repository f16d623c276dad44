"""The actors stage: dictionary phrases and NER names become coded actors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Sequence

from ..language.russian import normal_forms
from ..records import Actor, Analysis, Mention, Sentence
from .dictionary import Person
from .load import load_dictionary
from .patterns import Index
from .places import acts_as_state
from .resolve import mentions_of, phrases

# Names kept as actors even when no dictionary knows them, so events can still use them.
UNRESOLVED_KINDS = frozenset({"PER", "ORG"})


@functools.lru_cache(maxsize=4)
def index_for(user_files: tuple[str, ...] = (), builtin: bool = True) -> Index:
    return Index(load_dictionary(user_files, builtin))


def _token_range(sentence: Sentence, mention: Mention) -> tuple[int, int]:
    first = next(i for i, t in enumerate(sentence.tokens) if t.end > mention.start)
    last = next((i for i, t in enumerate(sentence.tokens) if t.start >= mention.end),
                len(sentence.tokens))
    return first, max(last, first + 1)


def _place_or_state(text: str, sentence: Sentence, mention: Mention) -> Mention:
    """LOC stays a place, or becomes LOCORG, a place acting as a state (`Россия заявила`)."""
    if mention.parts:
        parts = tuple(_place_or_state(text, sentence, p) for p in mention.parts)
        mention = dataclasses.replace(mention, parts=parts)
    if mention.kind != "LOC":
        return mention
    if acts_as_state(text, sentence.tokens, *_token_range(sentence, mention)):
        return dataclasses.replace(mention, kind="LOCORG")
    return mention


def _from_ner(mention: Mention) -> Mention:
    if mention.kind in UNRESOLVED_KINDS and mention.actor is None:
        return dataclasses.replace(mention, actor=Actor(None, name=mention.normal or mention.text))
    return mention


@functools.lru_cache(maxsize=4096)
def _name_words(person: Person) -> frozenset[str]:
    return frozenset(form for name in person.names for word in name.split()
                     for form in normal_forms(word))


def _same_person(index: Index, sentence: Sentence, person: Mention, name: Mention) -> bool:
    """`Вишванатан Ананд` is not the Anand of the dictionary; `Ильхам Гейдарович Алиев` is
    Алиев: every word of the longer name must be a word of the person's names."""
    entry = index.dictionary.people.get(person.actor.id) if person.actor else None
    if entry is None:
        return False
    words = _name_words(entry)
    extra = [t for t in sentence.tokens if name.start <= t.start and t.end <= name.end
             and not (person.start <= t.start and t.end <= person.end) and t.text.isalpha()]
    return all(t.lemma in words or t.text.lower() in words for t in extra)


def _people_in_names(
    index: Index, sentence: Sentence, known: list[Mention], ner: Sequence[Mention]
) -> list[Mention]:
    """A dictionary person inside a longer NER name: the same person (the mention takes the
    whole name) or another one (the dictionary match is dropped for the NER name)."""
    result = []
    for mention in known:
        name = next((n for n in ner if n.kind == "PER" and n.start <= mention.start
                     and mention.end <= n.end and (n.start, n.end) != (mention.start, mention.end)),
                    None)
        if name is None or mention.kind != "PER" or mention.parts:
            result.append(mention)
        elif _same_person(index, sentence, mention, name):
            result.append(dataclasses.replace(mention, start=name.start, end=name.end,
                                              text=name.text))
    return result


def resolve_sentence(
    index: Index, text: str, sentence: Sentence, ner: Sequence[Mention], date: dt.date | None
) -> list[Mention]:
    """Dictionary mentions first; NER names that no dictionary phrase covers are kept.
    Places the dictionary knows to be no actor (`Европа`) stay places."""
    tokens = sentence.tokens
    known = mentions_of(phrases(index.match(tokens), tokens), text, tokens, date)
    known = _people_in_names(index, sentence, known, ner)
    found = [m if m.actor is None and m.kind == "LOC" else _place_or_state(text, sentence, m)
             for m in known]
    found += [_place_or_state(text, sentence, _from_ner(m)) for m in ner
              if not any(m.start < d.end and d.start < m.end for d in known)]
    return sorted(found, key=lambda m: (m.start, -m.end))


class ResolveActors:
    """Stage: mentions with coded actors (`RUSGOV`, `AZEBUS`, `NATO`), by the document's date."""

    name = "actors"

    def __init__(self, dictionaries: Sequence[str] = (), *, builtin: bool = True):
        self.index = index_for(tuple(str(d) for d in dictionaries), builtin)

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        return [self._resolve(a) if a.analysed and a.sentences else a for a in batch]

    def _resolve(self, analysis: Analysis) -> Analysis:
        document = analysis.document
        ner = sorted(analysis.mentions, key=lambda m: m.start)
        mentions: list[Mention] = []
        for sentence in analysis.sentences:
            inside = [m for m in ner if sentence.start <= m.start < sentence.end]
            mentions += resolve_sentence(self.index, document.text, sentence, inside,
                                         document.date)
        return dataclasses.replace(analysis, mentions=tuple(mentions))
