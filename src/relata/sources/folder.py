"""Folders, read recursively: every `.txt` and `.jsonl` below, in a stable order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


def walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if not hidden and path.is_file() and path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
            yield path
