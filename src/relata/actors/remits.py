"""Bodies and offices named by their remit and their owner: `министерство культуры
Белоруссии` (BLRGOV), `министр сельского хозяйства Франции`, `агентство по атомной энергии
Японии`, `комитет по обороне Госдумы` (RUSLEG), `комитет ООН по правам ребёнка` (UN).

A head word (data/heads.yaml), then its remit (what the body deals with: genitive nouns
and adjectives, or a remit preposition and what follows it), then a dictionary phrase
naming its owner (a state in the genitive, an organisation, a named body), make one
phrase: the owner's actor with the head's sector, or the owner's own where the head has
none. The remit is grammar, so its words are here; the head words are data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..language.russian import normal_forms
from ..records import Token
from .codes import normal
from .dictionary import Company, Country, Dictionary, Head, Organisation, Person, Sector
from .patterns import NAME, SECTOR, Match, Target
from .resolve import Phrase

# Prepositions that open a remit: `по делам беженцев`, `при президенте`, `по связям с
# общественностью`, `для помощи палестинским беженцам`.
REMIT_PREPOSITIONS = frozenset({"по", "при", "с", "со", "для"})
REMIT_WORDS = frozenset({"NOUN", "ADJ", "DET", "NUM"})
MAX_REMIT = 8  # tokens: `по вопросам науки и высшего образования` is seven
WRITTEN_CACHE = 100_000  # words whose head word `Heads` keeps
_UNSEEN = object()


@dataclass(frozen=True)
class Heads:
    """The head words by each of their lemmas."""

    by_form: dict[str, Head]
    # `_by_written`'s answers, by the word as the token has it: every token of every
    # sentence is asked, and a document repeats its words (emptied when full)
    _found: dict[str, Head | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, dictionary: Dictionary) -> Heads:
        by_form: dict[str, Head] = {}
        for head in dictionary.heads.values():
            for word in head.words:
                for form in normal_forms(word) | {normal(word)}:
                    by_form.setdefault(form, head)
        return cls(by_form)

    def at(self, token: Token) -> Head | None:
        """The head word of a token, by its lemma or else by its text."""
        head = self._found.get(token.lemma, _UNSEEN)  # `_by_written`, inline: every token
        if head is _UNSEEN:
            head = self._by_written(token.lemma)
        if head is not None:
            return head
        head = self._found.get(token.text, _UNSEEN)
        head = self._by_written(token.text) if head is _UNSEEN else head
        if head is None and "-" in token.text[1:]:  # `экс-министр`: the word after a hyphen
            tail, lemma = token.text.rpartition("-")[2], token.lemma.rpartition("-")[2]
            if tail and lemma:
                return self.at(dataclasses.replace(token, text=tail, lemma=lemma))
        return head

    def _by_written(self, word: str) -> Head | None:
        """The head word whose form `normal(word)` is."""
        found = self._found
        head = found.get(word, _UNSEEN)
        if head is _UNSEEN:
            if len(found) >= WRITTEN_CACHE:
                found.clear()
            head = found[word] = self.by_form.get(normal(word))
        return head


_KNOWN: dict[int, tuple[Dictionary, Heads]] = {}  # by the id of a dictionary kept alive here


def heads_of(dictionary: Dictionary) -> Heads:
    """The head words of a dictionary, read once (a Dictionary holds dicts: no hash)."""
    known = _KNOWN.get(id(dictionary))
    if known is None or known[0] is not dictionary:
        if len(_KNOWN) > 8:
            _KNOWN.clear()
        known = _KNOWN[id(dictionary)] = (dictionary, Heads.of(dictionary))
    return known[1]


def _owner(phrase: Phrase) -> bool:
    """A phrase that may own a body: a state by its name, an organisation, a named body or
    company, with or without a sector word before it (`Сената США`)."""
    matches = [m for m in phrase.matches if not isinstance(m.target.entry, Person)]
    if not matches or len(matches) > 2:
        return False
    owner = matches[-1].target
    if len(matches) == 2 and matches[0].target.role != SECTOR:
        return False
    if isinstance(owner.entry, Country):
        return owner.role == NAME
    return isinstance(owner.entry, Organisation | Company) and owner.role == NAME


def _bare_state(phrase: Phrase) -> bool:
    return len(phrase.matches) == 1 and isinstance(phrase.matches[0].target.entry, Country)


def _bare_sector(phrase: Phrase, k: int) -> bool:
    """A phrase that is one sector word at token k alone (`министерство`)."""
    return (len(phrase.matches) == 1 and phrase.matches[0].target.role == SECTOR
            and phrase.matches[0].first == k and phrase.matches[0].last == k + 1)


def _remit_word(token: Token, after_preposition: bool, first: bool) -> str | None:
    """What a token is to a remit: `preposition`, `and`, `word`, or None (it ends it):
    genitive nouns and adjectives, `и` between them, a remit preposition and what follows
    it, no proper name but at its start."""
    if token.pos == "ADP" and normal(token.lemma) in REMIT_PREPOSITIONS:
        return "preposition"
    if token.pos == "CCONJ" and normal(token.lemma) == "и" and not first:
        return "and"
    if token.pos in REMIT_WORDS and (after_preposition or token.feat("Case") == "Gen") and (
            token.text[:1].islower() or first):
        return "word"
    return None


def remit_length(tokens: Sequence[Token], k: int, ends: frozenset[int] = frozenset()) -> int:
    """How many tokens from k make a remit (`культуры`, `по чрезвычайным ситуациям`), by
    grammar alone; it stops before a token of `ends` and never ends on a preposition or
    `и`."""
    after_preposition, length = False, 0
    for j in range(k, min(len(tokens), k + MAX_REMIT)):
        if j in ends:
            break
        what = _remit_word(tokens[j], after_preposition, j == k)
        if what is None:
            break
        after_preposition = after_preposition or what == "preposition"
        if what == "word":
            length = j - k + 1
    return length


def _remit_end(tokens: Sequence[Token], k: int, owners: dict[int, int],
               within: dict[int, int], phrases_: Sequence[Phrase]) -> int | None:
    """Where the remit that starts at token k ends (the owner's first token), or None.
    Sector and place words may be in it (`по делам беженцев`, `при президенте`), no state,
    organisation or person."""
    after_preposition = False
    for j in range(k, min(len(tokens), k + MAX_REMIT + 1)):
        if j in owners:
            return j
        n = within.get(j)
        if n is not None and any(m.target.role != SECTOR for m in phrases_[n].matches
                                 if m.first <= j < m.last):
            return None  # a state or a name of its own: no remit
        what = _remit_word(tokens[j], after_preposition, j == k)
        if what is None:
            return None
        after_preposition = after_preposition or what == "preposition"
    return None


def _person_at(phrases_: Sequence[Phrase], within: dict[int, int], k: int) -> int | None:
    """The phrase at token k if it is a person alone (`министр культуры Франции Рашида
    Дати` is Дати, whom the office describes)."""
    n = within.get(k)
    if n is None or phrases_[n].matches[0].first != k:
        return None
    matches = phrases_[n].matches
    return n if len(matches) == 1 and isinstance(matches[0].target.entry, Person) else None


def _office_ending_at(phrase: Phrase, k: int, hyphenated: bool = False) -> bool:
    """A phrase that is one sector phrase ending with the head word at k and saying more
    than it: a former office (`бывший министр`, `экс-министр`, ELI in sectors.yaml), whose
    remit and state may follow as they follow the office itself (`бывший министр
    иностранных дел Боливии`, `экс-министр обороны Перу`)."""
    return (len(phrase.matches) == 1 and phrase.matches[0].target.role == SECTOR
            and (phrase.matches[0].first < k or hyphenated)
            and phrase.matches[0].last == k + 1)


def _adjectives_before(tokens: Sequence[Token], k: int, taken: set[int]) -> int:
    """The first of the adjectives that agree with the head word at k: `Федеральная
    миграционная служба`, `Национальное агентство`."""
    head = tokens[k]
    first = k
    if head.feat("Animacy") == "Anim":
        return k  # `бывший министр` is ELI (sectors.yaml); a person's office starts at its word
    while first > 0 and first - 1 not in taken and tokens[first - 1].pos == "ADJ" and (
            tokens[first - 1].feat("Case") == head.feat("Case")):
        first -= 1
    return first


def bodies_by_remit(phrases_: Sequence[Phrase], tokens: Sequence[Token],
                    dictionary: Dictionary) -> list[Phrase]:
    """The phrases, a head word with its remit and owner made one phrase where they are."""
    if not dictionary.heads:
        return list(phrases_)
    at = heads_of(dictionary).at
    head_at = [at(t) for t in tokens]
    if not any(head_at):
        return list(phrases_)  # most sentences: no head word, nothing to make (the path
        # below makes nothing then: tests/test_actors_patterns_speed.py)
    return _bodies(phrases_, tokens, head_at)


def _bodies(phrases_: Sequence[Phrase], tokens: Sequence[Token],
            head_at: Sequence[Head | None]) -> list[Phrase]:
    """`bodies_by_remit`, with the head word at each token (None: none)."""
    within = {k: n for n, p in enumerate(phrases_) for m in p.matches
              for k in range(m.first, m.last)}
    # an owner is in the genitive (or a word with no case: `США`); `при президенте
    # России` is a remit whose own state owns nothing
    owners = {p.matches[0].first: n for n, p in enumerate(phrases_) if _owner(p)
              and tokens[p.matches[0].first].feat("Case") in (None, "Gen")}
    # phrases made of a sector word and a state (`беженцев Ирака`): their state may own
    starts_of_state = {p.matches[-1].first: n for n, p in enumerate(phrases_)
                       if len(p.matches) == 2 and p.matches[0].target.role == SECTOR
                       and _bare_state(Phrase(p.matches[1:]))}
    dropped: set[int] = set()
    made: list[Phrase] = []
    k = 0
    while k < len(tokens):
        head = head_at[k]
        own = within.get(k)
        office = own is not None and _office_ending_at(phrases_[own], k,
                                                       "-" in tokens[k].text[1:])
        if head is None or (own is not None and not _bare_sector(phrases_[own], k)
                            and not office) or (own is not None and own in dropped):
            k += 1
            continue
        end = _remit_end(tokens, k + 1, owners | {s: n for s, n in starts_of_state.items()
                                                  if s > k + 1}, within, phrases_)
        if end is None:
            k += 1
            continue
        n = owners.get(end)
        if n is None:  # a state whose phrase starts at a remit's sector word
            n = starts_of_state[end]
            owner_matches = phrases_[n].matches[1:]
        else:
            owner_matches = phrases_[n].matches
        owner = Phrase(owner_matches)
        first = phrases_[own].matches[0].first if office else _adjectives_before(
            tokens, k, set(within))
        remit = end > k + 1 or n in starts_of_state.values() or (head.adjectives and first < k)
        if head.remit and not remit and _bare_state(owner):
            k += 1
            continue
        if tokens[owner_matches[0].first].feat("Case") not in (None, "Gen"):
            k += 1
            continue  # `при президенте России`'s state
        word_sector = next((m.target.entry.sector for m in owner_matches
                            if m.target.role == SECTOR), None)
        sector = head.sector or word_sector or "GOV"
        if office:  # the former office's sector (ELI), whatever the office was
            sector = phrases_[own].matches[0].target.entry.sector
        word = Match(first, k + 1, tokens[first].start, tokens[k].end,
                     Target(SECTOR, Sector(sector, (head.words[0],), head.name),
                            tokens[k].lemma))
        rest = tuple(m for m in owner_matches if m.target.role != SECTOR)
        dropped.update({n, *(within[j] for j in range(k, end) if j in within)})
        person = _person_at(phrases_, within, rest[-1].last)
        if person is not None and not any(isinstance(m.target.entry, Person) for m in rest):
            dropped.add(person)
            rest = (*rest, *phrases_[person].matches)
        made.append(Phrase((word, *rest)))
        k = max(m.last for m in rest)
    if not made:
        return list(phrases_)
    kept = [p for n, p in enumerate(phrases_) if n not in dropped]
    return sorted([*kept, *made], key=lambda p: p.matches[0].first)
