"""``create_app()``: the FastAPI application that ``troly serve`` runs.

The conversation core (knowledge base + answer engine) is loaded once, at start-up, in the
lifespan; Telegram and Zalo are switched on when their tokens are set. When
``TELEGRAM_WEBHOOK_URL`` / ``ZALO_WEBHOOK_URL`` is set the webhook is registered with the
platform, otherwise the channel only answers what the webhook endpoints receive.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Callable

from fastapi import FastAPI

from troly.bot.channels.runtime import CoreRunner, load_core
from troly.config import Settings

from . import api, body_limit, redact, webhooks

log = logging.getLogger(__name__)


def create_app(
    settings: Settings | None = None,
    runner: CoreRunner | None = None,
    *,
    core_factory: Callable[[], Any] | None = None,
    telegram: bool | None = None,
    zalo: bool | None = None,
    zalo_http: Any = None,
) -> FastAPI:
    """``runner``/``core_factory`` let tests and benchmarks bring their own core; ``telegram``/``zalo``
    force a channel on or off (default: on when its token is set)."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = runner is None
        factory = core_factory or (lambda: load_core(settings))
        app.state.runner = runner or await asyncio.get_running_loop().run_in_executor(None, CoreRunner.start, factory)
        _expose(app, app.state.runner)
        stack = contextlib.AsyncExitStack()
        try:
            if telegram if telegram is not None else bool(settings.telegram_token):
                await stack.enter_async_context(_telegram(app, settings))
            if zalo if zalo is not None else bool(settings.zalo_token):
                await stack.enter_async_context(_zalo(app, settings, zalo_http))
            yield
        finally:
            await stack.aclose()
            if own:
                app.state.runner.close()

    app = FastAPI(title="troly", lifespan=lifespan, docs_url=None, redoc_url=None)
    redact.protect(settings)  # no token or webhook secret in any log line, whichever library logs
    body_limit.install(app, settings)  # 413 before any endpoint reads an oversized body
    app.state.settings = settings
    app.state.telegram = None
    app.state.zalo = None
    app.include_router(api.router)
    app.include_router(webhooks.router)
    try:
        from troly.server import web
    except ImportError as exc:  # the web pages are optional
        log.info("web pages not available: %s", exc)
    else:
        app.include_router(web.router)
    return app


def _expose(app: FastAPI, runner: CoreRunner) -> None:
    """What the web/admin pages read from ``app.state``."""
    s = runner.core.services
    app.state.kb = s.kb
    app.state.engine = s.engine
    app.state.feedback = s.feedback


@asynccontextmanager
async def _telegram(app: FastAPI, settings: Settings) -> AsyncIterator[None]:
    from troly.bot.channels.telegram import build_application

    tg = build_application(settings, app.state.runner)
    await tg.initialize()
    if settings.telegram_webhook_url:
        if not settings.telegram_webhook_secret:
            log.error("TELEGRAM_WEBHOOK_SECRET is not set: Telegram webhook requests will be refused")
        await tg.bot.set_webhook(
            url=settings.telegram_webhook_url, secret_token=settings.telegram_webhook_secret or None,
            allowed_updates=["message", "callback_query"],
        )
    await tg.start()
    if tg.post_init:
        await tg.post_init(tg)
    app.state.telegram = tg
    try:
        yield
    finally:
        app.state.telegram = None
        await tg.stop()
        await tg.shutdown()


@asynccontextmanager
async def _zalo(app: FastAPI, settings: Settings, http: Any) -> AsyncIterator[None]:
    from troly.bot.channels.zalo import ZaloBot, ZaloClient

    client = ZaloClient(settings.zalo_token, settings.zalo_api_base, http=http)
    bot = ZaloBot(client, app.state.runner)
    stop = asyncio.Event()
    if settings.zalo_webhook_url:
        if not settings.zalo_webhook_secret:
            log.error("ZALO_WEBHOOK_SECRET is not set: Zalo webhook requests will be refused")
        try:
            await client.call("setWebhook", {"url": settings.zalo_webhook_url,
                                             "secret_token": settings.zalo_webhook_secret})
        except Exception as exc:
            log.error("Zalo setWebhook failed: %s", exc)
    reminders = asyncio.create_task(bot.remind(stop))
    app.state.zalo = bot
    try:
        yield
    finally:
        app.state.zalo = None
        stop.set()
        await bot.drain()
        reminders.cancel()
        await client.close()
