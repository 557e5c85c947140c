"""A number's inner full stops are never read as a sentence end or a list marker (constructed text,
in the shape of a fee schedule whose lines wrap before an amount)."""
from __future__ import annotations

from troly.bot.answer.quotes import sentences
from troly.ingest.cleanup import STRUCT_START, clean


def test_a_sentence_is_not_cut_inside_a_number_before_a_line_end():
    text = "Mức thu phí là 1.000.000 đồng/phòng, nhưng tổng mức thu không quá\n6.000.000 đồng/giấy phép.\n"
    got = [text[a:b] for a, b in sentences(text, 0, len(text))]
    assert got[0].endswith("không quá") and "1.000.000 đồng/phòng" in got[0]
    assert got[1] == "6.000.000 đồng/giấy phép."


def test_an_amount_at_a_line_start_is_no_list_item():
    assert not STRUCT_START.match("6.000.000 đồng/giấy phép")
    assert STRUCT_START.match("6. Mức thu phí") and STRUCT_START.match("2.1. Nội dung")
    lines = ["Điều 4. Mức thu phí", "Mức thu phí thẩm định cấp giấy phép kinh doanh dịch vụ karaoke là 1.000.000 đồng,",
             "6.000.000 đồng/giấy phép đối với cơ sở có từ 6 phòng trở lên.", "", "Điều 5. Hiệu lực"] * 3
    assert "là 1.000.000 đồng, 6.000.000 đồng/giấy phép" in clean("\n".join(lines))
