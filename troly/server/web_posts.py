"""Review before publishing, on the admin page: ask for a post, edit it, keep what is published.

``POST /admin/api/posts`` ``{"topic", "channel", "audience"}`` writes a post (the same
``PostWriter`` as ``troly post`` and ``/bai``, with the LLM when one is configured) and keeps
it in the history; ``PUT /admin/api/posts/{id}`` ``{"text"}`` keeps the officer's final text;
``GET /admin/api/posts?q=...`` lists the history, newest first, searchable by topic. Same
guard, audit log and core thread as the rest of the admin API (``web_admin``).
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from troly.bot.posts.history import PostHistory
from troly.prompts import posts as P
from troly.server import web_admin as admin
from troly.server.json_body import loads_object

router = APIRouter()
MAX_TOPIC, MAX_TEXT = 200, 5000


def _history(request: Request) -> PostHistory | None:
    store = getattr(request.app.state, "post_history", None)
    kb = admin._kb(request)
    if store is None and kb is not None and hasattr(kb, "connect"):
        store = request.app.state.post_history = PostHistory(kb.connect)
    return store


async def _body(request: Request) -> dict | None:
    depth = getattr(admin._settings(request), "max_json_depth", 32)
    return loads_object(await request.body(), depth)


def _write(kb: Any, llm: Any, settings: Any, topic: str, channel: str, audience: str) -> Any:
    from troly.bot.posts import NoMaterial, PostWriter

    try:
        return PostWriter(kb, llm, settings).run(topic, channel, audience=audience)[0]
    except NoMaterial as exc:
        return str(exc)


@router.post("/admin/api/posts")
async def create_post(request: Request) -> Response:
    if (denied := admin._guard(request)) is not None:
        return denied
    kb, store = admin._kb(request), _history(request)
    if kb is None or store is None:
        return admin._error("no_kb", 503)
    data = await _body(request) or {}
    topic = " ".join(str(data.get("topic", "")).split())[:MAX_TOPIC]
    channel = str(data.get("channel", "zalo"))
    audience = str(data.get("audience", "dan"))
    if not topic or channel not in ("zalo", "facebook", "loa") or audience not in ("dan", "canbo"):
        return JSONResponse({"error": P.ADMIN_BAD_REQUEST}, status_code=400)
    llm = getattr(getattr(request.app.state, "engine", None), "llm", None)
    post = await admin._on_core(request, _write, kb, llm, admin._settings(request), topic, channel, audience)
    if isinstance(post, str):
        admin._record(request, "post_declined", topic=topic, channel=channel, audience=audience)
        return JSONResponse({"error": post}, status_code=422)
    entry_id = await admin.run_in_threadpool(store.add, post)
    admin._record(request, "post_created", id=entry_id, topic=topic, channel=channel, audience=audience)
    return JSONResponse({"entry": store.get(entry_id).to_json()})


@router.put("/admin/api/posts/{entry_id}")
async def save_post(request: Request, entry_id: int) -> Response:
    if (denied := admin._guard(request)) is not None:
        return denied
    store = _history(request)
    if store is None:
        return admin._error("no_kb", 503)
    data = await _body(request) or {}
    text = str(data.get("text", "")).strip()
    if not text or len(text) > MAX_TEXT:
        return JSONResponse({"error": P.ADMIN_BAD_TEXT.format(n=MAX_TEXT)}, status_code=400)
    entry = await admin.run_in_threadpool(store.save_final, entry_id, text)
    if entry is None:
        return admin._error("not_found", 404, ref=str(entry_id))
    admin._record(request, "post_saved", id=entry_id, edited=entry.edited)
    return JSONResponse({"entry": entry.to_json()})


@router.get("/admin/api/posts")
async def list_posts(request: Request, q: str = "", n: int = 50) -> Response:
    if (denied := admin._guard(request)) is not None:
        return denied
    store = _history(request)
    if store is None:
        return admin._error("no_kb", 503)
    entries = await admin.run_in_threadpool(store.search, q[:MAX_TOPIC], n)
    return JSONResponse({"entries": [e.to_json() for e in entries]})
