"""Issue 16, reading side: legacy encodings, binary junk, reading limits, .docx body order.

Fixtures are constructed here; the directive used for the legacy files is the shipped document
001 (copied from troly/knowledge/corpus, re-encoded with the legacy tables).
"""
from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from troly.config import DEFAULT_CORPUS, Settings
from troly.ingest import limits, readers
from troly.ingest.errors import IngestError
from troly.ingest.pipeline import Ingestor
from troly.ingest.repair.legacy import decode_bytes, unicode_to_tcvn3, unicode_to_vni

SHIPPED = DEFAULT_CORPUS / "001_0df02e524545d833.txt"


# --- legacy encodings (item 3) -----------------------------------------------------------------

@pytest.mark.parametrize("encode", [unicode_to_tcvn3, unicode_to_vni], ids=["tcvn3", "vni"])
def test_legacy_file_ingests_like_its_unicode_original(tmp_path, encode):
    """A TCVN3 / VNI .txt made from the shipped plan 114-KH/HU reads with the same facts."""
    clean = SHIPPED.read_text(encoding="utf-8")
    path = tmp_path / "legacy.txt"
    path.write_bytes(encode(clean).encode("latin-1"))
    want = Ingestor().from_text(clean, "clean").facts
    got = Ingestor().run(path).facts
    assert (got.type, got.key, got.date, got.issuer) == (want.type, want.key, want.date, want.issuer)
    assert got.key == "114-KH/HU" and got.type == "Kế hoạch"
    assert got.damaged < 0.02  # read as Vietnamese, not as mojibake to be "repaired"


def test_ingest_and_repair_read_bytes_the_same_way(tmp_path):
    from troly.cli import repair_cmd

    clean = SHIPPED.read_text(encoding="utf-8")
    for data, enc in ((unicode_to_tcvn3(clean).encode("latin-1"), "tcvn3"),
                      (unicode_to_vni(clean).encode("latin-1"), "vni"), (clean.encode("utf-8"), "utf-8")):
        path = tmp_path / f"{enc}.txt"
        path.write_bytes(data)
        assert repair_cmd._read(path) == decode_bytes(data)
        assert decode_bytes(data)[1] == enc
        assert readers.read(path) == decode_bytes(data)[0]


def test_a_long_legacy_file_is_chosen_on_a_sample_and_converted_whole():
    one = unicode_to_tcvn3(SHIPPED.read_text(encoding="utf-8")).encode("latin-1")
    text, enc = decode_bytes(one * 30)  # > 200 KB: the reading is chosen on slices of it
    assert enc == "tcvn3" and text == decode_bytes(one)[0] * 30


def test_cp1258_and_western_8bit_text():
    """Constructed: Windows' Vietnamese code page (base letter + combining tone) and a cp1252 text."""
    vietnamese = "Kế hoạch tuyên truyền chuyển đổi số của Ủy ban nhân dân phường"
    data = bytearray()
    for ch in vietnamese:
        try:
            data += ch.encode("cp1258")
        except UnicodeEncodeError:  # a toned letter: base (with its shape marks) then the tone
            import unicodedata

            parts = unicodedata.normalize("NFD", ch)
            tone = [m for m in parts if m in "\u0300\u0301\u0303\u0309\u0323"]
            base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in tone))
            data += base.encode("cp1258") + "".join(tone).encode("cp1258")
    assert decode_bytes(bytes(data)) == (vietnamese, "cp1258")
    assert decode_bytes("Café crème, déjà vu — naïve façade.".encode("cp1252")) == (
        "Café crème, déjà vu — naïve façade.", "cp1252")


# --- binary junk (item 4) ------------------------------------------------------------------------

def test_random_bytes_are_refused_with_a_clear_message(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(random.Random(4).randbytes(100_000))
    with pytest.raises(IngestError) as err:
        readers.read(junk)
    assert "not text in a language" in str(err.value) and "junk.txt" in str(err.value)
    ascii_junk = tmp_path / "ascii.txt"
    rnd = random.Random(5)
    ascii_junk.write_text("".join(rnd.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;")
                                  for _ in range(20_000)), encoding="ascii")
    with pytest.raises(IngestError, match="not text in a language"):
        readers.read(ascii_junk)


def test_real_short_damaged_and_english_texts_pass(tmp_path):
    clean = SHIPPED.read_text(encoding="utf-8")
    damaged = DEFAULT_CORPUS / "004_1e91743ee4d0742d.txt"  # shipped, OCR-damaged
    english = Path(__file__).resolve().parents[1] / "docs" / "DESIGN.md"
    short = tmp_path / "short.txt"
    short.write_text("Số 12/TB-UBND. Thông báo lịch họp ngày 5/9/2025.", encoding="utf-8")
    for path in (SHIPPED, damaged, english, short):
        assert readers.read(path).strip()
    assert clean.strip() in readers.read(SHIPPED)


# --- reading limits (item 7) -----------------------------------------------------------------------

def test_text_over_the_length_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # sparse: 50 MB on paper, nothing to read
        f.truncate(50 * 1024 * 1024)
    with pytest.raises(IngestError, match="too large"):
        readers.read(big)
    long = tmp_path / "long.txt"
    long.write_text("Văn bản dài. " * 1000, encoding="utf-8")
    with limits.use(limits.ReadLimits(max_text_chars=5000)):
        with pytest.raises(IngestError, match="too long"):
            readers.read(long)
    assert readers.read(long)  # under the default limit


def test_docx_zip_bomb_is_refused_before_parsing(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<" + " " * (3 * 1024 * 1024) + "/>")  # 3 MB of spaces
    assert bomb.stat().st_size < 100_000
    with limits.use(limits.ReadLimits(max_unzipped_bytes=1024 * 1024)):
        with pytest.raises(IngestError, match="unzip to 3 MB"):
            readers.read(bomb)


def test_limits_come_from_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("TROLY_MAX_TEXT_CHARS", "1234")
    monkeypatch.setenv("TROLY_MAX_UNZIPPED_MB", "7")
    got = limits.ReadLimits.from_settings(Settings.from_env(data_dir=tmp_path))
    assert got.max_text_chars == 1234 and got.max_unzipped_bytes == 7 * 1024 * 1024


# --- .docx in body order (for issue 14) --------------------------------------------------------

def _directive_docx(path: Path) -> None:
    """Constructed: header table, body paragraphs, a task table, more body, a signature table."""
    import docx

    d = docx.Document()
    header = d.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ĐẢNG BỘ XÃ AN BÌNH\nĐẢNG ỦY"
    header.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    header.cell(1, 0).text = "Số 12-KH/ĐU"
    header.cell(1, 1).text = "An Bình, ngày 5 tháng 9 năm 2025"
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Triển khai chuyển đổi số năm 2025")
    d.add_paragraph("I. NHIỆM VỤ")
    tasks = d.add_table(rows=3, cols=4)
    for i, text in enumerate(["Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]):
        tasks.cell(0, i).text = text
    tasks.cell(1, 0).text = "Tuyên truyền\ntrên loa phát thanh"
    tasks.cell(1, 1).text = "Văn phòng Đảng ủy"
    tasks.cell(1, 2).text = "Đoàn Thanh niên"
    tasks.cell(1, 3).text = "Tháng 10/2025"
    merged = tasks.cell(2, 1).merge(tasks.cell(2, 2))
    tasks.cell(2, 0).text = "Báo cáo kết quả"
    merged.text = "Các chi bộ"
    tasks.cell(2, 3).text = "Trước 15/12/2025"
    d.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    sign = d.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:\n- Các chi bộ,\n- Lưu VP."
    sign.cell(0, 1).text = "T/M ĐẢNG ỦY\nBÍ THƯ\nNguyễn Văn A"
    d.save(str(path))


def test_docx_is_read_in_body_order_with_tables_shaped(tmp_path):
    path = tmp_path / "plan.docx"
    _directive_docx(path)
    lines = [line for line in readers.read(path).split("\n") if line.strip()]
    assert lines == [
        "ĐẢNG BỘ XÃ AN BÌNH", "ĐẢNG ỦY", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-KH/ĐU", "An Bình, ngày 5 tháng 9 năm 2025",
        "KẾ HOẠCH", "Triển khai chuyển đổi số năm 2025", "I. NHIỆM VỤ",
        "| Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
        "| Tuyên truyền trên loa phát thanh | Văn phòng Đảng ủy | Đoàn Thanh niên | Tháng 10/2025 |",
        "| Báo cáo kết quả | Các chi bộ | Trước 15/12/2025 |",
        "II. TỔ CHỨC THỰC HIỆN",
        "Nơi nhận:", "- Các chi bộ,", "- Lưu VP.", "T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn A",
    ]
