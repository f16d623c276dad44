"""The one place the API meets the analysis: each endpoint calls ONE library function.

- dyad → `relata.relations.dyad_series`; trends → `relata.relations.trends`;
- attitudes → `relata.stance.document.attitudes`, on the stored document analysed again.

An unknown dyad side is a 404 naming it and its parameter: the code is well formed, and
names no actor. An analysis that fails is a 422 naming the stage.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from ..records import Document
from ..relations import Party, UnknownActorError, dyad_series, party, trends
from ..relations.answers import dyad_key, is_kept, nameless_json, with_names
from ..stance.document import attitudes as document_attitudes
from ..store import Store
from .context import Context, analysed, records
from .errors import ApiError


def dyad(store: Store, a: str, b: str, *, freq: str, directed: bool,
         modalities: Sequence[str], since: dt.date | None, until: dt.date | None,
         evidence: int | None, weight: str = "events") -> dict:
    """`{"summary": …, "series": [one row a period], "evidence": [the latest events]}`"""
    found = dyad_series(store, _side(a, "a"), _side(b, "b"), freq=freq, directed=directed,
                        modalities=modalities, since=since, until=until, evidence=evidence,
                        weight=weight)
    return {"summary": found.summary(), "series": records(found.series),
            "evidence": records(found.evidence)}


def dyad_json(context: Context, version: tuple, a: str, b: str, *, freq: str,
              directed: bool, modalities: Sequence[str], since: dt.date | None,
              until: dt.date | None, evidence: int | None, weight: str = "events") -> bytes:
    """`dyad`'s answer as the JSON sent, through the context's cache of answers. Both
    ways, a → b and b → a are one series, one computation: `dyad_series` of the sides in
    code order, whose summary then names them in the order asked (the equivalence tests
    compare the result with `dyad_series` of the order asked). The dashboard's question of
    two countries is answered from the answer ingest keeps, if current (relations.answers:
    one small read instead of two queries and the computation)."""
    first, second = _side(a, "a"), _side(b, "b")
    pair = (first, second) if directed or first.code <= second.code else (second, first)
    question = {"freq": freq, "directed": directed, "modalities": modalities, "since": since,
                "until": until, "evidence": evidence, "weight": weight}
    key = ("dyad-found", version, pair[0].code, pair[1].code, freq, directed,
           tuple(modalities), since, until, evidence, weight)

    def compute() -> bytes:
        with context.computing, context.reader() as store:
            if store.answered and is_kept(*pair, **question):
                kept = store.dyad_answer(dyad_key(*pair))
                if kept is not None:
                    return kept.encode("utf-8")
            # every dyad's rows, if the warmer has read them for this question
            store.read_ahead = context.rows_read((version, freq, tuple(modalities)))
            found = dyad_series(store, *pair, **question)
        return nameless_json(found)

    return with_names(context.answers.compute(key, compute), first, second)


def _side(code: str, name: str) -> Party:
    try:
        return party(code)
    except UnknownActorError as e:
        raise ApiError(404, str(e), field=name) from None


def ranking(store: Store, *, freq: str, top: int | None, since: dt.date | None,
            until: dt.date | None, modalities: Sequence[str], min_events: int) -> list[dict]:
    """The dyads whose relations shift most, one dict a dyad, ranked."""
    return records(trends(store, freq=freq, top=top, since=since, until=until,
                           modalities=modalities, min_events=min_events))


def attitudes(context: Context, row: dict) -> list[dict]:
    """Who in the stored document is for or against whom, with the evidence."""
    document = Document(id=row["id"], text=row["text"], body_start=row["body_start"],
                        date=row["date"], url=row["url"], source=row["outlet"],
                        title=row["title"], origin=row["origin"])
    with context.pipeline() as pipeline:
        analysis = analysed(pipeline([document])[0])
    return [dataclasses.asdict(found) for found in document_attitudes(analysis)]
