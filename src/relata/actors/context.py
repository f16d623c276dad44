"""Document-level reference: pronouns, role nouns and organs named without a country.

`Путин прибыл в Анкару. Он встретился с Эрдоганом.`: `Он` is Putin. `Президент осудил
…` after a Turkish context is TURGOV; `Стороны подписали соглашение` after `Россия и
Китай` is both of them. The stage adds a mention for each such word, with the actor it
stands for and how it was found (`Mention.via`): `reference` (it points back to a named
actor) or `context` (it takes the state in focus). The words and how each one refers
are data (`data/context/references.yaml`), checked when loaded.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..datafile import Problems, Where, fields, read_sections
from ..errors import DataFileError
from ..places import lookup_span
from ..records import Actor, Analysis, Mention, Sentence, Token
from .codes import SECTORS, normal
from .dictionary import Dictionary, Sector
from .patterns import Index, Match
from .remits import heads_of, remit_length

REFERENCES = Path(__file__).parent / "data" / "context" / "references.yaml"
CROWDS = Path(__file__).parent / "data" / "context" / "crowds.yaml"
REFERS = ("focus", "organisation", "pair", "last")
CROWD = "crowd"  # how a crowds.yaml word refers: a place in its clause, else the focus
NUMBERS = ("Sing", "Plur", "any")
# Offices a word may name that not every state has (`office:` in references.yaml).
OFFICES = ("head of government", "monarch", "president")
SINCE = dt.date(1990, 1, 1)  # the offices of a state: as the people dictionaries hold them since
REFERENCE, CONTEXT = "reference", "context"  # the values of Mention.via
PLACE = "place"  # a crowd of a place that stands for its state: `сепаратисты Донбасса`
NO_SECTOR = "none"  # `sector: none`: the state itself (`страна`)
# Parts of speech of a word that is its own owner's or describes it: `президент компании`
# (a noun after the word), `американский президент` (an adjective before it).
NOMINAL = frozenset({"NOUN", "PROPN"})
DESCRIBING = frozenset({"ADJ", "DET"})
QUOTES = frozenset("«»\"„“”")
PAIR_BACK = 400  # characters back in which `стороны` looks for its two states
ALONE = frozenset({"VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "ADV", "PART"})  # `последний заявил`
# Sectors whose actors tell the story rather than stand in it: a news agency or paper
# (`сообщает Рейтер`, `в беседе с корреспондентом «Голоса Америки»`) is of the state it is
# from, not of the one the story is about.
REPORTERS = frozenset({"MED"})
# Organs that serve at home only: a place framing their clause is their state's.
AT_HOME = frozenset({"COP", "JUD"})
# Crowds that fight: a state fights them abroad as often as at home.
FIGHTERS = frozenset({"REB", "SEP"})
# Kinds of mention that name a state's people or organs, not the state or a place as such
# (LOC, LOCORG), nor a thing of it (ADJ: `итальянская забастовка`).
FELLOWS = frozenset({"PER", "ORG", "ROLE", "GRP"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})


class ReferencesError(DataFileError):
    what = "the reference words"


@dataclass(frozen=True, slots=True)
class Pronoun:
    word: str
    gender: str | None  # Masc, Fem, Neut; None: any
    number: str  # Sing or Plur
    possessive: bool = False  # only before its noun (`его страна`): `его`, `её`, `их`


@dataclass(frozen=True, slots=True)
class Word:
    """A word that refers, and how (one entry of `words:`, for one of its phrases)."""

    surface: str
    refers: str
    sector: str | None  # None: the state itself
    number: str = "Sing"  # Sing, Plur, or any
    after_preposition: bool = True  # False: not after a preposition (`со стороны`)
    codes: tuple[str, ...] = ()
    nominative: bool = False  # True: only as the nominative (an organ acting, see below)
    office: str | None = None  # an office not every state has (OFFICES)
    subject: bool = False  # True: as a subject, the state of the subject before it first

    def fits(self, number: str | None, preposition: bool, case: str | None = None) -> bool:
        return (self.number in ("any", number or "Sing")) and (
            self.after_preposition or not preposition) and (
            not self.nominative or case in (None, "Nom"))


@dataclass(frozen=True)
class References:
    pronouns: dict[str, Pronoun]  # by lemma
    pointing: frozenset[str]  # lemmas before a word that leave it referring: `этот`, `обе`
    words: dict[str, tuple[Word, ...]]  # by the normal form of the phrase
    index: Index  # the phrases as patterns, matched like dictionary names
    places: frozenset[str] = frozenset()  # prepositions of a crowd's place: `в Афинах`
    sides: frozenset[str] = frozenset()  # prepositions after which a crowd is a side
    abroad: frozenset[str] = frozenset()  # lemmas of those who serve abroad: `посол`
    without: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)  # office →
    # the states that have none of it

    def has_office(self, word: Word, actor: Actor) -> bool:
        """Whether a state may be the one a word of an office points to (`премьер`: not
        the USA, whose president heads the government)."""
        return word.office is None or actor.country not in self.without.get(word.office, ())

    @functools.cached_property
    def first_words(self) -> frozenset[str]:
        """The lemmas a sentence must hold for anything here to refer in it."""
        return frozenset(self.pronouns) | self.index.first_forms


_FIELDS = {
    "pronouns": {"word": ("str", True), "gender": ("str", False), "number": ("str", True),
                 "possessive": ("bool", False)},
    "pointing": {"words": ("list", True)},
    "abroad": {"words": ("list", True)},
    "monarchies": {"states": ("list", True)},
    "words": {"refers": ("str", True), "words": ("list", True), "sector": ("str", False),
              "number": ("str", False), "after_preposition": ("bool", False),
              "codes": ("list", False), "office": ("str", False),
              "subject": ("bool", False)},
}


_CROWD_FIELDS = {
    "crowds": {"words": ("list", True), "sector": ("str", False)},
    "places": {"words": ("list", True)},
    "sides": {"words": ("list", True)},
}


def load_crowds(dictionary: Dictionary, path: Path = CROWDS,
                ) -> tuple[list[Word], frozenset[str], frozenset[str]]:
    """The crowd words (crowds.yaml), with their sectors, and the prepositions of a crowd's
    place and of a crowd that is a side; ReferencesError lists every problem."""
    problems = Problems()
    known = _sector_words(dictionary)
    words: list[Word] = []
    prepositions: dict[str, set[str]] = {"places": set(), "sides": set()}
    for section, raw, where in read_sections(path, _CROWD_FIELDS, problems):
        values = fields(raw, _CROWD_FIELDS[section], where, problems)
        if values is None:
            continue
        if section != "crowds":
            prepositions[section].update(map(normal, values["words"]))
            continue
        sector = values.get("sector")
        if sector is not None and sector not in SECTORS:
            problems.add(where, f"unknown sector {sector!r}")
            continue
        for surface in values["words"]:
            word_sector = sector or known.get(normal(surface))
            if word_sector is None:
                problems.add(where, f"{surface!r} is no sector word (sectors.yaml): give "
                                    "`sector`")
                continue
            words.append(Word(surface, CROWD, word_sector, "any"))
    if problems:
        raise ReferencesError(problems)
    return words, frozenset(prepositions["places"]), frozenset(prepositions["sides"])


def _sector_words(dictionary: Dictionary) -> dict[str, str]:
    return {normal(word): sector.sector
            for sector in (*dictionary.sectors.values(), *dictionary.organs.values())
            for word in sector.words}


def _organ_words(dictionary: Dictionary, listed: dict[str, list[Word]]) -> Iterator[Word]:
    """The organs' words (organs.yaml) the file does not list: named alone, an organ is the
    state in focus's (`Суд приговорил …` in a Russian story: RUSJUD), in either number
    (`полицейские задержали`), as the one that acts, in the nominative: `одобрили решение
    суда` approves a thing, and `обратился в суд` names no side."""
    for organ in dictionary.organs.values():
        for surface in organ.words:
            if normal(surface) not in listed:
                yield Word(surface, "focus", organ.sector, "any", nominative=True)


def _words(raw: dict, where: Where, dictionary: Dictionary,
           problems: Problems) -> Iterator[Word]:
    refers, sector = raw["refers"], raw.get("sector")
    if refers not in REFERS:
        problems.add(where, f"unknown refers {refers!r} (expected: {', '.join(REFERS)})")
        return
    if sector is not None and sector != NO_SECTOR and sector not in SECTORS:
        problems.add(where, f"unknown sector {sector!r}")
        return
    number = raw.get("number", "Plur" if refers == "pair" else "Sing")
    if number not in NUMBERS or (refers == "pair" and number != "Plur"):
        problems.add(where, f"number must be one of {', '.join(NUMBERS)} (Plur for a pair)")
        return
    office = raw.get("office")
    if office is not None and (refers != "focus" or office not in OFFICES):
        problems.add(where, f"`office` is for refers: focus, one of {', '.join(OFFICES)}")
        return
    codes = raw.get("codes", ())
    if (refers == "organisation") != bool(codes):
        problems.add(where, "`codes` is for, and needed by, refers: organisation")
        return
    for code in codes:
        if code not in dictionary.organisations:
            problems.add(where, f"unknown organisation {code!r}")
    known = _sector_words(dictionary)
    for surface in raw["words"]:
        word_sector = sector or known.get(normal(surface))
        if refers == "focus" and word_sector is None:
            problems.add(where, f"{surface!r} is no sector word (sectors.yaml): give `sector`")
            continue
        yield Word(surface, refers, None if word_sector == NO_SECTOR else word_sector, number,
                   raw.get("after_preposition", True), tuple(codes), office=office,
                   subject=raw.get("subject", False))


def load_references(dictionary: Dictionary, path: Path = REFERENCES,
                    crowds: Path = CROWDS) -> References:
    """The reference words and the crowds, checked against the actor dictionary (sectors,
    organisations); ReferencesError lists every problem with its file and line."""
    problems = Problems()
    pronouns: dict[str, Pronoun] = {}
    pointing: set[str] = set()
    abroad: set[str] = set()
    monarchies: set[str] = set()
    words: dict[str, list[Word]] = {}
    for section, raw, where in read_sections(path, _FIELDS, problems):
        values = fields(raw, _FIELDS[section], where, problems)
        if values is None:
            continue
        if section == "pronouns":
            if values.get("gender", "Masc") not in ("Masc", "Fem", "Neut") or values[
                    "number"] not in ("Sing", "Plur"):
                problems.add(where, "gender is Masc, Fem or Neut; number Sing or Plur")
                continue
            pronouns[normal(values["word"])] = Pronoun(normal(values["word"]),
                                                       values.get("gender"), values["number"],
                                                       values.get("possessive", False))
        elif section == "pointing":
            pointing.update(map(normal, values["words"]))
        elif section == "abroad":
            abroad.update(map(normal, values["words"]))
        elif section == "monarchies":
            for state in values["states"]:
                if state not in dictionary.countries:
                    problems.add(where, f"unknown country {state!r}")
            monarchies.update(values["states"])
        else:
            for word in _words(values, where, dictionary, problems):
                words.setdefault(normal(word.surface), []).append(word)
    if problems:
        raise ReferencesError(problems)
    for word in list(_organ_words(dictionary, words)):
        words.setdefault(normal(word.surface), []).append(word)
    crowd_words, places, sides = load_crowds(dictionary, crowds)
    for word in crowd_words:
        words.setdefault(normal(word.surface), []).append(word)
    # Each phrase once, as a name of its own: the index finds the longest at each token.
    phrases = {key: Sector(key, (ws[0].surface,)) for key, ws in words.items()}
    index = Index(Dictionary({}, {}, phrases, {}, {}, {}))
    return References(pronouns, frozenset(pointing), {k: tuple(v) for k, v in words.items()},
                      index, places, sides, frozenset(abroad),
                      {"head of government": heads_of_government_apart(dictionary),
                       "monarch": frozenset(dictionary.countries) - monarchies,
                       "president": frozenset(monarchies)})


def heads_of_government_apart(dictionary: Dictionary) -> frozenset[str]:
    """The states with no head of government of their own: every head of government the
    people dictionaries give them since SINCE was their head of state at the same time
    (the USA, Brazil, Mexico: a president heads the government). A state with none
    listed is not among them (nothing is known)."""
    apart, fused = set(), set()
    for person in dictionary.people.values():
        for role in person.roles:
            if role.role != "head of government" or role.country is None or (
                    role.end is not None and role.end < SINCE):
                continue
            start = role.start or dt.date.min
            both = any(other.role == "head of state" and other.country == role.country
                       and other.holds_on(start) for other in person.roles)
            (fused if both else apart).add(role.country)
    return frozenset(fused - apart)


@dataclass(frozen=True, slots=True)
class _Said:
    """A named actor as a reference may see it: its mention, gender and number."""

    mention: Mention
    gender: str | None
    number: str | None
    abroad: bool = False  # a state's diplomat or mission abroad: no state in focus
    placed: bool = False  # a place after a preposition: where something happens (`в Германии`)
    subject: bool = False  # the subject of its clause (`Канцлер Германии провел переговоры`)

    @property
    def focus(self) -> bool:
        """Whether the actor's state may be the one in focus: `посла Германии вызвали в
        МИД` is the host's ministry, not Germany's; nor is a reporter's (REPORTERS:
        `корреспондентом «Голоса Америки»` in a story about Georgia)."""
        return (self.coded and bool(self.mention.actor.country) and not self.abroad
                and self.mention.actor.sector not in REPORTERS)

    @property
    def coded(self) -> bool:
        actor = self.mention.actor
        return actor is not None and bool(actor.code or actor.country)


class ResolveReferences:
    """Stage: mentions for the pronouns, role nouns and organs that stand for an actor named
    earlier in the document (after the actors stage, before the events stage)."""

    name = "context"

    def __init__(self, dictionary: Dictionary):
        self.references = load_references(dictionary)
        self.dictionary = dictionary

    def may_refer(self, tokens: Sequence[Token]) -> bool:
        """Whether a sentence holds a word that may stand for an earlier actor (cheap: for
        the parser to know the sentence may name someone)."""
        first = self.references.first_words
        return any(t.lemma in first for t in tokens)

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        return [self._resolve(a) if a.analysed and a.sentences else a for a in batch]

    def _resolve(self, analysis: Analysis) -> Analysis:
        added = list(self.resolved(analysis))
        if not added:
            return analysis
        kept = [m for m in analysis.mentions if not (_unknown_name(m) and any(
            a.start <= m.start and m.end <= a.end for a in added))]
        mentions = sorted((*kept, *added), key=lambda m: (m.start, -m.end))
        return dataclasses.replace(analysis, mentions=tuple(mentions))

    def resolved(self, analysis: Analysis) -> Iterator[Mention]:
        """The new mentions, in text order; each may be the antecedent of a later one."""
        tokens = [t for s in analysis.sentences for t in s.tokens]
        starts = [t.start for t in tokens]
        bases = list(itertools.accumulate((len(s.tokens) for s in analysis.sentences[:-1]),
                                          initial=0))
        abroad = self.references.abroad
        said = [_said(_placed(tokens, m), tokens, starts, abroad, bases)
                for m in analysis.mentions]
        said_starts = [s.mention.start for s in said]
        first = self.references.first_words
        text = analysis.document.text
        for sentence in analysis.sentences:
            if not any(t.lemma in first for t in sentence.tokens):
                continue
            for found in self._sentence(sentence, text, said, said_starts, analysis.mentions):
                for mention in found:
                    k = bisect.bisect_right(said_starts, mention.start)
                    said.insert(k, _said(mention, tokens, starts, abroad, bases))
                    said_starts.insert(k, mention.start)
                    yield mention

    def _sentence(self, sentence: Sentence, text: str, said: list[_Said],
                  said_starts: list[int], named: Sequence[Mention]) -> Iterator[list[Mention]]:
        tokens = sentence.tokens
        inside = [m for m in named if sentence.start <= m.start < sentence.end]
        taken = [(m.start, m.end) for m in inside if not _unknown_name(m)]
        unknown = [(m.start, m.end) for m in inside if _unknown_name(m)]

        def free(start: int, end: int) -> bool:
            """Nothing named there, or only a name no dictionary knows that the word
            covers: `МИД`, `Минфин` are names to NER, and the word tells whose."""
            return not any(a < end and start < b for a, b in taken) and all(
                start <= a and b <= end for a, b in unknown if a < end and start < b)

        matches = {m.first: m for m in self.references.index.match(tokens, text)
                   if m.start == tokens[m.first].start and m.end == tokens[m.last - 1].end}
        i = 0
        while i < len(tokens):
            token, match = tokens[i], matches.get(i)
            last = self._remit_end(tokens, match) if match is not None else i
            if match is not None and free(match.start, tokens[last - 1].end):
                found = self._word(tokens, match, text, _before(said, said_starts, token),
                                   inside, last)
                i = last
            elif normal(token.lemma) in self.references.pronouns and token.pos in (
                    "PRON", "DET") and free(token.start, token.end):
                found = self._pronoun(tokens, i, text, _before(said, said_starts, token))
                i += 1
            else:
                i += 1
                continue
            if found:
                taken += [(m.start, m.end) for m in found]
                yield found

    def _pronoun(self, tokens: Sequence[Token], i: int, text: str,
                 before: Sequence[_Said]) -> list[Mention]:
        """`он`, `она`: the nearest actor before it of its gender and number (not the subject
        of its own clause); followed by its noun (`его министр`), the noun is that actor's."""
        token = tokens[i]
        pronoun = self.references.pronouns[normal(token.lemma)]
        owned = _owned_noun(tokens, i)  # `его министр`
        if owned is None and pronoun.possessive:
            return []  # `его` with no noun of its own after it
        if owned is None and token.feat("Case") not in ("Nom", None):
            return []  # `назвав его оскорблением`: an object is as often a thing (the visit)
        if owned is None:
            bound = _clause_subjects(tokens, i)
            before = [s for s in before if not any(
                s.mention.start <= b < s.mention.end for b in bound)]
        quotes = _quotes(text, tokens)
        before = [s for s in before if not any(  # `«… Путин …», — сказал он`: not Putin
            a <= s.mention.start < b and not a <= token.start < b for a, b in quotes)]
        antecedents = _agreeing(before, pronoun.gender, pronoun.number)
        if owned is None and token.rel in SUBJECTS:
            antecedents = _subject_first(antecedents, token.start)
        if owned is not None:
            noun = tokens[owned]
            word = self._word_at(noun)
            if antecedents and antecedents[0].coded and word is not None:
                actor = _with_sector(antecedents[0].mention.actor, word.sector, noun.lemma)
                return [_mention(text, token.start, noun.end, actor, REFERENCE,
                                 _kind(noun), noun.lemma)]
            return []  # `их захвата`: what is owned is no actor
        if not antecedents or not antecedents[0].coded:
            return []  # nobody, or a name no dictionary knows (`Захаровой: она …`)
        if pronoun.number == "Plur" and len(group := _conjoined(
                text, antecedents[0], antecedents)) > 1:  # `Россия и Китай … они`
            return [_mention(text, token.start, token.end, m.actor, REFERENCE, m.kind,
                             token.text) for m in group]
        m = antecedents[0].mention
        return [_mention(text, token.start, token.end, m.actor, REFERENCE, m.kind, token.text)]

    def _word_at(self, token: Token) -> Word | None:
        """The focus word a single token is (for `его министр`), singular or not."""
        for word in self.references.words.get(normal(token.lemma), ()):
            if word.refers == "focus":
                return word
        return None

    def _remit_end(self, tokens: Sequence[Token], match: Match) -> int:
        """One past the remit of a focus word that is a head word (`министерство
        культуры`, `министр сельского хозяйства`: data/heads.yaml), else its own end."""
        if match.last - match.first != 1 or heads_of(self.dictionary).at(
                tokens[match.first]) is None:
            return match.last
        return match.last + remit_length(tokens, match.last)

    def _word(self, tokens: Sequence[Token], match: Match, text: str,
              before: Sequence[_Said], inside: Sequence[Mention] = (),
              last: int | None = None) -> list[Mention]:
        """The mention a reference word makes; `last`: one past its remit, if it has one."""
        head = tokens[match.first]
        plural = head.feat("Number") == "Plur"
        preposition = match.first > 0 and tokens[match.first - 1].pos == "ADP"
        words = [w for w in self.references.words[match.target.entry.sector]
                 if w.fits(head.feat("Number"), preposition, head.feat("Case"))]
        last = match.last if last is None else last
        if words and words[0].refers == CROWD and (owned := _crowd_of_place(
                tokens, match, text, words[0], inside)) is not None:
            return [owned]  # `сепаратисты Донбасса`, `боевики Идлиба`
        if not _described(tokens, match, self.references.pointing, last) and (
                at_home := self._organ_at_home(tokens, match, text, inside, preposition,
                                               last)) is not None:
            return [at_home]  # `забросали полицию камнями в центре Киева`
        if not words or _described(tokens, match, self.references.pointing, last):
            return []
        word, start, end = words[0], match.start, tokens[last - 1].end
        if last > match.last:  # `министерство культуры`: the words as written
            match = dataclasses.replace(match, target=dataclasses.replace(
                match.target, surface=text[start:end]))
        kind = _kind(head)
        if word.refers == CROWD:
            return self._crowd(tokens, match, text, word, before, inside)
        if word.refers == "focus":
            states = [s for s in reversed(before) if s.focus
                      and self.references.has_office(word, s.mention.actor)]
            if word.sector in AT_HOME:  # police and courts serve where the story is: a
                # person's nationality (a foreign suspect's) is no state of theirs
                states = [s for s in states if s.mention.kind != "PER"] or states
            if word.subject and head.rel in SUBJECTS:  # `Ведомство пригрозило` after
                states = _subject_first(states, start)  # `Госдепартамент США ввел …`
            state = _person_focus(states, start, word.sector) if kind == "ROLE" else next(
                (s.mention.actor for s in states), None)
            if state is None and word.sector in AT_HOME:  # `Генпрокуратура потребовала от
                state = self._fellow_state(tokens, match, word, inside)  # Роскомнадзора`
            if state is None:
                return []
            actor = _with_sector(state, word.sector, match.target.surface)
            return [_mention(text, start, end, actor, CONTEXT,
                             "LOCORG" if word.sector is None else kind, match.target.surface)]
        if word.refers == "organisation":
            org = next((s.mention.actor for s in reversed(before) if s.mention.actor is not None
                        and s.mention.actor.code in word.codes), None)
            return [] if org is None else [
                _mention(text, start, end, org, REFERENCE, "ORG", match.target.surface)]
        if word.refers == "pair":
            pair = _last_pair(text, before, start)
            return [_mention(text, start, end, m.actor, REFERENCE, m.kind, match.target.surface)
                    for m in pair]
        # last: `а последний заявил`, used alone
        if match.last < len(tokens) and tokens[match.last].pos not in ALONE:
            return []
        antecedents = _agreeing(before, head.feat("Gender") if not plural else None,
                                "Plur" if plural else "Sing")
        if not antecedents or not antecedents[0].coded:
            return []
        m = antecedents[0].mention
        return [_mention(text, start, end, m.actor, REFERENCE, m.kind, match.target.surface)]


    def _crowd(self, tokens: Sequence[Token], match: Match, text: str, word: Word,
               before: Sequence[_Said], inside: Sequence[Mention]) -> list[Mention]:
        """A crowd (`демонстранты`, `оппозиция`, `боевики`) is its sector of the state of
        the place where it acts in its clause (`собрались в Афинах` → GRCCVL), else of the
        state in focus; after a preposition not of `sides` it is a setting or a witness
        (`перед студентами`), and a word that describes a noun after it is no crowd
        (`рабочая группа`)."""
        if match.first > 0 and tokens[match.first - 1].pos == "ADP" and normal(
                tokens[match.first - 1].lemma) not in self.references.sides:
            return []
        if _modifier(tokens, match) or tokens[match.first].feat("VerbForm") not in (
                None, "Part"):
            return []  # `рабочая группа`; `протестовали` is a form of `протестующий` too
        state = _clause_place(tokens, match, inside, self.references.places)
        if state is None and not _names_actors(inside):
            state = next((s.mention.actor for s in reversed(before) if s.focus), None)
        if state is None:
            state = self._fellow_state(tokens, match, word, inside)
        if state is None:
            return []
        actor = _with_sector(state, word.sector, match.target.surface)
        return [_mention(text, match.start, match.end, actor, CONTEXT,
                         _kind(tokens[match.first]), match.target.surface)]


    def _organ_at_home(self, tokens: Sequence[Token], match: Match, text: str,
                       inside: Sequence[Mention], preposition: bool,
                       last: int) -> Mention | None:
        """An organ that serves at home only (AT_HOME: police, courts) is of the state of a
        place framing its clause, in any case and before the state in focus: `забросали
        полицию камнями в центре Киева` (UKRCOP), `суд в Москве приговорил` after a story
        about Ukraine (RUSJUD). A minister or a president travels: theirs is the focus."""
        head = tokens[match.first]
        organs = [w for w in self.references.words[match.target.entry.sector]
                  if w.refers == "focus" and w.sector in AT_HOME
                  and w.fits(head.feat("Number"), preposition)]
        if not organs:
            return None
        state = _clause_place(tokens, match, inside, self.references.places)
        if state is None:
            return None
        start, end = match.start, tokens[last - 1].end
        actor = _with_sector(state, organs[0].sector, text[start:end])
        return _mention(text, start, end, actor, CONTEXT, _kind(head), text[start:end])

    def _fellow_state(self, tokens: Sequence[Token], match: Match, word: Word,
                      inside: Sequence[Mention]) -> Actor | None:
        """The one state whose people or organs the sentence names, for a crowd that acts
        (its subject, in the nominative): `противники и правозащитники заявляют о
        нарушениях` beside `президента Зимбабве` → ZWEHRI. Not a state named as such
        (`протестовали против США`: a protest against a state is as often abroad) or by an
        adjective of a thing (`итальянская забастовка`), nor a diplomat abroad or a
        reporter; nor for fighters (FIGHTERS: `Россия бомбит повстанцев` in Syria)."""
        if word.sector in FIGHTERS or tokens[match.first].feat("Case") not in ("Nom", None):
            return None
        abroad = self.references.abroad
        fellows = [m.actor for m in inside
                   if m.actor is not None and m.actor.country and m.kind in FELLOWS
                   and m.actor.sector not in REPORTERS and not any(
                       normal(t.lemma) in abroad for t in tokens
                       if m.start <= t.start < m.end)]
        if len({actor.country for actor in fellows}) != 1:
            return None
        return fellows[0]


def _crowd_of_place(tokens: Sequence[Token], match: Match, text: str, word: Word,
                    inside: Sequence[Mention]) -> Mention | None:
    """A crowd owned by a place no dictionary names as a state (a region, a city: the
    gazetteer's): of the state the place lies in, with the crowd's sector (`сепаратисты
    Донбасса` → UKRSEP, `жители Алеппо` → SYRCVL). A state's own name is left to the
    dictionaries (`оппозиция Венесуэлы`)."""
    if match.last >= len(tokens) or tokens[match.last].feat("Case") != "Gen":
        return None
    after = tokens[match.last]
    place = next((m for m in inside if m.start == after.start and m.kind == "LOC"
                  and m.actor is None), None)
    if place is None:
        return None
    found = lookup_span(tokens, place.start, place.end)
    if found is None or found.country is None:
        return None
    actor = _with_sector(Actor(found.country, found.country, None, found.name), word.sector,
                         match.target.surface)
    return _mention(text, match.start, place.end, actor, PLACE, _kind(tokens[match.first]),
                    match.target.surface)


def _before(said: list[_Said], said_starts: list[int], token: Token) -> list[_Said]:
    """The actors named before a token: a copy of the list up to it, made only for a token
    that may refer (a copy at every token cost a sentence as many as it has words)."""
    return said[: bisect.bisect_left(said_starts, token.start)]


def _unknown_name(mention: Mention) -> bool:
    """An organisation NER found that no dictionary knows: a reference word over it (`МИД`,
    `Минфин`) says whose it is."""
    actor = mention.actor
    return mention.kind == "ORG" and not mention.via and (
        actor is None or not (actor.code or actor.country))


def _names_actors(inside: Sequence[Mention]) -> bool:
    """Whether a sentence names an actor other than a place: then a crowd in it is as
    often another side's as the focus's (`Россия начала бомбить повстанцев`, `лидер
    Сирии уничтожал оппозицию` after a paragraph on Iran), and takes none from the focus."""
    return any(m.actor is not None and m.kind != "LOC" and (m.actor.code or m.actor.country)
               for m in inside)


def _modifier(tokens: Sequence[Token], match: Match) -> bool:
    """Whether a one-word match describes the noun after it, agreeing with it: `рабочая
    группа`, `бастующие шахтёры` (the noun is the crowd, if any)."""
    if match.last - match.first != 1 or match.last >= len(tokens):
        return False
    word, after = tokens[match.first], tokens[match.last]
    return after.pos == "NOUN" and after.feat("Case") == word.feat("Case") and after.feat(
        "Number") == word.feat("Number")


def _clause_place(tokens: Sequence[Token], match: Match, inside: Sequence[Mention],
                  places: frozenset[str]) -> Actor | None:
    """The state of a place named after a preposition of `places` that hangs on the
    crowd's own verb or on the crowd itself: `демонстранты собрались в Афинах`,
    `протестующие в Киеве`. None for a sentence with no parse."""
    heads = {k for k in range(match.first, match.last)
             if not match.first < tokens[k].head <= match.last}
    crowd = {k + 1 for k in heads}
    verb = None
    for k in heads:
        node = tokens[k].head - 1 if tokens[k].head else None
        while node is not None and tokens[node].pos not in ("VERB", "AUX"):
            node = tokens[node].head - 1 if tokens[node].head else None
        verb = node if verb is None else verb
    anchors = crowd | ({verb + 1} if verb is not None else set())
    starts = {t.start: k for k, t in enumerate(tokens)}
    for mention in inside:
        k = starts.get(mention.start)
        actor = mention.actor
        if actor is None and mention.kind == "LOC" and k is not None:
            actor = _gazetteer_state(tokens, mention)
        if (k is None or k == 0 or actor is None or not actor.country
                or mention.kind not in ("LOC", "LOCORG")):
            continue
        if frames_clause(tokens, k, anchors, places):
            return actor
    return None


def _placed(tokens: Sequence[Token], mention: Mention) -> Mention:
    """A place no dictionary names as a state, as the state in focus sees it: of the state
    the gazetteer puts it in (`В школе в Техасе … Полиция задержала` → USACOP), as a
    state's own name after a preposition is (`в США`); a pronoun still never points to a
    place (`_agreeing`)."""
    if mention.kind != "LOC" or mention.actor is not None:
        return mention
    actor = _gazetteer_state(tokens, mention)
    return mention if actor is None else dataclasses.replace(mention, actor=actor)


def _gazetteer_state(tokens: Sequence[Token], place: Mention) -> Actor | None:
    """The state a region or town no dictionary names lies in, by the gazetteer (`в
    Санкт-Петербурге`, `в Дагестане` → RUS): where a home organ or a crowd acts."""
    found = lookup_span(tokens, place.start, place.end)
    if found is None or found.country is None:
        return None
    return Actor(found.country, found.country, None, found.name)


FRAME_DEPTH = 3  # nouns a framing place may hang through: `на митинг в центре Тбилиси`


def frames_clause(tokens: Sequence[Token], k: int, anchors: set[int],
                  places: frozenset[str]) -> bool:
    """Whether the place at token k says where the clause of `anchors` (1-based heads: a
    word and its verb) happens: after a preposition of `places` it hangs on an anchor
    (`собрались в Афинах`), or on a noun that is itself a place of the anchor (`собрались
    на митинг в Тбилиси`); a place in the genitive stands for the noun it owns (`забросали
    полицию камнями в центре Киева`, `вышли на улицы Минска`). A place inside another
    phrase (`против ударов по Сирии`, `у посольства США`) frames nothing."""
    node = k
    for step in range(FRAME_DEPTH):
        token = tokens[node]
        placed = node > 0 and tokens[node - 1].pos == "ADP" and normal(
            tokens[node - 1].lemma) in places
        owned = (step == 0 and not placed and token.feat("Case") == "Gen" and token.head
                 and tokens[token.head - 1].pos == "NOUN")
        if not (placed or owned):
            return False
        if token.head in anchors:
            return placed
        if not token.head or tokens[token.head - 1].pos != "NOUN":
            return False
        node = token.head - 1
    return False


def _mention(text: str, start: int, end: int, actor: Actor | None, via: str, kind: str,
             normal_form: str) -> Mention:
    return Mention(start, end, text[start:end], kind, normal_form, actor, via=via)


def _with_sector(actor: Actor, sector: str | None, name: str) -> Actor:
    """The state of an actor with another sector: Putin's state's army is RUSMIL."""
    country = actor.country
    if country is None:
        return actor
    return Actor(country + (sector or ""), country, sector, name)


PERSON_BACK = 600  # characters back in which a person's office outweighs a place named after it


def _person_focus(states: Sequence[_Said], start: int, sector: str | None = None
                  ) -> Actor | None:
    """The state in focus for a person's office (`президент`, `глава`), of `states`
    nearest first: a person of the office's sector named within PERSON_BACK characters is
    whom the office means (`Президент Франции Макрон посетил Пекин. Президент призвал …`
    is Macron, not the state he visited); else a place named after a preposition says
    where something happens, not whose story it is, and gives way to a state named as an
    actor within PERSON_BACK characters (`президент Обама заявил … перед встречей в
    Германии президент …` is the USA's); with none there, the nearest of all."""
    for said in states:
        if said.mention.start < start - PERSON_BACK:
            break
        if (sector is not None and said.mention.kind == "PER"
                and said.mention.actor.sector == sector):
            return said.mention.actor
    for said in states:
        if said.mention.start < start - PERSON_BACK:
            break
        if not said.placed:
            return said.mention.actor
    return states[0].mention.actor if states else None


SUBJECT_BACK = 300  # characters back in which a subject pronoun prefers an earlier subject


def _subject_first(antecedents: list[_Said], start: int) -> list[_Said]:
    """A pronoun that is a subject takes the nearest subject before it that agrees with it,
    within SUBJECT_BACK characters, over a nearer object (`Канцлер Германии провел
    переговоры с президентом Бразилии. Он предложил …` is the chancellor): what a story
    goes on to tell is most often its subject's doing. With no such subject, the nearest."""
    for k, said in enumerate(antecedents):
        if said.mention.start < start - SUBJECT_BACK:
            break
        if said.subject:
            return [said, *antecedents[:k], *antecedents[k + 1:]]
    return antecedents


def _kind(token: Token) -> str:
    return "ROLE" if token.feat("Animacy") == "Anim" else "ORG"


def _said(mention: Mention, tokens: Sequence[Token], starts: Sequence[int],
          abroad: frozenset[str] = frozenset(), bases: Sequence[int] = ()) -> _Said:
    """The gender and number of a mention's head: its last word for a person (`премьер-
    министр Тереза Мэй` is a woman), else its first noun (`Россия`, `российские военные`);
    for a person's office that is the subject of a verb in the past, the verb's gender
    (`Президент Молдавии встретилась …` is a woman: `она`). `bases`: where each sentence
    starts in `tokens` (a token's head is counted within its sentence)."""
    first = k = bisect.bisect_left(starts, mention.start)
    # a place after a preposition; a state's name too when in the locative case (`в Москве`,
    # `на Украине`), whatever LocOrg reading it had: where something happened
    placed = (0 < k < len(tokens) and tokens[k - 1].pos == "ADP" and (
        mention.kind == "LOC" or (mention.kind == "LOCORG" and tokens[k].feat("Case") == "Loc")))
    inside = []
    while k < len(tokens) and tokens[k].start < mention.end:
        if tokens[k].pos in NOMINAL or (tokens[k].pos == "PRON" and mention.via):
            inside.append(tokens[k])
        k += 1
    if not inside:
        return _Said(mention, None, None, placed=placed)
    head = inside[-1] if mention.kind == "PER" else inside[0]
    away = any(normal(t.lemma) in abroad for t in inside)
    subjects = [j for j in range(first, k) if tokens[j].rel in SUBJECTS]
    gender, number = head.feat("Gender"), head.feat("Number")
    person = mention.kind in ("ROLE", "PER")
    office = _office_of(tokens, first, k, bases) if mention.kind == "ORG" and bases else None
    if office is not None:
        # `генеральным секретарем ООН`, `Глава Национального банка Украины сообщила`: the
        # person heading the organisation, of the office's gender, number and place
        head, person = tokens[office], True
        gender, number = head.feat("Gender"), head.feat("Number")
        subjects = [office] if head.rel in SUBJECTS else []
    if subjects and bases and person:
        j = subjects[0]
        base = bases[bisect.bisect_right(bases, j) - 1]
        verb = tokens[base + tokens[j].head - 1] if tokens[j].head else None
        if verb is not None and verb.pos in ("VERB", "AUX") and verb.feat("Gender") and (
                verb.feat("Number") != "Plur"):
            gender = verb.feat("Gender")
    return _Said(mention, gender, number, away, placed, bool(subjects))


def _office_of(tokens: Sequence[Token], first: int, end: int, bases: Sequence[int]
               ) -> int | None:
    """The person's noun an organisation's name hangs on as its genitive, written just
    before it (`секретарем ООН`, `Глава Национального банка Украины`): where the name is
    what a person heads, a pronoun or `последний` after it means the person."""
    if first == 0 or tokens[first - 1].pos != "NOUN" or tokens[first - 1].feat(
            "Animacy") != "Anim":
        return None
    base = bases[bisect.bisect_right(bases, first) - 1]
    if base > first - 1:
        return None
    for j in range(first, end):
        head = base + tokens[j].head - 1 if tokens[j].head else None
        if head == first - 1 and tokens[j].rel == "nmod" and tokens[j].feat("Case") == "Gen":
            return first - 1
    return None


APPOSITION_GAP = re.compile(r"\s*,\s*(?:[а-яё-]+\s+){0,3}")  # `, последний `


def appositions(text: str, mentions: Sequence[Mention]) -> frozenset[int]:
    """The starts of role nouns set beside a known person's name (`Лукашенко, последний
    диктатор Европы, …`): the phrase is that person again, so a pronoun after it means
    the person, not the role noun's own state or group. `mentions` in text order."""
    found = set()
    for last, mention in itertools.pairwise(mentions):
        if (mention.kind == "ROLE" and last.kind == "PER" and last.actor is not None
                and last.actor.code and last.end <= mention.start
                and APPOSITION_GAP.fullmatch(text, last.end, mention.start)):
            found.add(mention.start)
    return frozenset(found)


def _agreeing(before: Sequence[_Said], gender: str | None, number: str) -> list[_Said]:
    """The actors named before, nearest first, that a word of this gender and number may
    stand for. An adjective alone (`российский`) names no one to point back to, nor a
    place (`в Сирии`): what acts is named as a state (`Россия заявила … она`)."""
    found = []
    for said in reversed(before):
        if said.mention.kind in ("ADJ", "LOC") or said.placed or (
                said.mention.actor is None and said.mention.kind not in ("PER", "ORG")):
            continue
        if number == "Plur":
            if said.number == "Plur" or said.mention.kind != "PER":
                found.append(said)
        elif said.number != "Plur" and (gender is None or said.gender == gender):
            found.append(said)
    return found


def _conjoined(text: str, chosen: _Said, antecedents: Sequence[_Said]) -> list[Mention]:
    """The mentions written together with the chosen antecedent, in text order (`США,
    Великобритания и Канада`, `Лидеры Германии и Франции`): the chain of names each
    written together with the next."""
    named = sorted((s.mention for s in antecedents), key=lambda m: m.start)
    k = named.index(chosen.mention)
    first = last = k
    while first > 0 and _together(text, named[first - 1], named[first]):
        first -= 1
    while last + 1 < len(named) and _together(text, named[last], named[last + 1]):
        last += 1
    return named[first : last + 1]


def _together(text: str, first: Mention, second: Mention) -> bool:
    """Whether two names were written together: `Россия и Китай`, `России, Китаю`."""
    return first.end <= second.start and text[first.end : second.start].strip() in (
        "и", ",", "с", "со") and first.actor != second.actor


def _last_pair(text: str, before: Sequence[_Said], start: int) -> list[Mention]:
    """The two states last named together (`между Россией и Китаем`), else the two last
    named, different states, within PAIR_BACK characters; nothing if the pair last named
    together holds a name no dictionary knows (`между Хафезом Асадом и Ицхаком Рабином`)."""
    near = [s.mention for s in before if s.mention.end >= start - PAIR_BACK
            and s.mention.kind not in ("ADJ", "LOC") and s.mention.actor is not None]
    for first, second in zip(reversed(near[:-1]), reversed(near[1:]), strict=True):
        if _together(text, first, second):
            if not (_country(first) and _country(second)) or _country(first) == _country(
                    second):
                return []
            return [first, second]
    distinct: list[Mention] = []
    for mention in reversed(near):
        if _country(mention) and _country(mention) not in map(_country, distinct):
            distinct.append(mention)
        if len(distinct) == 2:
            return distinct[::-1]
    return []


def _country(mention: Mention) -> str | None:
    actor = mention.actor
    return actor.country or actor.code if actor else None


def _described(tokens: Sequence[Token], match: Match, pointing: frozenset[str],
               last: int | None = None) -> bool:
    """A word with an owner of its own after it (or after its remit, which ends before
    `last`: `президент компании`, `страны НАТО`, `президент Наото Кан`, `министр культуры
    Москвы`), also behind adjectives of the owner (`глава Международного валютного
    фонда`), or an adjective before it (`американский президент`; not a pointing word:
    `этот президент`, `бывший министр`)."""
    k = match.last if last is None else last
    while k < len(tokens) and tokens[k].text in QUOTES:  # `«президента» Башара Асада`
        k += 1
    while k < len(tokens) and tokens[k].pos in DESCRIBING and tokens[k].feat(
            "Case") == "Gen":  # `глава Международного фонда`, `лидер крупнейшей партии`
        k += 1
    after = tokens[k] if k < len(tokens) else None
    if after is not None and after.pos in NOMINAL and (
            after.pos == "PROPN" or after.feat("Case") == "Gen"):
        return True
    previous = tokens[match.first - 1] if match.first > 0 else None
    return previous is not None and previous.pos in DESCRIBING and previous.lemma not in pointing


def _owned_noun(tokens: Sequence[Token], i: int) -> int | None:
    """The noun a possessive pronoun stands before: `его министр`, `их президента`."""
    k = i + 1
    while k < len(tokens) and tokens[k].pos == "ADJ":
        k += 1
    after_preposition = i > 0 and tokens[i - 1].pos == "ADP"  # `против него санкции`
    if (k < len(tokens) and tokens[k].pos == "NOUN" and not after_preposition
            and tokens[i].feat("Case") in ("Gen", None)):
        return k
    return None


def _clause_subjects(tokens: Sequence[Token], i: int) -> set[int]:
    """Where the subjects of token i's own clause start: `Брюссель ввел санкции против
    него` — a pronoun never means the subject of its own clause (that is `себя`). Empty
    for a sentence with no parse."""
    node = tokens[i].head - 1 if tokens[i].head else None
    while node is not None and tokens[node].pos not in ("VERB", "AUX"):
        node = tokens[node].head - 1 if tokens[node].head else None
    if node is None:
        return set()
    return {t.start for t in tokens if t.head == node + 1 and t.rel in ("nsubj", "nsubj:pass")}


def _quotes(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """The spans of the «quotes» of a sentence."""
    if not tokens:
        return []
    start, end = tokens[0].start, tokens[-1].end
    found, opened = [], None
    for k in range(start, end):
        if text[k] == "«" and opened is None:
            opened = k
        elif text[k] == "»" and opened is not None:
            found.append((opened, k))
            opened = None
    return found
