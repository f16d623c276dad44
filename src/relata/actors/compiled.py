"""The actor index (the merged dictionaries and their patterns) kept compiled in relata's
cache (relata.cache) between runs: reading the YAML, checking every field and entry and
building the patterns took 1.3–1.8 s of CPU at every start; unpickling the result takes a
small part of that.

The file is keyed on everything the index is built from: the content (and path, size and
time) of every dictionary file read, built-in and the user's, and of the file of ordinary
words the checks read; relata's version, and the source of the modules that define the
entries and build the index (a source tree's version does not change with every edit); the
morphology's versions (the patterns hold the words' forms); and Python's. Any difference,
or a file that cannot be read or unpickled, and the index is built from the YAML as before,
so the cache never fails a run. Only a clean load is kept: dictionaries with problems
raise DictionaryError before anything is written, and do so again at the next start.

The file is read only from relata's own cache folder, which `relata.cache` opens without
following symlinks (a pickle runs code when loaded: the folder is the user's, mode 0700).
"""

from __future__ import annotations

import io
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

from ..cache import read_bytes, stamp, write_bytes
from . import codes, dictionary, load, patterns
from .load import ORDINARY_WORDS, load_dictionary
from .patterns import Index

INDEX_FILE = "actors-index.pickle"
_INDEX_FORMAT = 1

# The modules whose code decides what the index holds: their source is part of the key.
_SOURCES = (codes, dictionary, load, patterns)


def _relata_version() -> str:
    import relata

    return relata.__version__


def index_key(user_files: Sequence[str], builtin: bool) -> list:
    """What a kept index must have been built from; OSError if a file cannot be read
    (then there is no cache, and loading reports the file as it always has)."""
    files = [*(sorted(codes.BUILTIN.glob("*.yaml")) if builtin else ()), ORDINARY_WORDS,
             *(Path(f) for f in user_files)]
    return [_INDEX_FORMAT, _relata_version(), sys.version, builtin,
            patterns._morphology_versions(),
            [stamp(Path(m.__file__)) for m in _SOURCES], [stamp(f) for f in files]]


def _kept_index(key: list) -> Index | None:
    kept = read_bytes(INDEX_FILE)
    if kept is None:
        return None
    try:
        stream = io.BytesIO(kept)
        if pickle.load(stream) != key:  # the key first: a stale index is never unpickled
            return None
        index = pickle.load(stream)
    except Exception:  # a damaged or foreign file (any error unpickling) only costs time
        return None
    return index if isinstance(index, Index) else None


def compiled_index(user_files: Sequence[str] = (), builtin: bool = True, *,
                   cached: bool = True) -> Index:
    """The index of the merged dictionaries, from relata's cache when it was built from
    the same files by the same code; else loaded (DictionaryError as `load_dictionary`)
    and built, and kept. `cached=False`: neither read nor written, as `Index(cached=...)`
    and its words' forms."""
    try:
        key = index_key(user_files, builtin) if cached else None
    except OSError:
        key = None
    if key is not None and (index := _kept_index(key)) is not None:
        return index
    index = Index(load_dictionary(tuple(user_files), builtin), cached=cached)
    if key is not None:
        try:
            data = pickle.dumps(key, pickle.HIGHEST_PROTOCOL) + pickle.dumps(
                index, pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return index
        write_bytes(INDEX_FILE, data)
    return index
