"""Audit log of admin actions (login, upload, remove) in the knowledge base's SQLite file.

Why a table and not only ``logging``: an operator asked "who removed this document, and
when?" needs an answer that survives restarts and log rotation. Every entry is also logged.
Secrets never enter it: the caller passes only what changed (file name, document ids,
client address), never the token.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS admin_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts TEXT NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}'
)
"""


@dataclass
class AdminEntry:
    ts: str  # ISO 8601, UTC
    action: str  # "login", "login_failed", "upload", "remove", "logout"
    actor: str  # client address
    detail: dict[str, Any] = field(default_factory=dict)
    id: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "ts": self.ts, "action": self.action, "actor": self.actor, "detail": self.detail}


class AdminLog:
    """Append-only log. ``connect`` is ``KnowledgeBase.connect`` (or any factory of
    connections to one SQLite file); a connection is taken per call because the web server
    calls from worker threads and a sqlite3 connection must stay in its own thread."""

    def __init__(self, connect: Callable[[], sqlite3.Connection]):
        self._connect = connect
        self._ready = False

    def _conn(self) -> sqlite3.Connection:
        """A fresh connection (``KnowledgeBase.connect`` opens one per call); close it after use."""
        conn = self._connect()
        if not self._ready:
            with conn:
                conn.execute(_SCHEMA)
            self._ready = True
        return conn

    def record(self, action: str, actor: str = "", **detail: Any) -> AdminEntry:
        entry = AdminEntry(
            ts=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            action=action,
            actor=actor,
            detail=detail,
        )
        log.info("admin %s by %s: %s", action, actor or "?", json.dumps(detail, ensure_ascii=False))
        try:
            with closing(self._conn()) as conn, conn:
                cur = conn.execute(
                    "INSERT INTO admin_log (ts, action, actor, detail) VALUES (?, ?, ?, ?)",
                    (entry.ts, action, actor, json.dumps(detail, ensure_ascii=False)),
                )
            entry.id = int(cur.lastrowid or 0)
        except sqlite3.Error:
            # The action itself succeeded; losing the audit row must not undo it, but say so.
            log.exception("could not write admin_log row for %s", action)
        return entry

    def recent(self, n: int = 50) -> list[AdminEntry]:
        with closing(self._conn()) as conn:
            rows = conn.execute(
                "SELECT id, ts, action, actor, detail FROM admin_log ORDER BY id DESC LIMIT ?", (max(1, n),)
            ).fetchall()
        out = []
        for row in rows:
            try:
                detail = json.loads(row[4] or "{}")
            except ValueError:
                detail = {"raw": row[4]}
            out.append(AdminEntry(id=row[0], ts=row[1], action=row[2], actor=row[3], detail=detail))
        return out
