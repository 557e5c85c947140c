"""Settings from the environment (and a ``.env`` file in the working directory).

Every variable is documented in ``.env.example``. Secrets are kept out of ``repr`` so that
logging a Settings object never leaks a token.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parent / "knowledge" / "corpus"


def _load_dotenv() -> None:
    try:
        from dotenv import load_dotenv
    except ImportError:  # optional: the environment alone is enough
        return
    load_dotenv(Path.cwd() / ".env", override=False)


def _number(name: str, default, cast):
    raw = os.environ.get(name, "").strip()
    try:
        return cast(raw) if raw else default
    except ValueError as exc:
        raise SystemExit(f"{name} must be a number ({cast.__name__}), got {raw!r}") from exc


def _int(name: str, default: int) -> int:
    return _number(name, default, int)


def _float(name: str, default: float) -> float:
    return _number(name, default, float)


def _ids(raw: str) -> set[str]:
    """``TROLY_ADMINS``: ids, optionally per channel ("telegram:123,zalo:abc" or "123")."""
    return {part.strip() for part in raw.replace(";", ",").split(",") if part.strip()}


@dataclass
class Settings:
    data_dir: Path
    embedding_model: str = ""  # "" = the offline default shipped by a package
    chroma_host: str = ""
    chroma_port: int = 8000
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = field(default="", repr=False)
    llm_timeout: float = 20.0
    telegram_token: str = field(default="", repr=False)
    telegram_api_base: str = "https://api.telegram.org/bot"
    telegram_webhook_url: str = ""
    telegram_webhook_secret: str = field(default="", repr=False)
    zalo_token: str = field(default="", repr=False)
    zalo_api_base: str = "https://bot-api.zaloplatforms.com/bot"
    zalo_webhook_url: str = ""
    zalo_webhook_secret: str = field(default="", repr=False)
    host: str = "127.0.0.1"
    port: int = 8000
    admins: set[str] = field(default_factory=set)
    admin_token: str = field(default="", repr=False)
    rate_limit: int = 20  # questions a minute per user
    dense_weight: float = -1.0  # < 0: the tuned default in knowledge.search

    @property
    def db_path(self) -> Path:
        return self.data_dir / "troly.sqlite3"

    def is_admin(self, channel: str, user_id: str) -> bool:
        return str(user_id) in self.admins or f"{channel}:{user_id}" in self.admins

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        _load_dotenv()
        env = os.environ.get
        s = cls(
            data_dir=Path(env("TROLY_DATA", "./data")).expanduser(),
            embedding_model=env("TROLY_EMBEDDING_MODEL", "").strip(),
            chroma_host=env("CHROMA_HOST", "").strip(),
            chroma_port=_int("CHROMA_PORT", 8000),
            llm_base_url=env("TROLY_LLM_BASE_URL", "").strip(),
            llm_model=env("TROLY_LLM_MODEL", "").strip(),
            llm_api_key=env("TROLY_LLM_API_KEY", "").strip(),
            llm_timeout=_float("TROLY_LLM_TIMEOUT", 20.0),
            telegram_token=env("TELEGRAM_BOT_TOKEN", "").strip(),
            telegram_api_base=env("TELEGRAM_API_BASE", "https://api.telegram.org/bot").strip(),
            telegram_webhook_url=env("TELEGRAM_WEBHOOK_URL", "").strip(),
            telegram_webhook_secret=env("TELEGRAM_WEBHOOK_SECRET", "").strip(),
            zalo_token=env("ZALO_BOT_TOKEN", "").strip(),
            zalo_api_base=env("ZALO_API_BASE", "https://bot-api.zaloplatforms.com/bot").strip(),
            zalo_webhook_url=env("ZALO_WEBHOOK_URL", "").strip(),
            zalo_webhook_secret=env("ZALO_WEBHOOK_SECRET", "").strip(),
            host=env("TROLY_HOST", "127.0.0.1").strip(),
            port=_int("TROLY_PORT", 8000),
            admins=_ids(env("TROLY_ADMINS", "")),
            admin_token=env("TROLY_ADMIN_TOKEN", "").strip(),
            rate_limit=_int("TROLY_RATE_LIMIT", 20),
            dense_weight=_float("TROLY_DENSE_WEIGHT", -1.0),
        )
        for k, v in overrides.items():
            setattr(s, k, v)
        return s
