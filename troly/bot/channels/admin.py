"""Admin actions of the conversation core: ingest an uploaded file, remove a document, stats.

Uploads are checked before they are downloaded (``refuse_upload``) so that a non-admin's
file is never fetched nor ingested.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from troly.prompts import channels as P

from .replies import Incoming, Reply

log = logging.getLogger(__name__)

ALLOWED = (".docx", ".pdf", ".txt")
MAX_BYTES = 20 * 1024 * 1024  # Telegram bots cannot download larger files anyway


def refuse_upload(s: Any, msg: Incoming) -> list[Reply] | None:
    if not s.settings.is_admin(msg.channel, msg.user_id):
        log.info("refused an upload from non-admin %s:%s", msg.channel, msg.user_id)
        return [Reply(text=P.FILE_REFUSED)]
    if Path(msg.file_name or "").suffix.lower() not in ALLOWED:
        return [Reply(text=P.FILE_TYPE)]
    if msg.file_size and msg.file_size > MAX_BYTES:
        return [Reply(text=P.FILE_TOO_BIG.format(mb=MAX_BYTES // (1024 * 1024)))]
    return None


def ingest_upload(s: Any, msg: Incoming) -> list[Reply]:
    refusal = refuse_upload(s, msg)
    if refusal is not None:
        return refusal
    if msg.file_path is None:
        return [Reply(text=P.ERROR)]
    from troly.ingest.errors import IngestError

    name = msg.file_name or msg.file_path.name
    try:
        status, doc = s.kb.ingest_file(Path(msg.file_path), name)
    except IngestError as exc:
        return [Reply(text=P.INGEST_FAILED.format(name=name, reason=exc.reason))]
    refresh = getattr(s.engine, "refresh", None)
    if callable(refresh):  # an engine that caches the document list learns about the new one
        refresh()
    return [summary(status, doc)]


def summary(status: str, doc: Any) -> Reply:
    f = doc.facts
    lines = []
    for attr, label in P.INGEST_FACTS:
        value = getattr(f, attr, "") or ""
        if attr == "date" and getattr(f, "date_text", ""):
            value = f.date_text
        if value:
            lines.append(f"{label}: {value}")
    lines.append(P.INGEST_COUNTS.format(sections=len(doc.sections), assignments=len(doc.assignments)))
    lines.append(P.INGEST_READY)
    return Reply(title=f"{P.INGEST_STATUS.get(status, status)}: {doc.label}", text="\n".join(lines))


def remove(s: Any, ref: str) -> list[Reply]:
    if not ref:
        return [Reply(text=P.REMOVE_USAGE)]
    removed = s.kb.remove(ref)
    if not removed:
        return [Reply(text=P.REMOVE_NONE.format(ref=ref))]
    refresh = getattr(s.engine, "refresh", None)
    if callable(refresh):
        refresh()
    return [Reply(text=P.REMOVED.format(ids=", ".join(removed)))]


def stats(s: Any) -> list[Reply]:
    c = s.feedback.counts()
    channels = ", ".join(f"{k}: {v}" for k, v in sorted(c["by_channel"].items())) or "–"
    text = P.STATS.format(questions=c["questions"], up=c["up"], down=c["down"], channels=channels)
    try:
        text += "\n" + P.DOCS_HEADING.format(n=len(s.kb.documents())).rstrip(":")
    except Exception:  # stats must not fail because the KB is busy
        log.exception("could not count documents")
    return [Reply(text=text)]
