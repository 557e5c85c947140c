"""Facts read from the real corpus, without building a knowledge base: ingest's reading stages only.

usage: python bench/facts_real.py [DOCS_DIR] [--split dev|held|all] [--out docs.json]

Writes a `troly docs --json`-shaped file for ../shared/eval/facts_score.py. The split holds back
every fourth file (by sorted name) as a held-out part that rule changes are never tuned on:
`dev` is the other three quarters, `held` the held-out quarter.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from troly.cli.kb_cmds import doc_entry  # noqa: E402
from troly.ingest.pipeline import Ingestor  # noqa: E402


def split_files(folder: Path, split: str) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".docx", ".pdf"))
    if split == "all":
        return files
    return [p for i, p in enumerate(files) if (i % 4 == 0) == (split == "held")]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("docs", nargs="?", default=str(ROOT.parent / "shared/corpus/real/docs"))
    ap.add_argument("--split", choices=("dev", "held", "all"), default="all")
    ap.add_argument("--out", default="bench/out/facts_real.json")
    ap.add_argument("--truth", default=str(ROOT.parent / "shared/corpus/real/facts.jsonl"))
    args = ap.parse_args()
    files = split_files(Path(args.docs), args.split)
    ing = Ingestor()
    t0 = time.perf_counter()
    entries = []
    for p in files:
        doc = ing.run(p)
        e = doc_entry(doc)
        e["source"] = p.name
        entries.append(e)
    took = time.perf_counter() - t0
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
    names = {p.name for p in files}
    truth = Path(args.out).with_suffix(".truth.jsonl")
    truth.write_text("".join(line for line in open(args.truth, encoding="utf-8")
                             if line.strip() and json.loads(line)["file"] in names), encoding="utf-8")
    print(f"{len(files)} files read in {took:.1f} s ({args.split}); score with:\n"
          f"  python3 ../shared/eval/facts_score.py {truth} {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
