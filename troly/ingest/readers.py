"""Readers: a file in, its text out. One function per format, chosen by suffix.

Readers only extract text; clean-up and repair happen in later stages so that every
format goes through the same path.
"""
from __future__ import annotations

import logging
import zipfile
from pathlib import Path
from typing import Callable

from troly.ingest.errors import IngestError

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".md", ".docx", ".pdf")


def _decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM), then UTF-16, then cp1258/cp1252 for old files.

    Legacy Vietnamese encodings (TCVN3, VNI) arrive as 8-bit text: decoding them as
    cp1252 keeps every byte as one character, which the legacy converter maps back.
    """
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for enc in ("cp1258", "cp1252", "latin-1"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise IngestError(source, "cannot decode the text (not UTF-8, UTF-16 or an 8-bit code page)")


def read_text_file(path: Path) -> str:
    return _decode(path.read_bytes(), str(path))


def read_docx(path: Path) -> str:
    try:
        import docx  # python-docx
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise IngestError(str(path), "python-docx is not installed") from exc
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise IngestError(str(path), f"not a readable .docx file ({exc.__class__.__name__}: {exc})") from exc
    except Exception as exc:  # python-docx raises assorted errors on damaged packages
        raise IngestError(str(path), f"not a readable .docx file ({exc.__class__.__name__}: {exc})") from exc
    parts: list[str] = []
    # Header tables (issuer | motto) come first in directives; read them before the body.
    for table in document.tables:
        for row in table.rows:
            cells = []
            for cell in row.cells:
                text = cell.text.strip()
                if text and text not in cells:
                    cells.append(text)
            if cells:
                parts.append("\n".join(cells))
    for para in document.paragraphs:
        parts.append(para.text)
    return "\n".join(parts)


def read_pdf(path: Path) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise IngestError(str(path), "pypdf is not installed") from exc
    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
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
    return reader(path)
