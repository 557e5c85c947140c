"""The admin page (``/admin``) and its JSON API (``/admin/api/...``).

Off unless ``TROLY_ADMIN_TOKEN`` is set: without a token every admin route answers 404, so
a default install exposes nothing. Access is a login form that sets an HttpOnly session
cookie (see ``web_auth``), or ``Authorization: Bearer <token>`` for scripts. Uploads go
through ``KnowledgeBase.ingest_file``, the same path the bots use, and every action is
written to the audit log (``AdminLog``).
"""
from __future__ import annotations

import dataclasses
import logging
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from troly.prompts import web as text
from troly.server import web_auth
from troly.server.admin_log import AdminLog
from troly.server.client_address import client_of
from troly.server.web_render import page_response, render_page

log = logging.getLogger(__name__)

ALLOWED_SUFFIXES = (".docx", ".pdf", ".txt", ".md")
MAX_UPLOAD_MB = 25
_UNSAFE_NAME = re.compile(r"[^\w.\- ()]+", re.UNICODE)

router = APIRouter()


# --- plumbing -------------------------------------------------------------------------------

def _settings(request: Request) -> Any:
    settings = getattr(request.app.state, "settings", None)
    if settings is None:
        from troly.config import Settings

        settings = request.app.state.settings = Settings.from_env()
    return settings


def _token(request: Request) -> str:
    return getattr(_settings(request), "admin_token", "") or ""


def _client(request: Request) -> str:
    return client_of(request)  # X-Forwarded-For only from TROLY_TRUSTED_PROXIES


def _error(key: str, status: int, **fmt: Any) -> JSONResponse:
    return JSONResponse({"error": text.ERRORS[key].format(**fmt)}, status_code=status)


def _audit(request: Request) -> AdminLog | None:
    audit = getattr(request.app.state, "admin_log", None)
    kb = getattr(request.app.state, "kb", None)
    if audit is None and kb is not None:
        audit = request.app.state.admin_log = AdminLog(kb.connect)
    return audit


def _record(request: Request, action: str, **detail: Any) -> None:
    audit = _audit(request)
    if audit is None:
        log.warning("admin %s by %s (no knowledge base for the audit table): %s", action, _client(request), detail)
        return
    audit.record(action, _client(request), **detail)


def _throttle(request: Request) -> web_auth.LoginThrottle:
    throttle = getattr(request.app.state, "admin_throttle", None)
    if throttle is None:
        throttle = request.app.state.admin_throttle = web_auth.LoginThrottle()
    return throttle


def _guard(request: Request) -> Response | None:
    """None when the request may use the admin API, else the refusal to send.

    No token configured: 404 (the feature does not exist). Bearer token: 403 when wrong.
    Cookie: 401 when missing/expired; changes from another origin: 403.
    """
    token = _token(request)
    if not token:
        return JSONResponse({"detail": "Not Found"}, status_code=404)
    given = web_auth.bearer(request.headers.get("authorization"))
    if given is not None:
        return None if web_auth.token_matches(given, token) else _error("forbidden", 403)
    if not web_auth.session_valid(request.cookies.get(web_auth.COOKIE, ""), token):
        return _error("unauthorized", 401)
    if request.method not in ("GET", "HEAD") and not web_auth.same_origin(
        request.headers.get("origin"), request.headers.get("host")
    ):
        return _error("bad_origin", 403)
    return None


def _kb(request: Request) -> Any:
    return getattr(request.app.state, "kb", None)


async def _on_core(request: Request, fn: Any, *args: Any) -> Any:
    """Run a knowledge-base call where the KB lives: on the core's one worker thread when
    ``troly serve`` has a runner (the KB is not shared between threads), else in a thread."""
    runner = getattr(request.app.state, "runner", None)
    if runner is not None:
        return await runner.run(fn, *args)
    return await run_in_threadpool(fn, *args)


def _plain(obj: Any) -> Any:
    """Dataclasses, dicts and objects of other areas as JSON-ready values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return jsonable_encoder(dataclasses.asdict(obj))
    if isinstance(obj, dict):
        return jsonable_encoder(obj)
    if hasattr(obj, "__dict__"):
        return jsonable_encoder({k: v for k, v in vars(obj).items() if not k.startswith("_")})
    return jsonable_encoder(obj)


def document_json(doc: Any) -> dict[str, Any]:
    """What the admin table shows of a document: facts and repair status, not the text."""
    f = doc.facts
    return {
        "id": doc.id,
        "label": doc.label,
        "source": Path(doc.source).name if doc.source else "",
        "type": f.type, "number": f.number, "key": f.key, "date": f.date, "date_text": f.date_text,
        "issuer": f.issuer, "title": f.title, "signer": f.signer, "unread": f.unread(),
        "damaged": round(float(f.damaged or 0.0), 4), "repaired": bool(f.repaired),
        "repair_confidence": round(float(f.repair_confidence or 0.0), 4),
        "sections": len(doc.sections), "chunks": len(doc.chunks), "assignments": len(doc.assignments),
    }


# --- pages ----------------------------------------------------------------------------------

def _root(request: Request) -> str:
    """The mount prefix behind a proxy (``--root-path``), so the admin pages' links hold
    wherever the login form posted to."""
    return str(request.scope.get("root_path", "")).rstrip("/")


def _login_page(request: Request, failed: str = "", status: int = 200) -> HTMLResponse:
    extra = {"error": failed, "error_class": "" if failed else "hidden", "root": _root(request)}
    body = render_page("login.html", {}, extra)
    return page_response(body, status=status, frames="'none'")


@router.get("/admin", response_class=HTMLResponse, include_in_schema=False)
def admin_page(request: Request) -> Response:
    token = _token(request)
    if not token:
        return JSONResponse({"detail": "Not Found"}, status_code=404)
    if not web_auth.session_valid(request.cookies.get(web_auth.COOKIE, ""), token):
        return _login_page(request)
    from troly.prompts import posts as post_text  # the review-before-publishing card

    strings = {**text.ADMIN_JS, **post_text.ADMIN_POSTS_JS}
    extra = {"root": _root(request), **post_text.ADMIN_POSTS_PAGE}
    return page_response(render_page("admin.html", strings, extra), frames="'none'")


@router.post("/admin/login", include_in_schema=False)
def admin_login(request: Request, token: str = Form("")) -> Response:
    expected = _token(request)
    if not expected:
        return JSONResponse({"detail": "Not Found"}, status_code=404)
    client = _client(request)
    throttle = _throttle(request)
    if throttle.blocked(client):
        _record(request, "login_blocked")
        return _login_page(request, text.ERRORS["too_many_logins"], status=429)
    if not web_auth.token_matches(token.strip(), expected):
        throttle.failed(client)
        _record(request, "login_failed")
        return _login_page(request, text.PAGE["login_failed"], status=401)
    throttle.succeeded(client)
    _record(request, "login")
    resp = RedirectResponse(_root(request) + "/admin", status_code=303)
    resp.set_cookie(
        web_auth.COOKIE, web_auth.make_session(expected), max_age=web_auth.SESSION_SECONDS,
        path=web_auth.COOKIE_PATH, httponly=True, samesite="strict", secure=request.url.scheme == "https",
    )
    return resp


@router.post("/admin/logout", include_in_schema=False)
def admin_logout(request: Request) -> Response:
    if (denied := _guard(request)) is not None:
        return denied
    _record(request, "logout")
    resp = RedirectResponse(_root(request) + "/admin", status_code=303)
    resp.delete_cookie(web_auth.COOKIE, path=web_auth.COOKIE_PATH)
    return resp


# --- API ------------------------------------------------------------------------------------

@router.get("/admin/api/documents")
async def list_documents(request: Request) -> Response:
    if (denied := _guard(request)) is not None:
        return denied
    kb = _kb(request)
    if kb is None:
        return _error("no_kb", 503)
    docs = await _on_core(request, kb.documents)
    docs = sorted(docs, key=lambda d: (d.facts.date or "", d.id), reverse=True)
    return JSONResponse({"documents": [document_json(d) for d in docs]})


def _safe_name(filename: str) -> str:
    name = Path(filename.replace("\\", "/")).name.strip()
    name = _UNSAFE_NAME.sub("_", name).strip(" .")
    return name[:150] or "upload"


@router.post("/admin/api/documents")
async def upload_document(request: Request, file: UploadFile | None = File(None)) -> Response:
    if (denied := _guard(request)) is not None:
        return denied
    kb = _kb(request)
    if kb is None:
        return _error("no_kb", 503)
    if file is None or not file.filename:
        return _error("no_file", 400)
    name = _safe_name(file.filename)
    if Path(name).suffix.lower() not in ALLOWED_SUFFIXES:
        return _error("bad_type", 415)
    from troly.ingest.errors import IngestError

    limit = MAX_UPLOAD_MB * 1024 * 1024
    with tempfile.TemporaryDirectory(prefix="troly-upload-") as tmp:
        path = Path(tmp) / name
        size = 0
        with path.open("wb") as out:
            while chunk := await file.read(1024 * 1024):
                size += len(chunk)
                if size > limit:
                    return _error("too_big", 413, mb=MAX_UPLOAD_MB)
                out.write(chunk)
        if size == 0:
            return _error("empty_file", 400)
        try:
            status, doc = await _on_core(request, kb.ingest_file, path, name)
        except IngestError as exc:
            _record(request, "upload_failed", file=name, reason=getattr(exc, "reason", str(exc)))
            return _error("ingest_failed", 422, reason=getattr(exc, "reason", str(exc)))
    _record(request, "upload", file=name, status=status, doc_id=doc.id, label=doc.label, bytes=size)
    return JSONResponse({"status": status, "document": document_json(doc)})


@router.delete("/admin/api/documents/{ref:path}")
async def remove_document(request: Request, ref: str) -> Response:
    if (denied := _guard(request)) is not None:
        return denied
    kb = _kb(request)
    if kb is None:
        return _error("no_kb", 503)
    ref = ref.strip()
    if not ref:
        return _error("empty_ref", 400)
    removed = await _on_core(request, kb.remove, ref)
    if not removed:
        return _error("not_found", 404, ref=ref)
    _record(request, "remove", ref=ref, removed=list(removed))
    return JSONResponse({"removed": list(removed)})


def _feedback(request: Request) -> Any:
    store = getattr(request.app.state, "feedback", None)
    kb = _kb(request)
    if store is None and kb is not None:
        try:
            from troly.bot.feedback import FeedbackStore
        except ImportError:
            return None
        store = request.app.state.feedback = FeedbackStore(kb.connect)
    return store


@router.get("/admin/api/questions")
async def recent_questions(request: Request, n: int = 50) -> Response:
    if (denied := _guard(request)) is not None:
        return denied
    store = _feedback(request)
    if store is None:
        return _error("unavailable", 503)
    recent = await run_in_threadpool(store.recent, max(1, min(n, 500)))
    counts = await run_in_threadpool(store.counts)
    return JSONResponse({"questions": [_plain(e) for e in recent], "counts": _plain(counts)})


@router.get("/admin/api/deadlines")
async def deadlines(request: Request) -> Response:
    if (denied := _guard(request)) is not None:
        return denied
    kb = _kb(request)
    if kb is None:
        return _error("no_kb", 503)
    try:
        from troly.bot.tracking.deadlines import list_deadlines
    except ImportError:
        return _error("unavailable", 503)
    today = date.today()
    rows = await _on_core(request, list_deadlines, kb, today)
    return JSONResponse({"today": today.isoformat(), "deadlines": [_plain(d) for d in rows]})


@router.get("/admin/api/log")
async def admin_log(request: Request, n: int = 50) -> Response:
    if (denied := _guard(request)) is not None:
        return denied
    audit = _audit(request)
    if audit is None:
        return _error("no_kb", 503)
    entries = await run_in_threadpool(audit.recent, max(1, min(n, 500)))
    return JSONResponse({"entries": [e.to_json() for e in entries]})


# Review before publishing (``web_posts``) uses this module's guard and helpers.
from troly.server import web_posts as _web_posts  # noqa: E402

router.include_router(_web_posts.router)
