"""Warm answer latency of the engine (no LLM), one question at a time; prints p50/p95.

usage: python bench/bench_answer.py [--data DIR] [--corpus DIR] [--questions FILE] [--rounds N]
With --corpus the corpus is ingested into --data first (e.g. a synthetic 2,000-document corpus
made by bench/synth.py or ../shared/eval/synth_corpus.py).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from troly.bot.engine import AnswerEngine  # noqa: E402
from troly.config import Settings  # noqa: E402
from troly.knowledge.base import KnowledgeBase  # noqa: E402
from shared_eval import DEV  # noqa: E402



def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("TROLY_DATA", "./data"))
    ap.add_argument("--corpus")
    ap.add_argument("--questions", default=str(DEV))
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    settings = Settings.from_env(data_dir=Path(args.data))
    kb = KnowledgeBase(settings)
    if args.corpus:
        t = time.perf_counter()
        report = kb.ingest([Path(args.corpus)])
        print(f"ingest: {report.total} files in {time.perf_counter() - t:.1f} s")
    engine = AnswerEngine(kb, settings)
    qs = [json.loads(line)["q"] for line in open(args.questions, encoding="utf-8") if line.strip()]
    engine.warm()
    for q in qs:  # warm: models loaded, snapshot and library built, caches filled
        engine.ask(q)
    lat = []
    for _ in range(args.rounds):
        for q in qs:
            t = time.perf_counter()
            engine.ask(q)
            lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    p95 = lat[max(0, int(round(0.95 * len(lat))) - 1)]
    print(f"documents {len(engine.library().docs)}; answers {len(lat)}; "
          f"p50 {statistics.median(lat):.1f} ms p95 {p95:.1f} ms max {lat[-1]:.1f} ms")


if __name__ == "__main__":
    main()
