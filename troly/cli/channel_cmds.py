"""``troly serve``, ``troly telegram`` and ``troly zalo``.

``troly serve`` runs the web chat, the API and every bot whose token is set (long polling
unless its webhook URL is set). ``troly telegram`` and ``troly zalo`` run the same server
with only that bot switched on.
"""
from __future__ import annotations

import argparse
import logging
import sys

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("telegram", help="troly serve with only the Telegram bot (long polling, or webhook when "
                                        "TELEGRAM_WEBHOOK_URL is set)")
    _server_args(p)
    p.set_defaults(func=cmd_telegram)
    p = sub.add_parser("zalo", help="troly serve with only the Zalo bot (long polling, or webhook when "
                                    "ZALO_WEBHOOK_URL is set)")
    _server_args(p)
    p.set_defaults(func=cmd_zalo)
    p = sub.add_parser("serve", help="everything in one process: web chat, /api/ask, /healthz, and every "
                                     "channel whose token is set (webhook when its URL is set, else long polling)")
    _server_args(p)
    p.set_defaults(func=cmd_serve)


def _server_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", help="listen address (default TROLY_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, help="listen port (default TROLY_PORT or 8000)")
    p.set_defaults(service=True)  # long-running: logs at INFO on stdout


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _settings():
    from troly.config import Settings

    return Settings.from_env()


def _serve(settings, args, **channels) -> int:
    import uvicorn

    from troly.server.app import create_app

    host = args.host or settings.host
    port = args.port or settings.port
    log.info("troly serve: web chat and API on http://%s:%d (health: /healthz), data in %s",
             host, port, settings.data_dir.resolve())
    # proxy_headers=False: X-Forwarded-For is read by troly.server.client_address, from TROLY_TRUSTED_PROXIES only
    uvicorn.run(create_app(settings, **channels), host=host, port=port, log_level="warning", proxy_headers=False)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    return _serve(_settings(), args)


def cmd_telegram(args: argparse.Namespace) -> int:
    s = _settings()
    if not s.telegram_token:
        return _fail("TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather and put its token in .env.")
    if s.telegram_webhook_url and not s.telegram_webhook_secret:
        return _fail("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not; set a random secret.")
    return _serve(s, args, telegram=True, zalo=False)


def cmd_zalo(args: argparse.Namespace) -> int:
    s = _settings()
    if not s.zalo_token:
        return _fail("ZALO_BOT_TOKEN is not set. Create a bot with Zalo Bot Creator and put its token in .env.")
    if s.zalo_webhook_url and not s.zalo_webhook_secret:
        return _fail("ZALO_WEBHOOK_URL is set but ZALO_WEBHOOK_SECRET is not; set a random secret.")
    return _serve(s, args, telegram=False, zalo=True)
