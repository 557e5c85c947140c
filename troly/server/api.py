"""The JSON API: ``POST /api/ask``, ``POST /api/feedback`` (``GET /healthz`` is troly.server.health).

Errors are ``{"error": "<Vietnamese message>"}`` with a 4xx status, so the web page can show
them as they are. Every answer carries a ``vote_token``; ``/api/feedback`` accepts a vote on
an answer only with it (ids are sequential and prove nothing). The rate limit is keyed on the
client address as ``client_address`` resolves it (trusted proxies only).
"""
from __future__ import annotations

import asyncio
import logging
import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from troly.bot.channels.core import MAX_INPUT
from troly.bot.channels.replies import Incoming
from troly.prompts import channels as P

from .client_address import client_of
from .json_body import loads_object

log = logging.getLogger(__name__)
router = APIRouter()


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _json_body(request: Request) -> dict | None:
    """The body as a JSON object, or None (not JSON, too deep, a lone surrogate...)."""
    return loads_object(await request.body(), request.app.state.settings.max_json_depth)


def _runner(request: Request) -> Any:
    return getattr(request.app.state, "runner", None)


@router.post("/api/ask")
async def ask(request: Request) -> JSONResponse:
    data = await _json_body(request)
    if data is None:
        return _error(P.API_NOT_JSON, 400)
    q = data.get("q")
    if not isinstance(q, str) or not q.strip():
        return _error(P.API_EMPTY, 400)
    if len(q) > MAX_INPUT:
        return _error(P.API_TOO_LONG.format(limit=MAX_INPUT), 413)
    conv = data.get("conversation_id")
    conv = str(conv)[:100] if isinstance(conv, (str, int)) and str(conv).strip() else uuid.uuid4().hex
    runner = _runner(request)
    if runner is None:
        return _error(P.API_NOT_READY, 503)
    client = client_of(request) or "unknown"
    msg = Incoming(channel="web", chat_id=conv, user_id=client)
    if not runner.core.limiter.allow(f"web:{client}"):
        return _error(P.API_RATE_LIMITED, 429)
    try:
        answer, entry_id = await runner.run(runner.core.answer_json, msg, q.strip())
    except Exception:
        log.exception("answering a web question failed")
        return _error(P.API_ERROR, 500)
    token = None
    if entry_id is not None:
        token = await asyncio.to_thread(runner.core.services.feedback.token_of, entry_id)
    return JSONResponse({**answer, "id": entry_id, "vote_token": token, "conversation_id": conv})


@router.post("/api/feedback")
async def feedback(request: Request) -> JSONResponse:
    data = await _json_body(request)
    if data is None:
        return _error(P.API_NOT_JSON, 400)
    ident, vote, token = data.get("id"), data.get("vote"), data.get("vote_token")
    if isinstance(ident, str) and ident.isascii() and ident.isdigit() and len(ident) < 19:
        ident = int(ident)
    if not isinstance(ident, int) or isinstance(ident, bool) or vote not in (1, -1) or isinstance(vote, bool):
        return _error(P.API_BAD_VOTE, 400)
    if not 0 < ident < 2**63:
        return _error(P.API_NOT_FOUND, 404)
    runner = _runner(request)
    if runner is None:
        return _error(P.API_NOT_READY, 503)
    outcome = await asyncio.to_thread(runner.core.services.feedback.vote_with_token, ident, token, vote)
    if outcome == "not_found":
        return _error(P.API_NOT_FOUND, 404)
    if outcome != "ok":
        return _error(P.API_VOTE_FORBIDDEN, 403)
    return JSONResponse({"ok": True, "id": ident, "vote": vote})
