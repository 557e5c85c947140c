"""Snapshot the full answers (text, intent, abstained, sources) to every question of some sets,
to diff before and after a change of the answer engine.

usage: TROLY_DATA=... python bench/snapshot_answers.py OUT.jsonl SET.jsonl [SET.jsonl ...]
       python bench/snapshot_answers.py --diff OLD.jsonl NEW.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def snapshot(out: str, sets: list[str]) -> None:
    from troly.bot.engine import AnswerEngine

    engine = AnswerEngine.from_settings()
    with open(out, "w", encoding="utf-8") as f:
        for path in sets:
            for line in Path(path).read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                item = json.loads(line)
                a = engine.ask(item["q"]).to_json()
                row = {"id": f"{Path(path).stem}:{item.get('id', '')}", "q": item["q"], "intent": a["intent"],
                       "abstained": a["abstained"], "answer": a["answer"],
                       "sources": [(s["document"], s["section"], s["quote"]) for s in a["sources"]]}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


def diff(old: str, new: str) -> int:
    a = {r["id"]: r for r in map(json.loads, Path(old).read_text(encoding="utf-8").splitlines())}
    b = {r["id"]: r for r in map(json.loads, Path(new).read_text(encoding="utf-8").splitlines())}
    changed = 0
    for k in a:
        if k in b and a[k] != b[k]:
            changed += 1
            fields = [f for f in ("intent", "abstained", "answer", "sources") if a[k][f] != b[k][f]]
            print(f"{k}: {a[k]['q']}\n  changed: {', '.join(fields)}")
            for f in fields[:2]:
                print(f"  - {str(a[k][f])[:300]}\n  + {str(b[k][f])[:300]}")
    print(f"{changed} of {len(a)} answers changed")
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "--diff":
        sys.exit(diff(sys.argv[2], sys.argv[3]))
    snapshot(sys.argv[1], sys.argv[2:])
