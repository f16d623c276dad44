"""relata: political event data from Russian news — who did what to whom, with evidence.

    >>> import relata
    >>> analysis = relata.code_text("Москва и Баку провели переговоры.")
    >>> frame = relata.code(["Москва и Баку провели переговоры.", "…"]).to_frame()  # events
    >>> relata.attitudes(analysis)  # who is for or against whom, with the evidence
    >>> with relata.open_store("relata.duckdb", write=True) as store:
    ...     report = relata.ingest(store, ["examples/"])
    ...     russia_azerbaijan = relata.dyad_series(store, "RUS", "AZE")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# `ingest` is also the name of its module, which would hide a lazy name once imported.
from .ingest import IngestReport, ingest

# Other names are imported when first used: the language models' libraries take seconds
# to import, and a command that only reads the database should not wait for them.
_MODULES = {
    ".coding": ("Coded", "code", "code_files", "code_text", "resolve"),
    ".errors": ("RelataError", "StageError", "StoreError"),
    ".parallel": ("ParallelPipeline", "make_pipeline"),
    ".pipeline": ("Pipeline",),
    ".records": ("Actor", "Analysis", "Document", "Event", "Mention", "Problem", "Sentence",
                 "Token"),
    ".relations": ("ChangePoint", "DyadSeries", "Party", "Trend", "UnknownActorError",
                   "dyad_series", "party", "plot_dyad", "trend", "trends"),
    ".sources": ("read",),
    ".stance.document": ("Attitude", "attitudes"),
    ".store": ("Store", "open_store"),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}

if TYPE_CHECKING:
    from .coding import Coded, code, code_files, code_text, resolve
    from .errors import RelataError, StageError, StoreError
    from .parallel import ParallelPipeline, make_pipeline
    from .pipeline import Pipeline
    from .records import Actor, Analysis, Document, Event, Mention, Problem, Sentence, Token
    from .relations import (
        ChangePoint,
        DyadSeries,
        Party,
        Trend,
        UnknownActorError,
        dyad_series,
        party,
        plot_dyad,
        trend,
        trends,
    )
    from .sources import read
    from .stance.document import Attitude, attitudes
    from .store import Store, open_store


def __getattr__(name: str):
    if name == "__version__":  # importlib.metadata is slow to import: only when asked
        globals()[name] = _version()
        return globals()[name]
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'relata' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("relata")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Actor",
    "Analysis",
    "Attitude",
    "ChangePoint",
    "Coded",
    "Document",
    "DyadSeries",
    "Event",
    "IngestReport",
    "Mention",
    "ParallelPipeline",
    "Party",
    "Pipeline",
    "Problem",
    "RelataError",
    "Sentence",
    "StageError",
    "Store",
    "StoreError",
    "Token",
    "Trend",
    "UnknownActorError",
    "__version__",
    "attitudes",
    "code",
    "code_files",
    "code_text",
    "dyad_series",
    "ingest",
    "make_pipeline",
    "open_store",
    "party",
    "plot_dyad",
    "read",
    "resolve",
    "trend",
    "trends",
]
