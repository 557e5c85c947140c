"""Reading scanned PDFs and images with tesseract (Vietnamese model), when installed.

Needs the Debian packages ``tesseract-ocr``, ``tesseract-ocr-vie`` (the ``vie`` model) and, for
PDFs, ``poppler-utils`` (``pdftoppm``). Nothing is downloaded. Whatever an OCR engine returns
still goes through ``troly.ingest.repair`` (the caller's job), since tesseract too drops marks.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

LANG = "vie"
DPI = 300


class OCRUnavailable(RuntimeError):
    """OCR was asked for but a tool or the Vietnamese model is missing (the message says which)."""


def missing() -> list[str]:
    """What is missing for OCR, as install hints; empty when everything is there."""
    out = []
    if shutil.which("tesseract") is None:
        out.append("tesseract (apt-get install tesseract-ocr)")
    elif LANG not in _languages():
        out.append(f"tesseract language '{LANG}' (apt-get install tesseract-ocr-vie)")
    if shutil.which("pdftoppm") is None:
        out.append("pdftoppm (apt-get install poppler-utils)")
    return out


def _languages() -> set[str]:
    try:
        proc = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return set()
    lines = (proc.stdout + proc.stderr).splitlines()
    return {line.strip() for line in lines if line.strip() and " " not in line.strip()}


def available() -> bool:
    """Whether images and PDFs can be read (tesseract with ``vie``, and pdftoppm)."""
    return not missing()


def _require(pdf: bool) -> None:
    gaps = [m for m in missing() if pdf or not m.startswith("pdftoppm")]
    if gaps:
        raise OCRUnavailable("OCR unavailable, missing: " + "; ".join(gaps))


def ocr_image(path: str | Path, lang: str = LANG) -> str:
    """Text of one image file (PNG, JPEG, TIFF ...)."""
    _require(pdf=False)
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(path)
    proc = subprocess.run(["tesseract", str(path), "stdout", "-l", lang], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"tesseract failed on {path.name}: {proc.stderr.strip()[:300]}")
    return proc.stdout


def ocr_pdf(path: str | Path, lang: str = LANG, dpi: int = DPI) -> str:
    """Text of a scanned PDF: each page rendered with pdftoppm, then read by tesseract.

    Pages are joined by a form feed so page boundaries stay visible.
    """
    _require(pdf=True)
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(path)
    with tempfile.TemporaryDirectory(prefix="troly-ocr-") as tmp:
        proc = subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(Path(tmp) / "page")],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"pdftoppm failed on {path.name}: {proc.stderr.strip()[:300]}")
        pages = sorted(Path(tmp).glob("page*.png"))
        log.debug("OCR %s: %d page(s)", path.name, len(pages))
        return "\f".join(ocr_image(page, lang) for page in pages)
