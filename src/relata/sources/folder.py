"""Folders, read recursively: every `.txt` and `.jsonl` below, in a stable order."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..records import Problem
from .document import os_reason

TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES


def walk(folder: Path) -> Iterator[Path | Problem]:
    """The articles' files below `folder`, sorted by path, hidden ones left out and links to
    folders not followed (so no loop). A folder that cannot be listed, or an article's file
    that cannot be reached (a broken link, a link loop), is a Problem in its place, not
    passed over in silence as `rglob` does."""
    found: list[tuple[Path, Path | Problem]] = []
    folders = [folder]
    while folders:
        here = folders.pop()
        try:
            with os.scandir(here) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    path = here / entry.name
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(path)
                    elif path.suffix.lower() in _ARTICLE_SUFFIXES:
                        item = _article(path, entry)
                        if item is not None:
                            found.append((path, item))
        except OSError as e:
            found.append((here, Problem(str(here), os_reason(e))))
    for _, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def _article(path: Path, entry: os.DirEntry) -> Path | Problem | None:
    try:
        mode = entry.stat().st_mode  # through a link, of what it names
    except OSError as e:
        return Problem(str(path), os_reason(e))
    # a FIFO or device, or a link to a folder, below a folder is no article
    return path if stat.S_ISREG(mode) else None
