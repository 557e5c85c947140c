"""`troly ask` (plain, --json, --jsonl) and `troly chat` on the shipped corpus."""
from __future__ import annotations

import io
import json

import pytest

from troly.cli import main


@pytest.fixture
def data_env(shipped_kb, monkeypatch):
    monkeypatch.setenv("TROLY_DATA", str(shipped_kb.settings.data_dir))


def test_ask_plain_and_json(data_env, capsys):
    assert main(["ask", "Kế hoạch 114-KH/HU ban hành ngày nào?"]) == 0
    out = capsys.readouterr().out
    assert "[1]" in out and "114-KH/HU" in out
    assert main(["ask", "--json", "Kế hoạch 114-KH/HU ban hành ngày nào?"]) == 0
    js = json.loads(capsys.readouterr().out)
    assert js["abstained"] is False and js["sources"][0]["document"] == "114-KH/HU"


def test_ask_jsonl_keeps_order_and_survives_bad_lines(data_env, capsys, monkeypatch):
    lines = [json.dumps({"q": "xin chào"}), "not json", json.dumps({"q": "Giá vàng hôm nay?"}),
             json.dumps({"q": "Ai ký kế hoạch 114?", "conversation_id": "c1"})]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["ask", "--jsonl"]) == 0
    answers = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [a["intent"] for a in answers] == ["greeting", "error", "abstain", "doc_signer"]
    assert answers[2]["abstained"] and not answers[2]["sources"]


def test_ask_without_question_is_an_error(data_env, capsys):
    assert main(["ask"]) == 2
    assert "QUESTION" in capsys.readouterr().err


def test_chat_follow_up(data_env, shipped_kb, capsys, monkeypatch):
    inputs = iter(["Kế hoạch 114-KH/HU do cơ quan nào ban hành?", "ai ký văn bản đó?", "thoát"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(inputs))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    signer = next(d.facts.signer for d in shipped_kb.documents() if d.facts.key == "114-KH/HU")
    assert signer in out


def test_ask_builds_the_default_base_from_the_shipped_corpus_the_first_time(tmp_path, capsys, monkeypatch):
    """A newcomer's first `troly ask` (no TROLY_DATA, nothing ingested yet) reads the sample corpus
    into ./data, as `make run` does, instead of answering every question from an empty base."""
    monkeypatch.delenv("TROLY_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["ask", "--json", "Kế hoạch 114-KH/HU ban hành ngày nào?"]) == 0
    captured = capsys.readouterr()
    assert "shipped sample corpus" in captured.err
    assert json.loads(captured.out)["sources"][0]["document"] == "114-KH/HU"
    assert (tmp_path / "data" / "troly.sqlite3").exists()


def test_ask_on_an_empty_base_of_the_operator_s_own_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TROLY_DATA", str(tmp_path / "mine"))
    assert main(["ask", "--json", "Kế hoạch 114-KH/HU ban hành ngày nào?"]) == 0
    captured = capsys.readouterr()
    assert "is empty" in captured.err and "troly ingest" in captured.err
    assert json.loads(captured.out)["abstained"] is True  # nothing of the sample was added
