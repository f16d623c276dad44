"""The request body limit, enforced before a handler reads the body: by Content-Length when
the client sends one, and by counting the bytes as they arrive when it does not."""

from __future__ import annotations

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response


class BodyTooLarge(HTTPException):
    # An HTTPException, so that FastAPI's body parsing passes it on instead of making it a 400
    def __init__(self, limit: int):
        super().__init__(413, f"request body over the limit of {limit:,} bytes")


class LimitBody:
    def __init__(self, app: ASGIApp, max_body: int):
        self.app, self.max_body = app, max_body

    def _refusal(self):
        return error_response(413, "too_large",
                              f"request body over the limit of {self.max_body:,} bytes")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._refusal()(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise BodyTooLarge(self.max_body)
            return message

        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except BodyTooLarge:
            if not started:
                await self._refusal()(scope, receive, send)
