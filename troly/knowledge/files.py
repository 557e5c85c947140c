"""The files a knowledge base reads: which ones, their fingerprints, and where uploads are kept.

An uploaded file's name is the uploader's text, never a path: the file is copied to
``TROLY_DATA/uploads/`` under a sanitised, unique name, and that copy is the document's source.
A stored source is read again (``troly ingest --if-missing``) only when it is a canonical absolute
path of a supported file (``readable_source``): a name like ``../../../../tmp/x.txt`` left by an
older version is never opened.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

from troly.vn import fold

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
UPLOADS = "uploads"
_UNSAFE = re.compile(r"[^a-z0-9_-]+")
MAX_STEM = 60


def walk(paths: Iterable[Path]) -> list[Path]:
    """Files with a supported suffix, recursing into directories, in a stable order."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                              and not f.name.startswith((".", "~$"))))
        else:
            out.append(p)
    return out


def _hash(path: Path, tail: bytes = b"") -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    h.update(tail)
    return h.hexdigest()


def sha256_file(path: Path) -> str:
    """The file's fingerprint: its bytes and the version of the ingest pipeline that reads them.

    A new pipeline (better facts, better repair) re-reads unchanged files on the next ingest
    instead of keeping what an older version extracted.
    """
    from troly.ingest.pipeline import PIPELINE_VERSION

    return _hash(path, f"\x00pipeline:{PIPELINE_VERSION}".encode())


def safe_name(name: str) -> str:
    """An upload's name reduced to a file name: no folders, no leading dot, ``[a-z0-9_-]`` and one
    suffix (Vietnamese letters lose their marks: ``Kế hoạch 12.docx`` -> ``ke_hoach_12.docx``)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = suffix, ""
    stem = _UNSAFE.sub("_", fold(stem)).strip("_-")[:MAX_STEM].strip("_-") or "upload"
    suffix = _UNSAFE.sub("", fold(suffix))[:8]
    return f"{stem}.{suffix}" if suffix else stem


def keep_upload(data_dir: Path, src: Path, name: str) -> Path:
    """Copy an uploaded file to ``data_dir/uploads/<safe name>-<hash><suffix>`` (the same bytes
    always land on the same name, other bytes never do); -> the stored copy's absolute path."""
    folder = (Path(data_dir) / UPLOADS).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    clean = safe_name(name)
    stem, dot, suffix = clean.rpartition(".")
    stem, suffix = (stem, dot + suffix) if dot else (clean, "")
    dest = folder / f"{stem}-{_hash(src)[:12]}{suffix}"
    if not dest.exists():
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as out, open(src, "rb") as f:
                shutil.copyfileobj(f, out)
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return dest


def is_upload(data_dir: Path, path: str | Path) -> bool:
    return Path(path).parent == (Path(data_dir) / UPLOADS).resolve()


def readable_source(source: str) -> Path | None:
    """The file behind a stored source when it may be read again: a canonical absolute path (no
    ``..``, no symbolic link on the way) of a supported suffix that exists; else None."""
    path = Path(source)
    if not path.is_absolute() or os.path.normpath(source) != source or path.suffix.lower() not in SUFFIXES:
        return None
    try:
        if path.resolve(strict=True) != path or not path.is_file():
            return None
    except (OSError, RuntimeError):
        return None
    return path
