"""The records that pass between stages: plain frozen dataclasses, nothing else.

Every `start`/`end` is a char offset into `Document.text`, which is the input
file's own text (or the JSONL record's `text` field) exactly as read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Document:
    id: str  # stable hash of the normalised body text, see sources/document.py
    text: str  # the whole input text, header included
    body_start: int = 0  # where the article begins (after an optional ` date …` header)
    date: dt.date | None = None
    url: str | None = None
    # the outlet, as the inputs name it (JSON Lines `source`); stored as `documents.outlet`
    source: str | None = None
    title: str | None = None
    lang: str | None = None  # ISO 639-1, set by the language stage
    origin: str = ""  # where it was read: `path` or `path:line`
    external_id: str | None = None  # an id the input gave, kept as is
    author: str | None = None  # a web page's byline

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str  # the word as the models read it: the text at [start, end) less invisible marks
    lemma: str
    pos: str  # UD part of speech
    feats: tuple[tuple[str, str], ...] = ()  # UD features, sorted by name
    head: int = 0  # 1-based index of the head within the sentence; 0 is the root
    rel: str = ""  # UD relation to the head

    def feat(self, name: str) -> str | None:
        for key, value in self.feats:  # a loop, not next(…): asked for every token, often
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...] = ()
    parsed: bool = True  # False: no dependency parse (heads 0), it cannot hold an event


@dataclass(frozen=True, slots=True)
class Actor:
    code: str | None  # CAMEO-style: RUSGOV, AZEBUS, NATO; None for a name no dictionary knows
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # GOV, MIL, BUS, MED, CVL, REB, IGO …
    name: str | None = None  # canonical name
    id: str | None = None  # dictionary entry id


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # PER, ORG, LOC (a place), LOCORG (a place acting as a state), GRP, ADJ
    normal: str = ""  # the name in its dictionary (nominative) form
    actor: Actor | None = None
    parts: tuple[Mention, ...] = ()  # the named parts of a phrase: Азербайджана, Ильхам Алиев
    # How a word that names no one by itself was resolved: "reference" (a pronoun, `стороны`,
    # `альянс`: an actor named before it), "context" (`президент`: the state in focus),
    # "place" (`Крым` read by `relata resolve` as the state it lies in), "origin" (a person
    # no dictionary knows, by the form of the surname: `Мирзаев`), "relation" (one, by the
    # words around the name: `адвокат Навального Иван Петров`); None for a name.
    via: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who asserts an event: `заявил X`, `по мнению X`, `— считает эксперт`."""

    text: str
    start: int
    end: int
    code: str | None = None  # the actor code, when the speaker is a known actor


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    doc_id: str
    date: dt.date | None
    source: Actor
    target: Actor | None
    type: str  # PLOVER event type
    mode: str | None
    cameo: str | None
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float | None
    modality: str  # factual, negated, intended, threatened, predicted, hypothetical
    trigger: Span
    sentence: Span
    source_span: Span | None = None
    target_span: Span | None = None
    attribution: Attribution | None = None
    location: Location | None = None
    confidence: float = 1.0
    symmetric: bool = False  # a mutual act (a meeting, talks, an agreement): source and target
    # act alike, and the event stands for both directions once


@dataclass(frozen=True, slots=True)
class Analysis:
    """One document and everything the stages found in it."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    skipped: str | None = None  # why it was not analysed, e.g. "language en"
    failure: str | None = None  # the stage that failed on it and why

    @property
    def analysed(self) -> bool:
        return self.skipped is None and self.failure is None


@dataclass(frozen=True, slots=True)
class Problem:
    """Input that could not be read: which file (and line) and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"
