"""OCR reader: clear errors when tools are missing; a real read when tesseract is installed."""
from __future__ import annotations

from pathlib import Path

import pytest

from troly.ingest import scan


def _minimal_pdf(path: Path, line: str) -> None:
    """A one-page PDF with one line of Helvetica text, written by hand (no PDF library needed)."""
    stream = f"BT /F1 28 Tf 40 700 Td ({line}) Tj ET".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))


def test_missing_tools_are_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(scan.shutil, "which", lambda name: None)
    assert not scan.available()
    with pytest.raises(scan.OCRUnavailable, match="tesseract"):
        scan.ocr_image(tmp_path / "x.png")
    with pytest.raises(scan.OCRUnavailable, match="pdftoppm"):
        scan.ocr_pdf(tmp_path / "x.pdf")


@pytest.mark.skipif(not scan.available(), reason="tesseract-ocr, tesseract-ocr-vie or poppler-utils not installed")
def test_ocr_pdf_reads_text(tmp_path: Path) -> None:
    pdf = tmp_path / "scan.pdf"
    _minimal_pdf(pdf, "KE HOACH so 32/KH-UBND nam 2025")
    text = scan.ocr_pdf(pdf)
    assert "32/KH-UBND" in text and "2025" in text
