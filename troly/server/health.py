"""``GET /healthz``: what the IT officer (or a container's health check) reads.

It answers 200 once the knowledge base and answer engine are loaded (503 before), with
``status`` "ok" when every configured channel reaches its platform and "degraded" when one
does not, each channel's own state (mode, last successful poll or webhook call, last error),
the number of documents and the time of the last ingest.
"""
from __future__ import annotations

import asyncio
import logging
import sqlite3
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

log = logging.getLogger(__name__)
router = APIRouter()


def library_figures(kb: Any) -> dict[str, Any]:
    """Number of documents and time of the last ingest, read on a connection of their own (the
    KB's threads are never borrowed); None when the store cannot say."""
    try:
        conn = kb.connect()
        try:
            count, last = conn.execute("SELECT COUNT(*), MAX(ingested_at) FROM documents").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, AttributeError) as exc:
        log.debug("no document figures: %s", exc)
        return {"documents": None, "last_ingest": None}
    return {"documents": int(count), "last_ingest": last}


@router.get("/healthz")
async def healthz(request: Request) -> JSONResponse:
    state = request.app.state
    runner = getattr(state, "runner", None)
    channels: dict[str, Any] = {"web": {"mode": "http", "state": "running" if runner else "starting"}}
    statuses = getattr(state, "channel_statuses", {}) or {}
    for name, status in statuses.items():
        channels[name] = status.to_json()
    if runner is None:
        return JSONResponse({"ok": False, "status": "starting", "channels": channels}, status_code=503)
    figures = await asyncio.to_thread(library_figures, runner.core.services.kb)
    degraded = any(not s.reachable for s in statuses.values())
    return JSONResponse({"ok": True, "status": "degraded" if degraded else "ok", **figures, "channels": channels})
