"""Text in, events out (`POST /api/code`, nothing stored), and `POST /api/ingest`, which
stores documents and is off unless the server was started with a token."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, Field

from ..coding import code_text
from ..formats import event_record
from ..ingest import ingest_items
from ..sources import InputError
from ..sources.document import make_document
from .context import analysed, context
from .errors import ApiError, responses
from .routes_data import IsoDate

router = APIRouter(prefix="/api", tags=["coding"])
TOKEN_HEADER = "X-Relata-Token"
MAX_DOCUMENTS = 100


# At least one character that is not white space as Python's str.strip() has it (a
# blank text is refused); spelled out, as JSON Schema's \s is another set.
SOME_TEXT = r"[^\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"


class CodeRequest(BaseModel):
    text: str = Field(min_length=1, pattern=SOME_TEXT,
                      description="One article; a ` date YYYY-MM-DD` header is honoured")
    date: IsoDate | None = Field(None, description="Publication date if the text gives none")


class NewDocument(BaseModel):
    text: str = Field(min_length=1, pattern=SOME_TEXT)
    id: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = Field(None, description="The outlet")
    date: IsoDate | None = None


class IngestRequest(BaseModel):
    documents: list[NewDocument] = Field(min_length=1, max_length=MAX_DOCUMENTS)


@router.post("/code", summary="Code one text: its events, nothing stored",
             responses=responses(400, 413, 422))
def code(body: CodeRequest, request: Request) -> dict:
    with context(request).pipeline() as pipeline:
        analysis = analysed(code_text(body.text, date=body.date, pipeline=pipeline))
    return {"doc_id": analysis.document.id, "lang": analysis.document.lang,
            "skipped": analysis.skipped,
            "events": [event_record(e, "<request>") for e in analysis.events]}


@router.post("/ingest", summary="Store documents (only with the server's token)",
             responses=responses(400, 403, 404, 413, 422, 503))
def ingest(body: IngestRequest, request: Request,
           token: Annotated[str | None, Header(alias=TOKEN_HEADER)] = None) -> dict:
    ctx = context(request)
    if ctx.token is None:
        raise ApiError(404, "ingest is off: start the server with --token to allow it")
    if token is None or not hmac.compare_digest(token.encode(), ctx.token.encode()):
        raise ApiError(403, f"ingest needs the server's token in the {TOKEN_HEADER} header",
                       field=TOKEN_HEADER)
    documents = []
    for n, given in enumerate(body.documents):
        try:
            documents.append(make_document(given.text, origin=f"api:{n}", date=given.date,
                                           url=given.url, title=given.title,
                                           source=given.source, external_id=given.id))
        except InputError as e:
            raise ApiError(422, f"documents.{n}: {e}", field=f"documents.{n}") from None
    with ctx.pipeline() as pipeline, ctx.writer() as store:
        report = ingest_items(store, documents, pipeline=pipeline)
    return {"read": report.read, "stored": report.stored, "duplicates": report.duplicates,
            "not_analysed": dict(report.not_analysed),
            "problems": [str(p) for p in report.problems]}
