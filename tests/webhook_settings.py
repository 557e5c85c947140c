"""Settings for `troly serve` with both channels in webhook mode against the fake platform APIs
(tests/fakes/), shared by the issue-16 tests. Constructed values only."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from troly.config import Settings

TG_SECRET, ZALO_SECRET = "tg-webhook-secret-for-tests", "zalo-webhook-secret-for-tests"
TG_HEADER, ZALO_HEADER = "X-Telegram-Bot-Api-Secret-Token", "X-Bot-Api-Secret-Token"


def webhook_settings(data_dir: Path, tg: Any = None, zalo: Any = None, **overrides: Any) -> Settings:
    """Telegram (when ``tg`` is given) and Zalo (when ``zalo`` is) on webhooks with their secrets."""
    values: dict[str, Any] = {}
    if tg is not None:
        values.update(telegram_token=tg.token, telegram_api_base=tg.api_base, telegram_webhook_secret=TG_SECRET,
                      telegram_webhook_url="https://example.invalid/webhook/telegram")
    if zalo is not None:
        values.update(zalo_token=zalo.token, zalo_api_base=zalo.api_base, zalo_webhook_secret=ZALO_SECRET,
                      zalo_webhook_url="https://example.invalid/webhook/zalo")
    return Settings(data_dir=data_dir, **{**values, **overrides})
