"""Storage: DuckDB schema, migrations and queries."""

from .schema import LATEST as SCHEMA_VERSION
from .store import DEFAULT_PATH, MAX_ROWS, Store, open_store

__all__ = ["DEFAULT_PATH", "MAX_ROWS", "SCHEMA_VERSION", "Store", "open_store"]
