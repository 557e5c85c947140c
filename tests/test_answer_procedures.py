"""Questions on an administrative procedure a decision announces (how long, what it costs,
where to file) answered from the row of its table, on constructed decisions
(``procedure_fixtures``) read by the real Ingestor into a real knowledge base."""
from __future__ import annotations

import pytest
from directive_fixtures import make_kb
from procedure_fixtures import DECISION, OTHER

from troly.bot.engine import AnswerEngine


@pytest.fixture()
def engine(tmp_path):
    kb = make_kb(tmp_path / "kb", [("qd-0415.md", DECISION), ("qd-0777.md", OTHER)])
    return AnswerEngine(kb, kb.settings)


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
