"""The engine with an LLM behind a fake OpenAI-compatible server: used when grounded, else the extractive answer."""
from __future__ import annotations

from directive_fixtures import make_kb
from fakes import FakeOpenAI
from test_engine_constructed import PLAN_A
from troly.bot.engine import AnswerEngine
from troly.bot.llm import LLMWriter

QUESTION = "Kế hoạch 12-KH/HU ban hành ngày nào?"


def _engine(tmp_path, base_url, timeout=5.0):
    kb = make_kb(tmp_path, [("a.md", PLAN_A)])
    return AnswerEngine(kb, kb.settings, llm=LLMWriter(base_url, "fake-model", "sk-test", timeout=timeout))


def test_grounded_llm_answer_is_used(tmp_path):
    with FakeOpenAI(content="Kế hoạch số 12-KH/HU được ban hành ngày 05/6/2025 tại An Phú [1].") as fake:
        ans = _engine(tmp_path, fake.base_url).ask(QUESTION)
    assert ans.answer.startswith("Kế hoạch số 12-KH/HU được ban hành ngày 05/6/2025")
    assert ans.sources and not ans.abstained
    assert "sk-test" not in ans.answer


def test_invented_date_falls_back_to_extraction(tmp_path):
    with FakeOpenAI(content="Kế hoạch được ban hành ngày 09/9/2025 [1].") as fake:
        ans = _engine(tmp_path, fake.base_url).ask(QUESTION)
    assert "09/9/2025" not in ans.answer and "05 tháng 6 năm 2025" in ans.answer


def test_server_error_and_timeout_fall_back(tmp_path):
    with FakeOpenAI(mode="error") as fake:
        assert "05 tháng 6 năm 2025" in _engine(tmp_path / "a", fake.base_url).ask(QUESTION).answer
    with FakeOpenAI(mode="sleep", delay=3) as fake:
        assert "05 tháng 6 năm 2025" in _engine(tmp_path / "b", fake.base_url, timeout=1).ask(QUESTION).answer


def test_abstentions_never_reach_the_llm(tmp_path):
    with FakeOpenAI(content="Lãi suất là 5% [1].") as fake:
        ans = _engine(tmp_path, fake.base_url).ask("Lãi suất tiết kiệm ngân hàng hiện nay là bao nhiêu?")
        assert ans.abstained and not fake.requests
