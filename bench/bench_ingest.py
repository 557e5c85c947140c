"""Ingest time: the shipped corpus and the real corpus (../shared/corpus/real/docs), cold and warm.

Cold: a new process and an empty TROLY_DATA (model loads, imports and all), as `troly ingest`.
Warm: the same command again on the built base (every file unchanged: a hash check each).
Target (issue 14): the ~170 real documents in <= 60 s cold on this machine (2 cores).

usage: python bench/bench_ingest.py [--only real|shipped]
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
TROLY = str(Path(sys.executable).with_name("troly"))
CORPORA = {"shipped": [], "real": [str(ROOT.parent / "shared/corpus/real/docs")]}


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - t0, out.stdout.strip().splitlines()[0] if out.stdout.strip() else ""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=sorted(CORPORA))
    args = ap.parse_args()
    for name, paths in CORPORA.items():
        if args.only and name != args.only:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, TROLY_DATA=tmp, HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
            cold, summary = timed([TROLY, "ingest", *paths], env)
            warm, _ = timed([TROLY, "ingest", *paths], env)
            print(f"{name:8s} cold {cold:6.1f} s   warm {warm:5.1f} s   ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
