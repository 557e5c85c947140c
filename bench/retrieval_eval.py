"""Retrieval recall on the dev questions: does a top-k hit hold the expected phrases?

usage: python bench/retrieval_eval.py [--questions dev.jsonl] [--corpus DIR] [-k 5] [--weights 0,0.1,...] [-v]

Ingests the corpus into a temporary data dir (real Ingestor, real default encoder), then for
every non-abstain question checks that each expected group has one phrase in the
top-k hits as `troly search` shows them (document, section, text; folded as
score.py folds). Prints lexical-only, dense-only and
fused figures for each weight; the default weight in troly/knowledge/search.py is chosen here,
one weight for all questions.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from troly.config import DEFAULT_CORPUS, Settings  # noqa: E402
from troly.knowledge.base import KnowledgeBase  # noqa: E402
from shared_eval import EVAL  # noqa: E402



def load_fold():
    path = EVAL / "score.py"
    if path.exists():
        spec = importlib.util.spec_from_file_location("score", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod.fold
    from troly.vn import fold
    return fold


def recall(kb: KnowledgeBase, items: list[dict], k: int, fold, verbose: bool = False) -> tuple[int, list[str]]:
    ok, misses = 0, []
    for item in items:
        hits = kb.search(item["q"], k=k)
        # a hit is what `troly search` shows: its document (number, else title), section and text
        hay = fold(" ".join(f"{h.label} {h.chunk.section} {h.chunk.text}" for h in hits))
        missing = [g for g in item["expect"] if not any(fold(p) in hay for p in g)]
        if missing:
            misses.append(f"  {item['id']}: missing {' | '.join('/'.join(g) for g in missing)} :: {item['q'][:70]}")
            if verbose:
                for h in hits:
                    misses.append(f"      {h.score:.3f} {h.doc_id[:30]} {h.chunk.text[:90]!r}")
        else:
            ok += 1
    return ok, misses


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=Path, default=EVAL / "dev.jsonl")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--weights", default="0,0.1,0.15,0.2,0.25,0.3,0.4,0.5,1")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--data", type=Path, help="reuse this data dir (default: a fresh temporary one)")
    args = ap.parse_args()
    items = [json.loads(line) for line in args.questions.open(encoding="utf-8") if line.strip()]
    items = [x for x in items if not x.get("abstain")]
    fold = load_fold()
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(Settings(data_dir=args.data or Path(tmp)))
        t = time.perf_counter()
        report = kb.ingest([args.corpus])
        print(f"ingested {len(report.added)} documents in {time.perf_counter() - t:.1f} s"
              f" ({len(report.failed)} failed)")
        for w in [float(x) for x in args.weights.split(",")]:
            kb.dense_weight = w
            ok, misses = recall(kb, items, args.k, fold, args.verbose)
            label = "lexical only" if w == 0 else "dense only" if w == 1 else f"hybrid w={w:.2f}"
            print(f"{label:15s} recall@{args.k}: {ok}/{len(items)} = {ok / len(items):.3f}")
            if args.verbose or (misses and w not in (0, 1)):
                print("\n".join(misses))
        kb.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
