"""relata: political event data from Russian news — who did what to whom, with evidence.

    >>> import relata
    >>> analysis = relata.code_text("Москва и Баку провели переговоры.")
    >>> relata.attitudes(analysis)  # who is for or against whom, with the evidence
    >>> with relata.open_store("relata.duckdb") as store:
    ...     report = relata.ingest(store, ["examples/"])
"""

from importlib.metadata import PackageNotFoundError, version

from .code import code_files, code_text, resolve
from .errors import RelataError, StageError, StoreError
from .ingest import IngestReport, ingest
from .parallel import ParallelPipeline, make_pipeline
from .pipeline import Pipeline
from .records import Actor, Analysis, Document, Event, Mention, Problem, Sentence, Token
from .sources import read
from .stance.document import Attitude, attitudes
from .store import Store, open_store

try:
    __version__ = version("relata")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Actor",
    "Analysis",
    "Attitude",
    "Document",
    "Event",
    "IngestReport",
    "Mention",
    "ParallelPipeline",
    "Pipeline",
    "Problem",
    "RelataError",
    "Sentence",
    "StageError",
    "Store",
    "StoreError",
    "Token",
    "__version__",
    "attitudes",
    "code_files",
    "code_text",
    "ingest",
    "make_pipeline",
    "open_store",
    "read",
    "resolve",
]
