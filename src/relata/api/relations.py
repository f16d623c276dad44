"""The one place the API meets the analysis: each endpoint calls ONE library function here.

- dyad → `relata.relations.dyad_series`; trends → `relata.relations.trends` (issue 5,
  branch issue5-dyads). Until that module is merged, `interim.py` stands in for both, with
  the same JSON shapes.
- attitudes → `relata.stance.document.attitudes` (issue 5, branch issue5-attitudes), on the
  stored document analysed again; until it is merged, the endpoint answers 501.

Once both are merged, the `try … except ImportError` fallbacks, the `is None` branches and
interim.py (with its test in tests/test_api_relations.py) go.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from ..records import Document
from ..store import Store
from . import interim
from .context import Context, records
from .errors import ApiError

try:
    from ..relations import dyad_series as _dyad_series
    from ..relations import trends as _trends
except ImportError:  # not merged yet: see interim.py
    _dyad_series = _trends = None

try:
    from ..stance.document import attitudes as _attitudes
except ImportError:  # not merged yet
    _attitudes = None

RELATIONS = "library" if _dyad_series is not None else "interim"


def dyad(store: Store, a: str, b: str, *, freq: str, directed: bool,
         modalities: Sequence[str], since: dt.date | None, until: dt.date | None,
         evidence: int | None) -> dict:
    """`{"summary": …, "series": [one row a period], "evidence": [the latest events]}`"""
    if _dyad_series is None:
        return interim.dyad(store, a, b, freq=freq, directed=directed, modalities=modalities,
                            since=since, until=until, evidence=evidence)
    found = _dyad_series(store, a, b, freq=freq, directed=directed, modalities=modalities,
                         since=since, until=until, evidence=evidence)
    return {"summary": found.summary(), "series": records(found.series),
            "evidence": records(found.evidence)}


def ranking(store: Store, *, freq: str, top: int | None, since: dt.date | None,
            until: dt.date | None, modalities: Sequence[str], min_events: int) -> list[dict]:
    """The dyads whose relations shift most, one dict a dyad, ranked."""
    if _trends is None:
        return interim.trends(store, freq=freq, top=top, since=since, until=until,
                              modalities=modalities, min_events=min_events)
    return records(_trends(store, freq=freq, top=top, since=since, until=until,
                           modalities=modalities, min_events=min_events))


def attitudes(context: Context, row: dict) -> list[dict]:
    """Who in the stored document is for or against whom, with the evidence."""
    if _attitudes is None:
        raise ApiError(501, "document attitudes are not available in this relata: the "
                            "attitudes module (issue 5) is not installed")
    document = Document(id=row["id"], text=row["text"], body_start=row["body_start"],
                        date=row["date"], url=row["url"], source=row["source"],
                        title=row["title"], origin=row["origin"])
    with context.pipeline() as pipeline:
        analysis = pipeline([document])[0]
    return [dataclasses.asdict(found) for found in _attitudes(analysis)]
