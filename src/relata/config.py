"""Settings from `relata.toml` in the working folder (all optional).

    [actors]
    dictionaries = ["my-actors.yaml"]   # relative to the file

    [events]
    lexicons = ["my-predicates.yaml"]   # relative to the file; files or folders
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import RelataError

DEFAULT_PATH = Path("relata.toml")


@dataclass(frozen=True, slots=True)
class Config:
    dictionaries: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()  # predicate files added to the built-in lexicon


def load_config(path: Path = DEFAULT_PATH) -> Config:
    if not path.exists():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise RelataError(f"{path}: cannot read the settings: {e}") from None
    return Config(_paths(data, path, "actors", "dictionaries"),
                  _paths(data, path, "events", "lexicons"))


def _paths(data: dict, path: Path, section: str, key: str) -> tuple[str, ...]:
    """A list of file paths in the settings, made relative to the settings file."""
    given = data.get(section, {}).get(key, [])
    if not isinstance(given, list) or not all(isinstance(d, str) for d in given):
        raise RelataError(f"{path}: [{section}] {key} must be a list of file paths")
    return tuple(str(path.parent / d) for d in given)
