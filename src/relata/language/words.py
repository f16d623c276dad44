"""Word vectors and lemmas of single words, for models that read words out of a parse.

Natasha's news embedding (navec, 250,000 words, 300 dimensions, shipped inside the
`natasha` package) and pymorphy's first reading, adapted to numpy arrays and
strings: no navec or pymorphy object leaves this module.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
from natasha.data import NEWS_EMBEDDING
from navec import Navec

DIMENSIONS = 300
WORD_CACHE = 200_000


@functools.cache
def navec() -> Navec:
    """Loaded once per process; the slovnet taggers share it."""
    return Navec.load(NEWS_EMBEDDING)


@functools.lru_cache(maxsize=WORD_CACHE)
def _vector(word: str) -> np.ndarray | None:
    return navec().get(word)


def word_vectors(words: Sequence[str]) -> np.ndarray:
    """One row per word (looked up in lower case), zeros for words the embedding lacks."""
    rows = np.zeros((len(words), DIMENSIONS), dtype=np.float32)
    for i, word in enumerate(words):
        vector = _vector(word.lower())
        if vector is None and "ё" in word.lower():
            vector = _vector(word.lower().replace("ё", "е"))
        if vector is not None:
            rows[i] = vector
    return rows


@functools.lru_cache(maxsize=WORD_CACHE)
def lemma(word: str) -> str:
    """The normal form of pymorphy's likeliest reading, lower case, ё as е. Without the
    context a tagger gives, but enough to match a word against a list of lemmas."""
    from .russian import morph_vocab

    parses = morph_vocab().parse(word)
    form = parses[0].normal_form if parses else word
    return form.lower().replace("ё", "е")


NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


@functools.lru_cache(maxsize=WORD_CACHE)
def person_noun(word: str) -> bool:
    """Whether a word is a common noun for a person and never a name: `госсекретарь`,
    `генпрокурор`, `сенатор` (a title the tagger may take for a given name when it is
    capitalised, first in a sentence), not `Мадлен`, `Роза`, `Лев` (names too) nor
    `Грант` (no person)."""
    from .russian import morph_vocab

    vocab = morph_vocab()
    folded = word.lower()
    if not vocab.word_is_known(folded):
        return False
    parses = vocab.parse(folded)
    return not any(NAME_GRAMMEMES & p.tag.grammemes for p in parses) and any(
        p.tag.POS == "NOUN" and p.tag.animacy == "anim" for p in parses)
