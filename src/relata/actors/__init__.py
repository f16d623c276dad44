"""Actors: dictionaries (data/*.yaml), matching on lemmas, and resolution to codes."""

from .dictionary import Dictionary
from .load import DictionaryError, DictionaryProblem, load, load_dictionary
from .stage import ResolveActors, index_for

__all__ = [
    "Dictionary",
    "DictionaryError",
    "DictionaryProblem",
    "ResolveActors",
    "index_for",
    "load",
    "load_dictionary",
]
