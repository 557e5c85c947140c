"""SQLite: the one source of truth of the knowledge base.

Chroma and the BM25 index are derived from the rows here and can always be rebuilt from
them; a chunk id that is not in SQLite does not exist. Every document is written in ONE
transaction (old rows deleted and new rows inserted together, generation bumped), so a crash
mid-ingest leaves the previous state intact. The ``meta.generation`` counter lets derived
indexes (and other processes sharing the file) notice that they are stale.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from troly.models import Assignment, Chunk, Citation, Document, Facts, Section
from troly.vn import find_numbers

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL, key TEXT NOT NULL DEFAULT '',
    facts TEXT NOT NULL, text TEXT NOT NULL, original TEXT NOT NULL DEFAULT '',
    ingested_at TEXT NOT NULL, ident TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE TABLE IF NOT EXISTS superseded (
    source TEXT PRIMARY KEY, sha256 TEXT NOT NULL, doc_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, section TEXT NOT NULL, text TEXT NOT NULL,
    refs TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS citations (
    doc_id TEXT NOT NULL, ordinal INTEGER NOT NULL, key TEXT NOT NULL, number TEXT NOT NULL,
    type TEXT, date TEXT, date_text TEXT, issuer TEXT, subject TEXT, start INTEGER, "end" INTEGER
);
CREATE INDEX IF NOT EXISTS citations_doc ON citations(doc_id);
CREATE TABLE IF NOT EXISTS sections (
    doc_id TEXT NOT NULL, ordinal INTEGER NOT NULL, label TEXT, heading TEXT, level INTEGER,
    start INTEGER, "end" INTEGER, path TEXT
);
CREATE INDEX IF NOT EXISTS sections_doc ON sections(doc_id);
CREATE TABLE IF NOT EXISTS assignments (
    doc_id TEXT NOT NULL, ordinal INTEGER NOT NULL, agency TEXT, role TEXT, task TEXT,
    deadline_text TEXT, deadline_date TEXT, section TEXT, start INTEGER, "end" INTEGER,
    coordinators TEXT
);
CREATE INDEX IF NOT EXISTS assignments_doc ON assignments(doc_id);
CREATE TABLE IF NOT EXISTS embedding_cache (
    model TEXT NOT NULL, hash TEXT NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (model, hash)
) WITHOUT ROWID;
"""

_CHILD_TABLES = ("chunks", "citations", "sections", "assignments")


def chunk_refs(text: str) -> str:
    """Normalized document numbers a chunk mentions, space-separated (for the number boost)."""
    return " ".join(sorted({r.key for r in find_numbers(text)}))


def facts_to_json(facts: Facts) -> str:
    return json.dumps(asdict(facts), ensure_ascii=False)


def facts_from_json(raw: str) -> Facts:
    data = json.loads(raw or "{}")
    cites = [Citation(**c) for c in data.pop("cites", [])]
    known = Facts.__dataclass_fields__
    return Facts(**{k: v for k, v in data.items() if k in known}, cites=cites)


class Store:
    """Thin typed access to the SQLite file; one connection per Store (one per thread)."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.executescript(SCHEMA)
        self.conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('generation', '0')")
        self.conn.commit()
        from troly.knowledge.migrate import migrate

        migrate(self.conn)

    def connect(self) -> sqlite3.Connection:
        """A new connection to the same file (other areas keep their own tables in it)."""
        conn = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        return conn

    def close(self) -> None:
        self.conn.close()

    # --- reads -----------------------------------------------------------------------
    def generation(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return int(row[0]) if row else 0

    def count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def by_source(self, source: str) -> tuple[str, str] | None:
        """(id, sha256) of the document ingested from ``source``."""
        row = self.conn.execute("SELECT id, sha256 FROM documents WHERE source=?", (source,)).fetchone()
        return (row[0], row[1]) if row else None

    def sources(self) -> list[tuple[str, str]]:
        """(source, sha256) of every document."""
        return [(r[0], r[1]) for r in self.conn.execute("SELECT source, sha256 FROM documents ORDER BY source")]

    def by_sha(self, sha256: str) -> str | None:
        row = self.conn.execute("SELECT id FROM documents WHERE sha256=? LIMIT 1", (sha256,)).fetchone()
        return row[0] if row else None

    def by_ident(self, ident: str) -> str | None:
        """The document that is this issuer|number|date (see ``identity``)."""
        if not ident:
            return None
        row = self.conn.execute("SELECT id FROM documents WHERE ident=?", (ident,)).fetchone()
        return row[0] if row else None

    def superseded(self, source: str) -> tuple[str, str] | None:
        """(sha256, doc id) of a file whose document another file of the same document replaced."""
        row = self.conn.execute("SELECT sha256, doc_id FROM superseded WHERE source=?", (source,)).fetchone()
        return (row[0], row[1]) if row else None

    def superseded_sources(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.conn.execute("SELECT source, sha256 FROM superseded ORDER BY source")]

    def source_of(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT source FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row[0] if row else None

    def doc_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def keys(self) -> dict[str, str]:
        """doc id -> normalized own number ('' when blank)."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT id, key FROM documents")}

    def all_facts(self) -> dict[str, Facts]:
        return {r[0]: facts_from_json(r[1]) for r in self.conn.execute("SELECT id, facts FROM documents")}

    def chunk_ids(self, doc_id: str | None = None) -> list[str]:
        if doc_id is None:
            return [r[0] for r in self.conn.execute("SELECT id FROM chunks")]
        return [r[0] for r in self.conn.execute("SELECT id FROM chunks WHERE doc_id=?", (doc_id,))]

    def iter_chunks(self) -> list[tuple[Chunk, str]]:
        """Every chunk with its refs string, in a stable order (the lexical index's row order)."""
        rows = self.conn.execute(
            'SELECT id, doc_id, ordinal, start, "end", section, text, refs FROM chunks ORDER BY doc_id, ordinal'
        )
        return [(Chunk(r[0], r[1], r[6], r[3], r[4], r[5], r[2]), r[7]) for r in rows]

    def chunks_by_ids(self, ids: list[str]) -> list[Chunk]:
        out: list[Chunk] = []
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            q = 'SELECT id, doc_id, ordinal, start, "end", section, text FROM chunks WHERE id IN (%s)'
            rows = self.conn.execute(q % ",".join("?" * len(part)), part)
            out.extend(Chunk(r[0], r[1], r[6], r[3], r[4], r[5], r[2]) for r in rows)
        return out

    def get(self, doc_id: str) -> Document | None:
        row = self.conn.execute(
            "SELECT id, source, sha256, facts, text, original FROM documents WHERE id=?", (doc_id,)
        ).fetchone()
        if row is None:
            return None
        doc = Document(id=row[0], source=row[1], sha256=row[2], text=row[4], original=row[5],
                       facts=facts_from_json(row[3]))
        c = self.conn
        doc.chunks = [Chunk(r[0], doc_id, r[5], r[2], r[3], r[4], r[1]) for r in c.execute(
            'SELECT id, ordinal, start, "end", section, text FROM chunks WHERE doc_id=? ORDER BY ordinal', (doc_id,))]
        doc.sections = [Section(r[0], r[1], r[2], r[3], r[4], json.loads(r[5] or "[]")) for r in c.execute(
            'SELECT label, heading, level, start, "end", path FROM sections WHERE doc_id=? ORDER BY ordinal', (doc_id,))]
        doc.assignments = [self._assignment(r) for r in c.execute(
            'SELECT agency, role, task, deadline_text, deadline_date, section, start, "end", coordinators '
            "FROM assignments WHERE doc_id=? ORDER BY ordinal", (doc_id,))]
        return doc

    @staticmethod
    def _assignment(r: tuple) -> Assignment:
        return Assignment(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5] or "", r[6] or 0, r[7] or 0,
                          json.loads(r[8] or "[]"))

    def assignments(self, doc_id: str | None = None) -> list[tuple[str, Assignment]]:
        q = ('SELECT doc_id, agency, role, task, deadline_text, deadline_date, section, start, "end", '
             "coordinators FROM assignments")
        rows = self.conn.execute(q + " WHERE doc_id=? ORDER BY ordinal", (doc_id,)) if doc_id else \
            self.conn.execute(q + " ORDER BY doc_id, ordinal")
        return [(r[0], self._assignment(r[1:])) for r in rows]

    def cached_vectors(self, model: str, hashes: list[str]) -> dict[str, bytes]:
        """Embeddings already computed by ``model`` for these text hashes (derived data)."""
        out: dict[str, bytes] = {}
        for i in range(0, len(hashes), 500):  # SQLite caps the number of bound parameters
            part = hashes[i:i + 500]
            rows = self.conn.execute(
                f"SELECT hash, vector FROM embedding_cache WHERE model=? AND hash IN ({','.join('?' * len(part))})",
                [model, *part]).fetchall()
            out.update(rows)
        return out

    # --- writes ----------------------------------------------------------------------
    def cache_vectors(self, model: str, items: list[tuple[str, bytes]]) -> None:
        with self.conn as c:
            c.executemany("INSERT OR REPLACE INTO embedding_cache(model, hash, vector) VALUES (?,?,?)",
                          [(model, h, v) for h, v in items])

    def prune_vectors(self, model: str, keep: set[str]) -> int:
        """Drop cached embeddings of other models and of texts not in ``keep``; -> rows dropped."""
        with self.conn as c:
            dropped = c.execute("DELETE FROM embedding_cache WHERE model != ?", (model,)).rowcount
            gone = [(model, h) for (h,) in c.execute("SELECT hash FROM embedding_cache WHERE model=?", (model,))
                    if h not in keep]
            c.executemany("DELETE FROM embedding_cache WHERE model=? AND hash=?", gone)
        return dropped + len(gone)

    def replace(self, doc: Document, old_id: str | None = None, ident: str = "") -> int:
        """Write ``doc`` (deleting ``old_id`` and ``doc.id`` first) in one transaction.

        ``ident`` is the document's issuer|number|date (unique among documents, "" for none).
        When ``old_id`` came from another file, that file is remembered as superseded. Returns
        the new generation. Nothing is visible to readers until the commit.
        """
        c = self.conn
        with c:  # BEGIN ... COMMIT, ROLLBACK on any exception
            old = c.execute("SELECT source, sha256 FROM documents WHERE id=?", (old_id,)).fetchone() if old_id else None
            for did in {doc.id, old_id} - {None}:
                delete_rows(c, did, keep_superseded=True)
            if old and old[0] != doc.source:
                c.execute("INSERT OR REPLACE INTO superseded(source, sha256, doc_id) VALUES (?,?,?)",
                          (old[0], old[1], doc.id))
            c.execute("DELETE FROM superseded WHERE source=?", (doc.source,))
            if old_id and old_id != doc.id:
                c.execute("UPDATE superseded SET doc_id=? WHERE doc_id=?", (doc.id, old_id))
            c.execute(
                "INSERT INTO documents(id, source, sha256, key, facts, text, original, ingested_at, ident) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.source, doc.sha256, doc.facts.key, facts_to_json(doc.facts), doc.text,
                 doc.original, datetime.now(timezone.utc).isoformat(timespec="seconds"), ident),
            )
            c.executemany(
                'INSERT INTO chunks(id, doc_id, ordinal, start, "end", section, text, refs) VALUES (?,?,?,?,?,?,?,?)',
                [(ch.id, doc.id, ch.ordinal, ch.start, ch.end, ch.section, ch.text, chunk_refs(ch.text))
                 for ch in doc.chunks],
            )
            c.executemany(
                'INSERT INTO citations VALUES (?,?,?,?,?,?,?,?,?,?,?)',
                [(doc.id, i, ct.key, ct.number, ct.type, ct.date, ct.date_text, ct.issuer, ct.subject,
                  ct.start, ct.end) for i, ct in enumerate(doc.facts.cites)],
            )
            c.executemany(
                'INSERT INTO sections VALUES (?,?,?,?,?,?,?,?)',
                [(doc.id, i, s.label, s.heading, s.level, s.start, s.end, json.dumps(s.path, ensure_ascii=False))
                 for i, s in enumerate(doc.sections)],
            )
            c.executemany(
                'INSERT INTO assignments VALUES (?,?,?,?,?,?,?,?,?,?,?)',
                [(doc.id, i, a.agency, a.role, a.task, a.deadline_text, a.deadline_date, a.section, a.start,
                  a.end, json.dumps(a.coordinators, ensure_ascii=False)) for i, a in enumerate(doc.assignments)],
            )
            return bump(c)

    def delete(self, doc_id: str) -> int:
        with self.conn as c:
            delete_rows(c, doc_id)
            return bump(c)


def delete_rows(c: sqlite3.Connection, doc_id: str, keep_superseded: bool = False) -> None:
    """Every row of one document (its superseded files too, unless it is being rewritten)."""
    for table in _CHILD_TABLES + (() if keep_superseded else ("superseded",)):
        c.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))
    c.execute("DELETE FROM documents WHERE id=?", (doc_id,))


def bump(c: sqlite3.Connection) -> int:
    """Advance the generation (derived indexes and other processes see the change)."""
    c.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
    return int(c.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0])
