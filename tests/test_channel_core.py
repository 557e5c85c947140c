"""The conversation core with a fake engine and KB: commands, buttons, limits, admin uploads."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.fakes.channel_engine import FakeEngine, FakeKB
from troly.bot.channels.core import ConversationCore, Services
from troly.bot.channels.ratelimit import RateLimiter
from troly.bot.channels.render import pack, plain_messages, telegram_messages
from troly.bot.channels.replies import Incoming, Reply, SourceItem
from troly.bot.feedback import FeedbackStore
from troly.config import Settings
from troly.models import Assignment
from troly.prompts import channels as P

DOC = "Kế hoạch thực hiện chuyển đổi số\nBan Tuyên giáo chủ trì tuyên truyền chuyển đổi số\nNguyễn Văn A"


@pytest.fixture
def core(tmp_path: Path) -> ConversationCore:
    kb = FakeKB(tmp_path / "t.sqlite3")
    kb.add_text("kh1", DOC, number="1-KH/TU", assignments=[
        Assignment(agency="Ban Tuyên giáo Thành ủy", role="chủ trì", task="Tuyên truyền chuyển đổi số",
                   deadline_text="trước ngày 15/5/2025"),
        Assignment(agency="Văn phòng Thành ủy", role="phối hợp", task="Tổng hợp báo cáo"),
    ])
    settings = Settings(data_dir=tmp_path, admins={"telegram:1", "99"}, rate_limit=3)
    return ConversationCore(Services(engine=FakeEngine(kb), kb=kb, settings=settings, feedback=FeedbackStore(kb.connect)))


def msg(text: str = "", user: str = "7", channel: str = "telegram", **kw) -> Incoming:
    return Incoming(channel=channel, chat_id=f"c{user}", user_id=user, text=text, **kw)


def test_plain_text_asks_and_logs_with_buttons(core):
    [reply] = core.handle(msg("Ai chủ trì tuyên truyền?"))
    assert "Ban Tuyên giáo" in reply.text
    assert reply.sources and reply.sources[0].document == "1-KH/TU"
    datas = [b.data for b in reply.buttons]
    assert datas[0].startswith("src:") and {"fb:%s:1" % datas[0][4:], "fb:%s:-1" % datas[0][4:]} <= set(datas)
    entry = core.services.feedback.recent(1)[0]
    assert entry.question == "Ai chủ trì tuyên truyền?" and entry.answer["sources"][0]["document"] == "1-KH/TU"


def test_command_aliases_fold_diacritics(core):
    [a] = core.handle(msg("/hỏi tuyên truyền"))
    [b] = core.handle(msg("/hoi@troly_bot tuyên truyền"))
    assert a.sources and b.sources
    [empty] = core.handle(msg("/hoi"))
    assert empty.text == P.ASK_EMPTY
    [unknown] = core.handle(msg("/khongco"))
    assert "/khongco" in unknown.text


def test_too_long_input_gets_a_message_not_an_answer(core):
    [reply] = core.handle(msg("a" * 2001))
    assert "2001" in reply.text and not reply.buttons
    assert core.services.engine.asked == []


def test_rate_limit_is_per_user_and_polite(core):
    clock = [0.0]
    core.limiter = RateLimiter(3, clock=lambda: clock[0])
    for _ in range(3):
        assert core.handle(msg("tuyên truyền"))[0].sources
    [limited] = core.handle(msg("tuyên truyền"))
    assert limited.text == P.RATE_LIMITED.format(limit=3)
    assert core.handle(msg("tuyên truyền", user="8"))[0].sources  # another user is not limited
    clock[0] = 61.0
    assert core.handle(msg("tuyên truyền"))[0].sources


def test_buttons_show_sources_and_store_votes(core):
    [answer] = core.handle(msg("tuyên truyền"))
    entry_id = int(answer.buttons[0].data.split(":")[1])
    [sources] = core.handle(msg(button=f"src:{entry_id}"))
    assert sources.full_sources and sources.sources[0].quote.startswith("Ban Tuyên giáo")
    [thanks] = core.handle(msg(button=f"fb:{entry_id}:-1"))
    assert thanks.notice and thanks.text == P.THANKS_DOWN
    assert core.services.feedback.get(entry_id).vote == -1
    core.handle(msg(button=f"fb:{entry_id}:1"))
    assert core.services.feedback.counts() == {"questions": 1, "up": 1, "down": 0, "by_channel": {"telegram": 1}}
    [gone] = core.handle(msg(button="fb:999:1"))
    assert gone.text == P.ANSWER_GONE


def test_nguon_shows_last_answer_sources(core):
    assert core.handle(msg("/nguon"))[0].text == P.NO_LAST_ANSWER
    core.handle(msg("tuyên truyền"))
    [reply] = core.handle(msg("/nguon"))
    assert reply.full_sources and reply.sources[0].document == "1-KH/TU"


def test_documents_and_duties(core):
    [docs] = core.handle(msg("/vanban"))
    assert "1-KH/TU" in docs.text and "(1)" in docs.title
    [duties] = core.handle(msg("/nhiemvu ban tuyen giao"))  # folded containment, no diacritics
    assert "Tuyên truyền chuyển đổi số" in duties.text and "Tổng hợp báo cáo" not in duties.text
    assert "15/5/2025" in duties.text
    [none] = core.handle(msg("/nhiemvu Bộ Quốc phòng"))
    assert none.text == P.DUTIES_NONE.format(agency="Bộ Quốc phòng")


def test_missing_helpers_say_not_ready(core):
    for command in ("/hanchot", "/bai chuyển đổi số", "/nhacviec", "/huynhac"):
        assert core.handle(msg(command))[0].text == P.FEATURE_MISSING


def test_admin_upload_is_ingested_and_answerable(core, tmp_path):
    path = tmp_path / "kh9.txt"
    path.write_text("Kế hoạch phát triển nông nghiệp\nSở Nông nghiệp triển khai mô hình hợp tác xã\nTrần B",
                    encoding="utf-8")
    upload = msg(user="1", file_path=path, file_name="kh9.txt", file_size=path.stat().st_size)
    assert core.check_file(upload) is None
    [summary] = core.handle(upload)
    assert "KH9" in summary.title and "Kế hoạch phát triển nông nghiệp" in summary.text and "Trần B" in summary.text
    [answer] = core.handle(msg("nông nghiệp triển khai gì?", user="1"))
    assert answer.sources[0].document == "KH9"


def test_non_admin_upload_is_refused_and_not_ingested(core, tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Văn bản lạ", encoding="utf-8")
    upload = msg(user="5", file_path=path, file_name="x.txt")
    assert core.check_file(upload)[0].text == P.FILE_REFUSED
    assert core.handle(upload)[0].text == P.FILE_REFUSED
    assert "x" not in core.services.kb.docs
    # an admin id from another channel is not an admin here
    assert core.check_file(msg(user="1", channel="zalo", file_name="x.txt"))[0].text == P.FILE_REFUSED


def test_admin_commands(core):
    assert core.handle(msg("/xoa 1-KH/TU"))[0].text == P.ADMIN_ONLY
    assert core.services.kb.docs
    core.handle(msg("tuyên truyền"))
    stats = core.handle(msg("/thongke", user="99", channel="zalo"))[0].text
    assert "Số câu hỏi: 1" in stats and "telegram: 1" in stats
    assert "kh1" in core.handle(msg("/xoa 1-KH/TU", user="1"))[0].text
    assert not core.services.kb.docs


def test_engine_error_becomes_polite_reply(core):
    def boom(*_a, **_k):
        raise RuntimeError("boom")

    core.services.engine.ask = boom
    assert core.handle(msg("tuyên truyền"))[0].text == P.ERROR


def test_telegram_rendering_escapes_and_splits():
    src = SourceItem(document="1-KH/TU", title="<b>x</b>", section="I › 1", quote="a & b " * 900)
    reply = Reply(text="<script>alert(1)</script>\n\n" + ("đoạn văn " * 300 + "\n\n") * 6, sources=[src],
                  full_sources=True)
    messages = telegram_messages(reply)
    assert len(messages) > 1 and all(len(m) <= 4096 for m in messages)
    joined = "".join(messages)
    assert "&lt;script&gt;" in joined and "<script>" not in joined and "&lt;b&gt;x&lt;/b&gt;" in joined
    for m in messages:  # tags are balanced in every message
        assert m.count("<b>") == m.count("</b>") and m.count("<i>") == m.count("</i>")


def test_plain_rendering_numbers_buttons_and_splits():
    from troly.bot.channels.replies import Button

    reply = Reply(text=("câu trả lời " * 100 + "\n\n") * 5, buttons=[Button("Xem nguồn", "src:1"), Button("👍", "fb:1:1")])
    messages = plain_messages(reply)
    assert len(messages) > 1 and all(len(m) <= 2000 for m in messages)
    assert messages[-1].endswith("1 = Xem nguồn, 2 = 👍")
    assert pack(["x" * 10, "y" * 10], 25) == ["x" * 10 + "\n\n" + "y" * 10]
    assert pack(["x" * 10, "y" * 10], 15) == ["x" * 10, "y" * 10]


def test_feedback_store_survives_reopen(tmp_path):
    import sqlite3

    factory = lambda: sqlite3.connect(tmp_path / "f.sqlite3")  # noqa: E731
    store = FeedbackStore(factory)
    entry = store.log("zalo", "c", "u", "hỏi", {"answer": "đáp", "sources": []})
    store.vote(entry, 1)
    again = FeedbackStore(factory)
    assert again.get(entry).vote == 1 and again.get(entry).answer["answer"] == "đáp"
    assert [e.id for e in again.recent(5)] == [entry]
