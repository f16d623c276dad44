"""Settings from `relata.toml` in the working folder (all optional).

    [actors]
    dictionaries = ["my-actors.yaml"]   # relative to the file
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


def load_config(path: Path = DEFAULT_PATH) -> Config:
    if not path.exists():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise RelataError(f"{path}: cannot read the settings: {e}") from None
    dictionaries = data.get("actors", {}).get("dictionaries", [])
    if not isinstance(dictionaries, list) or not all(isinstance(d, str) for d in dictionaries):
        raise RelataError(f"{path}: [actors] dictionaries must be a list of file paths")
    return Config(tuple(str(path.parent / d) for d in dictionaries))
