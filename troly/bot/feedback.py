"""Question log and feedback votes, in the knowledge base's SQLite file.

Every answered question is logged with its answer JSON so that a later button press
("Xem nguồn", 👍/👎) can find the answer again, even after a restart.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from typing import Callable

_SCHEMA = """
CREATE TABLE IF NOT EXISTS question_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,
    channel TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    question TEXT NOT NULL,
    answer_json TEXT NOT NULL,
    vote INTEGER NOT NULL DEFAULT 0,
    voted_at REAL
);
CREATE INDEX IF NOT EXISTS question_log_chat ON question_log(channel, chat_id, id);
"""


@dataclass
class LogEntry:
    id: int
    ts: float
    channel: str
    chat_id: str
    user_id: str
    question: str
    answer: dict
    vote: int


class FeedbackStore:
    """``conn_factory`` opens a connection to the shared SQLite file (e.g. ``kb.connect``)."""

    def __init__(self, conn_factory: Callable[[], sqlite3.Connection]):
        self._factory = conn_factory
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        with self._lock:
            self._db().executescript(_SCHEMA)
            self._db().commit()

    def _db(self) -> sqlite3.Connection:
        # One connection shared by threads (answers run in a thread pool), guarded by a lock.
        if self._conn is None:
            self._conn = _reopen_shared(self._factory())
        return self._conn

    def log(self, channel: str, chat_id: str, user_id: str, question: str, answer_json: dict | str) -> int:
        payload = answer_json if isinstance(answer_json, str) else json.dumps(answer_json, ensure_ascii=False)
        with self._lock:
            db = self._db()
            cur = db.execute(
                "INSERT INTO question_log(ts, channel, chat_id, user_id, question, answer_json) VALUES (?,?,?,?,?,?)",
                (time.time(), channel, str(chat_id), str(user_id), question, payload),
            )
            db.commit()
            return int(cur.lastrowid)

    def vote(self, entry_id: int, value: int) -> bool:
        """Store (or change) the vote on one logged answer; False when the id is unknown."""
        value = 1 if value > 0 else -1
        with self._lock:
            db = self._db()
            cur = db.execute("UPDATE question_log SET vote=?, voted_at=? WHERE id=?", (value, time.time(), int(entry_id)))
            db.commit()
            return cur.rowcount > 0

    def get(self, entry_id: int) -> LogEntry | None:
        with self._lock:
            row = self._db().execute(_SELECT + " WHERE id=?", (int(entry_id),)).fetchone()
        return _entry(row) if row else None

    def recent(self, n: int = 20) -> list[LogEntry]:
        with self._lock:
            rows = self._db().execute(_SELECT + " ORDER BY id DESC LIMIT ?", (int(n),)).fetchall()
        return [_entry(r) for r in rows]

    def counts(self) -> dict:
        """{"questions", "up", "down", "by_channel": {channel: questions}}."""
        with self._lock:
            db = self._db()
            total, up, down = db.execute(
                "SELECT COUNT(*), COALESCE(SUM(vote>0),0), COALESCE(SUM(vote<0),0) FROM question_log"
            ).fetchone()
            by_channel = dict(db.execute("SELECT channel, COUNT(*) FROM question_log GROUP BY channel").fetchall())
        return {"questions": int(total), "up": int(up), "down": int(down), "by_channel": by_channel}


_SELECT = "SELECT id, ts, channel, chat_id, user_id, question, answer_json, vote FROM question_log"


def _entry(row: tuple) -> LogEntry:
    try:
        answer = json.loads(row[6])
    except (TypeError, ValueError):
        answer = {}
    return LogEntry(int(row[0]), float(row[1]), row[2], row[3], row[4], row[5], answer, int(row[7]))


def _reopen_shared(conn: sqlite3.Connection) -> sqlite3.Connection:
    """The same database file, opened so that any thread may use it (we serialize access)."""
    path = None
    try:
        for _, name, file in conn.execute("PRAGMA database_list").fetchall():
            if name == "main":
                path = file
    except sqlite3.ProgrammingError:
        pass
    if not path:  # in-memory database: keep the given connection
        return conn
    conn.close()
    shared = sqlite3.connect(path, check_same_thread=False, timeout=30)
    shared.execute("PRAGMA busy_timeout=30000")
    return shared
