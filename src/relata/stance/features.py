"""Features of an entity in a sentence for the targeted-sentiment model.

Shared by the training script and the model, so that both see the same numbers:
word vectors of the words left and right of the entity, of the entity itself and of
the rest of the sentence (nearer words weigh more), and cues a reader would look
for: words of blame and praise, negation, quotes, the kind of entity; then what the
dependency parse tells (`syntax`: the entity's role, the verb and words around it)
and the pooled praise and blame scores of its words (`polar`). (Indicators of the
lemmas near the entity, or of the governing verb's lemma with the entity's role,
were tried too and added nothing in cross-validation.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..events.speech import load_speech
from ..language.words import DIMENSIONS, lemma, word_vectors
from ..records import Token
from . import polar, syntax

WINDOW = 6  # words each side of the entity that count as its context
DECAY = 3.0  # words this far from the entity weigh 1/e as much as its neighbours
KINDS = ("PERSON", "ORGANIZATION", "COUNTRY", "NATIONALITY", "PROFESSION")
NEGATION = frozenset({"не", "нет", "ни", "без", "никогда"})
QUOTES = "«»\"“”„"
_WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True, slots=True)
class Target:
    """An entity in a sentence: char offsets into `sentence`, and its kind if known.
    `tokens`: the sentence's parse, offsets into `sentence`, when the caller has one;
    without it the sentence is parsed here."""

    sentence: str
    start: int
    end: int
    kind: str = ""
    tokens: tuple[Token, ...] = ()


BLAME = load_speech().blame  # the event coder's word lists, read and checked once
PRAISE = load_speech().praise
CUES = 14  # the columns `_cues` gives
WORDS = 5 * DIMENSIONS + CUES  # the columns of the words alone, without the parse
FEATURES = WORDS + syntax.FEATURES + polar.FEATURES
# Columns of counts and flags rather than vector components: few, and each a cue of its
# own, so training penalises them less (see scripts/train_sentiment.py).
CUE_COLUMNS = np.r_[5 * DIMENSIONS : WORDS,
                    WORDS + syntax.VECTORS * DIMENSIONS : FEATURES]


@dataclass(frozen=True, slots=True)
class _Words:
    texts: list[str]
    lemmas: list[str]
    entity: range  # indices of the entity's words
    left: range
    right: range


def _words(target: Target) -> _Words:
    spans = [(m.start(), m.end()) for m in _WORD.finditer(target.sentence)]
    texts = [target.sentence[s:e] for s, e in spans]
    inside = [i for i, (s, e) in enumerate(spans) if s < target.end and e > target.start]
    if not inside:  # offsets between words: the entity is the word after them
        after = [i for i, (s, _) in enumerate(spans) if s >= target.start]
        inside = after[:1] or [max(len(spans) - 1, 0)]
    first, last = inside[0], inside[-1] + 1
    return _Words(texts, [lemma(w) for w in texts], range(first, last),
                  range(max(0, first - WINDOW), first), range(last, min(len(texts), last + WINDOW)))


def _mean(vectors: np.ndarray, rows: Sequence[int]) -> np.ndarray:
    rows = list(rows)
    return vectors[rows].mean(axis=0) if rows else np.zeros(DIMENSIONS, dtype=np.float32)


def _dense(words: _Words) -> np.ndarray:
    vectors = word_vectors(words.texts) if words.texts else np.zeros((1, DIMENSIONS))
    others = [i for i in range(len(words.texts)) if i not in words.entity]
    distance = np.array([min(abs(i - words.entity.start), abs(i - words.entity.stop + 1))
                         for i in others], dtype=np.float32)
    weights = np.exp(-distance / DECAY)
    near = (weights[:, None] * vectors[others]).sum(0) / max(weights.sum(), 1e-6) \
        if others else np.zeros(DIMENSIONS, dtype=np.float32)
    return np.concatenate([_mean(vectors, words.left), _mean(vectors, words.right),
                           _mean(vectors, words.entity), _mean(vectors, others), near])


def _cues(target: Target, words: _Words) -> np.ndarray:
    window = [words.lemmas[i] for i in (*words.left, *words.right)]
    rest = [x for i, x in enumerate(words.lemmas) if i not in words.entity]
    before = target.sentence[: target.start]
    kind = [float(target.kind == k) for k in KINDS]
    return np.array([
        sum(x in BLAME for x in window), sum(x in BLAME for x in rest),
        sum(x in PRAISE for x in window), sum(x in PRAISE for x in rest),
        sum(x in NEGATION for x in window), float(any(q in target.sentence for q in QUOTES)),
        float(sum(before.count(q) for q in QUOTES) % 2 == 1),  # the entity inside a quote
        words.entity.start / max(len(words.texts), 1), np.log1p(len(words.texts)),
        *kind,
    ], dtype=np.float32)


def _parses(targets: Sequence[Target]) -> list[tuple[Token, ...]]:
    """Each target's tokens: its own, or a parse of its sentence (each sentence once)."""
    missing = sorted({t.sentence for t in targets if not t.tokens})
    if not missing:
        return [t.tokens for t in targets]
    from ..language.russian import parse_sentences  # loads the slovnet models

    parsed = dict(zip(missing, parse_sentences(missing), strict=True))
    return [t.tokens or parsed[t.sentence] for t in targets]


def _parse_columns(tokens: tuple[Token, ...], target: Target) -> np.ndarray:
    if not tokens:  # nothing but spaces or punctuation razdel drops: no parse to read
        return np.zeros(syntax.FEATURES + polar.FEATURES, dtype=np.float32)
    where = syntax.place(tokens, target.start, target.end)
    vectors = word_vectors([t.text for t in tokens])
    return np.concatenate([
        syntax.features(tokens, where, vectors, BLAME, PRAISE, NEGATION),
        polar.features(tokens, where, vectors, polar.load_seeds()),
    ])


def featurise(targets: Sequence[Target]) -> np.ndarray:
    """One row per target: the word-vector blocks and cues, then the parse's columns."""
    rows = np.zeros((len(targets), FEATURES), dtype=np.float32)
    for i, (target, tokens) in enumerate(zip(targets, _parses(targets), strict=True)):
        words = _words(target)
        rows[i, : 5 * DIMENSIONS] = _dense(words)
        rows[i, 5 * DIMENSIONS : WORDS] = _cues(target, words)
        rows[i, WORDS:] = _parse_columns(tokens, target)
    return rows
