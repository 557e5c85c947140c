"""A tiny threaded HTTP server on 127.0.0.1 for fake bot APIs, with request body parsing."""
from __future__ import annotations

import json
import threading
from email.parser import BytesParser
from email.policy import HTTP as HTTP_POLICY
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qs

Route = Callable[[str, str, dict, dict], tuple[int, dict[str, str], bytes]]


def parse_body(content_type: str, body: bytes) -> dict[str, Any]:
    """JSON, url-encoded (values JSON-decoded when they look like JSON) or multipart form data."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if not body:
        return {}
    if ctype == "application/json":
        data = json.loads(body)
        return data if isinstance(data, dict) else {"_": data}
    if ctype == "multipart/form-data":
        msg = BytesParser(policy=HTTP_POLICY).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        out: dict[str, Any] = {}
        for part in msg.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True) or b""
            out[name] = _maybe_json(payload.decode("utf-8", "replace")) if not part.get_filename() else payload
        return out
    return {k: _maybe_json(v[0]) for k, v in parse_qs(body.decode("utf-8"), keep_blank_values=True).items()}


def _maybe_json(value: str) -> Any:
    if value[:1] in "{[" or value in ("true", "false") or value.lstrip("-").isdigit():
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, BrokenPipeError)):
            super().handle_error(request, client_address)


class FakeServer:
    """Runs ``route(method, path, headers, params) -> (status, headers, body)`` on a free port."""

    def __init__(self, route: Route):

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                try:
                    params = parse_body(self.headers.get("Content-Type", ""), body)
                except Exception:
                    params = {"_raw": body}
                status, headers, payload = route(self.command, self.path, dict(self.headers), params)
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (e.g. a long poll on stop)
                    self.close_connection = True

            do_GET = do_POST = _serve

            def log_message(self, *args: Any) -> None:  # quiet
                return None

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> "FakeServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def json_response(data: Any, status: int = 200) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "application/json"}, json.dumps(data, ensure_ascii=False).encode("utf-8")


def wait_until(predicate: Callable[[], bool], timeout: float = 20.0) -> bool:
    """Poll ``predicate`` from a plain thread until it holds or ``timeout`` passes."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


async def until(predicate: Callable[[], bool], timeout: float = 20.0) -> None:
    """Poll ``predicate`` inside an event loop; fail the test when it never holds."""
    import asyncio

    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if predicate():
            return
        await asyncio.sleep(0.02)
    assert predicate(), "timed out"
