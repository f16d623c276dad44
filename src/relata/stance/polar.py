"""How well or badly each word speaks of whom it is said of, from seed words.

Two hand-written lists of lemmas (`data/polar/positive.txt`, `negative.txt`) stand for
praise and blame; any word scores by its nearness to them in the word vectors (the
mean cosine of its `TOP` nearest seeds of each list), so `разгромить` scores as blame
though no list names it. The model pools these scores over the parts of the sentence
that `syntax.Place` finds: the strongest word of a part tells more than the average
of all its words, which is what the vector blocks give.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..datafile import Problems
from ..events.lexicon import LexiconError
from ..events.speech import read_words
from ..language.words import word_vectors
from ..records import Token
from .syntax import Place

SEEDS = Path(__file__).parent / "data" / "polar"
TOP = 3  # nearest seeds a word is compared with
WINDOW = 6  # words each side of the entity
SCORES = 4  # per word: nearness to praise, to blame; a praise seed, a blame seed
PARTS = 5  # window, clause, modifiers, rest of the sentence, the three heads above
FEATURES = PARTS * 2 * SCORES + 2 * SCORES  # max and mean per part, and of the entity


@dataclass(frozen=True, slots=True)
class Seeds:
    positive: frozenset[str]
    negative: frozenset[str]
    positive_vectors: np.ndarray  # unit rows, the seeds the embedding knows
    negative_vectors: np.ndarray


@functools.cache
def load_seeds(folder: Path = SEEDS) -> Seeds:
    problems = Problems()
    positive = read_words(folder / "positive.txt", problems)
    negative = read_words(folder / "negative.txt", problems)
    if problems:
        raise LexiconError(problems)
    return Seeds(positive, negative, _unit(sorted(positive)), _unit(sorted(negative)))


def _unit(words: Sequence[str]) -> np.ndarray:
    vectors = word_vectors(words)
    norms = np.linalg.norm(vectors, axis=1)
    known = vectors[norms > 0]
    return known / norms[norms > 0, None]


def scores(tokens: Sequence[Token], vectors: np.ndarray, seeds: Seeds) -> np.ndarray:
    """(tokens, SCORES): nearness to the praise and blame seeds, and whether the lemma is
    one. `vectors` has a row per token (zeros for words the embedding lacks)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)

    def nearness(seed_vectors: np.ndarray) -> np.ndarray:
        # einsum, not `@`: a product this small costs a threaded BLAS far more in waking
        # its threads than in work (30 ms against 0.3 ms a sentence on a busy machine).
        cosines = np.einsum("ij,kj->ik", unit, seed_vectors)
        return np.sort(cosines, axis=1)[:, -TOP:].mean(1)

    lemmas = [t.lemma for t in tokens]
    return np.stack([nearness(seeds.positive_vectors), nearness(seeds.negative_vectors),
                     np.array([x in seeds.positive for x in lemmas], dtype=np.float32),
                     np.array([x in seeds.negative for x in lemmas], dtype=np.float32)],
                    axis=1).astype(np.float32)


def _pool(word_scores: np.ndarray, rows: Sequence[int]) -> np.ndarray:
    rows = list(rows)
    if not rows:
        return np.zeros(2 * SCORES, dtype=np.float32)
    return np.concatenate([word_scores[rows].max(0), word_scores[rows].mean(0)])


def features(tokens: Sequence[Token], where: Place, vectors: np.ndarray,
             seeds: Seeds) -> np.ndarray:
    """The scores pooled (max, mean) over the window, the entity's clause, its modifiers,
    the rest of the sentence, the three heads above it, and the entity itself."""
    word_scores = scores(tokens, vectors, seeds)
    inside = set(where.entity)
    first, last = where.entity[0], where.entity[-1] + 1
    window = [*range(max(0, first - WINDOW), first), *range(last, min(len(tokens), last + WINDOW))]
    rest = [j for j in range(len(tokens)) if j not in inside]
    return np.concatenate([_pool(word_scores, window), _pool(word_scores, where.clause),
                           _pool(word_scores, where.modifiers), _pool(word_scores, rest),
                           _pool(word_scores, where.above[:3]),
                           _pool(word_scores, where.entity)])
