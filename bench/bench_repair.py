"""Benchmark of OCR repair: leave-one-out accuracy on the clean shipped documents, and speed.

For each clean document (000-003) and seed: damage it with ../shared/eval/ocr_damage.py,
repair it with a Repairer trained on the other three (+ the offline inventory), and score with
../shared/eval/ocr_score.py. Side by side: the damaged text as-is, pyvi's character CRF
(after stripping the OCR's marks; guarded, it raises on odd input) and ours.
Then the time to repair seed 004 (model load from the cache included, and from scratch).

usage: python bench/bench_repair.py [--seeds 1,2,3] [--eval ../shared/eval]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from troly.ingest.repair import Repairer  # noqa: E402
from troly.ingest.repair.inventory import build_inventory_lm  # noqa: E402
from troly.vn.text import fold  # noqa: E402
from shared_eval import EVAL  # noqa: E402

CORPUS = ROOT / "troly" / "knowledge" / "corpus"


def damage(path: Path, seed: int, eval_dir: Path) -> str:
    out = subprocess.run([sys.executable, str(eval_dir / "ocr_damage.py"), str(path), "--seed", str(seed)],
                         check=True, capture_output=True, text=True)
    return out.stdout


def score(candidate: str, reference: Path, eval_dir: Path) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write(candidate)
    try:
        out = subprocess.run([sys.executable, str(eval_dir / "ocr_score.py"), fh.name, str(reference)],
                             check=True, capture_output=True, text=True)
        return float(out.stdout.strip())
    finally:
        os.unlink(fh.name)


def pyvi_restore(text: str) -> str:
    """pyvi's add_accents per line on the folded text; a line it cannot take stays folded."""
    try:
        from pyvi import ViUtils
    except ImportError:
        return text
    lines = []
    for line in text.split("\n"):
        plain = fold(line) if line.strip() else line
        try:
            lines.append(ViUtils.add_accents(plain) if plain.strip() else line)
        except (KeyError, ValueError, IndexError):
            lines.append(plain)
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--eval", default=str(EVAL))
    ap.add_argument("--no-pyvi", action="store_true")
    args = ap.parse_args()
    eval_dir = Path(args.eval)
    seeds = [int(s) for s in args.seeds.split(",")]
    clean = sorted(p for p in CORPUS.glob("*.txt") if p.name[:3] in ("000", "001", "002", "003"))
    texts = {p: p.read_text(encoding="utf-8") for p in clean}
    print(f"{'doc':<6}{'seed':>5}{'damaged':>10}{'pyvi':>8}{'ours':>8}{'conf':>7}{'secs':>7}")
    ours_all, dam_all, pyvi_all = [], [], []
    for held in clean:
        repairer_texts = [t for p, t in texts.items() if p != held]
        for seed in seeds:
            damaged = damage(held, seed, eval_dir)
            t0 = time.perf_counter()
            result = Repairer(repairer_texts).run(damaged)
            secs = time.perf_counter() - t0
            s_dam = score(damaged, held, eval_dir)
            s_ours = score(result.text, held, eval_dir)
            s_pyvi = float("nan") if args.no_pyvi else score(pyvi_restore(damaged), held, eval_dir)
            dam_all.append(s_dam)
            ours_all.append(s_ours)
            pyvi_all.append(s_pyvi)
            print(f"{held.name[:3]:<6}{seed:>5}{s_dam:>10.3f}{s_pyvi:>8.3f}{s_ours:>8.3f}{result.confidence:>7.3f}{secs:>7.2f}")
    mean = lambda xs: sum(xs) / len(xs)
    print(f"{'mean':<11}{mean(dam_all):>10.3f}{mean(pyvi_all):>8.3f}{mean(ours_all):>8.4f}   (target ours >= 0.95)")

    seed004 = next(CORPUS.glob("004_*.txt")).read_text(encoding="utf-8")
    build_inventory_lm()  # make sure the cache exists, then time a cold start from it
    t0 = time.perf_counter()
    result = Repairer(texts.values()).run(seed004)
    cached = time.perf_counter() - t0
    t0 = time.perf_counter()
    Repairer(texts.values(), lm=build_inventory_lm(use_cache=False)).run(seed004)
    scratch = time.perf_counter() - t0
    print(f"seed 004: damaged share {result.damaged_share:.3f}, paragraphs repaired {result.paragraphs_repaired}, "
          f"confidence {result.confidence:.3f}")
    print(f"seed 004 repair time: {cached:.2f} s with the cached inventory model, {scratch:.2f} s training from "
          f"scratch (target < 2 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
