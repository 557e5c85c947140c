#!/usr/bin/env python3
"""Strict reading of a question-set run: the expected phrase must stand in the answer itself.

usage:
  python3 bench/strict_score.py QUESTIONS.jsonl ANSWERS.jsonl   score answers already produced
  python3 bench/strict_score.py QUESTIONS.jsonl --cmd "CMD"     run CMD once, as score.py does
  (--save FILE after the command form keeps the raw answers, one JSON line each)

../shared/eval/score.py passes a question when every expected group has a phrase in the first
2,000 characters of the answer text plus the quotes of the cited sources. The strict reading asked
for in issue 15 looks only at the first 400 characters of the answer text (not the quotes): what a
reader of a chat message sees at a glance. Abstain questions are judged as in score.py.

Both readings are printed per kind, then the strict failures, then two last lines
'score: P/N = X.XXX' (score.py's reading) and 'strict: P/N = X.XXX'.
The phrase folding (case, marks, spaces) is score.py's own, loaded from the shared evaluation
(bench/shared_eval.py says where it lives), so the two readings cannot drift apart.
Standard library only.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shared_eval import EVAL  # noqa: E402

STRICT_BUDGET = 400  # characters of the answer text a reader sees first (issue 15)


def load_score_module(path: Path = EVAL / "score.py"):
    """Import the shared score.py (its fold and judge) from where the shared evaluation lives."""
    if not path.exists():
        sys.exit(f"shared score.py not found at {path} (set TROLY_SHARED_EVAL)")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def strict_judge(item: dict, ans: dict, fold) -> tuple[bool, str]:
    """Pass when every expected group has a phrase in the first STRICT_BUDGET characters of the answer."""
    if item.get("abstain"):
        ok = bool(ans.get("abstained")) and not (ans.get("sources") or [])
        return ok, "" if ok else "should abstain and cite nothing"
    if ans.get("abstained"):
        return False, "abstained"
    if not ans.get("sources"):
        return False, "no source cited"
    head = fold((ans.get("answer") or "")[:STRICT_BUDGET])
    missing = [g for g in item["expect"] if not any(fold(p) in head for p in g)]
    return not missing, "" if not missing else "not in answer head: " + " | ".join("/".join(g) for g in missing)


def run_command(items: list[dict], cmd: str) -> str:
    feed = "".join(json.dumps({"id": x["id"], "q": x["q"]}, ensure_ascii=False) + "\n" for x in items)
    out = subprocess.run(cmd, shell=True, input=feed, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"command failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return out.stdout


def report(items: list[dict], answers: list[dict], score) -> list[str]:
    per = defaultdict(lambda: [0, 0, 0])
    fails = []
    for item, ans in zip(items, answers):
        normal, _ = score.judge(item, ans)
        strict, why = strict_judge(item, ans, score.fold)
        row = per[item["kind"]]
        row[0] += normal
        row[1] += strict
        row[2] += 1
        if not strict:
            fails.append(f"  {item['id']}: {why} :: {item['q'][:70]}")
    lines = [f"{'kind':10s} {'normal':>8s} {'strict':>8s}"]
    lines += [f"{k:10s} {p:4d}/{n:<3d} {s:4d}/{n:<3d}" for k, (p, s, n) in sorted(per.items())]
    if fails:
        lines += ["strict failures:", *fails]
    p, s, n = (sum(v[i] for v in per.values()) for i in range(3))
    lines += [f"score: {p}/{n} = {p / n:.3f}", f"strict: {s}/{n} = {s / n:.3f}"]
    return lines


def main(argv: list[str]) -> None:
    if len(argv) < 3:
        sys.exit(__doc__)
    items = [json.loads(line) for line in open(argv[1], encoding="utf-8") if line.strip()]
    if argv[2] == "--cmd":
        raw = run_command(items, argv[3])
        if "--save" in argv:
            Path(argv[argv.index("--save") + 1]).write_text(raw, encoding="utf-8")
    else:
        raw = Path(argv[2]).read_text(encoding="utf-8")
    answers = [json.loads(line) for line in raw.splitlines() if line.strip()]
    if len(answers) != len(items):
        sys.exit(f"{len(items)} questions but {len(answers)} answers")
    print("\n".join(report(items, answers, load_score_module())))


if __name__ == "__main__":
    main(sys.argv)
