"""Question log and feedback votes, in the knowledge base's SQLite file.

Every answered question is logged with its answer JSON so that a later button press
("Xem nguồn", 👍/👎) can find the answer again, even after a restart.

Votes: a chat's buttons vote on the answers of that chat only; the web API votes with the
unguessable token handed out with the answer (ids are sequential, so an id alone proves
nothing). One vote per answer; voting again changes it. Rows older than the retention
(``TROLY_QUESTION_LOG_DAYS``) are deleted on start and at every insert (an indexed range
delete, cheap when there is nothing to delete).
"""
from __future__ import annotations

import hmac
import json
import secrets
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
    voted_at REAL,
    token TEXT
);
CREATE INDEX IF NOT EXISTS question_log_chat ON question_log(channel, chat_id, id);
"""
_INDEXES = """
CREATE INDEX IF NOT EXISTS question_log_ts ON question_log(ts);
"""
DAY = 86400.0


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
    """``conn_factory`` opens a connection to the shared SQLite file (e.g. ``kb.connect``);
    ``retention_days`` <= 0 keeps every question."""

    def __init__(self, conn_factory: Callable[[], sqlite3.Connection], retention_days: float = 365.0,
                 clock: Callable[[], float] = time.time):
        self._factory = conn_factory
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self.retention_days = retention_days
        self._clock = clock
        with self._lock:
            db = self._db()
            db.executescript(_SCHEMA)
            if "token" not in {row[1] for row in db.execute("PRAGMA table_info(question_log)")}:
                db.execute("ALTER TABLE question_log ADD COLUMN token TEXT")  # a log from before tokens
            db.executescript(_INDEXES)
            self._prune(db)
            db.commit()

    def _prune(self, db: sqlite3.Connection) -> int:
        if self.retention_days <= 0:
            return 0
        return db.execute("DELETE FROM question_log WHERE ts < ?", (self._clock() - self.retention_days * DAY,)).rowcount

    def _db(self) -> sqlite3.Connection:
        # One connection shared by threads (answers run in a thread pool), guarded by a lock.
        if self._conn is None:
            self._conn = _reopen_shared(self._factory())
        return self._conn

    def log(self, channel: str, chat_id: str, user_id: str, question: str, answer_json: dict | str) -> int:
        payload = answer_json if isinstance(answer_json, str) else json.dumps(answer_json, ensure_ascii=False)
        with self._lock:
            db = self._db()
            self._prune(db)
            cur = db.execute(
                "INSERT INTO question_log(ts, channel, chat_id, user_id, question, answer_json, token) "
                "VALUES (?,?,?,?,?,?,?)",
                (self._clock(), channel, str(chat_id), str(user_id), question, payload, secrets.token_urlsafe(18)),
            )
            db.commit()
            return int(cur.lastrowid)

    def vote(self, entry_id: int, value: int, channel: str | None = None, chat_id: str | None = None) -> bool:
        """Store (or change) the vote on one logged answer; False when the id is unknown, or (with
        ``channel``/``chat_id``) when the answer was not given in that chat."""
        value = 1 if value > 0 else -1
        sql, args = "UPDATE question_log SET vote=?, voted_at=? WHERE id=?", [value, self._clock(), int(entry_id)]
        if channel is not None:
            sql, args = sql + " AND channel=? AND chat_id=?", args + [channel, str(chat_id)]
        with self._lock:
            db = self._db()
            cur = db.execute(sql, args)
            db.commit()
            return cur.rowcount > 0

    def token_of(self, entry_id: int) -> str | None:
        """The vote token handed out with this answer (only to the conversation that asked)."""
        with self._lock:
            row = self._db().execute("SELECT token FROM question_log WHERE id=?", (int(entry_id),)).fetchone()
        return row[0] if row else None

    def vote_with_token(self, entry_id: int, token: str, value: int) -> str:
        """"ok" (stored or changed), "not_found" (no such answer) or "forbidden" (wrong token)."""
        expected = self.token_of(entry_id)
        if expected is None and self.get(entry_id) is None:
            return "not_found"
        if not expected or not isinstance(token, str) or not hmac.compare_digest(token.encode("utf-8", "surrogatepass"), expected.encode()):
            return "forbidden"
        return "ok" if self.vote(entry_id, value) else "not_found"

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
