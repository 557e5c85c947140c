"""The Zalo bot (long polling over httpx) against a fake Zalo Bot API on 127.0.0.1."""
from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest

from tests.fakes.channel_engine import FakeEngine, FakeKB
from tests.fakes._http import until
from tests.fakes.zalo_api import FakeZalo
from troly.bot.channels.core import ConversationCore, Services
from troly.bot.channels.runtime import CoreRunner, Worker
from troly.bot.channels.zalo import ZaloAPIError, ZaloBot, ZaloClient
from troly.bot.feedback import FeedbackStore
from troly.config import Settings
from troly.prompts import channels as P

ADMIN, USER = "a1b2", "u777"
DOC = "Kế hoạch thực hiện chuyển đổi số\nBan Tuyên giáo chủ trì tuyên truyền chuyển đổi số <nhanh>\nNguyễn Văn A"


@pytest.fixture
def fake():
    with FakeZalo() as f:
        yield f


def make_core(tmp_path: Path, rate_limit: int = 20) -> ConversationCore:
    kb = FakeKB(tmp_path / "z.sqlite3")
    kb.add_text("kh1", DOC, number="1-KH/TU")
    settings = Settings(data_dir=tmp_path, admins={f"zalo:{ADMIN}"}, rate_limit=rate_limit)
    return ConversationCore(Services(engine=FakeEngine(kb), kb=kb, settings=settings, feedback=FeedbackStore(kb.connect)))


@contextlib.asynccontextmanager
async def polling(tmp_path: Path, fake: FakeZalo, rate_limit: int = 20):
    core = make_core(tmp_path, rate_limit)
    runner = CoreRunner(core, Worker())
    client = ZaloClient(fake.token, fake.api_base, backoff=0.01)
    bot = ZaloBot(client, runner)
    stop = asyncio.Event()
    task = asyncio.create_task(bot.poll(stop, timeout=1))
    try:
        yield core
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
        await client.close()
        runner.close()


async def test_text_message_gets_plain_answer_with_sources_and_choices(tmp_path, fake):
    async with polling(tmp_path, fake) as core:
        fake.push(fake.update(USER, "Ai chủ trì tuyên truyền?"))
        await until(lambda: fake.texts(USER))
    [text] = fake.texts(USER)
    assert "1-KH/TU" in text and "<nhanh>" in text and "<b>" not in text  # plain text, nothing escaped
    assert text.rstrip().endswith("1 = Xem nguồn, 2 = 👍, 3 = 👎")
    assert fake.sent(USER, "sendChatAction")[0].params["action"] == "typing"
    assert fake.sent(method="deleteWebhook")
    assert core.services.feedback.counts()["by_channel"] == {"zalo": 1}


async def test_numbered_choices_show_sources_and_store_feedback(tmp_path, fake):
    async with polling(tmp_path, fake) as core:
        fake.push(fake.update(USER, "tuyên truyền"))
        await until(lambda: len(fake.texts(USER)) == 1)
        fake.push(fake.update(USER, "1"))
        await until(lambda: len(fake.texts(USER)) == 2)
        fake.push(fake.update(USER, " 3 "))
        await until(lambda: len(fake.texts(USER)) == 3)
        entry = core.services.feedback.recent(1)[0]
    sources, thanks = fake.texts(USER)[1:]
    assert sources.startswith(P.SOURCES_HEADING) and "chủ trì tuyên truyền" in sources
    assert thanks == P.THANKS_DOWN and entry.vote == -1


async def test_long_answer_is_split_at_2000(tmp_path, fake):
    async with polling(tmp_path, fake):
        fake.push(fake.update(USER, "tuyên truyền dài"))
        await until(lambda: any("1 = Xem nguồn" in t for t in fake.texts(USER)))
    texts = fake.texts(USER)
    assert len(texts) > 3 and all(len(t) <= 2000 for t in texts)
    assert "Đoạn 29" in "".join(texts) and "1 = Xem nguồn" in texts[-1]


async def test_rate_limit_and_too_long_input(tmp_path, fake):
    async with polling(tmp_path, fake, rate_limit=2):
        for i in range(3):
            fake.push(fake.update(USER, "tuyên truyền", message_id=f"r{i}"))
        fake.push(fake.update("other", "x" * 2500))
        await until(lambda: len(fake.texts(USER)) == 3 and fake.texts("other"))
    assert fake.texts(USER).count(P.RATE_LIMITED.format(limit=2)) == 1
    assert fake.texts("other") == [P.TOO_LONG.format(limit=2000, length=2500)]


async def test_duplicates_answered_once_and_bad_updates_do_not_stop_the_loop(tmp_path, fake):
    async with polling(tmp_path, fake):
        fake.push({"event_name": "message.text.received"})  # no message at all
        fake.push({"event_name": "message.text.received", "message": {"chat": None, "text": 5}})
        fake.push(fake.update(USER, "tuyên truyền", message_id="same"))
        fake.push(fake.update(USER, "tuyên truyền", message_id="same"))
        fake.push(fake.update(USER, "/vanban", message_id="next"))
        await until(lambda: len(fake.texts(USER)) == 2)
        await asyncio.sleep(0.3)
    texts = fake.texts(USER)
    assert len(texts) == 2 and "1-KH/TU" in texts[1]


async def test_retries_on_5xx_429_and_getupdates_errors(tmp_path, fake):
    fake.fail("getUpdates", 503)
    fake.fail("sendMessage", 500, 429)
    async with polling(tmp_path, fake):
        fake.push(fake.update(USER, "tuyên truyền"))
        await until(lambda: fake.texts(USER))
    assert len(fake.texts(USER)) == 1


async def test_client_gives_up_after_retries(fake):
    fake.fail("sendMessage", 500, 500, 500)
    client = ZaloClient(fake.token, fake.api_base, retries=2, backoff=0.01)
    with pytest.raises(ZaloAPIError):
        await client.send_message(USER, "x")
    await client.close()
    assert not fake.texts(USER)


async def test_non_text_events_get_polite_reply_and_nothing_is_ingested(tmp_path, fake):
    async with polling(tmp_path, fake) as core:
        fake.push(fake.update(ADMIN, None, event="message.image.received"))
        fake.push(fake.update(USER, None, event="message.unsupported.received"))
        await until(lambda: fake.texts(ADMIN) and fake.texts(USER))
        assert list(core.services.kb.docs) == ["kh1"]
    assert fake.texts(ADMIN) == [P.UNSUPPORTED_MESSAGE] and fake.texts(USER) == [P.UNSUPPORTED_MESSAGE]


async def test_get_update_treats_408_as_no_update(fake):
    client = ZaloClient(fake.token, fake.api_base)
    assert await client.get_update(timeout=1) is None
    fake.push(fake.update(USER, "hi", message_id="m1"))
    update = await client.get_update(timeout=1)
    await client.close()
    assert update["message"]["message_id"] == "m1"
