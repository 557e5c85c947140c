"""Legacy encodings: TCVN3 (ABC) and VNI text, built from Unicode with the tables in reverse."""
from __future__ import annotations

from troly.ingest.repair import convert_legacy
from troly.ingest.repair.legacy import TCVN3_TO_UNICODE, unicode_to_tcvn3, unicode_to_vni

SAMPLE = ("Tuyên truyền thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá "
          "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; ưu tiên bồi "
          "dưỡng cán bộ, giữ vững an ninh, khuyến khích nhân rộng.")


def test_tcvn3_known_bytes() -> None:
    # the a-row of TCVN3: á à ả ã ạ
    assert [TCVN3_TO_UNICODE[c] for c in "\u00b8\u00b5\u00b6\u00b7\u00b9"] == ["á", "à", "ả", "ã", "ạ"]
    assert TCVN3_TO_UNICODE["\u00ae"] == "đ" and TCVN3_TO_UNICODE["\u00a7"] == "Đ"


def test_tcvn3_sample_is_converted() -> None:
    legacy = unicode_to_tcvn3(SAMPLE)
    assert legacy != SAMPLE and all(ord(c) < 256 for c in legacy)
    text, enc = convert_legacy(legacy)
    assert enc == "tcvn3"
    # TCVN3 has no upper-case toned letters: those come back lower-case (Bộ -> bộ, Đổi stays)
    assert text.lower() == SAMPLE.lower()


def test_vni_sample_is_converted() -> None:
    legacy = unicode_to_vni(SAMPLE)
    assert "aù" in unicode_to_vni("á") and legacy != SAMPLE
    text, enc = convert_legacy(legacy)
    assert enc == "vni"
    assert text == SAMPLE


def test_vni_upper_case() -> None:
    heading = "KẾ HOẠCH TUYÊN TRUYỀN VỀ ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ"
    text, enc = convert_legacy(unicode_to_vni(heading))
    assert (text, enc) == (heading, "vni")


def test_unicode_and_ascii_are_left_alone() -> None:
    assert convert_legacy(SAMPLE) == (SAMPLE, "")
    plain = "Report 2025: internet, Zalo, Facebook."
    assert convert_legacy(plain) == (plain, "")
    latin1 = "Café crème à la française, déjà vu."
    assert convert_legacy(latin1) == (latin1, "")
