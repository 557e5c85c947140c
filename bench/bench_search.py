"""Ingest time and warm search latency: ``python bench/bench_search.py [--synth DIR] [--data DIR]``.

1. Cold ingest of the shipped corpus in a fresh process (Python start, model load included).
2. Warm search latency (p50/p95) on the shipped corpus, over the dev questions.
3. With ``--synth DIR`` (see bench/synth.py): ingest that corpus into ``--data`` (reused when
   already filled) and measure warm search latency there too.
Prints figures only; nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from troly.config import DEFAULT_CORPUS, Settings  # noqa: E402
from troly.knowledge.base import KnowledgeBase  # noqa: E402
from shared_eval import DEV  # noqa: E402

QUESTIONS = DEV
FALLBACK_QUERIES = ["hạn báo cáo nghị quyết 57", "han bao cao nghi quyet 57", "Ban Tuyên giáo có nhiệm vụ gì",
                    "Kế hoạch 114-KH/HU", "hình thức tuyên truyền trên nền tảng số"]

COLD = """
import sys, time
t = time.perf_counter()
sys.path.insert(0, {root!r})
from pathlib import Path
from troly.config import Settings
from troly.knowledge.base import KnowledgeBase
kb = KnowledgeBase(Settings(data_dir=Path({data!r})))
r = kb.ingest([Path({corpus!r})])
kb.search("nghị quyết 57")
print(len(r.added), len(r.failed), time.perf_counter() - t)
"""


def queries() -> list[str]:
    if QUESTIONS.exists():
        return [json.loads(line)["q"] for line in QUESTIONS.open(encoding="utf-8") if line.strip()]
    return FALLBACK_QUERIES


def cold_ingest(corpus: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", COLD.format(root=str(ROOT), data=tmp, corpus=str(corpus))],
                             capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        wall = time.perf_counter() - t
        if out.returncode:
            print(out.stderr[-2000:])
            return
        added, failed, inner = out.stdout.split()
        print(f"cold ingest of {corpus.name}: {added} documents ({failed} failed) in {wall:.1f} s wall "
              f"({float(inner):.1f} s after interpreter start), model load included")


def latency(kb: KnowledgeBase, qs: list[str], label: str, rounds: int = 3) -> None:
    kb.search("khởi động")  # warm-up: model loaded, snapshot built
    lat = []
    for _ in range(rounds):
        for q in qs:
            kb._query_vectors.clear()  # measure the query encoding too, not the repeat cache
            t = time.perf_counter()
            kb.search(q, k=5)
            lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    p95 = lat[max(0, int(round(0.95 * len(lat))) - 1)]
    print(f"{label}: {kb.count()} documents, {len(kb.snapshot().chunks)} chunks: search p50 "
          f"{statistics.median(lat):.1f} ms, p95 {p95:.1f} ms, max {lat[-1]:.1f} ms ({len(lat)} searches)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--synth", type=Path, help="a synthetic corpus folder (bench/synth.py)")
    ap.add_argument("--data", type=Path, help="data dir for the synthetic corpus (reused when filled)")
    ap.add_argument("--skip-cold", action="store_true")
    args = ap.parse_args()
    qs = queries()
    if not args.skip_cold:
        cold_ingest(DEFAULT_CORPUS)
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(Settings(data_dir=Path(tmp)))
        kb.ingest([DEFAULT_CORPUS])
        latency(kb, qs, "shipped corpus")
        kb.close()
    if args.synth:
        data = args.data or Path(tempfile.mkdtemp(prefix="troly-synth-"))
        kb = KnowledgeBase(Settings(data_dir=data))
        t = time.perf_counter()
        report = kb.ingest([args.synth], progress=sys.stderr.isatty())
        took = time.perf_counter() - t
        print(f"synthetic ingest: added {len(report.added)}, unchanged {len(report.unchanged)}, "
              f"failed {len(report.failed)} in {took:.1f} s")
        kb.close()
        kb = KnowledgeBase(Settings(data_dir=data))  # a fresh process-like open: loads the saved indexes
        t = time.perf_counter()
        kb.search("khởi động")
        print(f"first search after open (snapshot + model load): {time.perf_counter() - t:.1f} s")
        latency(kb, qs, "synthetic corpus")
    return 0


if __name__ == "__main__":
    sys.exit(main())
