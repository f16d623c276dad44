"""One JSON shape for every error the API returns:
`{"error": {"code": "…", "message": "…", "field": "…" | null}}`."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import RelataError, StoreBusyError, StoreError
from ..relations import TooManyPeriodsError
from ..vocabulary import FilterError

log = logging.getLogger(__name__)
RETRY_AFTER = "5"  # seconds, for a client whose request met the database busy elsewhere

_HTTP_CODES = {400: "bad_request", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "too_large", 422: "invalid",
               501: "not_implemented", 503: "unavailable"}


# What each status means here, for the OpenAPI document (`responses`).
_MEANINGS = {
    400: "The request cannot be answered as asked: a text whose date header cannot be read",
    403: "The server's token is missing or wrong",
    404: "No such document or actor, or ingest is off",
    413: "The request body is over the server's limit",
    422: "A parameter or a field of the body is invalid: `field` names it",
    503: "The database cannot be opened or is busy",
}


class ErrorDetail(BaseModel):
    code: str = Field(description="What went wrong, for programs: not_found, invalid, …")
    message: str = Field(description="What went wrong, for people")
    field: str | None = Field(description="The parameter or body field at fault, if one is")


class ErrorBody(BaseModel):
    """The one shape of every error the API returns."""
    error: ErrorDetail


def responses(*statuses: int) -> dict[int | str, dict]:
    """The `responses=` of a route that can answer with these error statuses."""
    return {status: {"model": ErrorBody, "description": _MEANINGS[status]}
            for status in statuses}


class ApiError(Exception):
    """An answer other than 200, with a message meant for whoever sent the request."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 field: str | None = None):
        super().__init__(message)
        self.status, self.message, self.field = status, message, field
        self.code = code or _HTTP_CODES.get(status, "error")


def error_response(status: int, code: str, message: str, field: str | None = None,
                   headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "field": field}},
                        status_code=status, headers=headers)


def _field(location: tuple) -> str | None:
    # ("query", "limit") → "limit"; ("body", "documents", 0, "text") → "documents.0.text"
    parts = [str(p) for p in location[1:]] if len(location) > 1 else [str(p) for p in location]
    return ".".join(parts) or None


async def _validation(request: Request, error: RequestValidationError) -> JSONResponse:
    first = error.errors()[0]
    field = _field(tuple(first.get("loc", ())))
    message = first.get("msg", "invalid request").removeprefix("Value error, ")
    return error_response(422, "invalid", f"{field}: {message}" if field else message, field)


async def _api(request: Request, error: ApiError) -> JSONResponse:
    return error_response(error.status, error.code, error.message, error.field)


async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
    return error_response(error.status_code, _HTTP_CODES.get(error.status_code, "error"),
                          str(error.detail), headers=getattr(error, "headers", None))


async def _store(request: Request, error: StoreError) -> JSONResponse:
    # The file's path and the process holding it are for whoever runs the server.
    log.warning("%s %s: %s", request.method, request.url.path, error)
    if isinstance(error, StoreBusyError):
        return error_response(503, "store_busy", error.reason,
                              headers={"Retry-After": RETRY_AFTER})
    return error_response(503, "store_unavailable", error.reason)


async def _window(request: Request, error: TooManyPeriodsError) -> JSONResponse:
    return error_response(422, "too_many_periods", str(error), error.field)


async def _filter(request: Request, error: FilterError) -> JSONResponse:
    return error_response(422, "invalid_filter", str(error), error.field)


async def _relata(request: Request, error: RelataError) -> JSONResponse:
    return error_response(400, "bad_request", str(error), getattr(error, "field", None))


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(ApiError, _api)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(StoreError, _store)
    app.add_exception_handler(TooManyPeriodsError, _window)
    app.add_exception_handler(FilterError, _filter)
    app.add_exception_handler(RelataError, _relata)
