"""The posts officers asked for on the admin page, their sources and the text they published.

One SQLite table (``post_history``) in the knowledge base's file, reached through
``KnowledgeBase.connect``: the draft troly wrote, the final text after the officer's edits,
the sources, and the topic (folded too, so that a search ignores diacritics). Survives restarts.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from troly.vn.text import fold

_SCHEMA = """
CREATE TABLE IF NOT EXISTS post_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    topic TEXT NOT NULL,
    topic_folded TEXT NOT NULL,
    channel TEXT NOT NULL,
    audience TEXT NOT NULL,
    draft TEXT NOT NULL,
    final TEXT NOT NULL,
    sources TEXT NOT NULL,
    llm INTEGER NOT NULL DEFAULT 0
)
"""
_COLUMNS = "id, created, updated, topic, channel, audience, draft, final, sources, llm"


@dataclass
class Entry:
    id: int
    created: float
    updated: float
    topic: str
    channel: str
    audience: str
    draft: str
    final: str
    sources: list[dict[str, Any]]
    llm: bool

    @property
    def edited(self) -> bool:
        return self.final != self.draft

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "edited": self.edited}


class PostHistory:
    def __init__(self, connect: Callable[[], Any]):
        self._connect = connect
        with self._connect() as con:
            con.execute(_SCHEMA)

    def add(self, post: Any) -> int:
        """Keep a new draft (a ``posts.Post``); its final text starts as the draft."""
        now = time.time()
        data = post.to_json()
        with self._connect() as con:
            cur = con.execute(
                "INSERT INTO post_history (created, updated, topic, topic_folded, channel, audience, draft,"
                " final, sources, llm) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (now, now, post.topic, fold(post.topic), post.channel, post.audience, post.text, post.text,
                 json.dumps(data["sources"], ensure_ascii=False), int(post.llm)))
            return int(cur.lastrowid)

    def save_final(self, entry_id: int, text: str) -> Entry | None:
        """The text the officer publishes (after editing in place); None when there is no such post."""
        with self._connect() as con:
            cur = con.execute("UPDATE post_history SET final = ?, updated = ? WHERE id = ?",
                              (text, time.time(), entry_id))
            if cur.rowcount == 0:
                return None
        return self.get(entry_id)

    def get(self, entry_id: int) -> Entry | None:
        with self._connect() as con:
            row = con.execute(f"SELECT {_COLUMNS} FROM post_history WHERE id = ?", (entry_id,)).fetchone()
        return _entry(row) if row else None

    def search(self, query: str = "", limit: int = 50) -> list[Entry]:
        """Newest first; ``query`` matches the topic without regard to diacritics or case."""
        words = fold(query).split()
        where = " AND ".join("topic_folded LIKE ?" for _ in words) or "1 = 1"
        params = [f"%{w}%" for w in words] + [max(1, min(limit, 500))]
        with self._connect() as con:
            rows = con.execute(f"SELECT {_COLUMNS} FROM post_history WHERE {where} ORDER BY id DESC LIMIT ?",
                               params).fetchall()
        return [_entry(r) for r in rows]


def _entry(row: tuple) -> Entry:
    i, created, updated, topic, channel, audience, draft, final, sources, llm = row
    return Entry(int(i), created, updated, topic, channel, audience, draft, final, json.loads(sources), bool(llm))
