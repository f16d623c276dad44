"""relata's mentions as factRuEval-2016 track-1 entities, and the whole evaluation run.

Track 1 scores named entities only: a person by name, an organisation that has a
name, a place as Location or LocOrg (a place acting as a state). Unnamed phrases
(`азербайджанская сторона`), adjectives and demonyms are not entities there.

Where the dataset's guidelines draw a name's bounds otherwise than the actor stage, named
rules here say so; their words are data (data/track1.yaml, checked when first used):

- `unnamed_before_name`: `стороны Китая`, `народ Израиля` (the actor CHNGOV, ISR) are the
  state's name alone, a LocOrg; and such words alone (`по сообщениям СМИ`) name nothing;
- `organ_with_adjective`: `японское правительство` is an organisation's name, `российские
  военные` none;
- `adjective_before_organisation`: `японского МИДа`, `русская Патриархия`: a place
  adjective right before a name NER found is part of it;
- `name_after_organisation`: `Федерация бобслея России`, `Свердловского обкома КПСС`: a
  name NER cut short before a place or organisation in the genitive is one name with it;
- `team_of_state`: `сборная России`, `в составе сборной СССР`: a national team (a noun of
  `teams` right before a state's name in the genitive) is an organisation;
- `name_of_a_thing`: `шаттл «Дискавери»`, `станции «Мир»`, `телескопа Хаббл`: a name NER
  took for an organisation, written after a noun of `things` (a craft, a vehicle), is a
  thing's name, which track 1 does not mark;
- `seat_of_power`: `Кремль заявил`, `Белый дом отверг`: a seat of power (a country's
  `seats` in the actor dictionary) acting is an organisation; `в Кремле` is a place.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..actors.origins import ORIGIN
from ..actors.relations import RELATION
from ..datafile import Problems, word_lists
from ..errors import DataFileError, EvaluationError
from ..language.spelling import fold
from ..pipeline import Pipeline
from ..records import Analysis, Document, Mention, Problem, Token
from .factrueval import Response, Score, books, score, write_responses

KINDS = {"PER": "per", "ORG": "org", "LOC": "loc", "LOCORG": "locorg"}
WORDS = Path(__file__).parent / "data" / "track1.yaml"
NAMES = frozenset({"LOC", "LOCORG", "ORG"})  # a name an organisation's name may hold
NOUNS = frozenset({"NOUN", "PROPN"})


class Track1WordsError(DataFileError):
    what = "the track-1 words"


@dataclass(frozen=True, slots=True)
class Track1Words:
    unnamed: frozenset[str]  # `сторона`, `народ`: no organisation with the name after them
    organs_with_adjective: frozenset[str]  # `правительство`: `японское правительство`
    teams: frozenset[str]  # `сборная`: `сборная России`
    things: frozenset[str]  # `шаттл`, `станция`: `шаттл «Дискавери»` names no organisation


def load_words(path: Path = WORDS) -> Track1Words:
    """The words of `path`; Track1WordsError lists every problem."""
    problems = Problems()
    found = word_lists(path, ("unnamed", "organs_with_adjective", "teams", "things"), problems)
    if problems:
        raise Track1WordsError(problems)
    return Track1Words(**found)


@functools.cache
def words() -> Track1Words:
    return load_words()


class _Tokens:
    """The analysis's tokens, found by where they are in the text."""

    def __init__(self, analysis: Analysis):
        self.tokens = [t for sentence in analysis.sentences for t in sentence.tokens]
        self.starts = [t.start for t in self.tokens]

    def within(self, start: int, end: int) -> list[Token]:
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return [t for t in self.tokens[first:last] if t.end <= end]


def entities(analysis: Analysis) -> Iterator[Response]:
    tokens = _Tokens(analysis)
    # `президент`, `он` resolved in context name no entity; a name whose country its
    # surname (`origin`) or the words around it (`relation`) told is a name all the same
    # a relation noun's phrase (`сторонники Мурси`) is no name: the name is its part
    named = sorted((p for m in analysis.mentions if m.via in (None, ORIGIN, RELATION)
                    for p in (m.parts if m.via == RELATION and m.kind != "PER" else (m,))),
                   key=lambda m: (m.start, -m.end))
    for mention in _joined(analysis.document.text, named, tokens):
        if not (name_of_a_thing(mention, tokens) or unnamed_alone(mention, tokens)):
            yield from _entities(mention, tokens)


def _nouns(tokens: _Tokens, start: int, end: int) -> list[str]:
    return [fold(t.lemma) for t in tokens.within(start, end) if t.pos in NOUNS]


def unnamed_before_name(mention: Mention, tokens: _Tokens) -> bool:
    """`стороны Китая`, `народ Израиля`, `духовным лидерам РПЦ`: the nouns before the
    first name are all `unnamed` words."""
    lead = _nouns(tokens, mention.start, mention.parts[0].start)
    return bool(lead) and all(noun in words().unnamed for noun in lead)


def unnamed_alone(mention: Mention, tokens: _Tokens) -> bool:
    """`по сообщениям блоггеров и СМИ`: an organisation NER found that is only `unnamed`
    words."""
    if mention.kind != "ORG" or mention.parts:
        return False
    nouns = _nouns(tokens, mention.start, mention.end)
    return bool(nouns) and all(noun in words().unnamed for noun in nouns)


def organ_with_adjective(mention: Mention, tokens: _Tokens) -> bool:
    """`японское правительство`: a place adjective and an organ of `organs_with_adjective`."""
    if not all(p.kind == "ADJ" for p in mention.parts):
        return False
    nouns = _nouns(tokens, mention.parts[-1].end, mention.end)
    return bool(nouns) and nouns[0] in words().organs_with_adjective


def _between(text: str, before: Mention, after: Mention) -> bool:
    """Whether only spaces stand between two mentions."""
    return before.end <= after.start and not text[before.end : after.start].strip()


def adjective_before_organisation(text: str, adjective: Mention, name: Mention) -> bool:
    """`японского МИДа`, `русская Патриархия`: a place adjective right before a name NER
    found as an organisation (not a dictionary phrase with parts of its own)."""
    return (adjective.kind == "ADJ" and name.kind == "ORG" and not name.parts
            and _between(text, adjective, name))


def name_after_organisation(text: str, name: Mention, after: Mention,
                            tokens: _Tokens) -> bool:
    """`Федерация бобслея России`, `Свердловского обкома КПСС`: an organisation's name (no
    phrase with parts) and right after it a place or organisation in the genitive."""
    if name.kind != "ORG" or name.parts or after.kind not in NAMES:
        return False
    first = tokens.within(after.start, after.end)[:1]
    return (_between(text, name, after) and bool(first)
            and first[0].feat("Case") == "Gen")


QUOTES = frozenset("«“„\"'")


def name_of_a_thing(mention: Mention, tokens: _Tokens) -> bool:
    """`шаттл «Дискавери»`, `телескопа Хаббл`: an organisation's name (no dictionary entry,
    no parts) right after a noun of `things`, an opening quote between them or none."""
    if mention.kind != "ORG" or mention.parts or (mention.actor and mention.actor.code):
        return False
    at = bisect.bisect_left(tokens.starts, mention.start)
    before = list(tokens.tokens[max(0, at - 2) : at])
    if before and before[-1].text in QUOTES:
        before.pop()
    return bool(before) and before[-1].pos in NOUNS and fold(before[-1].lemma) in words().things


def team_of_state(mention: Mention, tokens: _Tokens) -> Token | None:
    """The word of `teams` right before a place's name in the genitive (`сборная России`),
    if there is one."""
    if mention.kind not in ("LOC", "LOCORG") or mention.parts:
        return None
    first = tokens.within(mention.start, mention.end)[:1]
    if not first or first[0].feat("Case") != "Gen":
        return None
    at = bisect.bisect_left(tokens.starts, mention.start)
    before = tokens.tokens[at - 1] if at > 0 else None
    if before is None or fold(before.lemma) not in words().teams:
        return None
    return before


def _joined(text: str, mentions: Sequence[Mention], tokens: _Tokens) -> Iterator[Mention]:
    """The mentions, with the names the joining rules make one."""
    previous: Mention | None = None
    for mention in mentions:
        team = team_of_state(mention, tokens)
        if team is not None and (previous is None or previous.end <= team.start):
            mention = dataclasses.replace(mention, kind="ORG", start=team.start,
                                          text=text[team.start : mention.end])
        if previous is not None and (
                adjective_before_organisation(text, previous, mention)
                or name_after_organisation(text, previous, mention, tokens)):
            previous = dataclasses.replace(
                mention, kind="ORG", start=previous.start, end=max(previous.end, mention.end),
                text=text[previous.start : max(previous.end, mention.end)], parts=())
            continue
        if previous is not None:
            yield previous
        previous = mention
    if previous is not None:
        yield previous


@functools.cache
def _seats() -> frozenset[str]:
    from ..actors.load import load_dictionary

    return frozenset(fold(seat) for country in load_dictionary().countries.values()
                     for seat in country.seats)


def seat_of_power(mention: Mention) -> bool:
    """A seat of power acting: `Кремль заявил` (LocOrg for the coder: RUSGOV)."""
    return mention.kind == "LOCORG" and fold(mention.normal or mention.text) in _seats()


def _entities(mention: Mention, tokens: _Tokens) -> Iterator[Response]:
    if not mention.parts:
        if seat_of_power(mention):
            yield Response("org", mention.start, mention.end)
        elif mention.kind in KINDS:
            yield Response(KINDS[mention.kind], mention.start, mention.end)
        return
    if mention.kind == "ORG":
        if organ_with_adjective(mention, tokens):
            yield Response("org", mention.start, mention.end)
        elif not any(p.kind in NAMES for p in mention.parts):
            return  # `российские военные`: no name
        elif unnamed_before_name(mention, tokens):
            for part in mention.parts:
                yield from _entities(part, tokens)
        else:  # `МИД Азербайджана`: the organisation, the place inside unscored
            yield Response("org", mention.start, mention.end)
        return
    for part in mention.parts:  # `президент Азербайджана Ильхам Алиев`: locorg, per
        if part.kind in KINDS:
            yield Response(KINDS[part.kind], part.start, part.end)


def respond(folder: Path, responses: Path, pipeline: Pipeline,
            problems: list[Problem] | None = None) -> int:
    """Analyse every `book_N.txt` of `folder`, gold layers or not, and write its response
    file (empty for a text the analysis failed on, which is a Problem, as is a text that
    cannot be read); how many were written. EvaluationError if there is no text."""
    problems = [] if problems is None else problems
    texts = books(folder, "txt")
    if not texts:
        raise EvaluationError(f"{folder}: no book_N.txt files")
    documents = []
    for path in texts:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            problems.append(Problem(str(path), f"unreadable: {e}"))
            continue
        documents.append(Document(id=path.stem, text=text, lang="ru", origin=str(path)))
    written = 0
    for analysis in pipeline.run(documents):
        if not analysis.analysed:
            problems.append(Problem(analysis.document.origin,
                                    analysis.failure or analysis.skipped or "not analysed"))
        write_responses(responses, analysis.document.id, entities(analysis))
        written += 1
    return written


def scores(folder: Path, responses: Path,
           only: Callable[[str], bool] | None = None) -> tuple[Score, Score]:
    """The responses scored where `folder` has gold, in both modes (see `score`); `only`:
    the documents of one part of a split."""
    return (score(folder, responses, only=only),
            score(folder, responses, fold_locorg=True, only=only))


def run(folder: Path, responses: Path, pipeline: Pipeline,
        problems: list[Problem] | None = None) -> tuple[Score, Score]:
    """Write a response for every text of `folder`, then score them where there is gold."""
    respond(folder, responses, pipeline, problems)
    return scores(folder, responses)
