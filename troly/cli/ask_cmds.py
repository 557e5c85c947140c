"""`troly ask` (one question, or JSON lines on stdin) and `troly chat` (a console conversation)."""
from __future__ import annotations

import json
import sys

from troly.models import Answer


def register(sub) -> None:
    p = sub.add_parser("ask", help="answer a question about the directives")
    p.add_argument("question", nargs="?", help="the question (omit with --jsonl)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--jsonl", action="store_true", help='read {"q": ...} lines on stdin, write one JSON answer a line')
    p.set_defaults(func=cmd_ask)
    c = sub.add_parser("chat", help="an interactive console conversation (follow-ups work)")
    c.set_defaults(func=cmd_chat)


def _engine():
    from troly.bot.engine import AnswerEngine

    return AnswerEngine.from_settings()


def render(answer: Answer) -> str:
    """An answer for a person on a terminal: the answer, then its numbered sources."""
    out = [answer.answer]
    for n, s in enumerate(answer.sources, 1):
        quote = s.quote if len(s.quote) <= 400 else s.quote[:400] + "…"
        section = f" › {s.section}" if s.section else ""
        out.append(f"  [{n}] {s.document}{section}\n      “{quote}”")
    return "\n".join(out)


def cmd_ask(args) -> int:
    if args.jsonl:
        engine = _engine()
        engine.warm()
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                q = item.get("q", "") if isinstance(item, dict) else str(item)
                conv = item.get("conversation_id") if isinstance(item, dict) else None
                ans = engine.ask(q, conv).to_json()
            except json.JSONDecodeError:
                ans = {"answer": "Dòng vào không phải JSON hợp lệ.", "abstained": True, "intent": "error", "sources": []}
            sys.stdout.write(json.dumps(ans, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return 0
    if not args.question:
        print("troly ask: give a QUESTION, or use --jsonl", file=sys.stderr)
        return 2
    ans = _engine().ask(args.question)
    print(json.dumps(ans.to_json(), ensure_ascii=False, indent=2) if args.json else render(ans))
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
