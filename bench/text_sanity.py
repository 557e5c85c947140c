"""The measurements behind the "is this language?" thresholds (troly/ingest/sanity.py); prints.

usage: python bench/text_sanity.py [DIR ...]   (default: ../shared/corpus/real/docs ../shared/seeds)
For every text: its printable share and word-like share, as read by ingest (decode_bytes), also
after OCR damage (../shared/eval/ocr_damage.py, when present) and for short heads of it; then
random bytes and random printable ASCII. Prints the minimum per group and the margins to the
thresholds in Settings.
"""
from __future__ import annotations

import random
import string
import subprocess
import sys
from pathlib import Path

from troly.config import Settings
from troly.ingest.repair.legacy import decode_bytes
from troly.ingest.sanity import measure

ROOT = Path(__file__).resolve().parents[1]
DAMAGE = ROOT.parent / "shared" / "eval" / "ocr_damage.py"


def texts(dirs: list[Path]) -> list[tuple[str, str]]:
    return [(p.name, decode_bytes(p.read_bytes())[0]) for d in dirs for p in sorted(d.rglob("*.txt"))]


def damaged(path_texts: list[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    out = []
    for name, text in path_texts[:n]:
        run = subprocess.run([sys.executable, str(DAMAGE), "/dev/stdin", "--seed", "1"], input=text,
                             capture_output=True, text=True, check=False)
        if run.returncode == 0 and run.stdout.strip():
            out.append((name, run.stdout))
    return out


def junk(n: int, kind: str) -> list[tuple[str, str]]:
    """Random bytes (read as ingest reads them), random printable ASCII, random lower-case letters
    and spaces (the hardest: every run is in one case)."""
    rnd = random.Random(16)
    alphabet = {"ascii": string.printable, "letters": string.ascii_lowercase + " " * 6}.get(kind, "")
    out = []
    for i in range(n):
        size = rnd.choice([2_000, 20_000, 100_000])
        text = decode_bytes(rnd.randbytes(size))[0] if kind == "bytes" else \
            "".join(rnd.choice(alphabet) for _ in range(size))
        out.append((f"random-{kind}-{i}", text))
    return out


def report(group: str, items: list[tuple[str, str]], s: Settings) -> None:
    shapes = [(name, measure(t)) for name, t in items]
    if not shapes:
        return
    judged = [(n, sh) for n, sh in shapes if sh.runs >= 8]
    lo_p = min(shapes, key=lambda x: x[1].printable)
    lo_w = min(judged, key=lambda x: x[1].wordlike) if judged else None
    hi_p = max(shapes, key=lambda x: x[1].printable)
    hi_w = max(judged, key=lambda x: x[1].wordlike) if judged else None
    print(f"{group:28s} n={len(shapes):4d}  printable min {lo_p[1].printable:.3f} ({lo_p[0]}) "
          f"max {hi_p[1].printable:.3f}")
    if lo_w:
        print(f"{'':28s}          wordlike  min {lo_w[1].wordlike:.3f} ({lo_w[0]}) max {hi_w[1].wordlike:.3f}")
    print(f"{'':28s}          thresholds printable {s.min_printable_share}, wordlike {s.min_wordlike_share}")


def main() -> None:
    dirs = [Path(a) for a in sys.argv[1:]] or [ROOT.parent / "shared" / "corpus" / "real" / "docs",
                                               ROOT.parent / "shared" / "seeds"]
    s = Settings.from_env()
    real = texts(dirs)
    report("documents", real, s)
    report("heads (300 chars)", [(n, t[:300]) for n, t in real], s)
    report("heads (60 chars)", [(n, t[:60]) for n, t in real], s)
    if DAMAGE.exists():
        report("OCR-damaged (seed 1)", damaged(real, 60), s)
    english = [(p.name, p.read_text(encoding="utf-8")) for p in (ROOT / "README.md", ROOT / "docs" / "DESIGN.md")]
    report("English (README, DESIGN)", english, s)
    for kind in ("bytes", "ascii", "letters"):
        report(f"junk: random {kind}", junk(10, kind), s)


if __name__ == "__main__":
    main()
