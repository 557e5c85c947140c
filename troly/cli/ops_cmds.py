"""Operations: ``troly backup DIR`` and ``troly restore DIR [--force]`` (see troly.knowledge.backup)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="copy everything under TROLY_DATA (knowledge base, vectors, BM25, "
                                      "uploads) into a new folder; safe while troly serve runs")
    p.add_argument("dest", type=Path, help="a new or empty folder")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="put a backup folder back as TROLY_DATA (stop troly serve first)")
    p.add_argument("src", type=Path, help="a folder made by troly backup")
    p.add_argument("--force", action="store_true", help="replace what a non-empty TROLY_DATA holds")
    p.set_defaults(func=cmd_restore)


def _settings():
    from troly.config import Settings

    return Settings.from_env()


def cmd_backup(args: argparse.Namespace) -> int:
    from troly.knowledge.backup import BackupError, backup

    s = _settings()
    try:
        m = backup(s.data_dir, args.dest)
    except (BackupError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"backed up {len(m.files)} files ({m.size / 1e6:.1f} MB), {m.documents} documents: {args.dest}")
    if s.chroma_host:
        print("note: the vectors live in the Chroma server (CHROMA_HOST) and are not in this backup; "
              "they are rebuilt from the knowledge base when missing")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from troly.knowledge.backup import BackupError, restore

    s = _settings()
    try:
        m = restore(args.src, s.data_dir, force=args.force)
    except (BackupError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"restored {len(m.files)} files, {m.documents} documents (backup of {m.created}) into {s.data_dir}")
    return 0
