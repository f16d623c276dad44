from __future__ import annotations

from pathlib import Path

import pytest

from relata.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FOUNDING = EXAMPLES / "2025-08-07-minval-ru-az.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def founding(pipeline):
    """The founding article, analysed once for the whole session."""
    from relata.sources import read

    (document,) = read([FOUNDING])
    return pipeline([document])[0]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
