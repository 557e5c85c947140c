"""The real python-telegram-bot Application against a fake Telegram Bot API on 127.0.0.1."""
from __future__ import annotations

import asyncio
import contextlib
import io
from pathlib import Path

import pytest

from tests.fakes.channel_engine import SAMPLE_PLAN as REAL_DOC, FakeEngine, FakeKB
from tests.fakes._http import until
from tests.fakes.telegram_api import FakeTelegram
from troly.bot.channels.core import ConversationCore, Services
from troly.bot.channels.runtime import CoreRunner, Worker, load_core
from troly.bot.channels.telegram import build_application, file_base_url
from troly.bot.feedback import FeedbackStore
from troly.config import Settings
from troly.prompts import channels as P

ADMIN, USER, CHAT = 1, 7, 700
DOC = "Kế hoạch thực hiện chuyển đổi số\nBan Tuyên giáo chủ trì tuyên truyền chuyển đổi số <nhanh> & hiệu quả\nNguyễn Văn A"


@pytest.fixture
def fake():
    with FakeTelegram() as f:
        yield f


def bot_settings(tmp_path: Path, fake: FakeTelegram, rate_limit: int = 20) -> Settings:
    return Settings(data_dir=tmp_path / "data", admins={f"telegram:{ADMIN}"}, rate_limit=rate_limit,
                    telegram_token=fake.token, telegram_api_base=fake.api_base)


@contextlib.asynccontextmanager
async def running_bot(tmp_path: Path, fake: FakeTelegram, rate_limit: int = 20, real: bool = False):
    settings = bot_settings(tmp_path, fake, rate_limit)
    if real:
        runner = await asyncio.get_running_loop().run_in_executor(None, CoreRunner.start, lambda: load_core(settings))
    else:
        kb = FakeKB(tmp_path / "t.sqlite3")
        kb.add_text("kh1", DOC, number="1-KH/TU")
        core = ConversationCore(Services(engine=FakeEngine(kb), kb=kb, settings=settings,
                                         feedback=FeedbackStore(kb.connect)))
        runner = CoreRunner(core, Worker())
    app = build_application(settings, runner, reminders=False)
    async with app:
        await app.post_init(app)
        await app.start()
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield runner.core
        finally:
            await app.updater.stop()
            await app.stop()
            runner.close()


def test_file_base_url():
    assert file_base_url("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"


async def test_text_message_gets_answer_with_sources(tmp_path, fake):
    async with running_bot(tmp_path, fake) as core:
        fake.text(CHAT, USER, "Ai chủ trì tuyên truyền?")
        await until(lambda: fake.sent(chat_id=CHAT))
    [call] = fake.sent(chat_id=CHAT)
    text = call.params["text"]
    assert call.params["parse_mode"] == "HTML"
    assert "1-KH/TU" in text and "&lt;nhanh&gt; &amp; hiệu quả" in text  # document text is escaped
    keyboard = call.params["reply_markup"]["inline_keyboard"]
    datas = [b["callback_data"] for row in keyboard for b in row]
    assert datas[0].startswith("src:") and any(d.endswith(":-1") for d in datas)
    assert any(c.params.get("action") == "typing" for c in fake.sent("sendChatAction", CHAT))
    commands = fake.sent("setMyCommands")[0].params["commands"]
    assert {c["command"] for c in commands} >= {"hoi", "vanban", "nguon", "hanchot"}
    assert core.services.feedback.counts()["questions"] == 1


async def test_buttons_show_sources_and_store_feedback(tmp_path, fake):
    async with running_bot(tmp_path, fake) as core:
        fake.text(CHAT, USER, "tuyên truyền")
        await until(lambda: fake.sent(chat_id=CHAT))
        answer = fake.sent(chat_id=CHAT)[0].params
        datas = [b["callback_data"] for row in answer["reply_markup"]["inline_keyboard"] for b in row]
        message = {"message_id": 1, "date": 0, "chat": {"id": CHAT, "type": "private"},
                   "text": "x", "reply_markup": answer["reply_markup"]}
        fake.button(CHAT, USER, datas[0], message)
        await until(lambda: len(fake.sent(chat_id=CHAT)) == 2)
        fake.button(CHAT, USER, [d for d in datas if d.endswith(":1") and d.startswith("fb:")][0], message)
        await until(lambda: fake.sent("editMessageReplyMarkup"))
        entry = core.services.feedback.recent(1)[0]
    sources = fake.sent(chat_id=CHAT)[1].params["text"]
    assert "<b>" + P.SOURCES_HEADING in sources and "chủ trì tuyên truyền" in sources
    assert entry.vote == 1
    toasts = [c.params.get("text") for c in fake.sent("answerCallbackQuery")]
    assert P.THANKS_UP in toasts
    kept = fake.sent("editMessageReplyMarkup")[0].params["reply_markup"]["inline_keyboard"]
    assert [b["callback_data"] for row in kept for b in row] == [datas[0]]


async def test_long_answer_is_split(tmp_path, fake):
    async with running_bot(tmp_path, fake):
        fake.text(CHAT, USER, "tuyên truyền dài")
        await until(lambda: any("reply_markup" in c.params for c in fake.sent(chat_id=CHAT)), timeout=30)
    calls = fake.sent(chat_id=CHAT)
    assert len(calls) > 2
    assert all(len(c.params["text"]) <= 4096 for c in calls)
    assert ["reply_markup" in c.params for c in calls] == [False] * (len(calls) - 1) + [True]
    assert "Đoạn 29" in "".join(c.params["text"] for c in calls)


async def test_rate_limit_answers_politely(tmp_path, fake):
    async with running_bot(tmp_path, fake, rate_limit=2):
        for _ in range(3):
            fake.text(CHAT, USER, "tuyên truyền")
        await until(lambda: len(fake.sent(chat_id=CHAT)) == 3)
    texts = [c.params["text"] for c in fake.sent(chat_id=CHAT)]
    assert texts.count(P.RATE_LIMITED.format(limit=2)) == 1


async def test_admin_docx_is_ingested_then_answerable(tmp_path, fake):
    import docx

    d = docx.Document()
    for line in ("Kế hoạch phát triển nông nghiệp xanh", "Sở Nông nghiệp triển khai mô hình hợp tác xã", "Trần Văn B"):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    async with running_bot(tmp_path, fake) as core:
        fake.document(CHAT, ADMIN, "kh9.docx", buf.getvalue())
        await until(lambda: fake.sent(chat_id=CHAT))
        fake.text(CHAT, ADMIN, "nông nghiệp triển khai gì?")
        await until(lambda: len(fake.sent(chat_id=CHAT)) == 2)
        assert "kh9" in core.services.kb.docs
    summary, answer = (c.params["text"] for c in fake.sent(chat_id=CHAT))
    assert "KH9" in summary and "Kế hoạch phát triển nông nghiệp xanh" in summary and "Trần Văn B" in summary
    assert fake.sent("getFile")
    assert "Theo KH9" in answer


async def test_non_admin_file_is_refused(tmp_path, fake):
    async with running_bot(tmp_path, fake) as core:
        fake.document(CHAT, USER, "x.txt", "Văn bản lạ".encode())
        await until(lambda: fake.sent(chat_id=CHAT))
        assert list(core.services.kb.docs) == ["kh1"]
    assert fake.sent(chat_id=CHAT)[0].params["text"] == P.FILE_REFUSED
    assert not fake.sent("getFile")  # nothing was even downloaded


def docx_bytes(lines: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()




@pytest.mark.slow
async def test_real_engine_admin_docx_then_answer(tmp_path, fake):
    """Integration: the real knowledge base and answer engine behind the real Telegram Application."""
    async with running_bot(tmp_path, fake, real=True) as core:
        fake.document(CHAT, ADMIN, "kh45.docx", docx_bytes(REAL_DOC))
        await until(lambda: fake.sent(chat_id=CHAT), timeout=120)
        fake.text(CHAT, ADMIN, "Ai ký Kế hoạch 45-KH/HU?")
        await until(lambda: len(fake.sent(chat_id=CHAT)) == 2, timeout=60)
        fake.text(CHAT, USER, "/vanban")
        await until(lambda: len(fake.sent(chat_id=CHAT)) == 3, timeout=60)
        assert [d.facts.key for d in core.services.kb.documents()] == ["45-KH/HU"]
    summary, answer, listing = (c.params["text"] for c in fake.sent(chat_id=CHAT))
    assert "45-KH/HU" in summary and "Nguyễn Văn Hùng" in summary
    assert "Nguyễn Văn Hùng" in answer and "reply_markup" in fake.sent(chat_id=CHAT)[1].params
    assert "45-KH/HU" in listing
