"""How Russian words are written for matching: one spelling for each word."""

from __future__ import annotations

# `ё` is optional in Russian print (`ещё`/`еще`): lists and the parser's lemmas meet on `е`.
_YO = str.maketrans({"ё": "е", "Ё": "е"})


def fold(words: str) -> str:
    """Lower case, `ё` as `е`, single spaces: `Выступить  против` → `выступить против`."""
    return " ".join(words.lower().translate(_YO).split())
