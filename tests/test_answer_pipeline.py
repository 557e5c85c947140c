"""The answer pipeline stage by stage and route by route, on constructed documents
(tests/directive_fixtures.py: PLAN, a district plan; OTHER, a guidance; both written for the
tests, nothing copied from a shipped document)."""
from __future__ import annotations

import json

import pytest

from directive_fixtures import make_kb
from troly.bot.answer.context import Context
from troly.bot.answer.pipeline import Scope, Understand
from troly.bot.answer.routes import ROUTES
from troly.bot.engine import AnswerEngine
from troly.models import Trace


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return AnswerEngine(make_kb(tmp_path_factory.mktemp("pipe")))


def ctx_of(engine, question: str) -> Context:
    q = Understand().run(question)
    ctx = Context(question, q, [], engine.kb, engine.library(), engine.settings, trace=Trace())
    return Scope().run(ctx)


def test_understand_reads_once_into_a_typed_query():
    q = Understand().run("Ai ký Kế hoạch 21-KH/HU?")
    assert q.intent == "doc_signer" and q.subject is not None and q.subject.key == "21-KH/HU"
    assert Understand().run("lương cơ sở năm 2025 là bao nhiêu").quantity == "lương cơ sở"


def test_scope_finds_the_documents_and_rereads_about_as_content(engine):
    ctx = ctx_of(engine, "Kế hoạch 21-KH/HU ban hành ngày nào?")
    assert ctx.targets.docs == ["21-KH/HU"] and ctx.trace.documents == ["21-KH/HU"]
    about = ctx_of(engine, "Mục đích của kế hoạch tuyên truyền chuyển đổi số là gì?")
    assert about.q.intent == "content" and "doc_about read as content" in about.trace.notes


def test_route_table_is_ordered_data_ending_in_a_route_that_always_answers():
    names = [s.name for s in ROUTES]
    assert len(names) == len(set(names))
    assert ROUTES[-1].kind == "route" and ROUTES[-1].when(None)  # type: ignore[arg-type]
    guards = [s.name for s in ROUTES if s.kind == "guard"]
    assert guards == ["no_documents", "unknown_person", "unknown_document", "no_figure", "out_of_scope"]


@pytest.mark.parametrize("question,route,reason", [
    ("xin chào", "greeting", ""),
    ("Ai ký Kế hoạch 21-KH/HU?", "facts", ""),
    ("Kế hoạch 21-KH/HU ban hành khi nào và ai ký?", "several_facts", ""),
    ("Kế hoạch 21-KH/HU và Hướng dẫn 08-HD/BTGHU ban hành ngày nào?", "facts_of_each", ""),
    ("Ban Tuyên giáo Huyện ủy phải làm gì?", "tasks", ""),
    ("Đoàn Thanh niên huyện phải làm gì?", "collective_duty", ""),
    ("Hạn chót báo cáo kết quả thực hiện kế hoạch là ngày nào?", "tasks", ""),
    ("Có những hướng dẫn nào?", "doc_list", ""),
    ("Tuyên truyền an toàn giao thông dịp lễ gồm những nội dung gì?", "content", ""),
    ("Kế hoạch 99-KH/HU giao nhiệm vụ gì?", "unknown_document", "unknown_document"),
    ("lương cơ sở năm 2025 là bao nhiêu", "no_figure", "no_figure"),
    ("Thủ tục làm căn cước cho trẻ em như thế nào?", "out_of_scope", "out_of_scope"),
])
def test_each_route_and_guard_is_traced(engine, question, route, reason):
    answer = engine.ask(question)
    assert answer.trace is not None
    assert (answer.trace.route, answer.trace.reason) == (route, reason), answer.answer
    assert answer.abstained == bool(reason)
    assert answer.trace.stages == ["understand", "scope", "route", "finalize"]


def test_guards_before_the_route_are_recorded_and_composer_named(engine):
    t = engine.ask("Ai ký Kế hoạch 21-KH/HU?").trace
    assert t.guards == ["no_documents", "unknown_person", "unknown_document", "no_figure", "out_of_scope"]
    assert t.composer == "compose_facts.doc_signer" and t.documents == ["21-KH/HU"]


def test_empty_base_is_a_guard(tmp_path):
    answer = AnswerEngine(make_kb(tmp_path, [])).ask("Ai ký kế hoạch?")
    assert answer.abstained and (answer.trace.route, answer.trace.reason) == ("no_documents", "no_documents")


def test_a_new_agency_is_not_overridden_by_the_conversation(engine):
    first = engine.ask("Đoàn Thanh niên huyện phải làm gì?", "c1")
    assert "ứng dụng định danh" in first.answer
    other = engine.ask("Ủy ban nhân dân huyện phải làm gì?", "c1")
    assert "chuyển đổi số" in other.answer and "định danh" not in other.answer


def test_json_carries_route_and_reason_and_the_trace_when_asked(engine):
    answer = engine.ask("Thủ tục làm căn cước cho trẻ em như thế nào?")
    plain, traced = answer.to_json(), answer.to_json(trace=True)
    assert plain["route"] == "out_of_scope" and plain["reason"] == "out_of_scope" and "trace" not in plain
    assert traced["trace"]["route"] == "out_of_scope" and "no_documents" in traced["trace"]["guards"]


def test_cli_trace(tmp_path, monkeypatch, capsys):
    from troly.cli import ask_cmds

    kb = make_kb(tmp_path)
    monkeypatch.setattr(ask_cmds, "_engine", lambda: AnswerEngine(kb))
    import argparse

    parser = argparse.ArgumentParser()
    ask_cmds.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["ask", "--trace", "Ai ký Kế hoạch 21-KH/HU?"])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "trace:" in out and "route          facts" in out and "compose_facts.doc_signer" in out
    args = parser.parse_args(["ask", "--json", "--trace", "Ai ký Kế hoạch 21-KH/HU?"])
    args.func(args)
    assert json.loads(capsys.readouterr().out)["trace"]["route"] == "facts"


def test_question_log_keeps_route_and_reason(tmp_path):
    """A 👎 on the admin page shows where the answer came from: the log keeps route and reason."""
    from troly.bot.feedback import FeedbackStore

    kb = make_kb(tmp_path)
    store = FeedbackStore(kb.connect)
    answer = AnswerEngine(kb).ask("Thủ tục làm căn cước cho trẻ em như thế nào?")
    entry = store.get(store.log("web", "c1", "u1", "Thủ tục làm căn cước cho trẻ em như thế nào?", answer.to_json()))
    assert (entry.answer["route"], entry.answer["reason"]) == ("out_of_scope", "out_of_scope")


def test_public_api():
    import troly.bot as bot

    assert set(bot.__all__) == {"AnswerEngine", "Answer", "Source", "Trace"}
    assert bot.AnswerEngine is AnswerEngine


def test_two_documents_with_one_number_are_both_answered(tmp_path):
    """Constructed: two districts' plans both numbered 21-KH/HU (numbers repeat between places)."""
    from directive_fixtures import PLAN

    other = PLAN.replace("HÒA BÌNH", "AN LẠC").replace("Hòa Bình", "An Lạc").replace("Nguyễn Văn A", "Trần Thị Bích")
    engine = AnswerEngine(make_kb(tmp_path, [("a.txt", PLAN), ("b.txt", other)]))
    both = engine.ask("Kế hoạch 21-KH/HU do ai ký?")
    assert "Nguyễn Văn A" in both.answer and "Trần Thị Bích" in both.answer and len(both.sources) == 2
    one = engine.ask("Kế hoạch 21-KH/HU của huyện An Lạc do ai ký?")
    assert "Trần Thị Bích" in one.answer and "Nguyễn Văn A" not in one.answer
