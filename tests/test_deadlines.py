"""Deadlines read from directives, with statuses relative to a frozen today."""
from __future__ import annotations

import json
from datetime import date

import pytest
from directive_fixtures import make_kb

from troly.bot.tracking.deadlines import (Deadline, agency_matches, format_deadlines, list_deadlines,
                                 status_of)
from troly.cli import main
from troly.config import DEFAULT_CORPUS


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return make_kb(tmp_path_factory.mktemp("deadlines"))


def _by_text(items: list[Deadline], text: str) -> Deadline:
    return next(d for d in items if text in d.deadline_text)


def test_dated_report_overdue_and_year_horizon_ongoing(kb):
    items = list_deadlines(kb, today=date(2025, 6, 1))
    report = _by_text(items, "15/5/2025")
    assert report.status == "overdue" and report.days_left == -17 and report.due == date(2025, 5, 15)
    assert report.deadline_date == "2025-05-15" and report.dated
    assert "Ban Tuyên giáo" in report.agency and "báo cáo" in report.task
    assert report.document == "21-KH/HU" and "21-KH/HU" in report.document_name
    assert report.section.startswith("III.")
    horizon = _by_text(items, "đến năm 2025")
    assert horizon.status == "ongoing" and horizon.deadline_date == "2025" and not horizon.dated
    assert items[0] is report  # overdue first
    assert report.label == "Quá hạn" and horizon.to_json()["status"] == "ongoing"


@pytest.mark.parametrize("today,status", [
    (date(2025, 3, 1), "later"), (date(2025, 4, 15), "due_soon"), (date(2025, 5, 15), "due_soon"),
    (date(2025, 5, 16), "overdue"),
])
def test_status_moves_with_today(kb, today, status):
    assert _by_text(list_deadlines(kb, today), "15/5/2025").status == status


def test_status_rules():
    assert status_of("", date(2025, 1, 1)) == ("ongoing", None, None)
    assert status_of("2025", date(2025, 12, 31))[0] == "ongoing"
    assert status_of("2025", date(2026, 1, 1))[0] == "overdue"  # the horizon has passed
    assert status_of("2025-05", date(2025, 5, 20))[0] == "due_soon"  # month: its last day counts
    assert status_of("2025-05", date(2025, 6, 1))[0] == "overdue"


def test_agency_filter_and_matching(kb):
    only = list_deadlines(kb, date(2025, 6, 1), agency="ban tuyen giao")
    assert only and all("Tuyên giáo" in d.agency for d in only)
    assert agency_matches("UBND huyện", "Ủy ban nhân dân huyện")
    assert agency_matches("ubnd huyen", "Ủy ban nhân dân huyện")
    assert not agency_matches("tuyên giáo", "Mặt trận Tổ quốc")
    assert not agency_matches("", "Ban Tuyên giáo")


def test_format_lists_statuses_in_vietnamese(kb):
    today = date(2025, 6, 1)
    text = format_deadlines(list_deadlines(kb, today), today)
    assert "01/6/2025" in text and "Quá hạn" in text and "quá 17 ngày" in text
    assert "Thường xuyên/dài hạn" in text and "trước ngày 15/5/2025" in text


def test_cli_deadlines_json(kb, monkeypatch, capsys):
    monkeypatch.setenv("TROLY_DATA", str(kb.settings.data_dir))
    assert main(["deadlines", "--today", "2025-06-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    report = next(d for d in data if d["deadline_date"] == "2025-05-15")
    assert report["status"] == "overdue" and report["label"] == "Quá hạn" and report["due"] == "2025-05-15"
    assert main(["deadlines", "--today", "2025-04-20"]) == 0
    assert "Sắp đến hạn" in capsys.readouterr().out


def test_shipped_corpus_deadlines_are_consistent(tmp_path):
    """Generic properties on the shipped corpus; no answers keyed on its content."""
    kb = make_kb(tmp_path, texts=[])
    kb.ingest([DEFAULT_CORPUS])
    for today in (date(2025, 1, 10), date(2026, 3, 1)):
        items = list_deadlines(kb, today)
        assert any(d.dated for d in items), "at least one dated deadline"
        for d in items:
            assert d.status in {"overdue", "due_soon", "later", "ongoing"}
            if d.due is None:
                assert d.status == "ongoing"
                continue
            days = (d.due - today).days
            assert d.days_left == days
            if days < 0:
                assert d.status == "overdue"
            elif d.dated:
                assert d.status == ("due_soon" if days <= 30 else "later")
            else:
                assert d.status in {"ongoing", "due_soon", "later"}
