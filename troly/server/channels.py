"""The chat channels inside ``troly serve``: each one started, watched and retried on its own.

Every channel whose token is set runs in the server's event loop: by webhook when its URL is
set, by long polling otherwise (Telegram and Zalo can both poll in one process). A channel
that cannot reach its API at start is logged, reported in ``/healthz`` and retried with
backoff (``TROLY_CHANNEL_RETRY_FIRST`` doubling up to ``TROLY_CHANNEL_RETRY_MAX``); the web
chat and the other channels keep running. Once running, each successful poll or webhook call
and each failure is recorded in the channel's ``ChannelStatus``.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, AsyncContextManager, AsyncIterator, Callable

log = logging.getLogger(__name__)


def _iso(stamp: float | None) -> str | None:
    return datetime.fromtimestamp(stamp, timezone.utc).isoformat(timespec="seconds") if stamp else None


@dataclass
class ChannelStatus:
    """What ``/healthz`` says about one channel. Error texts never carry a secret."""

    name: str
    mode: str  # "polling" | "webhook"
    state: str = "starting"  # starting | running | retrying | stopped
    last_ok: float | None = None  # last successful poll or webhook call (or the start itself)
    last_error: str = ""
    last_error_at: float | None = None
    attempts: int = 0
    secrets: tuple[str, ...] = field(default=(), repr=False)

    @property
    def reachable(self) -> bool:
        """Running, and the last contact with the platform worked."""
        if self.state != "running":
            return False
        return self.last_error_at is None or (self.last_ok or 0) >= self.last_error_at

    def report(self, error: BaseException | None) -> None:
        """One poll or webhook call: None when it worked. Logs only changes (down, back up)."""
        was = self.reachable
        if error is None:
            self.last_ok = time.time()
        else:
            self.last_error = self.redact(f"{type(error).__name__}: {error}")[:300]
            self.last_error_at = time.time()
        if self.state == "running" and was != self.reachable:
            if self.reachable:
                log.info("%s: reachable again", self.name)
            else:
                log.warning("%s: API unreachable: %s", self.name, self.last_error)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            if secret:
                text = text.replace(secret, "***")
        return text

    def to_json(self) -> dict[str, Any]:
        state = self.state
        if state == "running" and not self.reachable:
            state = "unreachable"
        return {"mode": self.mode, "state": state, "last_ok": _iso(self.last_ok),
                "last_error": self.last_error or None, "last_error_at": _iso(self.last_error_at),
                "attempts": self.attempts}


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> bool:
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    return stop.is_set()


async def supervise(status: ChannelStatus, opener: Callable[[], AsyncContextManager[Any]], stop: asyncio.Event,
                    first_try: asyncio.Event, first_delay: float, max_delay: float) -> None:
    """Run ``opener()`` until ``stop``; when it fails, retry after ``first_delay`` doubling up to
    ``max_delay``. ``first_try`` is set once the first attempt is over, however it went."""
    delay = first_delay
    while not stop.is_set():
        status.attempts += 1
        started = False
        try:
            async with opener():
                started = True
                status.state = "running"
                status.report(None)
                log.info("%s: running (%s)", status.name, "long polling" if status.mode == "polling" else "webhook")
                first_try.set()
                await stop.wait()
        except Exception as exc:  # unreachable API, refused token, ...: retried, never fatal
            status.report(exc)
            if started:
                log.warning("%s: stopped with an error: %s", status.name, status.last_error)
            else:
                status.state = "retrying"
                log.warning("%s: cannot start (%s); retrying in %.0fs", status.name, status.last_error, delay)
        finally:
            first_try.set()
        if stop.is_set() or await _sleep_or_stop(stop, delay):
            break
        delay = min(delay * 2, max_delay)
    status.state = "stopped"


@dataclass
class Channels:
    """The channels of one server: their statuses and their supervising tasks."""

    statuses: dict[str, ChannelStatus] = field(default_factory=dict)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _tasks: list[asyncio.Task] = field(default_factory=list)

    async def start(self, status: ChannelStatus, opener: Callable[[], AsyncContextManager[Any]], settings: Any) -> None:
        """Start supervising a channel; returns once its first attempt is over."""
        self.statuses[status.name] = status
        first = asyncio.Event()
        self._tasks.append(asyncio.create_task(supervise(
            status, opener, self._stop, first, settings.channel_retry_first, settings.channel_retry_max)))
        await first.wait()

    async def close(self) -> None:
        self._stop.set()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)


# ---------------------------------------------------------------- Telegram

def tracked_request(status: ChannelStatus) -> Any:
    """The getUpdates HTTP request of python-telegram-bot, reporting each poll to ``status``."""
    from telegram.request import HTTPXRequest

    class TrackedRequest(HTTPXRequest):
        async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
            try:
                code, payload = await super().do_request(*args, **kwargs)
            except Exception as exc:
                status.report(exc)
                raise
            status.report(None if code < 400 else RuntimeError(f"HTTP {code}"))
            return code, payload

    return TrackedRequest(connection_pool_size=1)


@asynccontextmanager
async def telegram(app: Any, settings: Any, status: ChannelStatus) -> AsyncIterator[None]:
    from telegram import Update
    from telegram.ext import TypeHandler

    from troly.bot.channels.telegram import build_application

    webhook = status.mode == "webhook"
    tg = build_application(settings, app.state.runner, updates_request=None if webhook else tracked_request(status))

    async def seen(update: object, context: object) -> None:  # webhook calls count as contact
        status.report(None)

    tg.add_handler(TypeHandler(Update, seen), group=-1)
    await tg.initialize()  # getMe: raises when the API cannot be reached or refuses the token
    try:
        if webhook:
            await tg.bot.set_webhook(
                url=settings.telegram_webhook_url, secret_token=settings.telegram_webhook_secret or None,
                allowed_updates=["message", "callback_query"],
            )
        else:
            await tg.updater.start_polling(allowed_updates=Update.ALL_TYPES, error_callback=status.report)
        await tg.start()
        if tg.post_init:
            await tg.post_init(tg)
        app.state.telegram = tg if webhook else None
        yield
    finally:
        app.state.telegram = None
        if tg.updater is not None and tg.updater.running:
            await tg.updater.stop()
        if tg.running:
            await tg.stop()
        await tg.shutdown()


# ---------------------------------------------------------------- Zalo

class ZaloStartError(Exception):
    pass


@asynccontextmanager
async def zalo(app: Any, settings: Any, status: ChannelStatus, http: Any = None) -> AsyncIterator[None]:
    from troly.bot.channels.zalo import ZaloBot, ZaloClient

    client = ZaloClient(settings.zalo_token, settings.zalo_api_base, http=http)
    stop = asyncio.Event()
    tasks: list[asyncio.Task] = []  # the poll loop (cancelled: it may sit in a long poll), reminders
    try:
        me = await client.call("getMe")  # raises when the API cannot be reached
        if not me.get("ok"):
            raise ZaloStartError(f"getMe refused: {me.get('description', '')} (check ZALO_BOT_TOKEN)")
        bot = ZaloBot(client, app.state.runner)
        bot.activity = status.report
        if status.mode == "webhook":
            hook = await client.call("setWebhook", {"url": settings.zalo_webhook_url,
                                                    "secret_token": settings.zalo_webhook_secret})
            if not hook.get("ok"):
                raise ZaloStartError(f"setWebhook refused: {hook.get('description', '')}")
            app.state.zalo = bot
        else:
            tasks.append(asyncio.create_task(bot.poll(stop)))
        tasks.append(asyncio.create_task(bot.remind(stop)))
        try:
            yield
        finally:
            app.state.zalo = None
            stop.set()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await bot.drain()
    finally:
        await client.close()


def configured(settings: Any, telegram_on: bool | None, zalo_on: bool | None) -> list[ChannelStatus]:
    """The channels to run: forced on/off, else on when their token is set."""
    out = []
    secrets = (settings.telegram_token, settings.zalo_token, settings.telegram_webhook_secret,
               settings.zalo_webhook_secret)
    if telegram_on if telegram_on is not None else bool(settings.telegram_token):
        mode = "webhook" if settings.telegram_webhook_url else "polling"
        if mode == "webhook" and not settings.telegram_webhook_secret:
            log.error("TELEGRAM_WEBHOOK_SECRET is not set: Telegram webhook requests will be refused")
        out.append(ChannelStatus("telegram", mode, secrets=secrets))
    if zalo_on if zalo_on is not None else bool(settings.zalo_token):
        mode = "webhook" if settings.zalo_webhook_url else "polling"
        if mode == "webhook" and not settings.zalo_webhook_secret:
            log.error("ZALO_WEBHOOK_SECRET is not set: Zalo webhook requests will be refused")
        out.append(ChannelStatus("zalo", mode, secrets=secrets))
    return out
