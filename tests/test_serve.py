"""``troly serve``: the JSON API and the webhook endpoints (secrets checked), via FastAPI's TestClient
with the fake Telegram and Zalo APIs receiving the replies."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.fakes.channel_engine import SAMPLE_PLAN, FakeEngine, FakeKB
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.zalo_api import FakeZalo
from troly.bot.channels.core import ConversationCore, Services
from troly.bot.channels.runtime import CoreRunner, Worker
from troly.bot.feedback import FeedbackStore
from troly.config import Settings
from troly.prompts import channels as P
from troly.server.app import create_app

DOC = "Kế hoạch thực hiện chuyển đổi số\nBan Tuyên giáo chủ trì tuyên truyền chuyển đổi số\nNguyễn Văn A"
TG_SECRET, ZALO_SECRET = "tg-secret-123", "zalo-secret-456"


def wait_for(predicate, timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end and not predicate():
        time.sleep(0.02)
    return predicate()


@pytest.fixture
def fakes():
    with FakeTelegram() as tg, FakeZalo() as zalo:
        yield tg, zalo


@pytest.fixture
def client(tmp_path: Path, fakes):
    tg, zalo = fakes
    kb = FakeKB(tmp_path / "s.sqlite3")
    kb.add_text("kh1", DOC, number="1-KH/TU")
    settings = Settings(
        data_dir=tmp_path, rate_limit=100,
        telegram_token=tg.token, telegram_api_base=tg.api_base,
        telegram_webhook_url="https://example.invalid/webhook/telegram", telegram_webhook_secret=TG_SECRET,
        zalo_token=zalo.token, zalo_api_base=zalo.api_base,
        zalo_webhook_url="https://example.invalid/webhook/zalo", zalo_webhook_secret=ZALO_SECRET,
    )
    core = ConversationCore(Services(engine=FakeEngine(kb), kb=kb, settings=settings, feedback=FeedbackStore(kb.connect)))
    runner = CoreRunner(core, Worker())
    with TestClient(create_app(settings, runner)) as c:
        yield c
    runner.close()


def test_healthz_and_channels(client, fakes):
    tg, zalo = fakes
    r = client.get("/healthz")
    body = r.json()
    assert r.status_code == 200 and body["ok"] and body["status"] == "ok"
    assert {k: (v["mode"], v["state"]) for k, v in body["channels"].items()} == {
        "web": ("http", "running"), "telegram": ("webhook", "running"), "zalo": ("webhook", "running")}
    assert body["channels"]["telegram"]["last_ok"] and body["channels"]["zalo"]["last_error"] is None
    hook = tg.sent("setWebhook")[0].params
    assert hook["url"].endswith("/webhook/telegram") and hook["secret_token"] == TG_SECRET
    assert zalo.sent(method="setWebhook")[0].params == {"url": "https://example.invalid/webhook/zalo",
                                                        "secret_token": ZALO_SECRET}


def test_api_ask_and_feedback(client):
    r = client.post("/api/ask", json={"q": "Ai chủ trì tuyên truyền?", "conversation_id": "abc"})
    assert r.status_code == 200
    data = r.json()
    assert set(data) >= {"answer", "abstained", "intent", "sources", "id"} and data["conversation_id"] == "abc"
    assert data["sources"][0]["document"] == "1-KH/TU" and not data["abstained"]
    r = client.post("/api/feedback", json={"id": data["id"], "vote_token": data["vote_token"], "vote": -1})
    assert r.status_code == 200
    store = client.app.state.feedback
    assert store.get(data["id"]).vote == -1 and store.get(data["id"]).channel == "web"
    assert client.post("/api/feedback", json={"id": 9999, "vote": 1}).json() == {"error": P.API_NOT_FOUND}


@pytest.mark.parametrize("body,status,message", [
    (b"not json", 400, P.API_NOT_JSON),
    (b'["q"]', 400, P.API_NOT_JSON),
    (b'{"q": "   "}', 400, P.API_EMPTY),
    (b'{"q": 5}', 400, P.API_EMPTY),
    ('{"q": "%s"}' % ("a" * 2001), 413, P.API_TOO_LONG.format(limit=2000)),
])
def test_api_ask_bad_input(client, body, status, message):
    r = client.post("/api/ask", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == status and r.json() == {"error": message}


@pytest.mark.parametrize("body", [b"{", b'{"id": 1, "vote": 2}', b'{"id": "x", "vote": 1}', b'{"vote": 1}'])
def test_api_feedback_bad_input(client, body):
    r = client.post("/api/feedback", content=body)
    assert 400 <= r.status_code < 500 and "error" in r.json()


def zalo_update(text: str, message_id: str) -> dict:
    return FakeZalo.update("z1", text, message_id=message_id)


def test_zalo_webhook_checks_secret(client, fakes):
    _, zalo = fakes
    assert client.post("/webhook/zalo", json=zalo_update("tuyên truyền", "w0")).status_code == 401
    bad = client.post("/webhook/zalo", json=zalo_update("tuyên truyền", "w1"),
                      headers={"X-Bot-Api-Secret-Token": "wrong"})
    assert bad.status_code == 403
    ok = client.post("/webhook/zalo", json=zalo_update("tuyên truyền", "w2"),
                     headers={"X-Bot-Api-Secret-Token": ZALO_SECRET})
    assert ok.status_code == 200
    assert wait_for(lambda: zalo.texts("z1"))
    time.sleep(0.2)
    assert len(zalo.texts("z1")) == 1 and "1-KH/TU" in zalo.texts("z1")[0]
    assert client.app.state.feedback.counts()["questions"] == 1  # refused requests were not processed


def tg_update(update_id: int, text: str) -> dict:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": int(time.time()), "text": text,
        "chat": {"id": 55, "type": "private"}, "from": {"id": 55, "is_bot": False, "first_name": "A"}}}


def test_telegram_webhook_checks_secret(client, fakes):
    tg, _ = fakes
    assert client.post("/webhook/telegram", json=tg_update(1, "tuyên truyền")).status_code == 401
    bad = client.post("/webhook/telegram", json=tg_update(2, "tuyên truyền"),
                      headers={"X-Telegram-Bot-Api-Secret-Token": TG_SECRET + "x"})
    assert bad.status_code == 403
    ok = client.post("/webhook/telegram", json=tg_update(3, "tuyên truyền"),
                     headers={"X-Telegram-Bot-Api-Secret-Token": TG_SECRET})
    assert ok.status_code == 200
    assert wait_for(lambda: tg.sent(chat_id=55))
    time.sleep(0.2)
    assert len(tg.sent(chat_id=55)) == 1 and "1-KH/TU" in tg.sent(chat_id=55)[0].params["text"]
    assert client.app.state.feedback.counts()["questions"] == 1


def test_webhooks_refused_without_configured_secret(tmp_path):
    from troly.server.webhooks import check_secret

    assert check_secret("anything", "") == 403
    assert check_secret(None, "s") == 401 and check_secret("s", "s") is None and check_secret("t", "s") == 403


def test_cli_missing_tokens_exit_2(monkeypatch, capsys, tmp_path):
    from troly.cli import main

    monkeypatch.chdir(tmp_path)
    for name in ("TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assert main(["telegram"]) == 2
    assert "TELEGRAM_BOT_TOKEN" in capsys.readouterr().err
    assert main(["zalo"]) == 2
    assert "ZALO_BOT_TOKEN" in capsys.readouterr().err
    monkeypatch.setenv("ZALO_BOT_TOKEN", "x")
    monkeypatch.setenv("ZALO_WEBHOOK_URL", "https://example.invalid/webhook/zalo")
    monkeypatch.delenv("ZALO_WEBHOOK_SECRET", raising=False)
    assert main(["zalo"]) == 2
    assert "ZALO_WEBHOOK_SECRET" in capsys.readouterr().err


@pytest.mark.slow
def test_real_engine_behind_api(tmp_path):
    """Integration: the lifespan loads the real knowledge base and engine once; /api/ask answers from it."""
    plan = tmp_path / "kh45.txt"
    plan.write_text("\n".join(SAMPLE_PLAN), encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data")
    with TestClient(create_app(settings, telegram=False, zalo=False)) as c:
        c.app.state.runner.worker.call_sync(c.app.state.kb.ingest_file, plan, "kh45.txt")
        r = c.post("/api/ask", json={"q": "Ai ký Kế hoạch 45-KH/HU?"})
        assert r.status_code == 200 and "Nguyễn Văn Hùng" in r.json()["answer"]
        vote = {"id": r.json()["id"], "vote_token": r.json()["vote_token"], "vote": 1}
        assert c.post("/api/feedback", json=vote).status_code == 200
        assert c.app.state.feedback.counts()["up"] == 1
