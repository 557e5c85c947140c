"""``troly telegram``, ``troly zalo`` and ``troly serve``.

Bots use long polling unless their webhook URL is set; in webhook mode they run the same
HTTP server as ``troly serve`` with only that channel switched on.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("telegram", help="run the Telegram bot (long polling, or webhook when TELEGRAM_WEBHOOK_URL is set)")
    _server_args(p)
    p.set_defaults(func=cmd_telegram)
    p = sub.add_parser("zalo", help="run the Zalo bot (long polling, or webhook when ZALO_WEBHOOK_URL is set)")
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
    if s.telegram_webhook_url:
        if not s.telegram_webhook_secret:
            return _fail("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not; set a random secret.")
        return _serve(s, args, telegram=True, zalo=False)
    from troly.bot.channels.runtime import CoreRunner, load_core
    from troly.bot.channels.telegram import run_polling

    runner = CoreRunner.start(lambda: load_core(s))
    try:
        run_polling(s, runner)
    finally:
        runner.close()
    return 0


def cmd_zalo(args: argparse.Namespace) -> int:
    s = _settings()
    if not s.zalo_token:
        return _fail("ZALO_BOT_TOKEN is not set. Create a bot with Zalo Bot Creator and put its token in .env.")
    if s.zalo_webhook_url:
        if not s.zalo_webhook_secret:
            return _fail("ZALO_WEBHOOK_URL is set but ZALO_WEBHOOK_SECRET is not; set a random secret.")
        return _serve(s, args, telegram=False, zalo=True)
    asyncio.run(_zalo_polling(s))
    return 0


async def _zalo_polling(settings) -> None:
    from troly.bot.channels.runtime import CoreRunner, load_core
    from troly.bot.channels.zalo import ZaloBot, ZaloClient

    loop = asyncio.get_running_loop()
    runner = await loop.run_in_executor(None, CoreRunner.start, lambda: load_core(settings))
    client = ZaloClient(settings.zalo_token, settings.zalo_api_base)
    bot = ZaloBot(client, runner)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):
            pass
    try:
        me = await client.call("getMe")
        if not me.get("ok"):
            log.error("Zalo getMe failed: %s (check ZALO_BOT_TOKEN)", me.get("description"))
        log.info("Zalo bot: long polling")
        await asyncio.gather(bot.poll(stop), bot.remind(stop))
    finally:
        await client.close()
        runner.close()
