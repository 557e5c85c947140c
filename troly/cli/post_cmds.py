"""Propaganda commands: ``troly post`` (short posts) and ``troly deadlines``.

Posts and deadline lists are for people, so they print in Vietnamese; operator errors are in
English on stderr. ``--json`` output: ``post`` prints one object
``{"channel", "audience", "text", "sources"}``, or with ``--variants N`` (N > 1) one JSON list of such
objects; ``deadlines`` prints one JSON list of deadline objects.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from troly.config import Settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("post", help="a short post on a topic, grounded in the documents")
    p.add_argument("topic", help='the topic, e.g. "chuyển đổi số"')
    p.add_argument("--channel", choices=("zalo", "facebook", "loa"), default="zalo",
                   help="zalo (≤2000 chars), facebook (600–1200 chars) or loa (a 60–90 s script)")
    p.add_argument("--variants", type=int, default=1, help="how many different posts (1–5, default 1)")
    p.add_argument("--audience", choices=("dan", "canbo"), default="dan",
                   help="dan: citizens (default); canbo: cadres (internal procedure included)")
    p.add_argument("--json", action="store_true",
                   help="JSON: one object, or a list of objects with --variants > 1")
    p.add_argument("--no-llm", action="store_true", help="template post even when an LLM is configured")
    p.set_defaults(func=cmd_post)

    p = sub.add_parser("deadlines", help="every deadline the documents set, with its status today")
    p.add_argument("--today", type=_iso_date, default=None, help="compute statuses as of YYYY-MM-DD")
    p.add_argument("--agency", default=None, help="only deadlines of this agency (any spelling)")
    p.add_argument("--json", action="store_true", help="one JSON list")
    p.set_defaults(func=cmd_deadlines)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}") from exc


def _open():
    from troly.knowledge.base import KnowledgeBase

    settings = Settings.from_env()
    kb = KnowledgeBase.open(settings)
    if kb.count() == 0:
        print("the knowledge base is empty; run `troly ingest` first", file=sys.stderr)
        return None, settings
    return kb, settings


def cmd_post(args: argparse.Namespace) -> int:
    from troly.bot.posts import NoMaterial, PostWriter

    if not 1 <= args.variants <= 5:
        print("--variants must be between 1 and 5", file=sys.stderr)
        return 2
    kb, settings = _open()
    if kb is None:
        return 1
    llm = None
    if not args.no_llm:
        from troly.bot.llm import LLMWriter

        llm = LLMWriter.from_settings(settings)
    try:
        posts = PostWriter(kb, llm, settings).run(args.topic, args.channel, args.variants, audience=args.audience)
    except NoMaterial as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if args.json:
        data = [p.to_json() for p in posts]
        print(json.dumps(data if args.variants > 1 else data[0], ensure_ascii=False, indent=2))
        return 0
    for i, p in enumerate(posts):
        if len(posts) > 1:
            print(f"===== Phương án {i + 1} =====")
        print(p.text)
        if i < len(posts) - 1:
            print()
    return 0


def cmd_deadlines(args: argparse.Namespace) -> int:
    from troly.bot.tracking.deadlines import format_deadlines, list_deadlines

    kb, _ = _open()
    if kb is None:
        return 1
    today = args.today or date.today()
    items = list_deadlines(kb, today, agency=args.agency)
    if args.json:
        print(json.dumps([d.to_json() for d in items], ensure_ascii=False, indent=2))
    else:
        print(format_deadlines(items, today, limit=10**6, agency=args.agency))
    return 0
