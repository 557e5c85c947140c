"""Knowledge-base commands: ``troly ingest``, ``troly docs``, ``troly search``, ``troly remove``.

Operator tools, so their messages are in English; document content is printed as stored.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from troly.config import DEFAULT_CORPUS, Settings
from troly.models import Document, Facts


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="add documents (.txt .md .docx .pdf, folders recursively) to the base")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the shipped corpus)")
    p.add_argument("--if-missing", action="store_true",
                   help="when the base already has documents, only re-read those whose files changed "
                        "or that an older pipeline read")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("docs", help="list the documents in the base")
    p.add_argument("--json", action="store_true", help="one JSON array")
    p.set_defaults(func=cmd_docs)

    p = sub.add_parser("search", help="search the base (hybrid BM25 + embeddings)")
    p.add_argument("query")
    p.add_argument("-k", type=int, default=5, help="number of hits (default 5)")
    p.add_argument("--json", action="store_true", help="one JSON array")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("remove", help="delete a document everywhere, by number (any spelling) or id")
    p.add_argument("doc")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--id", action="store_true", help="DOC is a document id (see: troly docs): remove that one")
    which.add_argument("--all", action="store_true", help="remove every document with the number DOC")
    p.set_defaults(func=cmd_remove)


def _open():
    from troly.knowledge.base import KnowledgeBase

    return KnowledgeBase.open(Settings.from_env())


def cmd_ingest(args: argparse.Namespace) -> int:
    kb = _open()
    paths = args.paths or [DEFAULT_CORPUS]
    if args.if_missing and kb.count() > 0:
        # a base that exists is left as it is (documents removed stay removed), except for files
        # of its own that changed or that an older version of the pipeline read
        paths = kb.stale_files()
        if not paths:
            print(f"knowledge base already has {kb.count()} documents; nothing to do", file=sys.stderr)
            return 0
        print(f"re-reading {len(paths)} changed or older-pipeline documents", file=sys.stderr)
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        print(f"not found: {p}", file=sys.stderr)
    report = kb.ingest([p for p in paths if p.exists()], progress=sys.stderr.isatty())
    for path, error in report.failed:
        print(f"failed: {error}", file=sys.stderr)
    for path, earlier in report.replaced:
        print(f"replaced: {earlier} by {path} (the same issuer, number and date)")
    print(f"added {len(report.added)}, updated {len(report.updated)}, unchanged {len(report.unchanged)}, "
          f"failed {len(report.failed) + len(missing)}; {kb.count()} documents in the base")
    _report_unread(kb, report.doc_ids)
    ok = len(report.added) + len(report.updated) + len(report.unchanged)
    if ok == 0 and (report.failed or missing):
        return 1
    if report.total == 0 and not missing:
        print("no .txt .md .docx or .pdf files found", file=sys.stderr)
        return 1
    return 0


def _report_unread(kb, doc_ids: list[str], show: int = 20) -> None:
    """Documents whose type, number, date or signer could not be read: named, never left silent."""
    facts = kb.store.all_facts()  # facts only: reading each whole document back would cost far more
    unread = [(i, facts[i].unread()) for i in dict.fromkeys(doc_ids) if i in facts and facts[i].unread()]
    if not unread:
        return
    print(f"facts not read in {len(unread)} of the documents read (see: troly docs):")
    for doc_id, missing in unread[:show]:
        print(f"  {kb.store.source_of(doc_id) or doc_id}: {', '.join(missing)}")
    if len(unread) > show:
        print(f"  ... and {len(unread) - show} more")


def doc_entry(doc: Document) -> dict:
    f: Facts = doc.facts
    return {
        "id": doc.id,
        "source": doc.source,
        "type": f.type,
        "number": f.number,  # as written ("471/QĐ-UBND")
        "key": f.key,  # normalized, what search and answers match on
        "date": f.date,
        "place": f.place,
        "issuer": f.issuer,
        "title": f.title,
        "signer": f.signer,
        "signer_title": f.signer_title,
        "unread": f.unread(),
        "recipients": list(f.recipients),
        "cites": list(dict.fromkeys(c.key for c in f.cites if c.key)),
        "repaired": f.repaired,
        "damaged": round(f.damaged, 3),
    }


def cmd_docs(args: argparse.Namespace) -> int:
    entries = [doc_entry(d) for d in _open().documents()]
    if args.json:
        print(json.dumps(entries, ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print("the knowledge base is empty (run: troly ingest)")
        return 0
    for e in entries:
        flags = " [repaired]" if e["repaired"] else (" [damaged]" if e["damaged"] > 0.2 else "")
        print(f"{e['id']}{flags}")
        print(f"  {e['type']} {e['number'] or '(no number)'}, {e['date'] or '(no date)'}, {e['place']}")
        print(f"  issuer: {e['issuer']}")
        print(f"  title:  {e['title']}")
        print(f"  signer: {e['signer'] or '(none)'}" + (f" ({e['signer_title']})" if e["signer_title"] else ""))
        if e["unread"]:
            print(f"  not read: {', '.join(e['unread'])}")
        if e["cites"]:
            print(f"  cites:  {', '.join(e['cites'])}")
        if e["recipients"]:
            print(f"  to:     {'; '.join(e['recipients'])}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    hits = _open().search(args.query, k=args.k)
    out = [{"document": h.label, "doc_id": h.doc_id,
            "section": h.chunk.section, "text": h.chunk.text, "score": round(h.score, 4)} for h in hits]
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if not out:
        print("no match")
    for i, h in enumerate(out, 1):
        print(f"{i}. [{h['score']:.3f}] {h['document'][:80]} › {h['section']}")
        lines = [line.strip() for line in h["text"].strip().splitlines() if line.strip()]  # no blank lines
        print("   " + "\n   ".join(lines))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    kb = _open()
    named = kb.matching(args.doc, by_number=True)
    if len(named) > 1 and not (args.all or args.id):  # numbers repeat between issuers: never guess
        print(f"{args.doc!r} names {len(named)} documents:", file=sys.stderr)
        for doc in filter(None, map(kb.get, named)):
            f = doc.facts
            print(f"  {doc.id}: {f.type} {f.number or f.key}, {f.date or '(no date)'}, {f.issuer or '(no issuer)'}",
                  file=sys.stderr)
        print("remove one with: troly remove --id ID, or all of them with: troly remove --all "
              f"{args.doc!r}", file=sys.stderr)
        return 1
    removed = [] if args.id and kb.get(args.doc) is None else kb.remove(args.doc, by_number=not args.id)
    if not removed:
        print(f"no document matches {args.doc!r} (see: troly docs)", file=sys.stderr)
        return 1
    print("removed: " + ", ".join(removed))
    return 0
