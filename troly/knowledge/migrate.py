"""Bring a knowledge base written by an older version to the current schema, in one transaction.

Version 2 (issue 16) makes the schema refuse a document stored twice: one document per source
(``documents_source_unique``) and one per issuer|number|date (``documents_ident``). An older base
may hold the duplicates that two concurrent ingests left behind; before the constraints are
created they are removed, safely:

- rows with the same source: the newest write is kept (each write replaces the whole document);
- rows with the same identity and the same bytes (sha256): the first is kept;
- rows with the same identity but different bytes are two readings of one document that an older
  version kept apart: both stay, the later one without an identity, and a warning says so.

Several processes may open an old base at once: ``BEGIN IMMEDIATE`` lets one migrate while the
others wait, then find the work done.
"""
from __future__ import annotations

import logging
import sqlite3

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2


def _version(c: sqlite3.Connection) -> int:
    row = c.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    return int(row[0]) if row else 1


def _drop(c: sqlite3.Connection, doc_ids: list[str], why: str) -> None:
    from troly.knowledge.store import delete_rows

    for doc_id in doc_ids:
        log.warning("removing duplicate document %s (%s)", doc_id, why)
        delete_rows(c, doc_id)


def _same_source(c: sqlite3.Connection) -> int:
    """Delete all but the newest row of each source; -> rows deleted."""
    rows = c.execute(
        "SELECT rowid, id FROM documents d WHERE rowid < (SELECT MAX(rowid) FROM documents e WHERE e.source = d.source)"
    ).fetchall()
    _drop(c, [r[1] for r in rows], "the same source stored twice")
    return len(rows)


def _identities(c: sqlite3.Connection) -> int:
    """Fill ``ident`` from the stored facts; -> exact duplicates deleted."""
    from troly.knowledge.identity import identity
    from troly.knowledge.store import facts_from_json

    owner: dict[str, tuple[str, str]] = {}  # ident -> (doc id, sha256)
    exact: list[str] = []
    for doc_id, sha, raw in c.execute("SELECT id, sha256, facts FROM documents ORDER BY rowid").fetchall():
        ident = identity(facts_from_json(raw))
        if not ident:
            continue
        if ident not in owner:
            owner[ident] = (doc_id, sha)
            c.execute("UPDATE documents SET ident=? WHERE id=?", (ident, doc_id))
        elif owner[ident][1] == sha:
            exact.append(doc_id)
        else:
            log.warning("documents %s and %s have the same issuer, number and date but different texts; "
                        "both are kept (remove one with: troly remove ID)", owner[ident][0], doc_id)
    _drop(c, exact, "the same document and bytes stored twice")
    return len(exact)


def migrate(c: sqlite3.Connection) -> None:
    if _version(c) >= SCHEMA_VERSION:
        return
    c.execute("BEGIN IMMEDIATE")
    try:
        if _version(c) < SCHEMA_VERSION:  # another process may have done it while this one waited
            if "ident" not in {r[1] for r in c.execute("PRAGMA table_info(documents)")}:
                c.execute("ALTER TABLE documents ADD COLUMN ident TEXT NOT NULL DEFAULT ''")
            dropped = _same_source(c) + _identities(c)
            c.execute("DROP INDEX IF EXISTS documents_source")
            c.execute("CREATE UNIQUE INDEX IF NOT EXISTS documents_source_unique ON documents(source)")
            c.execute("CREATE UNIQUE INDEX IF NOT EXISTS documents_ident ON documents(ident) WHERE ident != ''")
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            if dropped:
                from troly.knowledge.store import bump

                bump(c)
        c.execute("COMMIT")
    except BaseException:
        c.execute("ROLLBACK")
        raise
