"""Issue 16 at the edge of `troly serve` and the CLI: bad input (10), body size (8), client
address behind proxies (12) and feedback tokens (13). Each test fails on the code before the
fix. The apps are the real ``create_app`` with the constructed knowledge base and engines of
tests/web_fakes.py and tests/fakes/channel_engine.py; the bots talk to the fake platform APIs."""
from __future__ import annotations

import argparse
import io
import json
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.fakes.channel_engine import FakeEngine, FakeKB
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.zalo_api import FakeZalo
from webhook_settings import TG_SECRET, ZALO_SECRET, webhook_settings
from troly.bot.channels.core import ConversationCore, Services
from troly.bot.channels.replies import Incoming
from troly.bot.channels.runtime import CoreRunner, Worker
from troly.bot.feedback import FeedbackStore
from troly.config import Settings
from troly.prompts import answers as A
from troly.prompts import channels as P
from troly.server.app import create_app

DOC = "Kế hoạch thực hiện chuyển đổi số\nBan Tuyên giáo chủ trì tuyên truyền chuyển đổi số\nNguyễn Văn A"
ADMIN_TOKEN = "admin-token-edge-789"
DEEP = 100_000  # far past Python's recursion limit


def make_core(tmp_path: Path, settings: Settings) -> ConversationCore:
    """Constructed: one three-line plan in a fake knowledge base."""
    kb = FakeKB(tmp_path / "edge.sqlite3")
    kb.add_text("kh1", DOC, number="1-KH/TU")
    return ConversationCore(Services(engine=FakeEngine(kb), kb=kb, settings=settings,
                                     feedback=FeedbackStore(kb.connect)))


def web_app(tmp_path: Path, **overrides):
    settings = Settings(data_dir=tmp_path, **{"rate_limit": 1000, "admin_token": ADMIN_TOKEN, **overrides})
    return create_app(settings, core_factory=lambda: make_core(tmp_path, settings), telegram=False, zalo=False)


@pytest.fixture
def client(tmp_path):
    with TestClient(web_app(tmp_path)) as c:
        yield c


@pytest.fixture
def bots(tmp_path):
    """The server with both channels in webhook mode, replies going to the fake platforms."""
    with FakeTelegram() as tg, FakeZalo() as zalo:
        settings = webhook_settings(tmp_path, tg, zalo, rate_limit=1000)
        runner = CoreRunner(make_core(tmp_path, settings), Worker())
        with TestClient(create_app(settings, runner)) as c:
            c.tg, c.zalo = tg, zalo
            yield c
        runner.close()


def _error(resp) -> str:
    return resp.json()["error"]


# --- 10. bad input: a clear 4xx, never 500 --------------------------------------------------

@pytest.mark.parametrize("body", [
    b'{"q": "\\ud800 ai ch\\u1ee7 tr\\u00ec?", "conversation_id": "t"}',  # lone surrogate in q
    b'{"q": "ai ch\\u1ee7 tr\\u00ec?", "conversation_id": "\\udfff"}',  # ... in conversation_id
    b'{"q": "x", "pad": ' + b"[" * DEEP + b"]" * DEEP + b"}",  # nested past the recursion limit
    b'{"q": "x", "pad": ' + b"[" * 200 + b"]" * 200 + b"}",  # nested past max_json_depth
    b'{"q": "x", "conversation_id": "t", "n": NaN}',  # not JSON, though Python reads it
])
def test_api_ask_refuses_bad_json_with_400(client, body):
    r = client.post("/api/ask", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and _error(r) == P.API_NOT_JSON
    ok = client.post("/api/ask", json={"q": "Ai chủ trì tuyên truyền?", "conversation_id": "t"})
    assert ok.status_code == 200  # and the server goes on answering


@pytest.mark.parametrize("channel,header,secret", [
    ("zalo", "X-Bot-Api-Secret-Token", ZALO_SECRET),
    ("telegram", "X-Telegram-Bot-Api-Secret-Token", TG_SECRET),
])
def test_webhooks_refuse_bad_json_with_400(bots, channel, header, secret):
    bodies = [
        b'{"update_id": 1, "message": ' + b"[" * DEEP + b"]" * DEEP + b"}",
        b'{"update_id": 2, "event_name": "message.text.received", "message": {"chat": {"id": "\\ud800"}, '
        b'"message_id": 3, "date": 0, "text": "\\udc00"}}',
    ]
    for body in bodies:
        r = bots.post(f"/webhook/{channel}", content=body, headers={header: secret, "Content-Type": "application/json"})
        assert r.status_code == 400, (channel, r.status_code)


def _jsonl(monkeypatch, capsys, stdin) -> list[dict]:
    from troly.cli import ask_cmds, main

    class Engine(FakeEngine):
        def warm(self) -> None:
            return None

    kb = FakeKB(Path(":memory:"))
    kb.add_text("kh1", DOC, number="1-KH/TU")
    monkeypatch.setattr(ask_cmds, "_engine", lambda: Engine(kb))
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["ask", "--jsonl"]) == 0
    return [json.loads(x) for x in capsys.readouterr().out.splitlines()]


def test_ask_jsonl_answers_every_line_even_of_the_wrong_shape(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("TROLY_DATA", str(tmp_path))
    lines = ['{"q": 123}', "true", "[1, 2]", '"a string"', "not json", '{"q": "\\ud800"}',
             '{"q": "x", "conversation_id": [1]}', '{"x": ' + "[" * 5000 + "]" * 5000 + "}",
             json.dumps({"q": "Ai chủ trì tuyên truyền?", "conversation_id": "c1"})]
    answers = _jsonl(monkeypatch, capsys, io.StringIO("\n".join(lines) + "\n"))
    assert len(answers) == len(lines)  # one answer per line, in order (what shared/eval/score.py pairs up)
    assert [a["intent"] for a in answers[:-1]] == ["error"] * (len(lines) - 1)
    assert answers[0]["answer"] == A.JSONL_BAD_SHAPE and answers[4]["answer"] == A.JSONL_NOT_JSON
    assert all(a["abstained"] is True and a["sources"] == [] for a in answers[:-1])
    assert not answers[-1]["abstained"] and "1-KH/TU" in answers[-1]["answer"]


def test_ask_jsonl_survives_bytes_that_are_not_utf8(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("TROLY_DATA", str(tmp_path))
    raw = b'{"q": "\xff\xfe"}\n' + json.dumps({"q": "tuyên truyền"}, ensure_ascii=False).encode() + b"\n"
    answers = _jsonl(monkeypatch, capsys, io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert [a["intent"] for a in answers] == ["error", "lookup"]


# --- 8. body size limit at the edge -----------------------------------------------------------

def test_oversized_bodies_are_refused_before_any_endpoint(tmp_path):
    limit = 4096
    with TestClient(web_app(tmp_path, max_request_bytes=limit, max_upload_request_bytes=3 * limit)) as c:
        padded = {"q": "Ai chủ trì tuyên truyền?", "conversation_id": "t", "pad": "x" * (2 * limit)}
        r = c.post("/api/ask", json=padded)
        assert r.status_code == 413 and _error(r) == P.API_BODY_TOO_LARGE.format(limit="4 KB")

        def chunks(n: int):
            body = json.dumps({"q": "tuyên truyền", "pad": "y" * n}).encode()
            for i in range(0, len(body), 1000):
                yield body[i:i + 1000]

        chunked = c.post("/api/ask", content=chunks(3 * limit), headers={"Content-Type": "application/json"})
        assert chunked.request.headers.get("content-length") is None  # streamed, length not declared
        assert chunked.status_code == 413 and _error(chunked) == P.API_BODY_TOO_LARGE.format(limit="4 KB")
        small = c.post("/api/ask", content=chunks(100), headers={"Content-Type": "application/json"})
        assert small.status_code == 200 and small.json()["sources"]
        # before authentication: no token needed to be refused, nothing read into the feedback log
        assert c.post("/admin/login", data={"token": "z" * (2 * limit)}).status_code == 413
        auth = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
        upload = {"file": ("kh2.txt", ("Kế hoạch hai. " * 400).encode(), "text/plain")}  # ~6 KB: upload limit
        assert c.post("/admin/api/documents", files=upload, headers=auth).status_code == 200
        huge = {"file": ("kh3.txt", b"a" * (4 * limit), "text/plain")}
        assert c.post("/admin/api/documents", files=huge, headers=auth).status_code == 413
        assert c.app.state.feedback.counts()["questions"] == 1


def test_default_limit_is_a_megabyte(client):
    r = client.post("/api/ask", content=b"{" + b" " * (1024 * 1024 + 1) + b"}",
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 413


# --- 12. client address: X-Forwarded-For only from trusted proxies ------------------------------

def _served_app(monkeypatch, tmp_path, **overrides):
    """The application exactly as `troly serve` hands it to uvicorn (uvicorn's own wrapping included)."""
    import uvicorn

    from troly.cli import channel_cmds
    from troly.server import app as app_mod

    captured = {}
    monkeypatch.setattr(app_mod, "create_app", lambda settings, **kw: web_app(tmp_path, **overrides))
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: captured.update(app=app, kw=kw))
    channel_cmds._serve(Settings(data_dir=tmp_path), argparse.Namespace(host=None, port=None))
    config = uvicorn.Config(captured["app"], **captured["kw"])
    config.load()
    return config.loaded_app


def _ask(c, forwarded: str):
    return c.post("/api/ask", json={"q": "tuyên truyền", "conversation_id": "x"},
                  headers={"X-Forwarded-For": forwarded}).status_code


def test_spoofed_forwarded_for_gets_no_fresh_budget(monkeypatch, tmp_path):
    app = _served_app(monkeypatch, tmp_path, rate_limit=2)
    with TestClient(app, client=("127.0.0.1", 40000)) as c:  # a local client, no proxy configured
        assert [_ask(c, f"198.51.100.{i}") for i in range(4)] == [200, 200, 429, 429]


def test_trusted_proxy_forwarded_for_is_honoured(monkeypatch, tmp_path):
    app = _served_app(monkeypatch, tmp_path, rate_limit=2, trusted_proxies=("127.0.0.1", "10.0.0.0/8"))
    with TestClient(app, client=("127.0.0.1", 40000)) as c:
        assert [_ask(c, "198.51.100.1") for _ in range(3)] == [200, 200, 429]
        # the client's own (spoofed) entries on the left are ignored: the right-most untrusted counts
        assert _ask(c, "203.0.113.9, 198.51.100.1, 10.1.2.3") == 429
        assert [_ask(c, "198.51.100.2") for _ in range(2)] == [200, 200]
        # the login throttle locks out the guesser, not the admin behind the same proxy
        for _ in range(10):
            c.post("/admin/login", data={"token": "guess"}, headers={"X-Forwarded-For": "198.51.100.66"})
        blocked = c.post("/admin/login", data={"token": ADMIN_TOKEN}, headers={"X-Forwarded-For": "198.51.100.66"},
                         follow_redirects=False)
        admin = c.post("/admin/login", data={"token": ADMIN_TOKEN}, headers={"X-Forwarded-For": "198.51.100.7"},
                       follow_redirects=False)
        assert blocked.status_code == 429 and admin.status_code == 303


def test_resolve_reads_from_the_right():
    from troly.server import client_address

    nets = client_address.parse_networks(["10.0.0.0/8", "::1", "not-an-address"])
    assert client_address.resolve("203.0.113.5", ["1.2.3.4"], nets) == "203.0.113.5"  # untrusted peer
    assert client_address.resolve("10.0.0.2", ["1.2.3.4, 198.51.100.3"], nets) == "198.51.100.3"
    assert client_address.resolve("::1", ["198.51.100.3", "10.0.0.9"], nets) == "198.51.100.3"
    assert client_address.resolve("10.0.0.2", [], nets) == "10.0.0.2"
    assert client_address.resolve("10.0.0.2", ["1.2.3.4"], ()) == "10.0.0.2"  # nothing trusted


# --- 13. a vote needs the token handed out with the answer --------------------------------------

def test_feedback_needs_the_answers_token(client):
    mine = client.post("/api/ask", json={"q": "Ai chủ trì tuyên truyền?", "conversation_id": "me"}).json()
    other = client.post("/api/ask", json={"q": "tuyên truyền chuyển đổi số", "conversation_id": "them"}).json()
    token = mine["vote_token"]
    assert isinstance(token, str) and len(token) >= 20 and token != other["vote_token"]
    store = client.app.state.feedback
    for body in ({"id": mine["id"], "vote": 1},  # the sequential id alone
                 {"id": mine["id"], "vote_token": other["vote_token"], "vote": 1},  # another answer's token
                 {"id": mine["id"], "vote_token": token[:-1], "vote": 1},
                 {"id": mine["id"], "vote_token": 12345, "vote": 1}):
        r = client.post("/api/feedback", json=body)
        assert r.status_code == 403 and _error(r) == P.API_VOTE_FORBIDDEN
    assert store.get(mine["id"]).vote == 0
    assert client.post("/api/feedback", json={"id": 10**9, "vote_token": token, "vote": 1}).status_code == 404
    assert client.post("/api/feedback", json={"id": mine["id"], "vote_token": token, "vote": -1}).status_code == 200
    assert client.post("/api/feedback", json={"id": mine["id"], "vote_token": token, "vote": 1}).status_code == 200
    assert store.get(mine["id"]).vote == 1 and store.counts()["up"] == 1 and store.counts()["down"] == 0


def test_chat_buttons_vote_only_on_their_own_chats_answers(tmp_path):
    core = make_core(tmp_path, Settings(data_dir=tmp_path, rate_limit=100))
    [reply] = core.handle(Incoming(channel="zalo", chat_id="owner", user_id="owner", text="tuyên truyền"))
    vote_up = next(b.data for b in reply.buttons if b.data.startswith("fb:") and b.data.endswith(":1"))
    [stranger] = core.handle(Incoming(channel="zalo", chat_id="stranger", user_id="s", button=vote_up))
    [telegram] = core.handle(Incoming(channel="telegram", chat_id="owner", user_id="owner", button=vote_up))
    assert stranger.text == P.ANSWER_GONE and telegram.text == P.ANSWER_GONE
    assert core.services.feedback.recent(1)[0].vote == 0
    [owner] = core.handle(Incoming(channel="zalo", chat_id="owner", user_id="owner", button=vote_up))
    assert owner.text == P.THANKS_UP and core.services.feedback.recent(1)[0].vote == 1


def test_old_question_log_gains_tokens(tmp_path):
    """A question_log table from before vote tokens is migrated; its rows cannot be voted on by id."""
    import sqlite3

    db = tmp_path / "old.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE question_log (id INTEGER PRIMARY KEY AUTOINCREMENT, ts REAL NOT NULL, "
                     "channel TEXT NOT NULL, chat_id TEXT NOT NULL, user_id TEXT NOT NULL, question TEXT NOT NULL, "
                     "answer_json TEXT NOT NULL, vote INTEGER NOT NULL DEFAULT 0, voted_at REAL)")
        conn.execute("INSERT INTO question_log (ts, channel, chat_id, user_id, question, answer_json) "
                     "VALUES (?, 'web', 'c', 'u', 'q', '{}')", (time.time(),))
    store = FeedbackStore(lambda: sqlite3.connect(db))
    assert store.vote_with_token(1, "", 1) == "forbidden"
    new = store.log("web", "c", "u", "q2", {})
    assert store.vote_with_token(new, store.token_of(new), 1) == "ok"
