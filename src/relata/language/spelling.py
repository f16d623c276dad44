"""How Russian words are written for matching: one spelling for each word."""

from __future__ import annotations

import functools

# `ё` is optional in Russian print (`ещё`/`еще`): lists and the parser's lemmas meet on `е`.
_YO = str.maketrans({"ё": "е", "Ё": "е"})


# Words folded, kept: the coder folds the same lemmas in every sentence (`_sporting` asks
# of every side), and a lookup costs a third of folding again.
FOLD_CACHE = 100_000


@functools.lru_cache(maxsize=FOLD_CACHE)
def fold(words: str) -> str:
    """Lower case, `ё` as `е`, single spaces: `Выступить  против` → `выступить против`."""
    return " ".join(words.lower().translate(_YO).split())
