"""Titles (trích yếu) written in capitals and wrapped over lines, as exported pages print them,
read whole: the title's first word alone on a line, the authority line above the recitals
(itself wrapped) left out. Every text here is constructed."""
from __future__ import annotations

import pytest

from troly.ingest.pipeline import Ingestor

HEAD = """ỦY BAN NHÂN DÂN
TỈNH HẢI ĐÔNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1234/QĐ-UBND
Hải Đông, ngày 18 tháng 11 năm 2025
QUYẾT ĐỊNH
"""
TAIL = """Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""
WANT = ("VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC ĐẤT ĐAI THUỘC THẨM QUYỀN GIẢI QUYẾT "
        "CỦA ỦY BAN NHÂN DÂN CẤP XÃ TỈNH HẢI ĐÔNG")


def title(text: str) -> str:
    return Ingestor().from_text(text, "constructed.txt").facts.title


@pytest.mark.parametrize("lines", [
    # the first word alone, then the rest wrapped; the authority line above the recitals
    ["VỀ", "VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC ĐẤT ĐAI THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA",
     "ỦY BAN NHÂN DÂN CẤP XÃ TỈNH HẢI ĐÔNG", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG"],
    # the authority line wrapped in two
    ["VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC ĐẤT ĐAI", "THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA",
     "ỦY BAN NHÂN DÂN CẤP XÃ TỈNH HẢI ĐÔNG", "CHỦ TỊCH ỦY BAN NHÂN", "DÂN TỈNH"],
    # the authority's first word split from it
    ["VỀ", "VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC ĐẤT ĐAI THUỘC THẨM QUYỀN GIẢI QUYẾT",
     "CỦA ỦY BAN NHÂN DÂN CẤP XÃ TỈNH HẢI ĐÔNG", "CHỦ", "TỊCH ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG"],
])
def test_a_wrapped_capital_title_is_read_whole(lines):
    for recital in ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
                    "Căn\ncứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;"):
        text = HEAD + "\n".join(lines) + "\n" + recital + "\n" + TAIL
        assert title(text) == WANT


def test_a_title_ending_in_words_that_look_like_titles_stays_whole():
    """"VŨ TRƯỜNG" is no "vụ trưởng", "PHỐ HÀ NỘI" no "phó": compared with their marks."""
    head = HEAD.replace("QUYẾT ĐỊNH", "THÔNG TƯ")
    text = head + "QUY\nĐỊNH MỨC THU PHÍ THẨM ĐỊNH CẤP GIẤY PHÉP KINH DOANH KARAOKE,\nVŨ TRƯỜNG\n" \
        "Căn cứ Luật Phí và lệ phí;\n" + TAIL
    assert title(text) == "QUY ĐỊNH MỨC THU PHÍ THẨM ĐỊNH CẤP GIẤY PHÉP KINH DOANH KARAOKE, VŨ TRƯỜNG"
    text = HEAD + "QUY\nĐỊNH MỨC CHI TRONG LĨNH VỰC THỂ THAO CỦA THÀNH\nPHỐ HÀ NỘI\nCăn cứ Luật Tổ chức;\n" + TAIL
    assert title(text) == "QUY ĐỊNH MỨC CHI TRONG LĨNH VỰC THỂ THAO CỦA THÀNH PHỐ HÀ NỘI"


def test_a_capital_title_stops_at_the_body():
    """The title stops at a line that opens the body ("QUYẾT ĐỊNH:"), a section ("I. MỤC TIÊU")
    or text in sentence case, and a title in sentence case is not joined to capitals below it."""
    text = HEAD + "BAN\nHÀNH QUY CHẾ LÀM VIỆC\nQUYẾT ĐỊNH:\n" + TAIL
    assert title(text) == "BAN HÀNH QUY CHẾ LÀM VIỆC"
    plan = HEAD.replace("QUYẾT ĐỊNH", "KẾ HOẠCH") + "PHÁT\nTRIỂN HẠ TẦNG SỐ\nI. MỤC TIÊU\nPhấn đấu 100% xã có 5G.\n" + TAIL
    assert title(plan) == "PHÁT TRIỂN HẠ TẦNG SỐ"
    lower = HEAD.replace("QUYẾT ĐỊNH", "KẾ HOẠCH") + "Phát triển hạ tầng số\nI. MỤC TIÊU\nPhấn đấu 100% xã có 5G.\n" + TAIL
    assert title(lower) == "Phát triển hạ tầng số"
