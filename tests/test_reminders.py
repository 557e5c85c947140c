"""Reminders 7, 3 and 1 days before a dated deadline: once each, across restarts."""
from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest
from directive_fixtures import make_kb

from troly.bot.tracking.deadlines import Deadline, status_of
from troly.bot.tracking.reminders import Reminders


def deadline(iso: str = "2025-05-15", agency: str = "Ban Tuyên giáo Huyện ủy", today: date = date(2025, 5, 1)) -> Deadline:
    status, due, days = status_of(iso, today)
    return Deadline("21-KH/HU", "21-KH/HU", agency, "chủ trì", "Tổng hợp, báo cáo kết quả thực hiện Kế hoạch.",
                    f"trước ngày {iso}", iso, "III. TỔ CHỨC THỰC HIỆN", status, due, days,
                    "Kế hoạch số 21-KH/HU ngày 10 tháng 3 năm 2025 của Ban Thường vụ Huyện ủy")


@pytest.fixture
def factory(tmp_path):
    path = tmp_path / "r.sqlite3"
    return lambda: sqlite3.connect(str(path), timeout=30)


def at(day: int, hour: int = 8) -> datetime:
    return datetime(2025, 5, day, hour)


def sent(store: Reminders, now: datetime, *args, **kw) -> list:
    """``due`` then each delivered, as a bot whose sends all succeed does."""
    out = store.due(now, *args, **kw)
    for r in out:
        store.delivered(r, now)
    return out


def test_fires_once_per_window_and_survives_restart(factory):
    r = Reminders(factory)
    r.subscribe("telegram", "42", "ban tuyên giáo")
    dl = [deadline()]
    assert sent(r, at(7), dl) == []  # 8 days before: nothing yet
    [first] = sent(r, at(8), dl)  # 7 days before
    assert (first.channel, first.chat_id) == ("telegram", "42")
    assert "còn 7 ngày" in first.text and "15/5/2025" in first.text and "21-KH/HU" in first.text
    assert sent(r, at(8, 20), dl) == []  # same day again
    assert sent(r, at(9), dl) == []  # still the 7-day window
    restarted = Reminders(factory)  # a new process on the same database
    assert restarted.subscriptions()[0].agency == "ban tuyên giáo"
    assert sent(restarted, at(10), dl) == []
    [three] = sent(restarted, at(12), dl)
    assert "còn 3 ngày" in three.text and three.key != first.key
    assert sent(restarted, at(12, 18), dl) == []
    [one] = sent(Reminders(factory), at(14), dl)
    assert "còn 1 ngày" in one.text
    assert sent(Reminders(factory), at(15), dl) == []  # the day itself: no "0 days" reminder
    assert sent(Reminders(factory), at(16), dl) == []


def test_late_tick_sends_the_current_window_only(factory):
    r = Reminders(factory)
    r.subscribe("zalo", "u1", None)
    [late] = sent(r, at(10), [deadline()])  # the bot was down on day 8
    assert "còn 5 ngày" in late.text and late.key.endswith(":7")
    [next_] = sent(r, at(13), [deadline()])  # 2 days before: the 3-day window
    assert next_.key.endswith(":3")


def test_agency_matching_channels_and_unsubscribe(factory):
    r = Reminders(factory)
    r.subscribe("telegram", "1", "UBND huyện")
    r.subscribe("telegram", "2", "tuyen giao")  # no diacritics
    r.subscribe("zalo", "3", "")  # all agencies
    dl = [deadline(), deadline(agency="Ủy ban nhân dân huyện", iso="2025-05-11")]
    got = sent(r, at(8), dl)
    pairs = sorted((x.chat_id, "Ủy ban" in x.text) for x in got)
    # chat 1 gets the UBND deadline only (4 days left: 7-day window), chat 2 the Tuyên giáo one,
    # chat 3 both.
    assert pairs == [("1", True), ("2", False), ("3", False), ("3", True)]
    assert r.unsubscribe("telegram", "1") and not r.unsubscribe("telegram", "1")
    assert [s.chat_id for s in r.subscriptions("telegram")] == ["2"]
    later = sent(r, at(10), dl, channel="telegram")  # UBND: 1 day left; chat 1 has unsubscribed
    assert later == []
    [tuyen_giao] = sent(r, at(12), dl, channel="telegram")
    assert tuyen_giao.chat_id == "2" and "còn 3 ngày" in tuyen_giao.text


def test_channel_filter_leaves_other_bots_reminders(factory):
    r = Reminders(factory)
    r.subscribe("telegram", "1", None)
    r.subscribe("zalo", "2", None)
    [tg] = sent(r, at(8), [deadline()], channel="telegram")
    assert tg.channel == "telegram"
    [za] = sent(r, at(8), [deadline()], channel="zalo")  # not consumed by the Telegram process
    assert za.channel == "zalo"


def test_undated_deadlines_never_remind(factory):
    r = Reminders(factory)
    r.subscribe("telegram", "1", None)
    assert sent(r, datetime(2025, 12, 25), [deadline(iso="2025"), deadline(iso="")]) == []


def test_with_knowledge_base_deadlines(tmp_path):
    kb = make_kb(tmp_path)
    r = Reminders(kb)
    r.subscribe("telegram", "9", "Ban Tuyên giáo")
    [rem] = sent(r, datetime(2025, 5, 8, 9))  # deadlines read from the directive: 15/5/2025
    assert "còn 7 ngày" in rem.text and "Ban Tuyên giáo" in rem.text
    assert sent(Reminders(kb), datetime(2025, 5, 8, 10)) == []
