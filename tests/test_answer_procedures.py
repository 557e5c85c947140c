"""Questions on an administrative procedure a decision announces (how long, what it costs,
where to file) answered from the row of its table, on constructed decisions
(``procedure_fixtures``) read by the real Ingestor into a real knowledge base."""
from __future__ import annotations

import pytest
from directive_fixtures import make_engine
from procedure_fixtures import DECISION, OTHER



@pytest.fixture()
def engine(tmp_path):
    return make_engine(tmp_path / "kb", [("qd-0415.md", DECISION), ("qd-0777.md", OTHER)])


def test_the_time_a_procedure_takes_is_its_row_s_cell_without_asides(engine):
    ans = engine.ask("Cấp giấy phép xả nước thải vào công trình thủy lợi ở An Hòa mất bao lâu?")
    assert not ans.abstained and ans.trace.route == "procedure"
    assert ans.answer == ("Theo Quyết định số 0415/QĐ-UBND của Ủy ban nhân dân tỉnh An Hòa, thủ tục “Cấp giấy phép "
                          "xả nước thải vào công trình thủy lợi”: thời hạn giải quyết: trong thời hạn 15 ngày làm việc, "
                          "kể từ ngày nhận đủ hồ sơ hợp lệ [1].")
    assert ans.sources[0].quote.startswith("| 01 | 1.009001 | Cấp giấy phép xả nước thải")


def test_fee_and_place_of_a_row_that_says_as_above_are_the_row_above_s_place(engine):
    ans = engine.ask("gia han giay phep xa nuoc thai vao cong trinh thuy loi o An Hoa phi bao nhieu, nop o dau")
    assert "“Gia hạn giấy phép xả nước thải vào công trình thủy lợi”" in ans.answer
    assert "phí, lệ phí: 200.000 đồng/hồ sơ" in ans.answer
    assert "nơi nộp hồ sơ: Trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh/cấp xã" in ans.answer
    assert "https://dichvucong.gov.vn" in ans.answer


def test_a_procedure_two_provinces_announce_is_answered_for_each_unless_a_place_is_named(engine):
    both = engine.ask("Gia hạn giấy phép xả nước thải vào công trình thủy lợi mất phí bao nhiêu?")
    assert both.answer.splitlines()[0] == "Thủ tục này được công bố trong văn bản của nhiều địa phương:"
    assert "200.000 đồng/hồ sơ" in both.answer and "150.000 đồng/hồ sơ" in both.answer
    assert len(both.sources) == 2
    one = engine.ask("Gia hạn giấy phép xả nước thải vào công trình thủy lợi ở Bình Sơn mất phí bao nhiêu?")
    assert "150.000 đồng/hồ sơ" in one.answer and "200.000" not in one.answer


def test_a_question_whose_words_only_meet_a_name_one_by_one_is_not_about_the_procedure(engine):
    # "giấy phép", "công trình" are in the names; "xây dựng nhà ở" is no pair of them
    ans = engine.ask("Giấy phép xây dựng nhà ở công trình riêng lẻ mất phí bao nhiêu?")
    assert ans.trace.route != "procedure"


@pytest.mark.parametrize("caps, text, shown", [
    # words the text never writes mid-sentence: the body's own lower case, the place's capitalized
    ("ỦY BAN NHÂN DÂN TỈNH AN HÒA", "Quyết định này có hiệu lực kể từ ngày ký.", "Ủy ban nhân dân tỉnh An Hòa"),
    ("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ BÌNH SƠN", "", "Hội đồng nhân dân thành phố Bình Sơn"),
])
def test_an_issuer_in_capitals_is_named_as_a_sentence_writes_it(caps, text, shown):
    from troly.vn.case import issuer_phrase

    assert issuer_phrase(caps, text) == shown
    # "Huyện ủy" is a name, not a level: the text's own spelling stands
    assert issuer_phrase("BAN THƯỜNG VỤ HUYỆN ỦY MỸ LỢI", "Huyện ủy Mỹ Lợi ban hành kế hoạch.").endswith(
        " Huyện ủy Mỹ Lợi")


# Constructed: a third province's plan, which announces no procedure.
PLAN = """ỦY BAN NHÂN DÂN TỈNH MỸ LỢI
Số: 12/KH-UBND
Mỹ Lợi, ngày 02 tháng 10 năm 2025

KẾ HOẠCH
bảo vệ nguồn nước năm 2026

I. MỤC TIÊU

1. Phấn đấu đến năm 2026 có 95% hộ dân nông thôn được dùng nước sạch.
"""


def test_a_question_on_a_place_no_decision_of_which_announces_it_says_so_first(tmp_path):
    engine = make_engine(tmp_path / "kb", [("qd-0415.md", DECISION), ("kh-12.md", PLAN)])
    there = engine.ask("Cấp giấy phép xả nước thải vào công trình thủy lợi ở Mỹ Lợi mất bao lâu?")
    assert there.answer.splitlines()[0] == ("Các văn bản hiện có không có văn bản nào của Mỹ Lợi công bố thủ tục "
                                            "này; văn bản của địa phương khác:")
    assert "tỉnh An Hòa" in there.answer.splitlines()[1]
    home = engine.ask("Cấp giấy phép xả nước thải vào công trình thủy lợi ở An Hòa mất bao lâu?")
    assert home.answer.startswith("Theo Quyết định số 0415/QĐ-UBND")


def test_most_words_of_the_question_must_be_in_the_name(engine):
    # "xả nước thải vào công trình thủy lợi" pairs, but "khai thác" / "cát" named too: another procedure
    ans = engine.ask("Cấp giấy phép khai thác cát trong công trình thủy lợi mất bao lâu?")
    assert ans.trace.route != "procedure"
