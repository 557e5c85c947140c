"""Write every post of a topic list, as a propaganda officer would ask for them, into one
markdown file to read and judge (issue 18's review). Verdicts are a reader's; this script only
writes the posts and marks what a reader checks first.

usage: python bench/posts_review.py --shipped DATA_DIR --real DATA_DIR [--set dev|heldout|all]
                                    [--topics bench/posts_topics.jsonl] [--out FILE.md]

Each DATA_DIR is a TROLY_DATA built with `troly ingest` (the shipped seeds, the real corpus).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHANNELS = ("zalo", "facebook", "loa")
# What a reader looks at first; marks, not verdicts.
_CITATION = re.compile(r"^(?:Tại|Theo quy định tại|Căn cứ|Theo)\b.{0,80}\b(?:Điều|khoản|điểm)\b")
_LIST_MARK = re.compile(r"(?:^|\s)\(\d+\)|^\s*[a-zđ]\)")


def _marks(post) -> list[str]:
    lines = [ln for ln in post.text.splitlines() if ln.strip()]
    out = []
    points = [p.quote for p in post.sources]
    if any(_CITATION.search(q or "") for q in points):
        out.append("a point cites a legal provision")
    if any(_LIST_MARK.search(q or "") for q in points):
        out.append("a list marker in a point")
    if lines and " về " not in lines[0] and "mục tiêu" not in lines[0]:
        out.append("the hook says what, not what about")
    if post.channel == "loa":
        out.append(f"{len(post.text.split())} words aloud")
    return out


def run(data: str, topics: list[dict], out) -> tuple[int, int]:
    os.environ["TROLY_DATA"] = data
    from troly.bot.posts import NoMaterial, PostWriter
    from troly.config import Settings
    from troly.knowledge.base import KnowledgeBase

    settings = Settings.from_env()
    kb = KnowledgeBase.open(settings)
    written = declined = 0
    for t in topics:
        for channel in CHANNELS:
            out.write(f"#### {t['topic']} — {channel} ({t['set']}, {t['corpus']})\n\n")
            try:
                post = PostWriter(kb, None, settings).run(t["topic"], channel)[0]
            except NoMaterial as exc:
                declined += 1
                out.write(f"_declined:_ {exc}\n\n")
                continue
            written += 1
            out.write("```\n" + post.text.strip() + "\n```\n")
            docs = "; ".join(dict.fromkeys(s.document for s in post.sources))
            marks = _marks(post)
            out.write(f"_{len(post.text)} characters; sources: {docs}" + (f"; marks: {', '.join(marks)}" if marks else "") + "_\n\n")
    return written, declined


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shipped", required=True)
    ap.add_argument("--real", required=True)
    ap.add_argument("--set", default="dev", help="a set named in the topics file, or 'all'")
    ap.add_argument("--topics", default=str(ROOT / "bench/posts_topics.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "bench/out/posts_review.md"))
    args = ap.parse_args()
    topics = [json.loads(x) for x in Path(args.topics).read_text(encoding="utf-8").splitlines() if x.strip()]
    sets = sorted({t["set"] for t in topics})
    if args.set != "all" and args.set not in sets:
        ap.error(f"unknown set {args.set!r}; the topics file has: {', '.join(sets)}, all")
    topics = [t for t in topics if args.set == "all" or t["set"] == args.set]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    totals = [0, 0]
    with open(args.out, "w", encoding="utf-8") as out:
        for corpus, data in (("shipped", args.shipped), ("real", args.real)):
            chosen = [t for t in topics if t["corpus"] == corpus]
            if chosen:
                out.write(f"### {corpus} corpus\n\n")
                w, d = run(data, chosen, out)
                totals[0] += w
                totals[1] += d
    print(f"{totals[0]} posts written, {totals[1]} declined -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
