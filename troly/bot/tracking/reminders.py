"""Deadline reminders (``/nhacviec``, ``/huynhac``): 7, 3 and 1 days before, once each, ever.

State lives in the knowledge base's SQLite file (two tables of this module), so reminders
survive restarts and are shared by the Telegram and Zalo processes. ``due(now)`` is what a
bot's scheduler calls periodically: it returns the reminders to send and *claims* them for a
while (``LEASE_SECONDS``) in the same transaction, so two processes or two ticks never send one
reminder at once. A reminder is recorded as sent only after its delivery (``delivered``); a
failed send (``failed``) is retried after the delays of ``Settings.reminder_retry_delays``, at
most ``reminder_max_attempts`` times, each failure logged at WARNING. ``send_due`` does all
this for a bot.

A late tick still sends the reminder whose window it is in (the bot was down on day 7 and
comes back on day 5: the 7-day reminder goes out, saying "còn 5 ngày"); windows already
passed are skipped, so a chat never gets a burst of stale reminders.
"""
from __future__ import annotations

import logging
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from troly.bot.tracking.deadlines import Deadline, agency_matches, list_deadlines, section_part
from troly.prompts import posts as P
from troly.config import Settings
from troly.vn.dates import display

log = logging.getLogger(__name__)

OFFSETS = (7, 3, 1)  # days before a dated deadline
# A claimed reminder is not handed out again for this long: longer than one send with all the
# client's HTTP retries takes, short enough that a process killed mid-send delays it little.
LEASE_SECONDS = 600.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS reminder_subscriptions (
    channel TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    agency TEXT NOT NULL DEFAULT '',   -- '' = every agency
    created_at TEXT NOT NULL,
    PRIMARY KEY (channel, chat_id, agency)
);
CREATE TABLE IF NOT EXISTS reminders_sent (
    key TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    sent_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS reminder_attempts (
    key TEXT PRIMARY KEY,
    attempts INTEGER NOT NULL DEFAULT 0,  -- failed sends so far
    retry_at REAL NOT NULL DEFAULT 0,     -- not before this time (epoch seconds)
    claimed_until REAL NOT NULL DEFAULT 0 -- being sent by a process until then
);
"""


@dataclass
class Reminder:
    channel: str
    chat_id: str
    text: str  # Vietnamese, ready to send
    key: str  # unique: chat, deadline, offset


@dataclass
class Subscription:
    channel: str
    chat_id: str
    agency: str | None  # None = every agency


class Reminders:
    """Subscriptions and sent-reminder state.

    ``source`` is a KnowledgeBase (its ``connect()`` gives the SQLite connection and its
    documents give the deadlines) or a zero-argument callable returning a connection. Retry
    delays and attempts default to the knowledge base's settings (else Settings' defaults).
    """

    def __init__(self, source: Any, retry_delays: tuple[float, ...] | None = None,
                 max_attempts: int | None = None):
        settings = getattr(source, "settings", None)
        self.retry_delays = tuple(retry_delays or _setting(settings, "reminder_retry_delays")) or (60.0,)
        self.max_attempts = max(1, int(max_attempts or _setting(settings, "reminder_max_attempts")))
        if callable(getattr(source, "connect", None)):
            self.kb, self._connect = source, source.connect
        elif callable(source):
            self.kb, self._connect = None, source
        else:
            raise TypeError("Reminders needs a KnowledgeBase or a connection factory")
        with self._tx() as conn:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)

    def _tx(self):
        """A connection used as a transaction context (commit on success, rollback on error)."""
        conn: sqlite3.Connection = self._connect()
        return _Tx(conn)

    # --- subscriptions ------------------------------------------------------------------

    def subscribe(self, channel: str, chat_id: str, agency: str | None) -> None:
        """Remind this chat of deadlines of ``agency`` (None or "" = all); repeats are harmless."""
        name = " ".join((agency or "").split())
        with self._tx() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO reminder_subscriptions (channel, chat_id, agency, created_at) "
                "VALUES (?, ?, ?, ?)", (channel, str(chat_id), name, datetime.now().isoformat(timespec="seconds")))

    def unsubscribe(self, channel: str, chat_id: str) -> bool:
        """Stop every reminder for this chat; False when it had none."""
        with self._tx() as conn:
            cur = conn.execute("DELETE FROM reminder_subscriptions WHERE channel = ? AND chat_id = ?",
                               (channel, str(chat_id)))
            return cur.rowcount > 0

    def subscriptions(self, channel: str | None = None) -> list[Subscription]:
        with self._tx() as conn:
            rows = conn.execute(
                "SELECT channel, chat_id, agency FROM reminder_subscriptions "
                "WHERE ? IS NULL OR channel = ? ORDER BY channel, chat_id, agency", (channel, channel)).fetchall()
        return [Subscription(c, i, a or None) for c, i, a in rows]

    # --- the scheduler's call -----------------------------------------------------------

    def due(self, now: datetime, deadlines: list[Deadline] | None = None,
            channel: str | None = None) -> list[Reminder]:
        """Reminders to send now: not yet delivered, not claimed by another sender, not waiting
        for a retry, not given up. They are claimed (atomically) for ``LEASE_SECONDS``; report
        each with ``delivered`` or ``failed``.

        ``deadlines`` defaults to the knowledge base's; ``channel`` limits the work to one
        bot (the Telegram process must not take the Zalo chats' reminders).
        """
        today = now.date()
        if deadlines is None:
            if self.kb is None:
                raise ValueError("due() needs deadlines when Reminders was built without a knowledge base")
            deadlines = list_deadlines(self.kb, today)
        subs = self.subscriptions(channel)
        if not subs:
            return []
        wanted: list[Reminder] = []
        for d in deadlines:
            if not d.dated or d.due is None:
                continue
            days = (d.due - today).days
            window = next((o for o in sorted(OFFSETS) if days <= o), None) if days >= 1 else None
            if window is None:
                continue
            chats: dict[tuple[str, str], bool] = {}
            for s in subs:
                if s.agency is None or agency_matches(s.agency, d.agency):
                    chats[(s.channel, s.chat_id)] = True
            for ch, chat in chats:
                key = f"{ch}:{chat}:{d.key}:{window}"
                wanted.append(Reminder(ch, chat, reminder_text(d, days), key))
        if not wanted:
            return []
        stamp = now.timestamp()
        out = []
        with self._tx() as conn:
            for r in wanted:
                if conn.execute("SELECT 1 FROM reminders_sent WHERE key = ?", (r.key,)).fetchone():
                    continue
                row = conn.execute("SELECT attempts, retry_at, claimed_until FROM reminder_attempts WHERE key = ?",
                                   (r.key,)).fetchone()
                attempts, retry_at, claimed_until = row or (0, 0.0, 0.0)
                if attempts >= self.max_attempts or retry_at > stamp or claimed_until > stamp:
                    continue
                conn.execute("INSERT INTO reminder_attempts (key, attempts, claimed_until) VALUES (?, ?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET claimed_until = excluded.claimed_until",
                             (r.key, attempts, stamp + LEASE_SECONDS))
                out.append(r)
        if out:
            log.info("%d reminder(s) due", len(out))
        return out

    def delivered(self, r: Reminder, now: datetime) -> None:
        """Record ``r`` as sent: it is never returned by ``due`` again."""
        with self._tx() as conn:
            conn.execute("INSERT OR IGNORE INTO reminders_sent (key, channel, chat_id, sent_at) VALUES (?, ?, ?, ?)",
                         (r.key, r.channel, r.chat_id, now.isoformat(timespec="seconds")))
            conn.execute("DELETE FROM reminder_attempts WHERE key = ?", (r.key,))

    def failed(self, r: Reminder, now: datetime, error: object = "") -> float | None:
        """Record a failed send of ``r``; -> seconds until it is due again, None when given up."""
        with self._tx() as conn:
            row = conn.execute("SELECT attempts FROM reminder_attempts WHERE key = ?", (r.key,)).fetchone()
            attempts = (row[0] if row else 0) + 1
            delay = self.retry_delays[min(attempts, len(self.retry_delays)) - 1]
            conn.execute("INSERT INTO reminder_attempts (key, attempts, retry_at, claimed_until) VALUES (?, ?, ?, 0) "
                         "ON CONFLICT(key) DO UPDATE SET attempts = excluded.attempts, retry_at = excluded.retry_at, "
                         "claimed_until = 0", (r.key, attempts, now.timestamp() + delay))
        if attempts >= self.max_attempts:
            log.warning("%s reminder to chat %s not delivered after %d attempts, given up: %s",
                        r.channel, r.chat_id, attempts, error)
            return None
        log.warning("%s reminder to chat %s not delivered (attempt %d of %d), retry in %.0fs: %s",
                    r.channel, r.chat_id, attempts, self.max_attempts, delay, error)
        return delay


async def send_due(runner: Any, channel: str, send: Callable[[str, str], Awaitable[Any]]) -> float | None:
    """Send the reminders due now for ``channel`` through ``send(chat_id, text)`` (which raises when
    the platform did not take the message). Each is marked sent only after ``send`` returned; a
    failure is logged and retried later. -> seconds until the earliest retry (None: none waiting).
    ``runner`` is a channels.runtime.CoreRunner (the store is only touched on its thread)."""
    store = runner.core.services.reminders
    if store is None:
        return None
    retry: float | None = None
    for r in await runner.run(runner.core.due_reminders, channel, datetime.now()):
        try:
            await send(r.chat_id, r.text)
        except Exception as exc:  # the platform refused or was unreachable: try again later
            delay = await runner.run(store.failed, r, datetime.now(), f"{type(exc).__name__}: {exc}")
            if delay is not None:
                retry = delay if retry is None else min(retry, delay)
        else:
            await runner.run(store.delivered, r, datetime.now())
    return retry


def _setting(settings: Any, name: str) -> Any:
    if settings is not None and hasattr(settings, name):
        return getattr(settings, name)
    return Settings.__dataclass_fields__[name].default


def reminder_text(d: Deadline, days: int) -> str:
    return P.REMINDER.format(n=days, when=display(d.deadline_date), agency=d.agency,
                             task=_clip(d.task, 300), document=d.document_name or d.document,
                             section=section_part(d.section))


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "…"


class _Tx:
    """``with`` block: BEGIN IMMEDIATE (one writer across processes), commit or rollback, close.

    ``source`` must hand out a new connection per call (KnowledgeBase.connect() does).
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.isolation_level = None  # manual transactions
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self.conn.execute("COMMIT" if exc_type is None else "ROLLBACK")
        finally:
            self.conn.close()  # the factory hands out a new connection each time


ConnFactory = Callable[[], sqlite3.Connection]
