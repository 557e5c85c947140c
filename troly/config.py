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


def _floats(name: str, default: tuple[float, ...]) -> tuple[float, ...]:
    raw = os.environ.get(name, "").strip()
    try:
        return tuple(float(x) for x in raw.replace(";", ",").split(",") if x.strip()) or default
    except ValueError as exc:
        raise SystemExit(f"{name} must be numbers separated by commas, got {raw!r}") from exc


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
    # A channel whose API cannot be reached at start is retried after this many seconds, doubling
    # up to the maximum: a few seconds rides out a restart of the network, five minutes keeps an
    # outage of a day to a few hundred log lines (chosen, not measured).
    channel_retry_first: float = 5.0
    channel_retry_max: float = 300.0
    dense_weight: float = -1.0  # < 0: the tuned default in knowledge.search
    # Vectors are derived data: with a dense weight of 0 (the shipped model's default) no query reads
    # them, and embedding is most of the cold-ingest time (the real corpus: minutes, not seconds).
    # None: index them only when queried (weight > 0; a base opened later with a weight > 0 fills in
    # the missing ones before its first dense query); True: always; False: never.
    index_vectors: bool | None = None
    # Posts take sentences of a repaired scan only from documents whose repair is at least this
    # sure (mean posterior of the restored syllables). 0.9: the shipped scan, which reads well
    # after repair, scores 0.974; a scan the repair could not make sense of scores far lower.
    post_repair_min_confidence: float = 0.9
    # Edge limits of `troly serve` (issue 16). A question is at most 2,000 characters and a platform
    # update a few KB, so 1 MiB refuses only abuse; the admin upload takes web_admin.MAX_UPLOAD_MB
    # (25 MB) plus room for the multipart envelope.
    max_request_bytes: int = 1024 * 1024
    max_upload_request_bytes: int = 26 * 1024 * 1024
    # Deepest JSON nesting accepted (a Telegram update nests about 8 levels; 32 leaves room).
    max_json_depth: int = 32
    # Addresses/networks of reverse proxies whose X-Forwarded-For is believed; none by default,
    # so the connecting address is the client (rate limit, login throttle, audit log).
    trusted_proxies: tuple[str, ...] = ()
    # Reminder delivery: a failed send is retried after these delays (seconds, the last repeats),
    # at most reminder_max_attempts sends in all; set so a platform outage of a few hours is ridden out.
    reminder_retry_delays: tuple[float, ...] = (60.0, 300.0, 900.0, 3600.0)
    reminder_max_attempts: int = 8
    # Unbounded-growth guards: questions are kept a year (the admin page reads recent ones), per-chat
    # state for the most recent chats (an LRU; 5,000 is far above the chats of one commune), webhook
    # updates in progress per channel (more are refused with 503 so that the platform re-sends them).
    question_log_days: float = 365.0
    max_chats: int = 5000
    max_pending_updates: int = 256
    # Reading limits of ingest (troly.ingest.limits), each refused with a message naming it. The
    # longest real document (../shared/corpus/real) is ~93,000 characters, so 2 M characters is a 20x
    # margin; a .docx's XML is a few times its text, so 50 MB unzipped leaves room for embedded
    # images too; 120 s bounds reading one file (a long PDF, an OCR scan).
    max_text_chars: int = 2_000_000
    max_unzipped_mb: int = 50
    max_read_seconds: float = 120.0
    # "Is this language?" (troly.ingest.sanity), set from bench/text_sanity.py on the 173 real and 5
    # seed documents, their 300- and 60-character heads, 60 OCR-damaged copies and English docs: all
    # are 1.000 printable and >= 0.78 word-like (whole documents >= 0.87); random bytes are <= 0.89
    # printable, random printable ASCII <= 0.29 word-like, random lower-case letters <= 0.56. Each
    # threshold sits between the two groups.
    min_printable_share: float = 0.95
    min_wordlike_share: float = 0.6
    # OCR repair runs only on text that has lost its Vietnamese marks: the share of words written
    # with a non-ASCII letter is >= 0.68 in each of the 173 real documents (chemical symbols, English
    # names and abbreviations there once set off a repair that turned "Pb" into "Đồ"), and 0.13-0.21
    # in OCR-damaged copies (../shared/eval/ocr_damage.py on three of them) and the shipped scan.
    # The threshold sits between the two groups.
    repair_max_marked_share: float = 0.45
    # The answer engine (troly.bot.answer). Out of scope: the share of a question's own word pairs
    # (beyond naming a document) that the corpus knows, below which it is declined. Set at the
    # midpoint of the gap that bench/coverage_margin.py measures on the development questions
    # (../shared/eval/dev.jsonl, shipped corpus): the highest to decline scores 0.333, the lowest
    # to answer 0.429 (the earlier 0.34 sat just above the 1/3 of two out-of-scope questions). A passage stands in for a missing task row
    # of "ai chủ trì X" when it holds half of X's words. "A few words more" than a fact asks for
    # (the rest of a question about a document only cited): 2. Scan limits keep a 2,000-document
    # base as fast as a 5-document one (measured with ../shared/eval/latency.py at stop 12).
    answer_coverage_min: float = 0.38
    answer_lead_passage_min: float = 0.5
    answer_residual_max: int = 2
    answer_max_scan_rows: int = 2000
    answer_max_scan_docs: int = 20
    answer_max_subjects: int = 3
    answer_max_chars: int = 900  # a chat answer stays short; the sources carry the rest
    answer_max_question: int = 2000

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
            channel_retry_first=_float("TROLY_CHANNEL_RETRY_FIRST", 5.0),
            channel_retry_max=_float("TROLY_CHANNEL_RETRY_MAX", 300.0),
            dense_weight=_float("TROLY_DENSE_WEIGHT", -1.0),
            index_vectors={"1": True, "true": True, "0": False, "false": False}.get(
                (env("TROLY_INDEX_VECTORS") or "").strip().lower()),
            post_repair_min_confidence=_float("TROLY_POST_REPAIR_MIN", 0.9),
            max_request_bytes=_int("TROLY_MAX_REQUEST_BYTES", 1024 * 1024),
            max_upload_request_bytes=_int("TROLY_MAX_UPLOAD_REQUEST_BYTES", 26 * 1024 * 1024),
            max_json_depth=_int("TROLY_MAX_JSON_DEPTH", 32),
            trusted_proxies=tuple(sorted(_ids(env("TROLY_TRUSTED_PROXIES", "")))),
            reminder_retry_delays=_floats("TROLY_REMINDER_RETRY_DELAYS", (60.0, 300.0, 900.0, 3600.0)),
            reminder_max_attempts=_int("TROLY_REMINDER_MAX_ATTEMPTS", 8),
            question_log_days=_float("TROLY_QUESTION_LOG_DAYS", 365.0),
            max_chats=_int("TROLY_MAX_CHATS", 5000),
            max_pending_updates=_int("TROLY_MAX_PENDING_UPDATES", 256),
            max_text_chars=_int("TROLY_MAX_TEXT_CHARS", 2_000_000),
            max_unzipped_mb=_int("TROLY_MAX_UNZIPPED_MB", 50),
            max_read_seconds=_float("TROLY_MAX_READ_SECONDS", 120.0),
            min_printable_share=_float("TROLY_MIN_PRINTABLE_SHARE", 0.95),
            min_wordlike_share=_float("TROLY_MIN_WORDLIKE_SHARE", 0.6),
        )
        for k, v in overrides.items():
            setattr(s, k, v)
        return s
