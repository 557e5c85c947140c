"""``create_app()``: the FastAPI application that ``troly serve`` runs.

The conversation core (knowledge base + answer engine) is loaded once, at start-up, in the
lifespan. Every channel whose token is set is then started by ``troly.server.channels``:
webhook when its URL is set, long polling otherwise; a channel that cannot reach its API is
reported in ``/healthz`` and retried while the web chat and the other channels run.
"""
from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Callable

from fastapi import FastAPI

from troly.bot.channels.runtime import CoreRunner, load_core
from troly.config import Settings

from . import api, body_limit, channels, health, redact, webhooks

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
        running = channels.Channels()
        app.state.channel_statuses = running.statuses
        try:
            for status in channels.configured(settings, telegram, zalo):
                opener = _opener(app, settings, status, zalo_http)
                await running.start(status, opener, settings)
            figures = await asyncio.to_thread(health.library_figures, app.state.kb)
            log.info("ready: %s documents; channels: %s", figures["documents"],
                     ", ".join(f"{s.name} {s.mode} ({s.state})" for s in running.statuses.values()) or "none")
            yield
        finally:
            await running.close()
            if own:
                app.state.runner.close()

    app = FastAPI(title="troly", lifespan=lifespan, docs_url=None, redoc_url=None)
    redact.protect(settings)  # no token or webhook secret in any log line, whichever library logs
    body_limit.install(app, settings)  # 413 before any endpoint reads an oversized body
    app.state.settings = settings
    app.state.telegram = None
    app.state.zalo = None
    app.state.channel_statuses = {}
    app.include_router(health.router)
    app.include_router(api.router)
    app.include_router(webhooks.router)
    try:
        from troly.server import web
    except ImportError as exc:  # the web pages are optional
        log.info("web pages not available: %s", exc)
    else:
        app.include_router(web.router)
    return app


def _opener(app: FastAPI, settings: Settings, status: channels.ChannelStatus, zalo_http: Any) -> Callable[[], Any]:
    if status.name == "telegram":
        return lambda: channels.telegram(app, settings, status)
    return lambda: channels.zalo(app, settings, status, zalo_http)


def _expose(app: FastAPI, runner: CoreRunner) -> None:
    """What the web/admin pages read from ``app.state``."""
    s = runner.core.services
    app.state.kb = s.kb
    app.state.engine = s.engine
    app.state.feedback = s.feedback
