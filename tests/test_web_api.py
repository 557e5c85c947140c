"""The web area over HTTP (FastAPI TestClient): chat page and widget, the JSON API's refusals
of bad input, and the admin page/API behind TROLY_ADMIN_TOKEN. The app is the real
``create_app`` with an in-memory knowledge base and a quoting engine (tests/web_fakes.py)."""
from __future__ import annotations

import re
import sqlite3
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from troly.config import Settings
from troly.server import web_auth
from troly.server.admin_log import AdminLog
from troly.vn import has_diacritics

from web_fakes import MemoryKB, QuoteEngine, text_document

import troly.server.app as app_mod
import troly.bot.channels.core as core_mod
import troly.bot.feedback as feedback_mod

TOKEN = "s3cret-admin-token-for-tests"
DOC_TEXT = "Kế hoạch tuyên truyền về chuyển đổi số.\n\nỦy ban nhân dân xã báo cáo kết quả trước ngày 15/5/2025."


def _app(tmp_path: Path, token: str = TOKEN):
    settings = Settings(data_dir=tmp_path, admin_token=token, rate_limit=1000)
    kb = MemoryKB(tmp_path / "troly.sqlite3")
    kb.add(text_document("kh-1", DOC_TEXT, "kh-1.txt", number="KH-1", title="Tuyên truyền chuyển đổi số"))

    def core():
        services = core_mod.Services(engine=QuoteEngine(kb), kb=kb, settings=settings,
                                     feedback=feedback_mod.FeedbackStore(kb.connect))
        return core_mod.ConversationCore(services)

    return app_mod.create_app(settings, core_factory=core, telegram=False, zalo=False), kb


@pytest.fixture
def client(tmp_path):
    app, kb = _app(tmp_path)
    with TestClient(app) as c:
        c.kb = kb
        yield c


@pytest.fixture
def bearer():
    return {"Authorization": f"Bearer {TOKEN}"}


def _vietnamese_error(resp) -> str:
    msg = resp.json()["error"]
    assert isinstance(msg, str) and has_diacritics(msg), msg
    return msg


# --- chat page and widget --------------------------------------------------------------------

def test_chat_page_is_vietnamese_accessible_and_locked_down(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert '<html lang="vi">' in page
    assert 'role="log"' in page and 'aria-live="polite"' in page
    assert '<label for="q"' in page and 'maxlength="2000"' in page
    assert "{{" not in page  # every placeholder filled
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    # strings for the script are JSON that cannot close the script element
    blob = re.search(r'<script id="troly-strings" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert "Trợ lý" in blob and "</" not in blob
    assert 'class="embed"' in client.get("/?embed=1").text
    assert 'class="embed"' not in page


def test_assets_are_served_by_name_only(client):
    for name, kind in (("chat.js", "javascript"), ("chat.css", "text/css"), ("admin.js", "javascript"),
                       ("icon.svg", "image/svg+xml")):
        r = client.get(f"/assets/{name}")
        assert r.status_code == 200 and kind in r.headers["content-type"], name
    assert client.get("/assets/index.html").status_code == 404  # templates are not assets
    assert client.get("/assets/nope.js").status_code == 404
    assert client.get("/assets/..%2Fweb.py").status_code == 404
    assert client.get("/assets/.hidden.js").status_code == 404


def test_chat_script_never_renders_server_text_as_html(client):
    js = client.get("/assets/chat.js").text + client.get("/assets/admin.js").text
    assert not re.search(r"\.(inner|outer)HTML\b|insertAdjacentHTML|document\.write|\beval\(", js)
    assert "textContent" in js


def test_widget_is_one_script_with_its_strings(client):
    r = client.get("/widget.js")
    assert r.status_code == 200 and "javascript" in r.headers["content-type"]
    body = r.text
    assert "__TROLY_STRINGS__" not in body
    assert "Mở trợ lý" in body and "?embed=1" in body and "attachShadow" in body


# --- the JSON API refuses bad input clearly ---------------------------------------------------

@pytest.mark.parametrize("body,kwargs,status", [
    ("not json at all", {"headers": {"Content-Type": "application/json"}}, 400),
    (None, {"json": {"q": "", "conversation_id": "t"}}, 400),
    (None, {"json": {"q": "   ", "conversation_id": "t"}}, 400),
    (None, {"json": {"conversation_id": "t"}}, 400),
    (None, {"json": ["q"]}, 400),
    (None, {"json": {"q": "a" * 2001, "conversation_id": "t"}}, 413),
])
def test_ask_rejects_bad_input_with_a_vietnamese_message(client, body, kwargs, status):
    r = client.post("/api/ask", content=body, **kwargs) if body else client.post("/api/ask", **kwargs)
    assert r.status_code == status
    _vietnamese_error(r)


def test_ask_answers_with_sources_and_an_id_for_feedback(client):
    r = client.post("/api/ask", json={"q": "Ai báo cáo kết quả?", "conversation_id": "tab-1"})
    assert r.status_code == 200
    data = r.json()
    assert data["abstained"] is False and data["sources"][0]["quote"].startswith("Ủy ban nhân dân xã")
    assert {"answer", "abstained", "intent", "sources", "id"} <= set(data)
    vote = {"id": data["id"], "vote_token": data["vote_token"]}
    assert client.post("/api/feedback", json={**vote, "vote": 1}).status_code == 200
    bad = client.post("/api/feedback", json={**vote, "vote": 5})
    assert bad.status_code == 400
    _vietnamese_error(bad)


# --- admin: off without a token ---------------------------------------------------------------

def test_admin_is_off_without_a_token(tmp_path):
    app, _ = _app(tmp_path, token="")
    with TestClient(app) as c:
        assert c.get("/admin").status_code == 404
        assert c.post("/admin/login", data={"token": ""}).status_code == 404
        assert c.get("/admin/api/documents").status_code == 404
        assert c.get("/admin/api/documents", headers={"Authorization": "Bearer "}).status_code == 404
        assert c.delete("/admin/api/documents/kh-1", headers={"Authorization": "Bearer x"}).status_code == 404


@pytest.mark.parametrize("method,path", [
    ("get", "/admin/api/documents"), ("post", "/admin/api/documents"), ("delete", "/admin/api/documents/kh-1"),
    ("get", "/admin/api/questions"), ("get", "/admin/api/deadlines"), ("get", "/admin/api/log"),
])
def test_admin_api_refuses_without_the_token(client, method, path):
    r = getattr(client, method)(path)
    assert r.status_code == 401
    _vietnamese_error(r)
    wrong = getattr(client, method)(path, headers={"Authorization": "Bearer wrong-token"})
    assert wrong.status_code == 403
    _vietnamese_error(wrong)
    assert "kh-1" in client.kb.docs  # nothing was removed


def test_admin_page_shows_login_until_logged_in(client):
    r = client.get("/admin")
    assert r.status_code == 200 and 'type="password"' in r.text and "upload-form" not in r.text
    assert r.headers["x-frame-options"] == "DENY"
    bad = client.post("/admin/login", data={"token": "nope"}, follow_redirects=False)
    assert bad.status_code == 401 and "không đúng" in bad.text
    assert web_auth.COOKIE not in bad.cookies


def test_login_sets_an_httponly_cookie_that_is_not_the_token(client):
    r = client.post("/admin/login", data={"token": TOKEN}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/admin"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower() and "Path=/admin" in cookie
    assert TOKEN not in cookie
    page = client.get("/admin")
    assert "upload-form" in page.text and 'type="password"' not in page.text
    assert client.get("/admin/api/documents").status_code == 200  # the cookie works for the API
    # a change requested by another site with the cookie is refused
    cross = client.delete("/admin/api/documents/kh-1", headers={"Origin": "https://evil.example"})
    assert cross.status_code == 403 and "kh-1" in client.kb.docs
    client.post("/admin/logout", follow_redirects=False)
    assert client.get("/admin/api/documents").status_code == 401


def test_sessions_expire_and_cannot_be_forged():
    value = web_auth.make_session(TOKEN, now=1000.0, ttl=60)
    assert web_auth.session_valid(value, TOKEN, now=1059.0)
    assert not web_auth.session_valid(value, TOKEN, now=1061.0)
    assert not web_auth.session_valid(value, "another-token", now=1001.0)
    exp, sig = value.split(".")
    assert not web_auth.session_valid(f"{int(exp) + 9999}.{sig}", TOKEN, now=1001.0)
    assert not web_auth.session_valid("garbage", TOKEN)


def test_repeated_wrong_logins_are_throttled(client):
    for _ in range(10):
        assert client.post("/admin/login", data={"token": "guess"}).status_code == 401
    r = client.post("/admin/login", data={"token": TOKEN}, follow_redirects=False)
    assert r.status_code == 429 and web_auth.COOKIE not in r.cookies


# --- admin: documents, questions, deadlines, audit --------------------------------------------

def test_upload_list_and_remove_a_document(client, bearer):
    files = {"file": ("Kế hoạch 99.txt", "Kế hoạch số 99.\n\nPhòng Văn hóa tổ chức hội thi.".encode(), "text/plain")}
    r = client.post("/admin/api/documents", files=files, headers=bearer)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "added"
    path, name = client.kb.ingested[-1]
    assert name == "Kế hoạch 99.txt" and path.name == "Kế hoạch 99.txt"
    assert not path.exists()  # the temp copy is gone
    listed = client.get("/admin/api/documents", headers=bearer).json()["documents"]
    assert {d["id"] for d in listed} == {"kh-1", "kế hoạch 99"}
    assert {"number", "title", "repaired", "repair_confidence", "damaged"} <= set(listed[0])
    # the chat answers from the new document
    ans = client.post("/api/ask", json={"q": "Phòng Văn hóa làm gì?", "conversation_id": "x"}).json()
    assert "hội thi" in ans["sources"][0]["quote"]
    gone = client.delete("/admin/api/documents/" + "kế hoạch 99", headers=bearer)
    assert gone.status_code == 200 and gone.json()["removed"] == ["kế hoạch 99"]
    again = client.delete("/admin/api/documents/kế hoạch 99", headers=bearer)
    assert again.status_code == 404
    _vietnamese_error(again)


@pytest.mark.parametrize("filename,content,status", [
    ("virus.exe", b"MZ....", 415),
    ("trong.txt", b"", 400),
    ("hong.docx", b"not a zip", 422),
])
def test_bad_uploads_are_refused_clearly(client, bearer, filename, content, status):
    r = client.post("/admin/api/documents", files={"file": (filename, content)}, headers=bearer)
    assert r.status_code == status
    _vietnamese_error(r)
    assert set(client.kb.docs) == {"kh-1"}


def test_upload_keeps_only_the_base_name(client, bearer):
    files = {"file": ("../../etc/ke-hoach.txt", "Nội dung kế hoạch.".encode(), "text/plain")}
    assert client.post("/admin/api/documents", files=files, headers=bearer).status_code == 200
    path, name = client.kb.ingested[-1]
    assert name == "ke-hoach.txt" and ".." not in str(path)


def test_every_admin_action_is_logged_without_secrets(client, bearer):
    client.post("/admin/login", data={"token": "wrong"})
    client.post("/admin/login", data={"token": TOKEN})
    client.post("/admin/api/documents", files={"file": ("moi.txt", "Văn bản mới.".encode())}, headers=bearer)
    client.delete("/admin/api/documents/moi", headers=bearer)
    entries = client.get("/admin/api/log", headers=bearer).json()["entries"]
    actions = [e["action"] for e in reversed(entries)]
    assert actions == ["login_failed", "login", "upload", "remove"]
    upload = next(e for e in entries if e["action"] == "upload")
    assert upload["detail"]["file"] == "moi.txt" and upload["detail"]["doc_id"] == "moi"
    assert next(e for e in entries if e["action"] == "remove")["detail"]["removed"] == ["moi"]
    with sqlite3.connect(client.kb.db_path) as conn:
        rows = conn.execute("SELECT ts, action, detail FROM admin_log").fetchall()
    assert len(rows) == 4 and all(TOKEN not in "".join(r) and r[0] for r in rows)


def test_audit_log_survives_a_restart(tmp_path):
    db = tmp_path / "a.sqlite3"
    AdminLog(lambda: sqlite3.connect(db)).record("remove", "127.0.0.1", removed=["x"])
    entries = AdminLog(lambda: sqlite3.connect(db)).recent()
    assert [(e.action, e.detail) for e in entries] == [("remove", {"removed": ["x"]})]


def test_recent_questions_show_their_feedback(client, bearer):
    a = client.post("/api/ask", json={"q": "Ủy ban báo cáo khi nào?", "conversation_id": "c"}).json()
    client.post("/api/ask", json={"q": "Câu hỏi không liên quan gì", "conversation_id": "c"})
    client.post("/api/feedback", json={"id": a["id"], "vote_token": a["vote_token"], "vote": -1})
    data = client.get("/admin/api/questions", headers=bearer).json()
    by_q = {q["question"]: q for q in data["questions"]}
    assert by_q["Ủy ban báo cáo khi nào?"]["vote"] == -1
    assert by_q["Câu hỏi không liên quan gì"]["vote"] == 0
    assert data["counts"]["down"] == 1 and data["counts"]["up"] == 0


@dataclass
class _Deadline:
    date: str
    agency: str
    task: str
    document: str


def test_deadlines_table_comes_from_list_deadlines(client, bearer, monkeypatch):
    seen = {}

    def list_deadlines(kb, today=None):
        seen["kb"], seen["today"] = kb, today
        return [_Deadline("2025-05-15", "UBND xã", "Báo cáo kết quả", "KH-1")]

    monkeypatch.setitem(sys.modules, "troly.bot.tracking.deadlines", types.SimpleNamespace(list_deadlines=list_deadlines))
    r = client.get("/admin/api/deadlines", headers=bearer)
    assert r.status_code == 200
    assert r.json()["deadlines"] == [{"date": "2025-05-15", "agency": "UBND xã", "task": "Báo cáo kết quả",
                                      "document": "KH-1"}]
    assert seen["kb"] is client.kb and seen["today"] is not None
