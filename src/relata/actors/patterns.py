"""Dictionary names compiled into lemma patterns, and matching them against tokens.

A pattern is a sequence of words; a word matches a token whose lemma (or
lower-cased text) is one of the word's forms and whose capitalisation fits:
`РФ` only in capitals, `Москва` only with a capital initial, `сторона` in any
case. At each token the longest pattern wins.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from razdel import tokenize

from ..cache import read_json, write_json
from ..language.markup import Visible
from ..language.russian import NAME_CACHE, morph_vocab, normal_forms
from ..records import Token
from .codes import normal
from .dictionary import (
    Company,
    Country,
    Dictionary,
    Entry,
    Group,
    Head,
    Organ,
    Organisation,
    Person,
    Place,
    Sector,
)
from .load import CASES, case_of

# What a name says about its entry.
NAME, ADJECTIVE, PREFIX, DEMONYM, CAPITAL, SEAT, BREAKAWAY, SECTOR = (
    "name", "adjective", "prefix", "demonym", "capital", "seat", "breakaway", "sector")


@dataclass(frozen=True, slots=True)
class Word:
    forms: frozenset[str]
    case: str  # "upper", "title" or "any"

    def __reduce__(self):  # unpickled by __init__: a slotted dataclass's state is slower
        return Word, (self.forms, self.case)

    def fits(self, token: Token, keys: tuple[str, ...] | None = None) -> bool:
        """`keys`: the token's `token_keys`, when the caller has them already."""
        if self.case == "upper" and not token.text.isupper():
            return False
        if self.case == "title" and not token.text[:1].isupper():
            return False
        return not self.forms.isdisjoint(token_keys(token) if keys is None else keys)


def token_keys(token: Token) -> tuple[str, ...]:
    """The forms a token is looked up by: its lemma and its text, and for a capitalised
    word the tagger left as written, the normal forms of the word itself read as a
    noun. A surname the tagger does not know keeps its ending in an oblique case
    (`Жвании`, `Базаргана`, `Ботой`); the word's own readings give back the
    nominative the dictionary writes (`Жвания`, `Базарган`, `Бота`)."""
    return _keys(token.text, token.lemma)


@functools.lru_cache(maxsize=NAME_CACHE)
def _keys(written: str, lemma: str) -> tuple[str, ...]:
    """`token_keys` by the token's text and lemma: every dictionary word asks for the keys of
    every token it is tried on, and a document repeats its words (a pure function, cached)."""
    text = normal(written)
    if not written.rpartition("-")[2][:1].isupper():
        return (lemma, text)
    if lemma != text:
        # The tagger took a surname for another word's form: the nominatives its own
        # ending gives, too; for a word the morphology does not know, by its declension
        # (`Буйои` for `буйой`, `Ходжаем`: `Ходжай`, not `Ходжа`), else by a name's case
        # ending (`Кайла` for `кайло`, `Пенном` for `пенный`).
        return tuple(dict.fromkeys((lemma, text, *(_foreign_nominatives(text)
                                                   or _nominatives(text)))))
    return (text, *_readings(written))


@functools.lru_cache(maxsize=NAME_CACHE)
def _nominatives(text: str) -> tuple[str, ...]:
    """The nominatives a capitalised word may come from by a name's case ending, for a
    foreign name the tagger lemmatised as another word: `Кайла` (not `кайло`), `Пенном`
    (not `пенный`), `Коцем`, `Световым`, and names of the `-а` declension in the
    genitive (`Гевары`, `Бенсуды`, `Мелии`). Only looked up among the dictionary's names."""
    head, hyphen, tail = text.rpartition("-")
    if hyphen and tail:
        return tuple(f"{head}-{form}" for form in _nominatives(tail))
    forms = {text[: -len(e)] for e in (*MASCULINE_ENDINGS, "ем", "ым")
             if text.endswith(e) and len(text) > len(e) + 2}
    forms |= {text[: -len(e)] + soft for e in SOFT_ENDINGS for soft in "ьй"
              if text.endswith(e) and len(text) > len(e) + 2}
    if len(text) > 3 and text[-1] in "ыи":
        forms |= {text[:-1] + "а", text[:-1] + "я"}
    return tuple(sorted(forms))


@functools.lru_cache(maxsize=NAME_CACHE)
def _readings(word: str) -> tuple[str, ...]:
    head, hyphen, tail = word.rpartition("-")  # `аль-Хосса`: the article stays as written
    if hyphen and tail:
        return tuple(f"{normal(head)}-{form}" for form in _readings(tail))
    # Noun readings only: a verb's (`День` read as a form of `деть`) would name `Дели`.
    readings = {normal(p.normal_form) for p in morph_vocab().parse(word) if p.tag.POS == "NOUN"}
    # A foreign man's surname ending in a consonant takes Russian case endings the
    # tagger reads as another word (`Маска`: a mask; `Ына` in `Ким Чен Ына`): its stem too.
    folded = normal(word)
    readings |= {folded[: -len(e)] for e in MASCULINE_ENDINGS
                 if folded.endswith(e) and len(folded) > len(e) + 1}
    # One ending in a soft sign or `й` takes soft endings (`Скрипаля`, `Дудем`, `Шария`).
    readings |= {folded[: -len(e)] + soft for e in SOFT_ENDINGS for soft in "ьй"
                 if folded.endswith(e) and len(folded) > len(e) + 1}
    return tuple(sorted(readings | set(_foreign_nominatives(folded))))


@functools.lru_cache(maxsize=NAME_CACHE)
def _foreign_nominatives(folded: str) -> tuple[str, ...]:
    """The nominatives the case ending of a word the morphology does not know points to
    (a foreign surname; a known word keeps its own readings): a man's surname ending in a
    consonant (`Иваничем`: `Иванич`; `Ходжаем`: `Ходжай`), and one ending in -а/-я,
    which declines like `мама`/`Мария` (`Мутарики`, `Мутарикой`; `Буйои`: `Буйоя`)."""
    if morph_vocab().word_is_known(folded):
        return ()
    forms = {folded[: -len(e)] for e in MASCULINE_ENDINGS
             if folded.endswith(e) and len(folded) > len(e) + 1}
    if folded.endswith("ем") and len(folded) > 3:
        forms.add(folded[:-2] + "й" if folded[-3] in VOWELS else folded[:-2])
    forms |= {folded[: -len(e)] + n for e, nominatives in A_DECLENSION.items()
              if folded.endswith(e) and len(folded) > len(e) + 2 for n in nominatives}
    return tuple(sorted(forms))


MASCULINE_ENDINGS = ("ом", "а", "у", "е")
SOFT_ENDINGS = ("ем", "я", "ю", "е")
VOWELS = frozenset("аеёиоуыэюя")
A_DECLENSION = {"ы": ("а",), "и": ("а", "я"), "ой": ("а",), "ей": ("я", "а"), "ою": ("а",),
                "е": ("а", "я"), "у": ("а",), "ю": ("я",)}


@dataclass(frozen=True, slots=True)
class Target:
    role: str  # NAME, ADJECTIVE, …
    entry: Entry
    surface: str  # the name as the dictionary writes it: `Москва` for `Москвой`

    def __reduce__(self):  # as Word's
        return Target, (self.role, self.entry, self.surface)


@dataclass(frozen=True, slots=True)
class Match:
    first: int  # token index in the sentence
    last: int  # one past the last token
    start: int  # char offsets in the document
    end: int
    target: Target


_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


# Token keys whose patterns `Index._candidates` keeps in order: a few thousand in a news
# stream; the cache is emptied when full, so a long run's memory stays bounded.
CANDIDATE_CACHE = 50_000

FORMS_FILE = "forms.json"
_FORMS_FORMAT = 1  # raise when what the file holds changes


def _morphology_versions() -> list[str]:
    """pymorphy2's version and its Russian dictionary's: they decide a word's forms."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for package in ("pymorphy2", "pymorphy2-dicts-ru"):
        try:
            found.append(version(package))
        except PackageNotFoundError:
            found.append("")
    return found


class Forms:
    """The forms of the dictionaries' words (`normal_forms`), kept in relata's cache
    (relata.cache) between runs: asking pymorphy for the eleven thousand words of the
    built-in dictionaries took well over a second at every start, reading their forms
    back takes a few hundredths. The file is keyed on the morphology's versions. It keeps
    the words of earlier indexes too (the built-in dictionaries with and without a user's),
    up to twice the words of the last one, so it does not grow without bound."""

    def __init__(self, cached: bool = True):
        self.key = [_FORMS_FORMAT, *_morphology_versions()]
        kept = read_json(FORMS_FILE) if cached else None
        known = kept.get("forms") if kept is not None and kept.get("key") == self.key else None
        self.known: dict = known if isinstance(known, dict) else {}
        self.used: dict[str, list[str]] = {}
        self.cached = cached

    def __call__(self, word: str) -> frozenset[str]:
        forms = self.known.get(word)
        if not (isinstance(forms, list) and forms and all(isinstance(f, str) for f in forms)):
            forms = sorted(normal_forms(word))  # not kept, or not as we write it
        self.used[word] = forms
        return frozenset(forms)

    def save(self) -> None:
        if not self.cached or self.used.keys() <= self.known.keys():
            return
        kept = self.known | self.used
        if len(kept) > 2 * len(self.used):
            kept = self.used
        write_json(FORMS_FILE, {"key": self.key, "forms": kept})


def _word(text: str, forms: Forms) -> Word:
    return Word(forms(text), case_of(text))


def _words(surface: str, forms: Forms) -> tuple[Word, ...]:
    """`Соединённые Штаты` also matches `Соединённые штаты`: after the first word, a capital
    initial is not required (capitals, `РФ`, still are)."""
    words = [_word(t.text, forms) for t in tokenize(surface)]
    return tuple(words[:1]) + tuple(
        Word(w.forms, "any") if w.case == "title" else w for w in words[1:])


def _strictness(words: tuple[Word, ...]) -> tuple[int, ...]:
    return tuple(CASES.index(w.case) for w in words)


def _names(entry: Entry) -> Iterator[tuple[str, str]]:
    """(role, surface) for every name of an entry; the first role of a surface wins."""
    if isinstance(entry, Head):
        return  # words read by actors/remits.py, never matched alone
    fields = {
        Country: ((NAME, "names"), (DEMONYM, "demonyms"), (CAPITAL, "capitals"),
                  (SEAT, "seats"), (BREAKAWAY, "breakaway"), (ADJECTIVE, "adjectives")),
        Organisation: ((NAME, "names"), (SEAT, "seats"), (ADJECTIVE, "adjectives")),
        Company: ((NAME, "names"),),
        Person: ((NAME, "names"),),
        Place: ((NAME, "names"),),
        Sector: ((SECTOR, "words"),),
        Organ: ((SECTOR, "words"),),
        Group: ((NAME, "names"), (ADJECTIVE, "adjectives")),
    }[type(entry)]
    seen = set()
    for role, field in fields:
        for surface in getattr(entry, field):
            if normal(surface) not in seen:
                seen.add(normal(surface))
                yield role, surface


class Index:
    """Every dictionary name as a pattern, keyed by the forms of its first word."""

    def __init__(self, dictionary: Dictionary, *, cached: bool = True):
        """`cached`: the words' forms read from (and kept in) relata's cache; an index
        built either way is the same (tests/test_actors_patterns.py)."""
        self.dictionary = dictionary
        forms = Forms(cached)
        # patterns by first word form: (words, target, strictness of the words)
        self._first: dict[str, list[tuple[tuple[Word, ...], Target, tuple[int, ...]]]] = {}
        self._prefixes: dict[str, Target] = {}
        self._sorted: dict[tuple, tuple] = {}  # `_candidates`' answers
        self._starting: dict[tuple[str, str], tuple] = {}  # theirs by a token's text, lemma
        for entry in dictionary.entries():
            for role, surface in _names(entry):
                words = _words(surface, forms)
                strictness = _strictness(words)
                for form in words[0].forms:
                    target = Target(role, entry, surface)
                    self._first.setdefault(form, []).append((words, target, strictness))
            for prefix in getattr(entry, "prefixes", ()):
                self._prefixes[normal(prefix)] = Target(PREFIX, entry, prefix)
        forms.save()

    def may_match(self, tokens: Sequence[Token]) -> bool:
        """Whether any token could start a name, not just a sector word (cheap: no pattern
        is tried)."""
        names = self._name_starts
        return any("-" in t.text or not names.isdisjoint(_keys(t.text, t.lemma))
                   for t in tokens)

    @functools.cached_property
    def first_forms(self) -> frozenset[str]:
        """The lemmas a match may start with."""
        return frozenset(self._first)

    @functools.cached_property
    def _name_starts(self) -> frozenset[str]:
        return frozenset(form for form, patterns in self._first.items()
                         if any(target.role != SECTOR for _, target, _ in patterns))

    def match(self, tokens: Sequence[Token], text: str,
              keys: Sequence[tuple[str, ...]] | None = None) -> list[Match]:
        """Non-overlapping matches, left to right, the longest at each token; `text` is
        the document's, which the tokens' offsets point into. `keys`: the tokens'
        `token_keys`, when the caller has them already; else a token's are asked only
        when a pattern of more than one word reaches it."""
        matches: list[Match] = []
        starting = self._starting
        i = 0
        while i < len(tokens):
            token = tokens[i]
            written = token.text
            candidates = starting.get((written, token.lemma))
            if candidates is None:
                candidates = self._starting_at(written, token.lemma)
            if not candidates and "-" not in written:
                # most tokens: no pattern starts here, no compound
                i += 1
                continue
            found = self._fitting(candidates, tokens, i, keys)
            if found:
                words, target = found
                last = i + len(words)
                matches.append(Match(i, last, tokens[i].start, tokens[last - 1].end, target))
                i = last
                continue
            if "-" in written:  # else no compound: `_compound` would find no parts
                matches.extend(self._compound(tokens, i, text))
            i += 1
        return matches

    def _starting_at(self, written: str, lemma: str) -> tuple:
        """`_candidates` of a token by its text and lemma, which decide them: kept in
        `_starting`, so that a token no pattern starts with costs one lookup."""
        found = self._candidates(_keys(written, lemma), written.isupper(), written[:1].isupper())
        if len(self._starting) >= CANDIDATE_CACHE:
            self._starting.clear()
        self._starting[written, lemma] = found
        return found

    def _longest(self, tokens: Sequence[Token], i: int,
                 keys: Sequence[tuple[str, ...]] | None = None):
        """The longest pattern at token i; of equally long ones, the one written strictest
        (`ГУАМ` the organisation before `Гуам` the island); of those, the first listed.
        The patterns come in that order (`_candidates`): the first that fits wins."""
        written = tokens[i].text
        key = _keys(written, tokens[i].lemma) if keys is None else keys[i]
        return self._fitting(self._candidates(key, written.isupper(), written[:1].isupper()),
                             tokens, i, keys)

    @staticmethod
    def _fitting(candidates: tuple, tokens: Sequence[Token], i: int,
                 keys: Sequence[tuple[str, ...]] | None):
        """The first of a token's `_candidates` whose other words fit the tokens after it."""
        room = len(tokens) - i
        for words, target in candidates:
            n = len(words)
            if n > room:
                continue
            if n == 1:
                return words, target
            if keys is None:
                if all(w.fits(t, _keys(t.text, t.lemma)) for w, t in zip(
                        words[1:], tokens[i + 1 : i + n], strict=True)):
                    return words, target
            elif all(w.fits(t, k) for w, t, k in zip(
                    words[1:], tokens[i + 1 : i + n], keys[i + 1 : i + n], strict=True)):
                return words, target
        return None

    def _candidates(self, keys: tuple[str, ...], upper: bool, title: bool,
                    ) -> tuple[tuple[tuple[Word, ...], Target], ...]:
        """The patterns a token with these keys, in capitals or not, with a capital initial
        or not, may start: those whose first word has one of the keys (they are listed
        under it) and is written so (what `Word.fits` says of the first word). Longest
        first, then strictest, then in the order `_first` lists them under the keys in
        turn: the first that fits is the one a search of them all would keep
        (tests/test_actors_patterns_speed.py). Kept: a document repeats its words."""
        found = self._sorted.get((keys, upper, title))
        if found is None:
            listed = [(words, target, strictness) for key in dict.fromkeys(keys)
                      for words, target, strictness in self._first.get(key, ())
                      if (words[0].case != "upper" or upper)
                      and (words[0].case != "title" or title)]
            order = sorted(range(len(listed)), key=lambda n: (
                -len(listed[n][0]), listed[n][2], n))
            found = tuple((listed[n][0], listed[n][1]) for n in order)
            if len(self._sorted) >= CANDIDATE_CACHE:
                self._sorted.clear()
            self._sorted[keys, upper, title] = found
        return found

    def _compound(self, tokens: Sequence[Token], i: int, text: str) -> Iterator[Match]:
        """A hyphenated word names one actor a part: `российско-азербайджанские` (prefix and
        adjective), `Россия-НАТО`, `охранники-афганцы` (names and demonyms)."""
        token = tokens[i]
        parts, lemmas = token.text.split("-"), token.lemma.split("-")
        if len(parts) < 2 or len(parts) != len(lemmas) or not _CYRILLIC.search(token.text):
            return  # `France-Presse` is one name, not France
        # The token's text is the word as read, without invisible characters: where each
        # part is in the document is found in the document's own text.
        where = Visible.of(text[token.start : token.end])
        shown = 0
        for n, (part, lemma) in enumerate(zip(parts, lemmas, strict=True)):
            start = token.start + where.start(shown)
            end = token.start + where.end(shown + len(part))
            shown += len(part) + 1
            piece = dataclasses.replace(token, start=start, end=end, text=part, lemma=lemma)
            found = self._longest([piece], 0, [token_keys(piece)])
            target = found[1] if found else None
            if target is None and n < len(parts) - 1:
                target = self._prefixes.get(normal(part))
            if target is not None:
                yield Match(i, i + 1, start, end, target)
