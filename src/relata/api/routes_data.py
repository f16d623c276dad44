"""Stored data: events (filtered, paged), one document with its events, actors by name."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BeforeValidator

from ..actors.search import search_actors
from ..relations import UnknownActorError, party
from ..store import MAX_ROWS, Store
from ..vocabulary import EVENT_TYPES, MODALITIES, choose
from .context import context, read_store, records
from .errors import ApiError, responses

router = APIRouter(prefix="/api", tags=["data"])

Modality = Annotated[str | None, Query(description="One of: " + ", ".join(MODALITIES) +
                                        " (any case).")]
EventType = Annotated[str | None, Query(description="A PLOVER type, any case: " +
                                         ", ".join(EVENT_TYPES) + ".")]
Code = Annotated[str | None, Query(min_length=1, max_length=100, description=(
    "An actor code (RUSMIL), a country (RUS) or a name as the CLI takes it (Россия, Russia)."))]
DocId = Annotated[str, Path(pattern=r"^[0-9A-Za-z_-]{1,64}$")]
MAX_PAGE = 500


def _iso(value):
    # Pydantic would read a number as seconds since 1970 (`until=0` as 1970-01-01) and
    # a date in other shapes: a date here is written one way.
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    raise ValueError(f"a date is written YYYY-MM-DD, not {value!r}")


IsoDate = Annotated[dt.date, BeforeValidator(_iso)]


def _spans(row: dict) -> dict:
    """An event row with its evidence spans as the dashboard highlights them: [start, end]
    into the document, and the same relative to the sentence."""
    start = row["sentence_start"]
    for part in ("source", "trigger", "target", "sentence"):
        a, b = row.pop(f"{part}_start"), row.pop(f"{part}_end")
        row[f"{part}_span"] = None if a is None else [a, b]
        if part != "sentence":
            row[f"{part}_in_sentence"] = None if a is None else [a - start, b - start]
    return row


def _code(given: str | None, field: str) -> str | None:
    """The code a filter's actor names, as the CLI reads it: a code, or a country or
    organisation name (404 when none is known)."""
    if given is None:
        return None
    try:
        return party(given).code
    except UnknownActorError as e:
        raise ApiError(404, str(e), field=field) from None


@router.get("/events", summary="Stored events, oldest first, a page at a time",
            responses=responses(404, 422, 503))
def events(
    store: Annotated[Store, Depends(read_store)],
    source: Code = None,
    target: Code = None,
    type: EventType = None,
    modality: Modality = None,
    since: IsoDate | None = None,
    until: IsoDate | None = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    story: Annotated[str | None, Query(
        pattern=r"^[0-9A-Za-z_-]{1,64}$",
        description="Only the events of this story (an event's `story_id`): the one event "
                    "as each article that reports it says it")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_ROWS)] = 0,
) -> dict:
    if since and until and since > until:
        raise ApiError(422, f"since {since} is after until {until}", field="since")
    frame = store.events(source=_code(source, "source"), target=_code(target, "target"),
                         type=choose(type, EVENT_TYPES, "type"),
                         modality=choose(modality, MODALITIES, "modality"),
                         since=since, until=until, min_confidence=min_confidence,
                         story_id=story, limit=limit + 1, offset=offset)
    rows = [_spans(row) for row in records(frame)]
    more = len(rows) > limit
    return {"events": rows[:limit], "offset": offset, "limit": limit,
            "next_offset": offset + limit if more else None}


@router.get("/documents", summary="Stored documents, newest first, a page at a time",
            responses=responses(422, 503))
def documents(
    store: Annotated[Store, Depends(read_store)],
    q: Annotated[str | None, Query(min_length=1, max_length=200, description=(
        "Only documents whose title, origin or text contains this, in any case."))] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_ROWS)] = 0,
) -> dict:
    rows = records(store.documents(limit + 1, q=q, offset=offset))
    for row in rows:
        if isinstance(row.get("date"), dt.date):
            row["date"] = row["date"].isoformat()
    more = len(rows) > limit
    return {"documents": rows[:limit], "offset": offset, "limit": limit,
            "next_offset": offset + limit if more else None}


@router.get("/documents/{doc_id}", summary="One document: its text, with its events and spans",
            responses=responses(404, 422, 503))
def document(doc_id: DocId, store: Annotated[Store, Depends(read_store)]) -> dict:
    row = store.document(doc_id)
    if row is None:
        raise ApiError(404, f"no document {doc_id!r} in the database", field="doc_id")
    found = records(store.events(doc_id=doc_id))
    return {"document": {k: v.isoformat() if isinstance(v, dt.date) else v
                         for k, v in row.items()},
            "events": [_spans(event) for event in found]}


@router.get("/actors", summary="Actors by code or name, in Russian or English",
            responses=responses(422))
def actors(
    q: Annotated[str, Query(min_length=1, max_length=100, description="Россия, Azerb, SOCAR")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict:
    return {"actors": [{"code": f.code, "kind": f.kind, "name": f.name, "matched": f.matched,
                        "country": f.country} for f in search_actors(q, limit=limit)]}


@router.get("/status", summary="What the database holds", responses=responses(503))
def status(store: Annotated[Store, Depends(read_store)], request: Request) -> dict:
    """What the database holds, and how far the server is in computing the answers of its
    busiest dyads ahead of the requests (`warm`: null when it does not)."""
    warmer = context(request).warmer
    return {"counts": store.counts(), "warm": None if warmer is None else warmer.status()}
