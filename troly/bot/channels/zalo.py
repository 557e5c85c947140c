"""Zalo adapter (Zalo Bot API over httpx): long polling or webhook updates in, plain text out.

Zalo differs from Telegram: ``getUpdates`` answers one update (not a list) and answers
``ok: false`` / 408 "Request timeout" when nothing came, ids are strings, there is no HTML
and no inline buttons, so buttons become numbered choices ("1" = Xem nguồn, ...).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from typing import Any

import httpx

from troly.bot.tracking.reminders import send_due
from troly.prompts import channels as P

from .render import plain_messages
from .replies import Incoming, Reply
from .runtime import CoreRunner

log = logging.getLogger(__name__)
CHANNEL = "zalo"
REMINDER_INTERVAL = 3600.0


class ZaloAPIError(Exception):
    def __init__(self, method: str, code: int | None, description: str):
        super().__init__(f"Zalo {method} failed ({code}): {description}")
        self.code = code
        self.description = description


class ZaloClient:
    """``POST {base}{token}/{method}`` with retries and backoff on network errors, 429 and 5xx."""

    def __init__(self, token: str, base: str, http: httpx.AsyncClient | None = None,
                 retries: int = 4, backoff: float = 0.5):
        self._url = f"{base}{token}/"
        self._http = http or httpx.AsyncClient(timeout=httpx.Timeout(60.0, connect=10.0))
        self._own_http = http is None
        self.retries = retries
        self.backoff = backoff

    async def close(self) -> None:
        if self._own_http:
            await self._http.aclose()

    async def call(self, method: str, payload: dict | None = None, timeout: float | None = None) -> dict:
        """The JSON answer of one method (``ok`` may be false: callers decide what that means)."""
        attempt = 0
        while True:
            try:
                kwargs: dict[str, Any] = {"json": payload or {}}
                if timeout is not None:
                    kwargs["timeout"] = timeout
                resp = await self._http.post(self._url + method, **kwargs)
                if resp.status_code == 429 or resp.status_code >= 500:
                    raise _Retryable(resp.status_code, _retry_after(resp))
                try:
                    return resp.json()
                except ValueError:
                    raise ZaloAPIError(method, resp.status_code, "not JSON") from None
            except (httpx.TransportError, _Retryable) as exc:
                attempt += 1
                if attempt > self.retries:
                    code = exc.status if isinstance(exc, _Retryable) else None
                    raise ZaloAPIError(method, code, type(exc).__name__) from None
                delay = getattr(exc, "retry_after", None) or self.backoff * 2 ** (attempt - 1)
                log.warning("Zalo %s: %s, retry %d in %.1fs", method, type(exc).__name__, attempt, delay)
                await asyncio.sleep(delay)

    async def send_message(self, chat_id: str, text: str) -> dict:
        data = await self.call("sendMessage", {"chat_id": chat_id, "text": text})
        if not data.get("ok"):
            raise ZaloAPIError("sendMessage", data.get("error_code"), str(data.get("description", "")))
        return data

    async def get_update(self, timeout: int = 30) -> dict | None:
        """One update, or None when the long poll timed out (408: not an error)."""
        data = await self.call("getUpdates", {"timeout": str(timeout)}, timeout=timeout + 15)
        if data.get("ok"):
            return data.get("result") or None
        if data.get("error_code") == 408 or "timeout" in str(data.get("description", "")).lower():
            return None
        raise ZaloAPIError("getUpdates", data.get("error_code"), str(data.get("description", "")))


class _Retryable(Exception):
    def __init__(self, status: int, retry_after: float | None):
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after


def _retry_after(resp: httpx.Response) -> float | None:
    try:
        return min(float(resp.headers.get("retry-after", "")), 60.0)
    except ValueError:
        return None


class ZaloBot:
    """Turns Zalo updates into core calls and core replies into Zalo messages."""

    def __init__(self, client: ZaloClient, runner: CoreRunner, max_parallel: int = 16, seen_size: int = 4096,
                 max_pending: int | None = None):
        """``max_pending``: updates in progress at most (default ``Settings.max_pending_updates``)."""
        self.client = client
        self.runner = runner
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._seen_size = seen_size
        self._chat_locks: dict[str, list] = {}  # chat -> [lock, users]; dropped when unused (bounded)
        settings = getattr(getattr(runner.core, "services", None), "settings", None)
        self._max_pending = max(1, int(max_pending or getattr(settings, "max_pending_updates", 256)))
        self._parallel = asyncio.Semaphore(max_parallel)
        self._tasks: set[asyncio.Task] = set()
        # Told of each poll or webhook call: None when it worked, else the error (troly serve's /healthz).
        self.activity: Any = lambda error: None

    # ------------------------------------------------------------------ updates
    def _first_time(self, message_id: str) -> bool:
        if not message_id:
            return True
        if message_id in self._seen:
            return False
        self._seen[message_id] = None
        while len(self._seen) > self._seen_size:
            self._seen.popitem(last=False)
        return True

    async def handle_update(self, update: dict) -> None:
        """Answer one update; duplicates (same message id) are answered once; never raises."""
        try:
            if isinstance(update.get("result"), dict):  # a whole getUpdates answer
                update = update["result"]
            msg = _dict(update.get("message"))  # a platform update of the wrong shape is ignored, not an error
            chat_id = str(_dict(msg.get("chat")).get("id", ""))
            if not chat_id or not self._first_time(str(msg.get("message_id", ""))):
                return
            async with self._parallel, self._in_order(chat_id):  # one chat's messages stay in order
                await self._answer(update.get("event_name", ""), msg, chat_id)
        except Exception:  # one bad update never stops the loop
            log.exception("failed to handle a Zalo update")

    @contextlib.asynccontextmanager
    async def _in_order(self, chat_id: str):
        """The chat's lock, kept only while an update of that chat is in progress."""
        entry = self._chat_locks.setdefault(chat_id, [asyncio.Lock(), 0])
        entry[1] += 1
        try:
            async with entry[0]:
                yield
        finally:
            entry[1] -= 1
            if entry[1] == 0:
                del self._chat_locks[chat_id]

    async def _answer(self, event: str, msg: dict, chat_id: str) -> None:
        user_id = str(_dict(msg.get("from")).get("id", "") or chat_id)
        text = msg.get("text")
        if event != "message.text.received" or not isinstance(text, str):
            await self.send_replies(chat_id, [Reply(text=P.UNSUPPORTED_MESSAGE)])
            return
        incoming = Incoming(channel=CHANNEL, chat_id=chat_id, user_id=user_id, text=text)
        choice = text.strip()
        if choice.isdigit():
            buttons = self.runner.core.last_buttons(incoming.conversation_id)
            if 1 <= int(choice) <= len(buttons):
                incoming = Incoming(channel=CHANNEL, chat_id=chat_id, user_id=user_id,
                                    button=buttons[int(choice) - 1].data)
        with contextlib.suppress(Exception):
            await self.client.call("sendChatAction", {"chat_id": chat_id, "action": "typing"})
        replies = await self.runner.handle(incoming)
        await self.send_replies(chat_id, replies)

    async def _send_text(self, chat_id: str, text: str) -> None:
        await self.send_replies(chat_id, [Reply(text=text)])

    async def send_replies(self, chat_id: str, replies: list[Reply]) -> None:
        for reply in replies:
            for text in plain_messages(reply):
                await self.client.send_message(chat_id, text)

    @property
    def pending(self) -> int:
        return len(self._tasks)

    def dispatch(self, update: dict) -> asyncio.Task | None:
        """Handle an update in the background (polling keeps reading; webhooks answer at once).
        None (nothing started) when ``max_pending`` updates are already in progress."""
        if len(self._tasks) >= self._max_pending:
            return None
        self.activity(None)
        task = asyncio.create_task(self.handle_update(update))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def drain(self) -> None:
        if self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _room(self) -> None:
        """Wait until fewer than ``max_pending`` updates are in progress (polling reads no faster)."""
        while len(self._tasks) >= self._max_pending:
            await asyncio.wait(list(self._tasks), return_when=asyncio.FIRST_COMPLETED)

    # ------------------------------------------------------------------ loops
    async def poll(self, stop: asyncio.Event, timeout: int = 30) -> None:
        """Long polling until ``stop`` is set; errors are logged and retried, never fatal."""
        with contextlib.suppress(Exception):
            await self.client.call("deleteWebhook")
        failures = 0
        while not stop.is_set():
            await self._room()
            try:
                update = await self.client.get_update(timeout)
                failures = 0
                self.activity(None)
            except Exception as exc:
                failures += 1
                self.activity(exc)
                log.warning("Zalo getUpdates failed: %s", exc)
                await _sleep_or_stop(stop, min(30.0, 0.5 * 2 ** min(failures, 6)))
                continue
            if update:
                self.dispatch(update)
        await self.drain()

    async def remind(self, stop: asyncio.Event, interval: float = REMINDER_INTERVAL) -> None:
        if self.runner.core.services.reminders is None:
            return
        wait = interval
        while not await _sleep_or_stop(stop, wait):
            retry = None
            try:
                retry = await send_due(self.runner, CHANNEL, self._send_text)
            except Exception:
                log.exception("Zalo reminders failed")
            wait = interval if retry is None else min(interval, retry)  # a failed send is tried again sooner


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> bool:
    """Sleep, waking early when stopped; True when stopped."""
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    return stop.is_set()
