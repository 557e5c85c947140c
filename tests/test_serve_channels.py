"""``troly serve`` as one process for every channel: the real python-telegram-bot and Zalo
clients poll the fake APIs (tests/fakes/) inside the server created by ``create_app``; the
web chat asks through ``/api/ask``. Covers both channels polled at once, ``/bai`` ``/hanchot``
``/nhiemvu`` ``/id`` on every channel, ``/healthz`` reporting a dead channel that is retried
while the others run, and answers flowing while an upload is being ingested."""
from __future__ import annotations

import functools
import logging
import os
import shutil
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.fakes._http import FakeServer, json_response, wait_until
from tests.fakes.channel_engine import SAMPLE_PLAN, FakeEngine, FakeKB
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.zalo_api import FakeZalo
from troly.bot.channels.core import ConversationCore, Services
from troly.bot.channels.info import post
from troly.bot.channels.render import ZALO_LIMIT, plain_messages
from troly.bot.channels.runtime import load_core
from troly.bot.channels.writer import ProcessWriter, WriterDied, WriterSpec
from troly.bot.feedback import FeedbackStore
from troly.config import DEFAULT_CORPUS, Settings
from troly.prompts import channels as P
from troly.server.app import create_app

SHIPPED = DEFAULT_CORPUS / "004_1e91743ee4d0742d.txt"  # a shipped plan on chuyển đổi số (32/KH-UBND)
TOPIC = "chuyển đổi số"
ADMIN, USER, CHAT = 11, 12, 1200


@pytest.fixture
def fakes():
    with FakeTelegram() as tg, FakeZalo() as zalo:
        yield tg, zalo


def channel_settings(data: Path, tg_base: str, tg: FakeTelegram, zalo: FakeZalo, **kw) -> Settings:
    """Both tokens set, no webhook URL: both channels long-poll."""
    return Settings(data_dir=data, rate_limit=1000, admins={f"telegram:{ADMIN}"},
                    telegram_token=tg.token, telegram_api_base=tg_base,
                    zalo_token=zalo.token, zalo_api_base=zalo.api_base,
                    channel_retry_first=0.2, channel_retry_max=0.5, **kw)


def fake_core(settings: Settings, tmp_path: Path):
    def make() -> ConversationCore:
        kb = FakeKB(tmp_path / "f.sqlite3")
        kb.add_text("kh1", "Kế hoạch chuyển đổi số\nBan Tuyên giáo chủ trì tuyên truyền chuyển đổi số\nA", "1-KH/TU")
        return ConversationCore(Services(engine=FakeEngine(kb), kb=kb, settings=settings,
                                         feedback=FeedbackStore(kb.connect)))
    return make


def health(client: TestClient) -> dict:
    r = client.get("/healthz")
    assert r.status_code == 200
    return r.json()


# ---------------------------------------------------------------- both channels, one process

def test_both_channels_polled_in_one_process_and_id(tmp_path, fakes, caplog):
    tg, zalo = fakes
    caplog.set_level(logging.INFO)
    settings = channel_settings(tmp_path, tg.api_base, tg, zalo)
    with TestClient(create_app(settings, core_factory=fake_core(settings, tmp_path))) as client:
        tg.text(CHAT, USER, "Ai chủ trì tuyên truyền?")
        zalo.push(FakeZalo.update("z9", "Ai chủ trì tuyên truyền?", user_id="zu9"))
        assert wait_until(lambda: tg.sent(chat_id=CHAT) and zalo.texts("z9"))
        assert "1-KH/TU" in tg.sent(chat_id=CHAT)[0].params["text"] and "1-KH/TU" in zalo.texts("z9")[0]
        tg.text(CHAT, USER, "/id")
        zalo.push(FakeZalo.update("z9", "/id", user_id="zu9"))
        assert wait_until(lambda: len(tg.sent(chat_id=CHAT)) == 2 and len(zalo.texts("z9")) == 2)
        assert f"telegram:{USER}" in tg.sent(chat_id=CHAT)[1].params["text"]
        assert "zalo:zu9" in zalo.texts("z9")[1]
        web = client.post("/api/ask", json={"q": "/id"}).json()
        assert web["answer"] == P.YOUR_ID_WEB and web["id"] is None
        assert client.post("/api/ask", json={"q": "/nhacviec"}).json()["answer"] == P.REMIND_NOT_ON_WEB
        body = health(client)
    assert body["status"] == "ok"
    for name in ("telegram", "zalo"):
        ch = body["channels"][name]
        assert ch["mode"] == "polling" and ch["state"] == "running" and ch["last_ok"] and ch["last_error"] is None
    logged = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.INFO)
    assert "telegram: running (long polling)" in logged and "zalo: running (long polling)" in logged
    assert tg.token not in logged and zalo.token not in logged
    assert "Ai chủ trì" not in logged  # no user text at INFO


def test_troly_serve_process_polls_both_channels_and_logs_its_state(tmp_path, fakes):
    """The real command, as the guide runs it: one ``troly serve`` process, both bots polling."""
    import signal
    import socket
    import subprocess
    import sys

    import httpx

    tg, zalo = fakes
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "TROLY_DATA": str(tmp_path / "data"), "TROLY_PORT": str(port), "TROLY_HOST": "127.0.0.1",
           "TELEGRAM_BOT_TOKEN": tg.token, "TELEGRAM_API_BASE": tg.api_base, "TELEGRAM_WEBHOOK_URL": "",
           "ZALO_BOT_TOKEN": zalo.token, "ZALO_API_BASE": zalo.api_base, "ZALO_WEBHOOK_URL": "",
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    troly = str(Path(sys.executable).parent / "troly")
    proc = subprocess.Popen([troly, "serve"], env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    try:
        def channels() -> dict:
            try:
                return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).json().get("channels", {})
            except (httpx.HTTPError, ValueError):
                return {}

        assert wait_until(lambda: all(channels().get(n, {}).get("state") == "running" for n in ("telegram", "zalo")),
                          180), "troly serve did not get both channels running"
        tg.text(CHAT, USER, "/id")
        zalo.push(FakeZalo.update("z7", "/id", user_id="zu7"))
        assert wait_until(lambda: tg.sent(chat_id=CHAT) and zalo.texts("z7"), 60)
        assert f"telegram:{USER}" in tg.sent(chat_id=CHAT)[0].params["text"] and "zalo:zu7" in zalo.texts("z7")[0]
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=60)
    assert f"troly serve: web chat and API on http://127.0.0.1:{port}" in out
    assert "telegram: running (long polling)" in out and "zalo: running (long polling)" in out
    assert tg.token not in out and zalo.token not in out


# ---------------------------------------------------------------- a dead channel

def test_dead_channel_is_reported_and_retried_while_the_others_run(tmp_path, fakes):
    tg, zalo = fakes
    dead = {"on": True}

    def route(verb, path, headers, params):  # Telegram behind a gateway that fails until switched back
        return json_response({"ok": False, "description": "Bad Gateway"}, 502) if dead["on"] else \
            tg._route(verb, path, headers, params)

    gateway = FakeServer(route).start()
    try:
        settings = channel_settings(tmp_path, f"{gateway.url}/bot", tg, zalo)
        with TestClient(create_app(settings, core_factory=fake_core(settings, tmp_path))) as client:
            body = health(client)
            ch = body["channels"]["telegram"]
            assert body["ok"] and body["status"] == "degraded"
            assert ch["state"] == "retrying" and ch["last_ok"] is None and "Bad Gateway" in ch["last_error"]
            assert tg.token not in str(body)
            assert body["channels"]["zalo"]["state"] == "running"
            assert client.post("/api/ask", json={"q": "Ai chủ trì tuyên truyền?"}).json()["sources"]
            zalo.push(FakeZalo.update("z1", "Ai chủ trì tuyên truyền?"))
            assert wait_until(lambda: zalo.texts("z1"))
            assert wait_until(lambda: health(client)["channels"]["telegram"]["attempts"] >= 2)
            dead["on"] = False
            assert wait_until(lambda: health(client)["channels"]["telegram"]["state"] == "running")
            tg.text(CHAT, USER, "Ai chủ trì tuyên truyền?")
            assert wait_until(lambda: tg.sent(chat_id=CHAT))
            assert health(client)["status"] == "ok"
            dead["on"] = True  # the API goes away while the bot runs, then comes back
            assert wait_until(lambda: health(client)["channels"]["telegram"]["state"] == "unreachable", 60)
            assert health(client)["status"] == "degraded"
            dead["on"] = False
            assert wait_until(lambda: health(client)["channels"]["telegram"]["state"] == "running", 90)
    finally:
        gateway.stop()


# ---------------------------------------------------------------- the real core

@pytest.fixture(scope="module")
def shipped_data(tmp_path_factory) -> Path:
    """A data folder holding one shipped plan, ingested once for the module."""
    from troly.knowledge.base import KnowledgeBase

    data = tmp_path_factory.mktemp("serve-data")
    kb = KnowledgeBase(Settings(data_dir=data))
    report = kb.ingest([SHIPPED])
    kb.close()
    assert report.added
    return data


def test_every_feature_on_every_channel(tmp_path, fakes, shipped_data):
    tg, zalo = fakes
    data = tmp_path / "data"
    shutil.copytree(shipped_data, data)
    settings = channel_settings(data, tg.api_base, tg, zalo)
    with TestClient(create_app(settings)) as client:
        tg.text(CHAT, USER, f"/bai {TOPIC}")
        assert wait_until(lambda: tg.sent(chat_id=CHAT), 60)
        tg_post = tg.sent(chat_id=CHAT)[0].params["text"]
        zalo.push(FakeZalo.update("z2", f"/bai {TOPIC}"))
        assert wait_until(lambda: zalo.texts("z2"), 60)
        zalo.push(FakeZalo.update("z3", f"/bai loa {TOPIC}"))
        assert wait_until(lambda: zalo.texts("z3"), 60)
        web = client.post("/api/ask", json={"q": f"/bai facebook {TOPIC}"}).json()
        deadlines = client.post("/api/ask", json={"q": "/hanchot"}).json()
        duties = client.post("/api/ask", json={"q": "/nhiemvu Ủy ban nhân dân"}).json()
        tg.text(CHAT, USER, "/hanchot")
        zalo.push(FakeZalo.update("z4", "/nhiemvu Ủy ban nhân dân"))
        assert wait_until(lambda: len(tg.sent(chat_id=CHAT)) >= 2 and zalo.texts("z4"), 60)
    for text in (tg_post, zalo.texts("z2")[0], zalo.texts("z3")[0], web["answer"]):
        assert text and P.ERROR not in text and P.FEATURE_MISSING not in text
        assert P.POST_NO_MATERIAL.format(topic=TOPIC) not in text
    assert "32/KH-UBND" in tg_post
    assert len(zalo.texts("z2")) == 1  # the Zalo-style post and its source in one message
    assert web["intent"] == "command" and web["sources"][0]["document"] == "32/KH-UBND" and web["id"] is None
    for text in (deadlines["answer"], duties["answer"], tg.sent(chat_id=CHAT)[1].params["text"], zalo.texts("z4")[0]):
        assert text and P.ERROR not in text and P.FEATURE_MISSING not in text


class HeldIngestor:
    """Constructed: the real ingest pipeline, held at its start until the test lets it go. It runs
    in the writer process, so it talks to the test through files in ``signals``."""

    def __init__(self, signals: Path) -> None:
        from troly.ingest.pipeline import Ingestor

        self.real, self.signals = Ingestor(), signals

    def run(self, path: Path, name: str | None = None):
        (self.signals / "started").touch()
        end = time.monotonic() + 120
        while not (self.signals / "go").exists() and time.monotonic() < end:
            time.sleep(0.02)
        try:
            return self.real.run(path, name) if name is not None else self.real.run(path)
        finally:
            (self.signals / "finished").touch()


def held_writer(settings: Settings, signals: Path) -> ConversationCore:
    """The writing side with a held ingest (built in the writer process)."""
    from troly.knowledge.base import KnowledgeBase

    kb = KnowledgeBase(settings, ingestor=HeldIngestor(signals))
    return ConversationCore(Services(engine=None, kb=kb, settings=settings, feedback=None))


def test_answers_keep_flowing_while_an_upload_is_ingested(tmp_path, fakes, shipped_data):
    tg, zalo = fakes
    data, signals = tmp_path / "data", tmp_path / "signals"
    shutil.copytree(shipped_data, data)
    signals.mkdir()
    settings = channel_settings(data, tg.api_base, tg, zalo)

    def factory() -> ConversationCore:
        core = load_core(settings)
        core.writer = WriterSpec(settings, functools.partial(held_writer, signals=signals))
        return core

    with TestClient(create_app(settings, core_factory=factory, zalo=False)) as client:
        tg.document(CHAT, ADMIN, "kh45.txt", "\n".join(SAMPLE_PLAN).encode("utf-8"))
        assert wait_until(lambda: (signals / "started").exists(), 120)
        during = client.post("/api/ask", json={"q": "Kế hoạch 32/KH-UBND ban hành ngày nào?"})
        mid_ingest = not (signals / "finished").exists()
        (signals / "go").touch()
        assert wait_until(lambda: tg.sent(chat_id=CHAT), 120)
        after = client.post("/api/ask", json={"q": "Ai ký Kế hoạch 45-KH/HU?"}).json()
        body = health(client)
    assert during.status_code == 200 and "19 tháng 8 năm 2025" in during.json()["answer"] and mid_ingest
    assert "45-KH/HU" in tg.sent(chat_id=CHAT)[0].params["text"]
    assert "Nguyễn Văn Hùng" in after["answer"]  # the answering side saw the writer's commit
    assert body["documents"] == 2 and body["last_ingest"]


class _FragileKB:
    """Constructed: a knowledge base whose ``crash`` ends its process (as an out-of-memory kill
    would) and whose ``bad`` refuses a file."""

    def crash(self) -> None:
        os._exit(1)

    def bad(self) -> None:
        from troly.ingest.errors import IngestError

        raise IngestError("x.txt", "không có chữ")

    def count(self) -> int:
        return 7


def fragile_writer(settings: Settings) -> ConversationCore:
    return ConversationCore(Services(engine=None, kb=_FragileKB(), settings=settings, feedback=None))


async def test_writer_process_errors_come_back_and_a_dead_writer_is_replaced(tmp_path):
    from troly.ingest.errors import IngestError

    writer = ProcessWriter(WriterSpec(Settings(data_dir=tmp_path), fragile_writer))
    try:
        with pytest.raises(IngestError) as refused:
            await writer.call("bad file", "bad")
        assert refused.value.reason == "không có chữ" and refused.value.source == "x.txt"
        with pytest.raises(WriterDied):
            await writer.call("crash", "crash")
        assert await writer.call("count", "count") == 7  # a new writer took over
    finally:
        writer.close()


# ---------------------------------------------------------------- rendering

class _Post:
    def __init__(self, text: str, sources: list[dict]):
        self.text, self.sources = text, sources

    def to_json(self) -> dict:
        return {"channel": "zalo", "text": self.text, "sources": self.sources}


class _Posts:
    """Constructed: a post writer that records the style asked for."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    def run(self, topic: str, channel: str = "zalo", variants: int = 1) -> list[_Post]:
        self.asked.append((topic, channel))
        paras = ["📢 Tiêu đề bài viết"] + ["✅ " + " ".join(["nội dung của một ý trong văn bản"] * 8)] * 5 + ["📌 Nguồn: Kế hoạch"]
        quote = {"document": "32/KH-UBND", "title": "Tuyên truyền " + "rất dài " * 25, "section": "I. Mục " * 10,
                 "quote": "trích dẫn " * 20}
        return [_Post("\n\n".join(paras), [quote] * 5)]


def test_post_styles_per_channel_and_one_zalo_message():
    posts = _Posts()
    s = Services(engine=None, kb=None, settings=None, feedback=None, posts=posts)
    [tg] = post(s, TOPIC, "telegram")
    post(s, f"loa {TOPIC}", "zalo")
    post(s, f"Facebook {TOPIC}", "telegram")
    post(s, TOPIC, "web")
    [zl] = post(s, TOPIC, "zalo")
    assert posts.asked == [(TOPIC, "zalo"), (TOPIC, "loa"), (TOPIC, "facebook"), (TOPIC, "facebook"), (TOPIC, "zalo")]
    assert post(s, "loa", "zalo")[0].text == P.POST_USAGE
    assert len(zl.text) > 1200 and len(zl.sources) == 1  # one entry per document
    messages = plain_messages(zl)
    assert len(messages) == 1 and len(messages[0]) <= ZALO_LIMIT and zl.text in messages[0]
