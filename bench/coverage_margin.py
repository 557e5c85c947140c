"""How the out-of-scope threshold (Settings.answer_coverage_min) was set: the coverage of every
question of some sets, abstain questions against answerable ones, and the gap between them.

usage: TROLY_DATA=... python bench/coverage_margin.py SET.jsonl [SET.jsonl ...]
Prints, per group, the coverage values that matter (the highest of the abstain questions, the
lowest of the answerable ones) and the midpoint of the gap when the groups separate. Only
questions that reach the out-of-scope guard count (a named held or cited document skips it).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from troly.bot.answer import steps
from troly.bot.answer.context import Context
from troly.bot.answer.pipeline import Scope, Understand
from troly.bot.engine import AnswerEngine
from troly.models import Trace
from troly.vn.text import normalize_query


def main(paths: list[str]) -> int:
    engine = AnswerEngine.from_settings()
    lib = engine.library()
    rows = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            text = normalize_query(item["q"])
            ctx = Scope().run(Context(text, Understand().run(text), [], engine.kb, lib, engine.settings, trace=Trace()))
            q, t = ctx.q, ctx.targets
            if (q.refs and (t.docs or t.cited or t.context_docs)) or (q.intent not in ("content", "doc_about") and t.docs) \
                    or t.unknown is not None or ctx.person or (q.quantity and steps.figure_missing(ctx)):
                continue  # never reaches the guard, or an earlier guard declines it
            rows.append((steps.coverage(ctx), bool(item.get("abstain")), item["q"]))
    out = sorted(c for c, a, _ in rows if a)
    ins = sorted(c for c, a, _ in rows if not a)
    print(f"{len(rows)} questions reach the guard: {len(out)} to decline, {len(ins)} to answer")
    for c, a, q in sorted(rows):
        print(f"  {c:.3f} {'decline' if a else 'answer '} {q}")
    if out and ins:
        hi, lo = out[-1], ins[0]
        verdict = f"midpoint {(hi + lo) / 2:.3f}" if hi < lo else "the groups overlap"
        print(f"highest to decline {hi:.3f}, lowest to answer {lo:.3f}: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
