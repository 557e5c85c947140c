"""Per-chat conversation state: bounded, expiring, thread-safe.

Only what follow-ups need is kept: the documents the last answer was about and the answer
itself (for "Xem nguồn"). Nothing is written to disk. ``LRU`` is the bounded map used for every
per-chat state (here and in the channels' core), sized by ``Settings.max_chats``.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Generic, TypeVar

from troly.config import Settings
from troly.models import Answer

MAX_CHATS = Settings.__dataclass_fields__["max_chats"].default
TTL_SECONDS = 30 * 60
V = TypeVar("V")


class LRU(Generic[V]):
    """A thread-safe map that keeps the ``max_size`` most recently used keys."""

    def __init__(self, max_size: int = MAX_CHATS) -> None:
        self._items: OrderedDict[str, V] = OrderedDict()
        self.max_size = max(1, int(max_size))
        self._lock = threading.Lock()

    def get(self, key: str, default: Any = None) -> V | Any:
        with self._lock:
            if key not in self._items:
                return default
            self._items.move_to_end(key)
            return self._items[key]

    def __setitem__(self, key: str, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.max_size:
                self._items.popitem(last=False)

    def pop(self, key: str, default: Any = None) -> V | Any:
        with self._lock:
            return self._items.pop(key, default)

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._items

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


class Conversations:
    def __init__(self, max_chats: int = MAX_CHATS, ttl: float = TTL_SECONDS, clock=time.monotonic) -> None:
        self._items: LRU[tuple[float, Answer]] = LRU(max_chats)
        self._ttl, self._clock = ttl, clock
        self._lock = threading.Lock()  # remember() reads then writes one chat's state

    def remember(self, chat: str, answer: Answer) -> None:
        with self._lock:
            prev = self._items.get(chat)
            # An abstention keeps the documents of the turn before, so "thế còn ...?" still works.
            if answer.abstained and prev is not None and not answer.doc_ids:
                answer = Answer(answer.answer, True, answer.intent, answer.sources, prev[1].doc_ids)
            self._items[chat] = (self._clock(), answer)

    def last(self, chat: str) -> Answer | None:
        item = self._items.get(chat)
        if item is None:
            return None
        if self._clock() - item[0] > self._ttl:
            self._items.pop(chat)
            return None
        return item[1]

    def docs(self, chat: str) -> list[str]:
        ans = self.last(chat)
        return list(ans.doc_ids) if ans else []
