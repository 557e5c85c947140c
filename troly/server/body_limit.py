"""Request body size limit at the edge, before any endpoint (or authentication) reads a byte.

An ASGI middleware: a declared ``Content-Length`` over the limit is refused at once; a body
without one (chunked) is counted as it streams and refused as soon as it passes the limit,
whatever the endpoint was doing with it. The refusal is a 413 with ``{"error": ...}`` in
Vietnamese, like every other API error. Limits come from Settings: ``max_request_bytes`` for
everything, ``max_upload_request_bytes`` for the admin upload endpoint.
"""
from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable

from troly.prompts import channels as P

log = logging.getLogger(__name__)

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

UPLOAD_PATHS = ("/admin/api/documents",)  # where an admin posts a document file


class BodyTooLarge(Exception):
    """Raised into the endpoint's read when the body passes the limit."""


def human(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{max(1, round(n / 1024))} KB"


class BodyLimit:
    def __init__(self, app: Any, default: int, larger: dict[str, int] | None = None):
        self.app = app
        self.default = default
        self.larger = dict(larger or {})

    def limit_for(self, path: str) -> int:
        return self.larger.get(path.rstrip("/") or "/", self.default)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        if _declared_length(scope) > limit:
            await _refuse(send, limit, scope)
            return
        state = {"received": 0, "exceeded": False, "started": False}

        async def limited_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > limit:
                    state["exceeded"] = True
                    raise BodyTooLarge()
            return message

        async def guarded_send(message: Message) -> None:
            if state["exceeded"]:
                return  # whatever the endpoint answers to the cut-off body, the client gets the 413
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not state["exceeded"]:
                raise
        if state["exceeded"] and not state["started"]:
            await _refuse(send, limit, scope)


def _declared_length(scope: Scope) -> int:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0  # the server refuses a malformed length itself
    return 0


async def _refuse(send: Send, limit: int, scope: Scope) -> None:
    log.warning("request body over %d bytes refused: %s %s", limit, scope.get("method"), scope.get("path"))
    body = json.dumps({"error": P.API_BODY_TOO_LARGE.format(limit=human(limit))}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": 413, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def install(app: Any, settings: Any) -> None:
    """Put the limit in front of every endpoint of ``app`` (a Starlette/FastAPI application)."""
    larger = {path: settings.max_upload_request_bytes for path in UPLOAD_PATHS}
    app.add_middleware(BodyLimit, default=settings.max_request_bytes, larger=larger)
