"""`troly ask` (one question, or JSON lines on stdin) and `troly chat` (a console conversation)."""
from __future__ import annotations

import json
import logging
import os
import sys

from troly.models import Answer
from troly.prompts import answers as A

log = logging.getLogger(__name__)


def register(sub) -> None:
    p = sub.add_parser("ask", help="answer a question about the directives")
    p.add_argument("question", nargs="?", help="the question (omit with --jsonl)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--jsonl", action="store_true", help='read {"q": ...} lines on stdin, write one JSON answer a line')
    p.add_argument("--trace", action="store_true",
                   help="show where the answer came from (stages, guards, route, composer, documents); "
                        'with --json/--jsonl: a "trace" field')
    p.set_defaults(func=cmd_ask)
    c = sub.add_parser("chat", help="an interactive console conversation (follow-ups work)")
    c.set_defaults(func=cmd_chat)


def _engine():
    from troly.bot.engine import AnswerEngine

    engine = AnswerEngine.from_settings()
    _first_run(engine.kb)
    return engine


def _first_run(kb) -> None:
    """A knowledge base never written to answers nothing. The default one (no TROLY_DATA) is
    built from the shipped sample corpus, as `make run` does; an operator's own TROLY_DATA is only
    reported empty (their documents, not the sample, belong there). A base emptied by `troly
    remove` has been written to (its generation moved on) and is left as it is."""
    if kb.count() or kb.store.generation():
        return
    if os.environ.get("TROLY_DATA"):
        print(f"troly: the knowledge base in {kb.settings.data_dir} is empty; "
              "add documents with `troly ingest PATH`", file=sys.stderr)
        return
    from troly.config import DEFAULT_CORPUS

    print(f"troly: no knowledge base in {kb.settings.data_dir} yet; reading the shipped sample "
          "corpus first (troly ingest)", file=sys.stderr)
    report = kb.ingest([DEFAULT_CORPUS])
    print(f"troly: {kb.count()} documents in the base ({len(report.failed)} failed)", file=sys.stderr)


def render_trace(answer: Answer) -> str:
    """The trace for an operator: one line a field."""
    t = answer.trace
    if t is None:
        return "trace: (none)"
    rows = [("stages", " -> ".join(t.stages)), ("guards passed", ", ".join(t.guards) or "-"),
            ("route", t.route), ("reason", t.reason or "-"), ("composer", t.composer or "-"),
            ("documents", ", ".join(t.documents) or "-")] + [("note", n) for n in t.notes]
    return "\n".join(f"  {k:14s} {v}" for k, v in rows)


def render(answer: Answer) -> str:
    """An answer for a person on a terminal: the answer, then its numbered sources."""
    out = [answer.answer]
    for n, s in enumerate(answer.sources, 1):
        quote = s.quote if len(s.quote) <= 400 else s.quote[:400] + "…"
        section = f" › {s.section}" if s.section else ""
        out.append(f"  [{n}] {s.document}{section}\n      “{quote}”")
    return "\n".join(out)


def error_line(message: str) -> dict:
    """The answer written for a line that could not be asked: same fields as an answer, so that a
    reader pairing input and output lines (shared/eval/score.py) stays in step."""
    return {"answer": message, "abstained": True, "intent": "error", "sources": []}


def question_of(line: str, max_depth: int) -> tuple[str, str | None] | dict:
    """(question, conversation id) of one input line, or the error line to write instead."""
    from troly.server.json_body import is_clean

    try:
        item = json.loads(line)
    except (ValueError, RecursionError):
        return error_line(A.JSONL_NOT_JSON)
    if not isinstance(item, dict) or not is_clean(item, max_depth):
        return error_line(A.JSONL_BAD_SHAPE)
    q, conv = item.get("q"), item.get("conversation_id")
    if not isinstance(q, str) or not q.strip() or not (conv is None or isinstance(conv, (str, int))):
        return error_line(A.JSONL_BAD_SHAPE)
    return q, None if conv is None else str(conv)


def answer_line(engine, line: str, max_depth: int, trace: bool = False) -> dict:
    """One input line -> one answer JSON; never raises (one bad line must not lose the rest)."""
    parsed = question_of(line, max_depth)
    if isinstance(parsed, dict):
        return parsed
    try:
        return engine.ask(*parsed).to_json(trace=trace)
    except Exception:
        log.exception("answering a --jsonl line failed")
        return error_line(A.JSONL_FAILED)


def _stdin_lines():
    """Lines of stdin; a line that is not UTF-8 comes out as U+FFFD (answered as not JSON)."""
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:  # a text stream (tests)
        yield from sys.stdin
        return
    for data in raw:
        try:
            yield data.decode("utf-8-sig")
        except UnicodeDecodeError:
            yield "\ufffd"


def cmd_ask(args) -> int:
    if args.jsonl:
        from troly.config import Settings

        depth = Settings.from_env().max_json_depth
        engine = _engine()
        engine.warm()
        for line in _stdin_lines():
            if not line.strip():
                continue
            sys.stdout.write(json.dumps(answer_line(engine, line, depth, args.trace), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return 0
    if not args.question:
        print("troly ask: give a QUESTION, or use --jsonl", file=sys.stderr)
        return 2
    ans = _engine().ask(args.question)
    if args.json:
        print(json.dumps(ans.to_json(trace=args.trace), ensure_ascii=False, indent=2))
    else:
        print(render(ans) + ("\n\ntrace:\n" + render_trace(ans) if args.trace else ""))
    return 0


def cmd_chat(args) -> int:
    engine = _engine()
    print("troly — hỏi về các văn bản chỉ đạo. Gõ 'thoát' để kết thúc.")
    while True:
        try:
            q = input("\nBạn: ").strip()
        except EOFError:
            return 0
        if q.lower() in ("thoát", "thoat", "exit", "quit"):
            return 0
        if q:
            print("\ntroly: " + render(engine.ask(q, "console")))
