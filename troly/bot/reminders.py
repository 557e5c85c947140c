"""Deadline reminders (``/nhacviec``, ``/huynhac``): 7, 3 and 1 days before, once each, ever.

State lives in the knowledge base's SQLite file (two tables of this module), so reminders
survive restarts and are shared by the Telegram and Zalo processes. ``due(now)`` is what a
bot's scheduler calls periodically: it returns the reminders to send and records them as
sent in the same transaction (``INSERT OR IGNORE`` on a unique key), so two processes or
two ticks can never send one reminder twice. The price is at-most-once delivery: a
reminder whose send fails is not retried.

A late tick still sends the reminder whose window it is in (the bot was down on day 7 and
comes back on day 5: the 7-day reminder goes out, saying "còn 5 ngày"); windows already
passed are skipped, so a chat never gets a burst of stale reminders.
"""
from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from troly.bot.deadlines import Deadline, agency_matches, list_deadlines, section_part
from troly.prompts import posts as P
from troly.vn.dates import display

log = logging.getLogger(__name__)

OFFSETS = (7, 3, 1)  # days before a dated deadline

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
    documents give the deadlines) or a zero-argument callable returning a connection.
    """

    def __init__(self, source: Any):
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
        """Reminders to send now, each returned once ever (recorded as sent atomically).

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
        sent_at = now.isoformat(timespec="seconds")
        out = []
        with self._tx() as conn:
            for r in wanted:
                cur = conn.execute("INSERT OR IGNORE INTO reminders_sent (key, channel, chat_id, sent_at) "
                                   "VALUES (?, ?, ?, ?)", (r.key, r.channel, r.chat_id, sent_at))
                if cur.rowcount == 1:
                    out.append(r)
        if out:
            log.info("%d reminder(s) due", len(out))
        return out


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
