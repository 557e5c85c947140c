"""Admin authentication for the web admin page: token checks, session cookies, login throttle.

The admin token (``TROLY_ADMIN_TOKEN``) is never stored in the cookie: the cookie holds an
expiry and an HMAC of it keyed by the token, so changing the token logs every session out
and a stolen cookie expires. Every comparison is constant time (``hmac.compare_digest``).
"""
from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urlsplit

COOKIE = "troly_admin"
COOKIE_PATH = "/admin"
SESSION_SECONDS = 12 * 3600


def token_matches(given: str, expected: str) -> bool:
    """Constant-time comparison; an empty expected token never matches."""
    if not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _sign(token: str, expires: int) -> str:
    return hmac.new(token.encode("utf-8"), f"troly-admin:{expires}".encode(), hashlib.sha256).hexdigest()


def make_session(token: str, now: float | None = None, ttl: int = SESSION_SECONDS) -> str:
    expires = int((time.time() if now is None else now) + ttl)
    return f"{expires}.{_sign(token, expires)}"


def session_valid(value: str, token: str, now: float | None = None) -> bool:
    if not token or not value or "." not in value:
        return False
    raw_exp, _, sig = value.partition(".")
    try:
        expires = int(raw_exp)
    except ValueError:
        return False
    if expires < (time.time() if now is None else now):
        return False
    return hmac.compare_digest(sig.encode(), _sign(token, expires).encode())


def bearer(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, else None."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def same_origin(origin: str | None, host: str | None) -> bool:
    """False only when the browser says the request comes from another site (CSRF guard
    for cookie-authenticated changes, on top of SameSite=Strict)."""
    if not origin or origin == "null":
        return origin is None
    return bool(host) and urlsplit(origin).netloc.lower() == host.lower()


@dataclass
class LoginThrottle:
    """At most ``limit`` failed logins per client in ``window`` seconds (guessing the token)."""

    limit: int = 10
    window: float = 300.0
    _fails: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def blocked(self, client: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self._lock:
            fails = self._fails.get(client)
            if not fails:
                return False
            while fails and now - fails[0] > self.window:
                fails.popleft()
            return len(fails) >= self.limit

    def failed(self, client: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            self._fails.setdefault(client, deque()).append(now)
            if len(self._fails) > 10_000:  # bounded memory under a spray of addresses
                self._fails.pop(next(iter(self._fails)))

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._fails.pop(client, None)
