"""A small rate limiter for Telegram's own limits (AIORateLimiter needs an extra package).

Telegram asks bots to stay near one message a second per chat (short bursts are fine) and
thirty a second overall; going faster earns HTTP 429. Token buckets per chat and overall
delay sends just enough; a 429 with ``retry_after`` is waited out and retried once.
"""
from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

_SENDING = {"sendMessage", "sendDocument", "sendPhoto", "editMessageText", "editMessageReplyMarkup", "copyMessage"}


class _Bucket:
    def __init__(self, rate: float, burst: int):
        self.rate, self.burst = rate, burst
        self.tokens = float(burst)
        self.stamp = time.monotonic()

    def wait_time(self) -> float:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


class SendLimiter(BaseRateLimiter[None]):
    def __init__(self, per_chat: float = 1.0, chat_burst: int = 5, overall: float = 30.0):
        self._per_chat, self._chat_burst = per_chat, chat_burst
        self._overall = _Bucket(overall, int(overall))
        self._chats: dict[str, _Bucket] = {}
        self._lock = asyncio.Lock()

    async def initialize(self) -> None:  # nothing to set up
        return None

    async def shutdown(self) -> None:
        return None

    async def _acquire(self, chat: str | None) -> None:
        while True:
            async with self._lock:
                wait = self._overall.wait_time()
                if not wait and chat is not None:
                    bucket = self._chats.setdefault(chat, _Bucket(self._per_chat, self._chat_burst))
                    wait = bucket.wait_time()
                    if wait:
                        self._overall.tokens += 1  # give the overall token back
                if len(self._chats) > 10000:
                    self._chats.clear()
            if not wait:
                return
            await asyncio.sleep(wait)

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args) -> Any:  # type: ignore[override]
        if endpoint in _SENDING:
            chat = data.get("chat_id")
            await self._acquire(str(chat) if chat is not None else None)
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as exc:
            delay = exc.retry_after.total_seconds() if hasattr(exc.retry_after, "total_seconds") else float(exc.retry_after)
            log.warning("Telegram asked to wait %.1fs (%s)", delay, endpoint)
            await asyncio.sleep(delay)
            return await callback(*args, **kwargs)
