"""A fake Zalo Bot API on 127.0.0.1: one update per ``getUpdates`` (408 when idle), recorded sends,
and injectable failures (HTTP 429/5xx) to exercise retries."""
from __future__ import annotations

import itertools
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable

from ._http import FakeServer, json_response, wait_until


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = 0.0


class FakeZalo:
    def __init__(self, token: str = "zalo-test-token"):
        self.token = token
        self.calls: list[Call] = []
        self._updates: deque[dict] = deque()
        self._failures: dict[str, deque[int]] = {}
        self._ids = itertools.count(1)
        self._cond = threading.Condition()
        self.server = FakeServer(self._route)
        self.url = self.server.url
        self.api_base = f"{self.url}/bot"
        self.on_send: Callable[[Call], None] | None = None

    def __enter__(self) -> "FakeZalo":
        self.server.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.stop()

    # ------------------------------------------------------------------ scripting
    @staticmethod
    def update(chat_id: str, text: str | None, message_id: str | None = None, user_id: str | None = None,
               event: str = "message.text.received") -> dict:
        msg: dict[str, Any] = {"chat": {"id": chat_id, "chat_type": "PRIVATE"},
                               "from": {"id": user_id or chat_id, "display_name": "Người dùng"},
                               "message_id": message_id or f"m{time.time_ns()}", "date": int(time.time() * 1000)}
        if text is not None:
            msg["text"] = text
        return {"event_name": event, "message": msg}

    def push(self, update: dict) -> None:
        with self._cond:
            self._updates.append(update)
            self._cond.notify_all()

    def fail(self, method: str, *statuses: int) -> None:
        """The next calls of ``method`` answer these HTTP statuses, in order."""
        with self._cond:
            self._failures.setdefault(method, deque()).extend(statuses)

    # ------------------------------------------------------------------ inspection
    def sent(self, chat_id: str | None = None, method: str = "sendMessage") -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method
                    and (chat_id is None or str(c.params.get("chat_id")) == str(chat_id))]

    def texts(self, chat_id: str | None = None) -> list[str]:
        return [c.params.get("text", "") for c in self.sent(chat_id)]

    wait_for = staticmethod(wait_until)

    # ------------------------------------------------------------------ HTTP
    def _route(self, verb: str, path: str, headers: dict, params: dict):
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            return json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        method = path[len(prefix):]
        with self._cond:
            queue = self._failures.get(method)
            if queue:
                status = queue.popleft()
                return json_response({"ok": False, "error_code": status, "description": "injected"}, status)
        if method == "getUpdates":
            return self._get_updates(params)
        call = Call(method, params, time.monotonic())
        with self._cond:
            self.calls.append(call)
        if method == "sendMessage" and self.on_send is not None:
            self.on_send(call)
        if method == "getMe":
            return json_response({"ok": True, "result": {"id": "bot1", "account_name": "troly", "display_name": "Trợ lý"}})
        if method == "sendMessage":
            return json_response({"ok": True, "result": {"message_id": f"s{next(self._ids)}", "date": int(time.time() * 1000)}})
        return json_response({"ok": True, "result": True})

    def _get_updates(self, params: dict):
        wait = min(float(params.get("timeout") or 0), 0.3)
        with self._cond:
            if not self._updates and wait:
                self._cond.wait(wait)
            if self._updates:
                return json_response({"ok": True, "result": self._updates.popleft()})
        return json_response({"ok": False, "error_code": 408, "description": "Request timeout"})
