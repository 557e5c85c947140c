"""Backing up and restoring everything troly keeps under ``TROLY_DATA``.

A backup is a folder: every file of the data folder at the same relative path, SQLite
databases (the knowledge base's ``troly.sqlite3``, the embedded Chroma store's
``chroma.sqlite3``) copied through SQLite's online backup API so that a running server can be
backed up, everything else (Chroma's index files, the BM25 index, kept uploads) copied as is,
and a manifest (``troly-backup.json``) with each file's size and SHA-256. Writers are held off
for the duration (the knowledge base's writer lock), so the folder is one consistent state.

Left out: SQLite's ``-wal``/``-shm`` side files (the online backup already holds their pages),
lock files, and ``cache/`` (derived models rebuilt on demand). With ``CHROMA_HOST`` the vectors
live in the Chroma server; they are rebuilt from the embedding cache in SQLite when missing.

Restore checks the manifest first (every file present, same SHA-256), then refuses to write
into a data folder that is not empty unless ``force`` is given.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import shutil
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

log = logging.getLogger(__name__)

MANIFEST = "troly-backup.json"
FORMAT = 1
SKIP_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")
SKIP_DIRS = ("cache",)
SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why (in English, for operators)."""


@dataclass
class BackupFile:
    path: str  # relative, with "/"
    size: int
    sha256: str
    sqlite: bool = False


@dataclass
class Manifest:
    format: int = FORMAT
    created: str = ""
    documents: int | None = None
    files: list[BackupFile] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)

    @classmethod
    def read(cls, folder: Path) -> "Manifest":
        path = folder / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            files = [BackupFile(**f) for f in data.pop("files")]
            manifest = cls(**data, files=files)
        except FileNotFoundError:
            raise BackupError(f"{folder} is not a troly backup (no {MANIFEST})") from None
        except (ValueError, TypeError, KeyError) as exc:
            raise BackupError(f"{path} is damaged: {exc}") from None
        if manifest.format != FORMAT:
            raise BackupError(f"{path}: backup format {manifest.format}, this troly reads {FORMAT}")
        return manifest


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _is_sqlite(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def data_files(data_dir: Path) -> Iterator[Path]:
    """The files a backup holds, in a stable order."""
    for path in sorted(data_dir.rglob("*")):
        rel = path.relative_to(data_dir)
        if not path.is_file() or path.is_symlink() or rel.parts[0] in SKIP_DIRS:
            continue
        if path.name.endswith(SKIP_SUFFIXES) or path.name == MANIFEST:
            continue
        yield path


def _sqlite_copy(src: Path, dst: Path) -> None:
    """An online, consistent copy (other connections may be reading or writing)."""
    source = sqlite3.connect(str(src), timeout=60)
    try:
        target = sqlite3.connect(str(dst))
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def _writers_held(data_dir: Path) -> contextlib.AbstractContextManager[Any]:
    try:
        from troly.knowledge.writelock import WriterLock
    except ImportError:  # a base without the cross-process writer lock
        return contextlib.nullcontext()
    return WriterLock(data_dir)


def _count_documents(db: Path) -> int | None:
    if not db.is_file():
        return None
    conn = sqlite3.connect(str(db))
    try:
        return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _empty(folder: Path) -> bool:
    return not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))


def backup(data_dir: Path, dest: Path, db_name: str = "troly.sqlite3") -> Manifest:
    """Copy the data folder into ``dest`` (new or empty); -> the manifest written there."""
    data_dir, dest = Path(data_dir), Path(dest)
    if not (data_dir / db_name).is_file():
        raise BackupError(f"{data_dir} holds no knowledge base ({db_name} is missing)")
    if not _empty(dest):
        raise BackupError(f"{dest} is not empty: back up into a new folder")
    if dest.resolve().is_relative_to(data_dir.resolve()):
        raise BackupError(f"{dest} is inside the data folder {data_dir}")
    dest.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(created=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    with _writers_held(data_dir):
        for path in data_files(data_dir):
            rel = path.relative_to(data_dir)
            out = dest / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            is_db = _is_sqlite(path)
            if is_db:
                _sqlite_copy(path, out)
            else:
                shutil.copy2(path, out)
            manifest.files.append(BackupFile(rel.as_posix(), out.stat().st_size, _sha256(out), is_db))
    manifest.documents = _count_documents(dest / db_name)
    (dest / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
    log.info("backup: %d files, %d bytes, %s documents -> %s", len(manifest.files), manifest.size,
             manifest.documents, dest)
    return manifest


def verify(folder: Path) -> Manifest:
    """The backup's manifest, once every file it lists is there with the same SHA-256."""
    manifest = Manifest.read(folder)
    for f in manifest.files:
        path = folder / f.path
        if not path.is_file():
            raise BackupError(f"the backup is incomplete: {f.path} is missing")
        if _sha256(path) != f.sha256:
            raise BackupError(f"the backup is damaged: {f.path} differs from its checksum")
    return manifest


def restore(src: Path, data_dir: Path, force: bool = False) -> Manifest:
    """Put a backup back as the data folder. A non-empty data folder is replaced only with ``force``
    (stop ``troly serve`` first: a running server keeps the old files open)."""
    src, data_dir = Path(src), Path(data_dir)
    manifest = verify(src)
    if not _empty(data_dir):
        if not force:
            raise BackupError(f"{data_dir} is not empty: restore into an empty folder, or add --force "
                              "to replace what it holds")
        for child in data_dir.iterdir():  # the folder itself may be a mount point: keep it
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    data_dir.mkdir(parents=True, exist_ok=True)
    for f in manifest.files:
        out = data_dir / f.path
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src / f.path, out)
    log.info("restore: %d files, %s documents <- %s", len(manifest.files), manifest.documents, src)
    return manifest
