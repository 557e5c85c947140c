"""Webhook endpoints for Telegram and Zalo.

Each request must carry the platform's secret header (checked in constant time); wrong or
missing secrets are refused before anything is parsed. The endpoint answers at once and the
update is processed in the background, so the platform never times out and re-sends. A body
that is not a clean JSON object (see ``json_body``) is refused with 400; when the Zalo bot
(or the Telegram application) already has ``max_pending_updates`` updates in progress the
request is answered 503 (busy) with Retry-After, so the platform sends it again later instead of
memory growing without bound.
"""
from __future__ import annotations

import hmac
import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from .json_body import loads_object

log = logging.getLogger(__name__)
router = APIRouter()

TELEGRAM_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ZALO_HEADER = "X-Bot-Api-Secret-Token"


def check_secret(given: str | None, expected: str) -> int | None:
    """None when accepted, else the HTTP status: 401 missing, 403 wrong (or no secret configured)."""
    if not expected:
        return 403
    if not given:
        return 401
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        return 403
    return None


async def _payload(request: Request) -> dict | None:
    return loads_object(await request.body(), request.app.state.settings.max_json_depth)


def _refuse(status: int) -> JSONResponse:
    return JSONResponse({"ok": False}, status_code=status)


async def _accept(request: Request, channel: str, header: str, secret: str):
    """(the channel's runner, the update) for a request with the right secret, or the refusal to send."""
    target = getattr(request.app.state, channel, None)
    if target is None:
        return None, None, _refuse(404)
    status = check_secret(request.headers.get(header), secret)
    if status is not None:
        log.warning("%s webhook request refused (%d)", channel.capitalize(), status)
        return None, None, _refuse(status)
    data = await _payload(request)
    if data is None:
        return None, None, _refuse(400)
    return target, data, None


@router.post("/webhook/telegram")
async def telegram_webhook(request: Request) -> JSONResponse:
    settings = request.app.state.settings
    tg, data, refusal = await _accept(request, "telegram", TELEGRAM_HEADER, settings.telegram_webhook_secret)
    if refusal is not None:
        return refusal
    from telegram import Update

    from troly.bot.channels.telegram import pending_updates

    if pending_updates(tg) >= settings.max_pending_updates:
        return _busy("Telegram", pending_updates(tg))
    try:
        update = Update.de_json(data, tg.bot)
    except Exception:  # malformed update: acknowledge so Telegram does not retry it forever
        log.warning("malformed Telegram update ignored")
        return JSONResponse({"ok": True})
    await tg.update_queue.put(update)
    return JSONResponse({"ok": True})


@router.post("/webhook/zalo")
async def zalo_webhook(request: Request) -> JSONResponse:
    settings = request.app.state.settings
    bot, data, refusal = await _accept(request, "zalo", ZALO_HEADER, settings.zalo_webhook_secret)
    if refusal is not None:
        return refusal
    if bot.dispatch(data) is None:
        return _busy("Zalo", bot.pending)
    return JSONResponse({"ok": True})


def _busy(channel: str, pending: int) -> JSONResponse:
    """503 with Retry-After: the platform sends the update again later (nothing is lost)."""
    log.warning("%s webhook busy: %d updates in progress; asked the platform to retry", channel, pending)
    return JSONResponse({"ok": False, "error": "busy"}, status_code=503, headers={"Retry-After": "5"})
