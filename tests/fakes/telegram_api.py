"""A fake Telegram Bot API on 127.0.0.1: scripted updates, recorded calls, file downloads.

Point python-telegram-bot at it with ``base_url=f"{fake.url}/bot"`` (``TELEGRAM_API_BASE``).
"""
from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import unquote

from ._http import FakeServer, json_response, wait_until

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "Troly", "username": "troly_test_bot",
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}


@dataclass
class Call:
    method: str
    params: dict[str, Any]


class FakeTelegram:
    def __init__(self, token: str = "123:TEST"):
        self.token = token
        self.calls: list[Call] = []
        self.files: dict[str, bytes] = {}
        self._updates: list[dict] = []
        self._ids = itertools.count(1)
        self._msg_ids = itertools.count(1000)
        self._cond = threading.Condition()
        self.server = FakeServer(self._route)
        self.url = self.server.url
        self.api_base = f"{self.url}/bot"
        self.on_call: Callable[[Call], None] | None = None  # e.g. a benchmark timing replies

    def __enter__(self) -> "FakeTelegram":
        self.server.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.stop()

    # ------------------------------------------------------------------ scripting
    def push(self, update: dict) -> int:
        with self._cond:
            update = {"update_id": next(self._ids), **update}
            self._updates.append(update)
            self._cond.notify_all()
            return update["update_id"]

    def text(self, chat_id: int, user_id: int, text: str) -> int:
        return self.push({"message": self._message(chat_id, user_id, text=text)})

    def button(self, chat_id: int, user_id: int, data: str, message: dict | None = None) -> int:
        msg = message or self._message(chat_id, BOT_USER["id"], text="…", from_user=BOT_USER)
        return self.push({"callback_query": {
            "id": f"cb{next(self._msg_ids)}", "from": _user(user_id), "chat_instance": "ci",
            "data": data, "message": msg,
        }})

    def document(self, chat_id: int, user_id: int, name: str, content: bytes) -> int:
        file_id = f"file{len(self.files) + 1}"
        self.files[file_id] = content
        doc = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": name, "file_size": len(content)}
        return self.push({"message": self._message(chat_id, user_id, document=doc)})

    def _message(self, chat_id: int, user_id: int, from_user: dict | None = None, **extra: Any) -> dict:
        return {"message_id": next(self._msg_ids), "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private", "first_name": "U"},
                "from": from_user or _user(user_id), **extra}

    # ------------------------------------------------------------------ inspection
    def sent(self, method: str = "sendMessage", chat_id: int | None = None) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method
                    and (chat_id is None or str(c.params.get("chat_id")) == str(chat_id))]

    wait_for = staticmethod(wait_until)

    # ------------------------------------------------------------------ HTTP
    def _route(self, verb: str, path: str, headers: dict, params: dict):
        path = unquote(path)
        prefix = f"/bot{self.token}/"
        file_prefix = f"/file/bot{self.token}/"
        if path.startswith(file_prefix):
            file_id = path[len(file_prefix):].rsplit("/", 1)[-1]
            content = self.files.get(file_id)
            return (200, {"Content-Type": "application/octet-stream"}, content) if content is not None else (404, {}, b"")
        if not path.startswith(prefix):
            return json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        method = path[len(prefix):].split("?")[0]
        if method != "getUpdates":
            call = Call(method, params)
            with self._cond:
                self.calls.append(call)
            if self.on_call is not None:
                self.on_call(call)
        handler = getattr(self, f"_m_{method}", None)
        result = handler(params) if handler else True
        return json_response({"ok": True, "result": result})

    def _m_getMe(self, p: dict) -> dict:
        return BOT_USER

    def _m_getUpdates(self, p: dict) -> list[dict]:
        offset = int(p.get("offset") or 0)
        wait = min(float(p.get("timeout") or 0), 0.5)
        with self._cond:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if not self._updates and wait:
                self._cond.wait(wait)
            return list(self._updates)

    def _m_sendMessage(self, p: dict) -> dict:
        msg = {"message_id": next(self._msg_ids), "date": int(time.time()),
               "chat": {"id": int(p["chat_id"]), "type": "private"}, "from": BOT_USER, "text": p.get("text", "")}
        if isinstance(p.get("reply_markup"), dict):
            msg["reply_markup"] = p["reply_markup"]
        return msg

    def _m_editMessageReplyMarkup(self, p: dict) -> Any:
        return True

    def _m_getFile(self, p: dict) -> dict:
        fid = str(p.get("file_id"))
        return {"file_id": fid, "file_unique_id": f"u{fid}", "file_size": len(self.files.get(fid, b"")),
                "file_path": f"documents/{fid}"}


def _user(user_id: int) -> dict:
    return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
