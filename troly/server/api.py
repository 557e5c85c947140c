"""The JSON API: ``POST /api/ask``, ``POST /api/feedback``, ``GET /healthz``.

Errors are ``{"error": "<Vietnamese message>"}`` with a 4xx status, so the web page can show
them as they are.
"""
from __future__ import annotations

import asyncio
import json
import logging
import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from troly.bot.channels.core import MAX_INPUT
from troly.bot.channels.replies import Incoming
from troly.prompts import channels as P

log = logging.getLogger(__name__)
router = APIRouter()


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _json_body(request: Request) -> dict | None:
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _runner(request: Request) -> Any:
    return getattr(request.app.state, "runner", None)


@router.get("/healthz")
async def healthz(request: Request) -> JSONResponse:
    ready = _runner(request) is not None
    channels = [name for name in ("telegram", "zalo") if getattr(request.app.state, name, None) is not None]
    return JSONResponse({"ok": ready, "channels": channels}, status_code=200 if ready else 503)


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
    client = request.client.host if request.client else "unknown"
    msg = Incoming(channel="web", chat_id=conv, user_id=client)
    if not runner.core.limiter.allow(f"web:{client}"):
        return _error(P.API_RATE_LIMITED, 429)
    try:
        answer, entry_id = await runner.run(runner.core.answer_json, msg, q.strip())
    except Exception:
        log.exception("answering a web question failed")
        return _error(P.API_ERROR, 500)
    return JSONResponse({**answer, "id": entry_id, "conversation_id": conv})


@router.post("/api/feedback")
async def feedback(request: Request) -> JSONResponse:
    data = await _json_body(request)
    if data is None:
        return _error(P.API_NOT_JSON, 400)
    ident, vote = data.get("id"), data.get("vote")
    if isinstance(ident, str) and ident.isdigit():
        ident = int(ident)
    if not isinstance(ident, int) or isinstance(ident, bool) or vote not in (1, -1) or isinstance(vote, bool):
        return _error(P.API_BAD_VOTE, 400)
    runner = _runner(request)
    if runner is None:
        return _error(P.API_NOT_READY, 503)
    ok = await asyncio.to_thread(runner.core.services.feedback.vote, ident, vote)
    if not ok:
        return _error(P.API_NOT_FOUND, 404)
    return JSONResponse({"ok": True, "id": ident, "vote": vote})
