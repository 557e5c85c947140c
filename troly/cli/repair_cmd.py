"""``troly repair FILE [--diff]``: print the repaired text of an OCR-damaged or legacy file.

The shipped clean documents (those with a low damage share) train the model together with the
offline inventory; the file itself is never used for training.
"""
from __future__ import annotations

import argparse
import difflib
import logging
import sys
from pathlib import Path

from troly.config import DEFAULT_CORPUS

log = logging.getLogger(__name__)

CLEAN_MAX_DAMAGE = 0.05


def clean_corpus_texts(exclude: Path | None = None) -> list[str]:
    """Shipped corpus documents whose damage share is low enough to train on."""
    from troly.ingest.repair import damage_share

    out = []
    for path in sorted(DEFAULT_CORPUS.glob("*.txt")):
        if exclude is not None and path.resolve() == exclude.resolve():
            continue
        text = path.read_text(encoding="utf-8")
        if damage_share(text) <= CLEAN_MAX_DAMAGE:
            out.append(text)
    return out


def _read(path: Path) -> tuple[str, str]:
    """(text, encoding read): the same reading as ingest's, so both see the same text."""
    from troly.ingest.repair.legacy import decode_bytes

    return decode_bytes(path.read_bytes())


def cmd_repair(args: argparse.Namespace) -> int:
    from troly.ingest.repair import Repairer

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    text, encoding = _read(path)
    legacy = encoding if encoding in ("tcvn3", "vni") else ""
    result = Repairer(clean_corpus_texts(exclude=path)).run(text)
    if args.diff:
        diff = difflib.unified_diff(text.splitlines(keepends=True), result.text.splitlines(keepends=True),
                                    fromfile=f"{path.name} (input)", tofile=f"{path.name} (repaired)")
        sys.stdout.writelines(diff)
    else:
        sys.stdout.write(result.text)
    print(f"damaged share {result.damaged_share:.3f}, paragraphs repaired {result.paragraphs_repaired}, "
          f"confidence {result.confidence:.3f}, legacy encoding {legacy or result.legacy_encoding or 'none'}",
          file=sys.stderr)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("repair", help="repair OCR-damaged or legacy-encoded Vietnamese text",
                              description=__doc__)
    p.add_argument("file", help="a text file (UTF-8, or TCVN3/VNI read as single bytes)")
    p.add_argument("--diff", action="store_true", help="show a unified diff of what changed")
    p.set_defaults(func=cmd_repair)
