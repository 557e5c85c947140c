"""No secret in any log line, at any level, whichever library writes it.

python-telegram-bot and httpx log request URLs (which contain the bot token) and API
parameters (which contain the webhook secret) at DEBUG/INFO. Rather than chase each logger,
``protect(settings)`` installs a log record factory, once per process, that replaces every
configured secret in each record's message, arguments, traceback and stack text with
``[redacted]``. A record factory (not a handler filter) sees every record of every logger,
whatever handlers are attached later (uvicorn's, pytest's, an operator's).
"""
from __future__ import annotations

import logging
import threading
from typing import Any
from urllib.parse import quote

MASK = "[redacted]"
# Shorter values are not redacted: they would blank ordinary words out of every log line, and a
# real token or secret is far longer (a Telegram token is about 46 characters).
MIN_SECRET_LENGTH = 6
SECRET_SETTINGS = ("telegram_token", "telegram_webhook_secret", "zalo_token", "zalo_webhook_secret",
                   "admin_token", "llm_api_key")

_secrets: tuple[str, ...] = ()
_lock = threading.Lock()
_installed = False


def protect(settings: Any) -> None:
    """Redact the secrets of ``settings`` from every log record from now on."""
    add(*(getattr(settings, name, "") or "" for name in SECRET_SETTINGS))


def add(*values: str) -> None:
    global _secrets, _installed
    found = set(_secrets)
    for value in values:
        if isinstance(value, str) and len(value) >= MIN_SECRET_LENGTH:
            found.update({value, quote(value, safe="")})
    with _lock:
        _secrets = tuple(sorted(found, key=lambda s: (-len(s), s)))  # longest first: no partial leftovers
        if not _installed:
            _install()
            _installed = True


def redact(text: str) -> str:
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def _install() -> None:
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if _secrets:
            _scrub(record)
        return record

    logging.setLogRecordFactory(factory)


def _scrub(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a malformed call: logging reports it when the record is formatted
        message = str(record.msg)
    clean = redact(message)
    if clean != message:
        record.msg, record.args = clean, None
    if record.exc_info and record.exc_info[0] is not None:
        text = logging.Formatter().formatException(record.exc_info)
        clean = redact(text)
        if clean != text:
            record.exc_text = clean
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
