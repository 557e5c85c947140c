"""Readers: a file in, its text out. One function per format, chosen by suffix.

Readers only extract text; clean-up and repair happen in later stages so that every
format goes through the same path. Every reader keeps to the limits in force
(``troly.ingest.limits``), and ``read`` refuses a text that is not language (``sanity``).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from troly.ingest.docx_reader import read_docx
from troly.ingest.errors import IngestError
from troly.ingest.limits import Deadline, current
from troly.ingest.repair.legacy import decode_bytes
from troly.ingest.sanity import check_language

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".md", ".docx", ".pdf")


def _decode(data: bytes, source: str) -> str:
    """The text in a file's bytes, read exactly as ``troly repair`` reads it (``decode_bytes``):
    UTF-8 or UTF-16, else legacy TCVN3/VNI or cp1258, whichever reads as Vietnamese."""
    try:
        return decode_bytes(data)[0]
    except UnicodeDecodeError as exc:
        raise IngestError(source, f"cannot decode the text (a damaged UTF-16 file: {exc.reason})") from exc


def read_text_file(path: Path) -> str:
    limits = current()
    try:
        limits.check_file_size(path.stat().st_size, str(path))
        text = _decode(path.read_bytes(), str(path))
    except OSError as exc:
        raise IngestError(str(path), f"cannot read the file ({exc.strerror or exc})") from exc
    limits.check_text(text, str(path))
    return text


def read_pdf(path: Path) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise IngestError(str(path), "pypdf is not installed") from exc
    limits = current()
    deadline = Deadline(limits.max_seconds, str(path))
    pages, size = [], 0
    try:
        for page in PdfReader(str(path)).pages:
            deadline.check()
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            if size > limits.max_text_chars:
                limits.check_text("\n".join(pages), str(path))
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        raise IngestError(str(path), f"not a readable PDF ({exc})") from exc
    text = "\n".join(pages)
    if len(text.strip()) >= 40:
        return text
    # No text layer: a scan. Read it by OCR where tesseract is installed.
    try:
        from troly.ingest import scan
    except ImportError:
        scan = None  # type: ignore[assignment]
    if scan is not None and scan.available():
        log.info("%s has no text layer; reading it by OCR", path)
        return scan.ocr_pdf(path)
    raise IngestError(
        str(path),
        "the PDF has no text layer (a scan); install tesseract-ocr, tesseract-ocr-vie and poppler-utils to read it",
    )


READERS: dict[str, Callable[[Path], str]] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".docx": read_docx,
    ".pdf": read_pdf,
}


def read(path: Path) -> str:
    """Text of one file; raises IngestError naming the file when it cannot be read."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        try:
            from troly.ingest import scan

            if path.suffix.lower() in scan.IMAGE_SUFFIXES and scan.available():
                return scan.ocr_image(path)
        except ImportError:
            pass
        raise IngestError(str(path), f"unsupported file type {path.suffix or '(none)'}; use {', '.join(SUPPORTED)}")
    if not path.is_file():
        raise IngestError(str(path), "no such file")
    text = reader(path)
    limits = current()
    check_language(text, str(path), limits.min_printable, limits.min_wordlike)
    return text
