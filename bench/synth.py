"""A synthetic corpus of N directives for load tests: ``python bench/synth.py N DIR``.

Uses the shared evaluation's generator (../shared/eval/synth_corpus.py) when it is there,
fed with the shipped clean directives: each copy renames places, numbers and signers, shifts
dates and drops a few paragraphs. Without it, a simple fallback recombines the shipped
documents' paragraphs with varied place names and numbers. Deterministic for a given N.
"""
from __future__ import annotations

import importlib.util
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from troly.config import DEFAULT_CORPUS  # noqa: E402
from shared_eval import EVAL  # noqa: E402

SHARED = EVAL / "synth_corpus.py"
PLACES = ["Tân Phú", "Long Hải", "Vĩnh Thạnh", "An Bình", "Phước Sơn", "Thanh Hòa", "Hưng Yên", "Quang Minh"]


def templates() -> list[tuple[str, str]]:
    """The clean shipped directives (the OCR-damaged one would only add noise)."""
    files = sorted(DEFAULT_CORPUS.glob("00[0-3]_*.txt"))
    return [(p.stem, p.read_text(encoding="utf-8")) for p in files]


def _fallback(i: int, rnd: random.Random, temps: list[tuple[str, str]]) -> tuple[str, str]:
    name, text = temps[i % len(temps)]
    paras = text.split("\n\n")
    donor = temps[rnd.randrange(len(temps))][1].split("\n\n")
    body = paras[:3] + [p for p in paras[3:] if rnd.random() > 0.1] + rnd.sample(donor, min(3, len(donor)))
    out = "\n\n".join(body)
    out = re.sub(r"\b(\d{2,3})( ?-KH/HU)", lambda m: f"{rnd.randint(100, 999)}{m.group(2)}", out)
    for p in ("Mỹ Tú", "Từ Sơn", "Lâm Đồng", "Sóc Trăng"):
        out = out.replace(p, rnd.choice(PLACES))
    return f"{i:05d}_{name}.txt", out + "\n"


def main(n: int, outdir: Path) -> None:
    rnd = random.Random(n)
    temps = templates()
    make = _fallback
    if SHARED.exists():
        spec = importlib.util.spec_from_file_location("synth_corpus", SHARED)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        make = mod.make
    outdir.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        fname, text = make(i, rnd, temps)
        (outdir / fname).write_text(text, encoding="utf-8")
    print(f"{n} documents -> {outdir}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(int(sys.argv[1]), Path(sys.argv[2]))
