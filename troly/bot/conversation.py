"""Per-chat conversation state: bounded, expiring, thread-safe.

Only what follow-ups need is kept: the documents the last answer was about and the answer
itself (for "Xem nguồn"). Nothing is written to disk.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict

from troly.models import Answer

MAX_CHATS = 5000
TTL_SECONDS = 30 * 60


class Conversations:
    def __init__(self, max_chats: int = MAX_CHATS, ttl: float = TTL_SECONDS, clock=time.monotonic) -> None:
        self._items: OrderedDict[str, tuple[float, Answer]] = OrderedDict()
        self._max, self._ttl, self._clock = max_chats, ttl, clock
        self._lock = threading.Lock()

    def remember(self, chat: str, answer: Answer) -> None:
        with self._lock:
            prev = self._items.get(chat)
            # An abstention keeps the documents of the turn before, so "thế còn ...?" still works.
            if answer.abstained and prev is not None and not answer.doc_ids:
                answer = Answer(answer.answer, True, answer.intent, answer.sources, prev[1].doc_ids)
            self._items[chat] = (self._clock(), answer)
            self._items.move_to_end(chat)
            while len(self._items) > self._max:
                self._items.popitem(last=False)

    def last(self, chat: str) -> Answer | None:
        with self._lock:
            item = self._items.get(chat)
            if item is None:
                return None
            if self._clock() - item[0] > self._ttl:
                del self._items[chat]
                return None
            return item[1]

    def docs(self, chat: str) -> list[str]:
        ans = self.last(chat)
        return list(ans.doc_ids) if ans else []
