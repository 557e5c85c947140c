"""A scripted OpenAI-compatible chat server on 127.0.0.1 for tests.

Runs the real HTTP path of any OpenAI client (langchain_openai, openai, httpx) without the
network. Usage::

    with FakeOpenAI(content="Hạn là 15/5/2025 [1].") as fake:
        writer = LLMWriter(fake.base_url, "m", api_key="k", timeout=1)
        ...
        fake.requests[0].body["messages"]       # what the client sent
        fake.requests[0].headers["authorization"]

Modes: ``"ok"`` replies with ``content`` (a string, a list used one per call, or a callable
``(body) -> str``); ``"sleep"`` waits ``delay`` seconds before replying (for client
timeouts); ``"error"`` answers HTTP ``status`` (500) with an OpenAI-style error body.
"""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Content = str | list[str] | Callable[[dict[str, Any]], str]


@dataclass
class Request:
    path: str
    headers: dict[str, str]  # lower-cased names
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, Any]]:
        return self.body.get("messages", [])

    def message(self, role: str) -> str:
        """The text of the first message with ``role`` ("system", "user")."""
        for m in self.messages:
            if m.get("role") == role:
                c = m.get("content")
                return c if isinstance(c, str) else "".join(p.get("text", "") for p in c or [])
        return ""


class FakeOpenAI:
    """Context manager running the server in a daemon thread on a free port."""

    def __init__(self, mode: str = "ok", content: Content = "", delay: float = 5.0, status: int = 500):
        if mode not in {"ok", "sleep", "error"}:
            raise ValueError(f"unknown mode {mode!r}")
        self.mode, self.content, self.delay, self.status = mode, content, delay, status
        self.requests: list[Request] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None, "use FakeOpenAI as a context manager"
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def _reply_text(self, body: dict[str, Any]) -> str:
        c = self.content
        if callable(c):
            return c(body)
        if isinstance(c, list):
            with self._lock:
                n = sum(1 for r in self.requests if r.path.endswith("/chat/completions"))
            return c[min(n, len(c)) - 1] if c else ""
        return c

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            wbufsize = 1 << 16  # headers and body in one write (no delayed-ACK stalls)
            disable_nagle_algorithm = True

            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    body = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    body = {"_raw": raw.decode("utf-8", "replace")}
                req = Request(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                with fake._lock:
                    fake.requests.append(req)
                if not self.path.endswith("/chat/completions"):
                    self._send(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
                    return
                if fake.mode == "error":
                    self._send(fake.status, {"error": {"message": "scripted failure", "type": "server_error"}})
                    return
                if fake.mode == "sleep" and fake._stop.wait(fake.delay):
                    return  # the server is shutting down
                text = fake._reply_text(body)
                self._send(200, {
                    "id": f"chatcmpl-fake{len(fake.requests)}",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": body.get("model", "fake"),
                    "choices": [{
                        "index": 0,
                        "message": {"role": "assistant", "content": text},
                        "finish_reason": "stop",
                    }],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                })

        return Handler

    def __enter__(self) -> FakeOpenAI:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
