"""Actors: dictionaries (data/*.yaml), matching on lemmas, and resolution to codes."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dictionary import Dictionary
    from .load import DictionaryError, DictionaryProblem, load_dictionary
    from .stage import ResolveActors, index_for

# Imported when first used: the stage loads the language libraries (natasha) and the
# loader the YAML reader, and reading a code (`relata dyad RUS AZE`) needs neither.
# (`load.load`, which also gives the problems, is not here: the name is its module's.)
_WHERE = {"Dictionary": ".dictionary", "DictionaryError": ".load",
          "DictionaryProblem": ".load", "load_dictionary": ".load",
          "ResolveActors": ".stage", "index_for": ".stage"}


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module, __name__), name)


__all__ = [
    "Dictionary",
    "DictionaryError",
    "DictionaryProblem",
    "ResolveActors",
    "index_for",
    "load_dictionary",
]
