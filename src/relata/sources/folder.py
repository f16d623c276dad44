"""Folders, read recursively: every article file below (or the files a `Selection`
names), in a stable order."""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..records import Problem
from .document import os_reason

TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
WARC_SUFFIXES = (".warc", ".warc.gz")  # `.warc.gz` is two suffixes: matched on the name
_ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES


@dataclass(frozen=True, slots=True)
class Selection:
    """Which files below a folder are articles. `globs`: only files matching one of them
    (any suffix: `*.md` is read as text, `*.jsonl` as JSON Lines); none given, every
    `.txt`, `.jsonl`, `.ndjson`, `.html`, `.htm`, `.warc` and `.warc.gz`. `excludes`:
    none matching these. A pattern is matched
    against the path relative to the folder (`2024/*.txt`) and against the file's name
    (`*.opin.txt`); `*` crosses folders."""

    globs: Sequence[str] = ()
    excludes: Sequence[str] = ()

    def takes(self, relative: str, name: str) -> bool:
        def matches(patterns: Sequence[str]) -> bool:
            return any(fnmatch.fnmatchcase(relative, p) or fnmatch.fnmatchcase(name, p)
                       for p in patterns)

        if self.globs:
            chosen = matches(self.globs)
        else:
            chosen = (Path(name).suffix.lower() in _ARTICLE_SUFFIXES
                      or name.lower().endswith(WARC_SUFFIXES))
        return chosen and not matches(self.excludes)


EVERY_ARTICLE = Selection()


def walk(folder: Path, select: Selection = EVERY_ARTICLE) -> Iterator[Path | Problem]:
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
                    elif select.takes(path.relative_to(folder).as_posix(), entry.name):
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
