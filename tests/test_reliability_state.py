"""Issue 16, state that must not be lost or grow: reminders delivered after temporary send
failures (6), no secret in any log line (11), and bounds on the question log, per-chat state and
Zalo webhook work (14). Bots run against the fake Telegram and Zalo APIs on 127.0.0.1; the
knowledge base and engine are the constructed fakes of tests/fakes/channel_engine.py."""
from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

from fastapi.testclient import TestClient
from telegram.error import NetworkError

from test_reminders import deadline
from tests.fakes._http import until
from tests.fakes.channel_engine import FakeEngine, FakeKB
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.zalo_api import FakeZalo
from webhook_settings import TG_SECRET, ZALO_SECRET, webhook_settings
from troly.bot.channels.core import ConversationCore, Services
from troly.bot.channels.replies import Incoming
from troly.bot.channels.runtime import CoreRunner, Worker
from troly.bot.answer.conversation import LRU, Conversations
from troly.bot.feedback import FeedbackStore
from troly.bot.tracking.reminders import Reminders
from troly.config import Settings
from troly.models import Answer
from troly.server import redact
from troly.server.app import create_app

DOC = "Kế hoạch thực hiện chuyển đổi số\nBan Tuyên giáo chủ trì tuyên truyền chuyển đổi số\nNguyễn Văn A"


def core_with(tmp_path: Path, settings: Settings, engine_cls=FakeEngine, **services) -> ConversationCore:
    """Constructed: one three-line plan in a fake knowledge base."""
    kb = FakeKB(tmp_path / "state.sqlite3")
    kb.add_text("kh1", DOC, number="1-KH/TU")
    return ConversationCore(Services(engine=engine_cls(kb), kb=kb, settings=settings,
                                     feedback=FeedbackStore(kb.connect), **services))


def reminder_core(tmp_path: Path, channel: str, chat: str, calls: list) -> ConversationCore:
    """A subscriber and one deadline five days ahead (the 7-day reminder is due)."""
    today = date.today()
    dl = deadline(iso=(today + timedelta(days=5)).isoformat(), today=today)
    store = Reminders(lambda: sqlite3.connect(tmp_path / "rem.sqlite3", timeout=30), retry_delays=(0.01,),
                      max_attempts=5)
    store.subscribe(channel, chat, None)

    def deadlines(kb, day):
        calls.append(day)
        return [dl]

    return core_with(tmp_path, Settings(data_dir=tmp_path), reminders=store, deadlines=deadlines)


# --- 6. reminders: marked sent only after delivery ----------------------------------------------

async def test_zalo_reminder_is_delivered_once_after_five_http_500(tmp_path, caplog):
    from troly.bot.channels.zalo import ZaloBot, ZaloClient

    caplog.set_level(logging.WARNING)
    calls: list = []
    with FakeZalo() as fake:
        runner = CoreRunner(reminder_core(tmp_path, "zalo", "u1", calls), Worker())
        client = ZaloClient(fake.token, fake.api_base, backoff=0.001)  # 4 retries: 5 sends in one attempt
        fake.fail("sendMessage", 500, 500, 500, 500, 500)
        bot = ZaloBot(client, runner)
        stop = asyncio.Event()
        task = asyncio.create_task(bot.remind(stop, interval=0.02))
        await until(lambda: fake.texts("u1"))
        ticks = len(calls)
        await until(lambda: len(calls) >= ticks + 3)  # later ticks send nothing more
        stop.set()
        await asyncio.wait_for(task, 10)
        await client.close()
        runner.close()
    [text] = fake.texts("u1")
    assert "còn 5 ngày" in text
    failures = [r for r in caplog.records if r.levelno == logging.WARNING and "not delivered" in r.getMessage()]
    assert len(failures) == 1 and "attempt 1 of 5" in failures[0].getMessage()
    assert fake.token not in caplog.text


async def test_telegram_reminder_send_failure_is_logged_and_retried(tmp_path, caplog):
    from troly.bot.channels import telegram

    caplog.set_level(logging.WARNING)
    runner = CoreRunner(reminder_core(tmp_path, "telegram", "42", []), Worker())
    sent, scheduled = [], []

    async def send_message(**kw):
        if not sent:
            sent.append(None)
            raise NetworkError("connection reset")
        sent.append(kw["text"])

    context = SimpleNamespace(application=SimpleNamespace(bot_data={"runner": runner}),
                              bot=SimpleNamespace(send_message=send_message),
                              job_queue=SimpleNamespace(run_once=lambda cb, when: scheduled.append(when)))
    await telegram.send_reminders(context)
    assert sent == [None] and scheduled == [0.01]  # failed, logged, a retry scheduled
    assert any("not delivered" in r.getMessage() and "connection reset" in r.getMessage() for r in caplog.records)
    await asyncio.sleep(0.02)
    await telegram.send_reminders(context)
    await telegram.send_reminders(context)
    runner.close()
    assert len(sent) == 2 and "còn 5 ngày" in sent[1]  # delivered once, then never again


def test_reminders_give_up_after_max_attempts(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    store = Reminders(lambda: sqlite3.connect(tmp_path / "r.sqlite3"), retry_delays=(0.0,), max_attempts=2)
    store.subscribe("zalo", "u", None)
    today = date(2025, 5, 1)
    dl = [deadline(iso="2025-05-06", today=today)]
    now = __import__("datetime").datetime(2025, 5, 1, 9)
    [r] = store.due(now, dl)
    assert store.due(now, dl) == []  # claimed: a second sender does not get it meanwhile
    assert store.failed(r, now, "HTTP 500") == 0.0
    [again] = store.due(now, dl)
    assert store.failed(again, now, "HTTP 500") is None  # given up
    assert store.due(now, dl) == []
    assert "given up" in caplog.text


# --- 11. no secret in any log line --------------------------------------------------------------

def test_debug_log_of_a_webhook_flow_holds_no_secret(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    with FakeTelegram() as tg, FakeZalo() as zalo:
        settings = webhook_settings(tmp_path, tg, zalo, rate_limit=100)
        runner = CoreRunner(core_with(tmp_path, settings), Worker())
        with TestClient(create_app(settings, runner)) as c:
            update = {"update_id": 1, "message": {"message_id": 1, "date": int(time.time()), "text": "tuyên truyền",
                                                   "chat": {"id": 5, "type": "private"},
                                                   "from": {"id": 5, "is_bot": False, "first_name": "A"}}}
            assert c.post("/webhook/telegram", json=update,
                          headers={"X-Telegram-Bot-Api-Secret-Token": TG_SECRET}).status_code == 200
            assert tg.wait_for(lambda: tg.sent(chat_id=5))
            z = FakeZalo.update("z1", "tuyên truyền", message_id="m1")
            assert c.post("/webhook/zalo", json=z, headers={"X-Bot-Api-Secret-Token": ZALO_SECRET}).status_code == 200
            assert zalo.wait_for(lambda: zalo.texts("z1"))
        runner.close()
    text = caplog.text + "\n".join(r.getMessage() for r in caplog.records)
    leaked = [name for name, secret in (("telegram token", settings.telegram_token), ("telegram secret", TG_SECRET),
                                        ("zalo token", zalo.token), ("zalo secret", ZALO_SECRET)) if secret in text]
    assert leaked == []
    assert "setWebhook" in text and redact.MASK in text  # the libraries did log their calls, secrets masked


def test_redaction_covers_arguments_and_tracebacks(caplog):
    caplog.set_level(logging.DEBUG)
    redact.add("tok-123456:ABCDEF", "short")
    log = logging.getLogger("some.library")
    log.debug("GET %s", "https://api.example/bottok-123456:ABCDEF/getMe")
    log.debug("quoted: https://api.example/bottok-123456%3AABCDEF/getMe")
    try:
        raise RuntimeError("failed https://api.example/bottok-123456:ABCDEF/x")
    except RuntimeError:
        log.exception("request failed")
    assert "ABCDEF" not in caplog.text and caplog.text.count(redact.MASK) == 4
    log.debug("a short word stays: short")  # below MIN_SECRET_LENGTH: never redacted
    assert "short word stays: short" in caplog.text


# --- 14. bounded growth ------------------------------------------------------------------------

def test_question_log_keeps_a_year_pruned_on_start_and_insert(tmp_path):
    now = [1_000_000_000.0]
    factory = lambda: sqlite3.connect(tmp_path / "q.sqlite3")  # noqa: E731
    store = FeedbackStore(factory, retention_days=365, clock=lambda: now[0])
    old = store.log("web", "c", "u", "old question", {})
    now[0] += 200 * 86400
    mid = store.log("web", "c", "u", "newer question", {})
    now[0] += 200 * 86400  # old is 400 days old, mid 200
    assert FeedbackStore(factory, retention_days=365, clock=lambda: now[0]).get(old) is None  # on start
    assert store.get(mid) is not None
    now[0] += 200 * 86400
    store.log("web", "c", "u", "latest", {})  # at insert
    assert store.get(mid) is None and store.counts()["questions"] == 1
    forever = FeedbackStore(factory, retention_days=0, clock=lambda: now[0] + 1e9)
    assert forever.counts()["questions"] == 1


def test_per_chat_state_is_bounded(tmp_path):
    core = core_with(tmp_path, Settings(data_dir=tmp_path, rate_limit=0, max_chats=3))
    for i in range(6):
        core.handle(Incoming(channel="zalo", chat_id=f"c{i}", user_id=f"c{i}", text="tuyên truyền"))
    assert [bool(core.last_buttons(_conv(i))) for i in range(6)] == [False] * 3 + [True] * 3
    conversations = Conversations(max_chats=2)
    for i in range(5):
        conversations.remember(f"c{i}", Answer("a", False, "x", doc_ids=["d"]))
    assert [conversations.last(f"c{i}") is not None for i in range(5)] == [False, False, False, True, True]
    lru = LRU(2)
    lru["a"], lru["b"] = 1, 2
    lru.get("a")  # used: "b" is now the oldest
    lru["c"] = 3
    assert "a" in lru and "b" not in lru and len(lru) == 2


def _conv(i: int) -> str:
    return Incoming(channel="zalo", chat_id=f"c{i}", user_id=f"c{i}").conversation_id


class BlockingEngine(FakeEngine):
    """Answers only once ``release`` is set (a slow engine under a burst of webhook updates)."""

    release = threading.Event()

    def ask(self, question, conversation_id=None):
        self.release.wait(20)
        return super().ask(question, conversation_id)


def test_zalo_webhook_work_is_bounded(tmp_path):
    BlockingEngine.release = threading.Event()
    with FakeZalo() as zalo:
        settings = webhook_settings(tmp_path, zalo=zalo, rate_limit=100, max_pending_updates=2)
        runner = CoreRunner(core_with(tmp_path, settings, BlockingEngine), Worker())
        headers = {"X-Bot-Api-Secret-Token": ZALO_SECRET}
        try:
            with TestClient(create_app(settings, runner, telegram=False)) as c:
                codes = [c.post("/webhook/zalo", json=FakeZalo.update(f"z{i}", "tuyên truyền", message_id=f"b{i}"),
                                headers=headers).status_code for i in range(4)]
                busy = c.post("/webhook/zalo", json=FakeZalo.update("z9", "tuyên truyền", message_id="b9"),
                              headers=headers)
                assert codes == [200, 200, 503, 503] and busy.headers["retry-after"]
                BlockingEngine.release.set()
                assert zalo.wait_for(lambda: zalo.texts("z0") and zalo.texts("z1"))
                bot = c.app.state.zalo
                assert zalo.wait_for(lambda: bot.pending == 0)
                again = c.post("/webhook/zalo", json=FakeZalo.update("z2", "tuyên truyền", message_id="b2"),
                               headers=headers)
                assert again.status_code == 200 and zalo.wait_for(lambda: zalo.texts("z2"))
                assert zalo.wait_for(lambda: bot.pending == 0) and bot._chat_locks == {}  # nothing kept per chat
        finally:
            BlockingEngine.release.set()
            runner.close()


def test_telegram_webhook_work_is_bounded(tmp_path):
    from troly.bot.channels.telegram import pending_updates

    BlockingEngine.release = threading.Event()
    with FakeTelegram() as tg:
        settings = webhook_settings(tmp_path, tg, rate_limit=100, max_pending_updates=2)
        runner = CoreRunner(core_with(tmp_path, settings, BlockingEngine), Worker())
        headers = {"X-Telegram-Bot-Api-Secret-Token": TG_SECRET}

        def update(i: int) -> dict:
            return {"update_id": i, "message": {"message_id": i, "date": int(time.time()), "text": "tuyên truyền",
                                                 "chat": {"id": i, "type": "private"},
                                                 "from": {"id": i, "is_bot": False, "first_name": "A"}}}

        try:
            with TestClient(create_app(settings, runner, zalo=False)) as c:
                app = c.app.state.telegram
                assert c.post("/webhook/telegram", json=update(1), headers=headers).status_code == 200
                assert c.post("/webhook/telegram", json=update(2), headers=headers).status_code == 200
                assert tg.wait_for(lambda: pending_updates(app) == 2)
                busy = c.post("/webhook/telegram", json=update(3), headers=headers)
                assert busy.status_code == 503 and busy.headers["retry-after"]
                BlockingEngine.release.set()
                assert tg.wait_for(lambda: tg.sent(chat_id=1) and tg.sent(chat_id=2))
                assert tg.wait_for(lambda: pending_updates(app) == 0)
                assert c.post("/webhook/telegram", json=update(3), headers=headers).status_code == 200  # re-sent
                assert tg.wait_for(lambda: tg.sent(chat_id=3))
        finally:
            BlockingEngine.release.set()
            runner.close()


def test_cli_start_up_redacts_the_configured_secrets(tmp_path, monkeypatch, capsys, caplog):
    """`troly ...` (polling bots included) installs the redaction before any command runs."""
    import io

    from troly.cli import ask_cmds, main

    token = "987654:cli-token-never-logged"
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", token)
    monkeypatch.setenv("TROLY_DATA", str(tmp_path))
    monkeypatch.setattr(ask_cmds, "_engine", lambda: SimpleNamespace(warm=lambda: None))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["ask", "--jsonl"]) == 0
    caplog.set_level(logging.DEBUG)
    logging.getLogger("telegram.ext.ExtBot").debug("POST %s", f"https://api.telegram.org/bot{token}/getMe")
    assert token not in caplog.text and redact.MASK in caplog.text
