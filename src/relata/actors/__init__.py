"""Actors: dictionaries (data/*.yaml), matching on lemmas, and resolution to codes."""

from typing import TYPE_CHECKING

from .dictionary import Dictionary
from .load import DictionaryError, DictionaryProblem, load, load_dictionary

if TYPE_CHECKING:
    from .stage import ResolveActors, index_for


def __getattr__(name: str):
    # The stage loads the language libraries (natasha): imported when first used, so that
    # reading the code lists (`relata dyad RUS AZE`) does not wait for them.
    if name in ("ResolveActors", "index_for"):
        from . import stage

        return getattr(stage, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Dictionary",
    "DictionaryError",
    "DictionaryProblem",
    "ResolveActors",
    "index_for",
    "load",
    "load_dictionary",
]
