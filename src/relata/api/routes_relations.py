"""Relations: a dyad's series with trend and change points, the trends ranking, and a
document's attitudes; each through one function of the adapter (relations.py)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from ..store import MAX_ROWS, Store
from ..vocabulary import MODALITIES, choose
from . import relations
from .context import context, read_store
from .errors import ApiError, responses
from .routes_data import DocId, IsoDate

router = APIRouter(prefix="/api", tags=["relations"])

Side = Annotated[str, Query(min_length=1, max_length=100,
                            description="A country or organisation code (RUS, NATO), an actor "
                                        "code (RUSMIL), or a name as the CLI takes it "
                                        "(Россия, Russia); find one with /api/actors.")]
Freq = Literal["D", "W", "M"]


def _modalities(given: list[str] | None) -> list[str]:
    return [choose(m, MODALITIES, "modality") for m in given or ["factual"]]


def _window(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise ApiError(422, f"since {since} is after until {until}", field="since")


@router.get("/dyad", summary="A dyad's series per period, with trend and change points",
            responses=responses(404, 422, 503), response_model=None)
async def dyad(
    request: Request,
    a: Side,
    b: Side,
    freq: Freq = "M",
    directed: bool = False,
    modality: Annotated[list[str] | None, Query(
        description="Modalities counted (repeatable, any case): " + ", ".join(MODALITIES) +
                    "; default factual")] = None,
    since: IsoDate | None = None,
    until: IsoDate | None = None,
    evidence: Annotated[int, Query(ge=0, le=500)] = 20,
    weight: Annotated[Literal["events", "articles", "sources"], Query(
        description="What an event that several articles report weighs: once (events), or "
                    "as many as the articles or the outlets that report it")] = "events",
) -> Response:
    _window(since, until)
    # On the event loop: an answer kept in the cache is sent without a worker thread, the
    # database or the lock; one to compute goes to a worker thread (DuckDB lets go of the
    # GIL while it reads, so requests for different dyads are answered side by side).
    ctx = context(request)
    modalities = _modalities(modality)
    key = ("dyad", ctx.version(), a, b, freq, directed, tuple(modalities), since, until,
           evidence, weight)
    if ctx.warmer is not None:
        ctx.warmer.seen(key[1])  # another process changed the database: warm it again
    body = ctx.answers.get(key)
    if body is None:
        body = await run_in_threadpool(ctx.answers.compute, key, functools.partial(
            relations.dyad_json, ctx, key[1], a, b, freq=freq, directed=directed,
            modalities=modalities, since=since, until=until, evidence=evidence,
            weight=weight))
    return Response(body, media_type="application/json")


@router.get("/trends", summary="The dyads whose relations shift most, ranked",
            responses=responses(422, 503))
def trends(
    store: Annotated[Store, Depends(read_store)],
    freq: Freq = "M",
    top: Annotated[int, Query(ge=1, le=1000)] = 20,
    min_events: Annotated[int, Query(ge=1, le=MAX_ROWS)] = 10,
    modality: Annotated[list[str] | None, Query(
        description="Modalities counted (repeatable, any case); default factual")] = None,
    since: IsoDate | None = None,
    until: IsoDate | None = None,
) -> dict:
    _window(since, until)
    return {"dyads": relations.ranking(store, freq=freq, top=top, since=since, until=until,
                                       modalities=_modalities(modality),
                                       min_events=min_events)}


@router.get("/documents/{doc_id}/attitudes", summary="Who in a document is for or against whom",
            responses=responses(404, 422, 503))
def attitudes(doc_id: DocId, request: Request) -> dict:
    ctx = context(request)
    with ctx.reader() as store:  # let go before the models are waited for (Context: lock order)
        row = store.document(doc_id)
    if row is None:
        raise ApiError(404, f"no document {doc_id!r} in the database", field="doc_id")
    return {"doc_id": doc_id, "attitudes": relations.attitudes(ctx, row)}
