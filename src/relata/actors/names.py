"""One person, one actor across a document: the names a document gives one person share
the actor its fullest, best-resolved name has.

News names a person in full once and by the surname after (or the other way round: a
headline's `Моралес` before the text's `Эво Моралес`), and glosses a foreign name in
brackets (`Хорхе Кирога (Jorge Quiroga)`). Each name is resolved in its own sentence
first (actors/stage.py); then the rules of `NAME_RULES`, in order, give each shorter or
unresolved name the actor of the name it stands for in the same document:

- `glossed_name`: a name and its gloss in brackets are one actor;
- `surname_of_named_person`: a surname alone, or a given name and surname, in any case,
  is the person the document names in full (`Моралеса` after or before `Эво Моралес`),
  even when the surname alone is no dictionary name (several people bear it) or the
  dictionary's guess for it is another person (`Алиев` is Ilham Aliyev unless the
  document names Heydar); a person no dictionary knows keeps one identity (the actor of
  his full name: its name, and the country an office or the surname's origin gave it).

The rules need no words of a language: names are compared by the forms a token is
looked up by in the dictionaries (`patterns.token_keys`), so `Моралеса`, `Моралесом`
and `Моралес` are one word.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..language.markup import visible
from ..records import Mention, Token
from .origins import ORIGIN
from .patterns import token_keys

# What stands between a name and its gloss, and after the gloss: `Кирога (Jorge
# Quiroga)`, `«Ла стампа» (La Stampa)`.
_OPENS_GLOSS = re.compile(r"^[»\"“”]?\s*\(\s*$")
_CLOSES_GLOSS = re.compile(r"^\s*\)")
GLOSSED_KINDS = frozenset({"PER", "ORG"})


@dataclass(frozen=True, slots=True)
class Names:
    """A document's mentions and what the rules read of them: the text, and the forms of
    each person's name words."""

    mentions: list[Mention]
    text: str
    tokens: Sequence[Token]
    starts: Sequence[int]  # the tokens' starts, for bisect

    def words(self, mention: Mention) -> tuple[frozenset[str], ...]:
        """The forms of the words of a person's name (of the person's part of a phrase:
        `Эво Моралес` of `президент Боливии Эво Моралес`), initials left out."""
        person = next((p for p in reversed(mention.parts) if p.kind == "PER"), mention)
        k = bisect.bisect_left(self.starts, person.start)
        found = []
        while k < len(self.tokens) and self.tokens[k].start < person.end:
            token = self.tokens[k]
            if token.text.isalpha() and len(token.text) > 1 and token.text[:1].isupper():
                found.append(frozenset(token_keys(token)))
            k += 1
        return tuple(found)


def _coded(mention: Mention) -> bool:
    actor = mention.actor
    return actor is not None and bool(actor.code or actor.country)


def _known(mention: Mention) -> bool:
    """Whether a dictionary names the person (not only an office or an origin)."""
    return mention.actor is not None and mention.actor.id is not None


def glossed_name(names: Names) -> list[Mention]:
    """A name and its gloss in brackets right after it are one actor (`Хорхе Кирога (Jorge
    Quiroga)`, `Иван Петренко (Ivan Petrenko)`): the one resolved gives its actor to the
    one not resolved; if neither is, the gloss is the same unknown person as the name."""
    mentions = list(names.mentions)
    for k in range(len(mentions) - 1):
        name, gloss = mentions[k], mentions[k + 1]
        if name.kind != gloss.kind or name.kind not in GLOSSED_KINDS or not (
                _OPENS_GLOSS.match(visible(names.text[name.end : gloss.start]))
                and _CLOSES_GLOSS.match(names.text[gloss.end : gloss.end + 8])):
            continue
        if _coded(name) and not _coded(gloss):
            mentions[k + 1] = dataclasses.replace(gloss, actor=name.actor, via=name.via)
        elif _coded(gloss) and not _coded(name):
            mentions[k] = dataclasses.replace(name, actor=gloss.actor, via=gloss.via)
        elif not _coded(name) and not _coded(gloss) and name.actor is not None:
            mentions[k + 1] = dataclasses.replace(gloss, actor=name.actor)
    return mentions


def _part_of(short: tuple[frozenset[str], ...], full: tuple[frozenset[str], ...]) -> bool:
    """Whether a name of words `short` may be a shorter writing of `full`: the same surname
    (last word), and every other word one of the full name's (`Эво Моралеса`, `Моралесом`
    of `Эво Моралес`; not `Хуан Моралес`, nor `Эво` alone)."""
    if not short or len(short) > len(full) or short[-1].isdisjoint(full[-1]):
        return False
    return all(any(not word.isdisjoint(other) for other in full) for word in short[:-1])


def _strength(mention: Mention) -> int:
    """How much a name's actor is worth: a dictionary person (3), an actor an office gave
    (2), a country the surname's origin gave (1), no country (0)."""
    if _known(mention):
        return 3
    if _coded(mention):
        return 1 if mention.via == ORIGIN else 2
    return 0


def _rank(mention: Mention, words: tuple[frozenset[str], ...]) -> tuple[int, int]:
    """How good a name is as the one others take their actor from: the strongest actor,
    then the fullest name."""
    return _strength(mention), len(words)


def surname_of_named_person(names: Names) -> list[Mention]:
    """A surname alone, or a shorter form of a name, in any case (`Моралеса`, `Эво
    Моралесом`), takes the actor of the one fuller name in the document it may be a
    writing of (`Эво Моралес`, before or after it): the dictionary's person, or the person
    no dictionary knows (one identity: his name, and a country an office gave it). Nothing
    changes when the document names two people it may be (`Эво Моралес` and `Джимми
    Моралес`). A name the dictionary resolved by itself changes only for another
    dictionary person of the document (`Алиев` after `Гейдар Алиев`)."""
    people = [m for m in names.mentions if m.kind == "PER" and m.actor is not None]
    words = {id(m): names.words(m) for m in people}
    result = []
    for mention in names.mentions:
        own = words.get(id(mention))
        if not own:
            result.append(mention)
            continue
        rank = _rank(mention, own)
        fuller = [m for m in people if m is not mention and _part_of(own, words[id(m)])
                  and (len(words[id(m)]) > len(own) or _rank(m, words[id(m)]) > rank)]
        if not fuller:
            result.append(mention)
            continue
        best = max(fuller, key=lambda m: _rank(m, words[id(m)]))
        if any(not _part_of(words[id(m)], words[id(best)]) or (
                _known(m) and _known(best) and m.actor.id != best.actor.id) for m in fuller):
            result.append(mention)  # two people the name may be
            continue
        result.append(_as(mention, best))
    return result


def _as(mention: Mention, best: Mention) -> Mention:
    """The mention with the actor of the fuller name `best`, if that says more of it: a
    dictionary person the mention names by the surname (another than the dictionary's own
    guess for it: `Алиев` after `Гейдар Алиев`), a namesake of another state the document
    names with an office or a state (`Сноу` after `британский журналист Джон Сноу`), an
    actor stronger than its own, or, for a person no one knows, the one name of that
    person."""
    if _known(mention):
        if _known(best) and best.actor.id != mention.actor.id:
            return dataclasses.replace(mention, actor=best.actor, via=best.via)
        if _strength(best) == 2 and best.actor.country != mention.actor.country:
            # the document named a namesake with an office or a state of his own
            # (`британский журналист Джон Сноу`, `премьер-министр Японии Наото Кан`)
            return dataclasses.replace(mention, actor=best.actor, via=best.via)
        return mention  # a fuller name no dictionary knows is no surer than its guess
    if _strength(best) > _strength(mention):
        return dataclasses.replace(mention, actor=best.actor, via=best.via)
    if not _coded(best) and not _coded(mention) and mention.actor and best.actor:
        return dataclasses.replace(mention, actor=dataclasses.replace(
            mention.actor, name=best.actor.name))
    return mention


# The rules in the order they apply: a gloss first, so that a surname may find the person
# through a name that only its gloss resolved.
NAME_RULES: tuple[Callable[[Names], list[Mention]], ...] = (
    glossed_name,
    surname_of_named_person,
)


def same_people(mentions: Sequence[Mention], text: str,
                tokens: Sequence[Token]) -> list[Mention]:
    """The document's mentions, each name given the actor of the person it names in the
    document (NAME_RULES, in order)."""
    found = list(mentions)
    starts = [t.start for t in tokens]
    for rule in NAME_RULES:
        found = rule(Names(found, text, tokens, starts))
    return found
