"""A question asking a figure is answered with the sentence that states it first; a form's lines to
fill in are no answer. The documents below are constructed (written for these tests, no shipped text)."""
from __future__ import annotations

import pytest

from directive_fixtures import make_engine
from troly.bot.answer.compose_content import asks_figure
from troly.bot.answer.query import parse

DECISION = """THỦ TƯỚNG CHÍNH PHỦ
Số: 812/QĐ-TTg
Hà Nội, ngày 10 tháng 11 năm 2025

QUYẾT ĐỊNH
Về việc điều chỉnh lãi suất cho vay một số chương trình tín dụng chính sách

Điều 1. Điều chỉnh giảm lãi suất cho vay hộ nghèo, hộ gia đình sản xuất, kinh doanh tại vùng khó khăn tại Ngân hàng Chính sách xã hội, áp dụng cho các khoản vay giải ngân từ ngày 01 tháng 01 năm 2026, cụ thể như sau:
1. Lãi suất cho vay hộ nghèo, cho vay học sinh, sinh viên có hoàn cảnh khó khăn theo quy định hiện hành của Chính phủ về tín dụng đối với học sinh, sinh viên, điều chỉnh giảm từ 6,6%/năm xuống 6,24%/năm.
2. Lãi suất cho vay hộ gia đình sản xuất, kinh doanh tại vùng khó khăn điều chỉnh giảm từ 9,0%/năm xuống 7,8%/năm.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG

Hồ Văn Nam
"""


@pytest.fixture()
def engine(tmp_path):
    return make_engine(tmp_path / "kb", [("decision.md", DECISION)])


def test_a_figure_asked_opens_the_answer(engine):
    ans = engine.ask("Lãi suất cho vay hộ nghèo giảm xuống còn bao nhiêu?")
    assert not ans.abstained
    first = ans.sources[0].quote
    assert "6,24%/năm" in first and ans.answer.index("6,24%") < 400  # what a reader sees at a glance


@pytest.mark.parametrize("question, figure", [
    ("Lãi suất cho vay hộ nghèo giảm xuống còn bao nhiêu?", True),
    ("Đồng hồ thông minh được xác định mã số nào?", True),
    ("Quyết định 812 về việc gì?", False),
    ("Ai ký Quyết định 812?", False),
])
def test_which_questions_ask_a_figure(question, figure):
    assert asks_figure(parse(question)) is figure


def test_the_sentence_stating_the_figure_comes_before_a_heading_that_only_names_it():
    from troly.bot.answer.compose_content import _figure_first
    from troly.bot.answer.query import content_words
    from troly.models import Chunk, Facts, Hit
    from troly.vn.text import fold

    heading = "BỔ SUNG CÓ MỤC TIÊU TỪ NGÂN SÁCH TRUNG ƯƠNG CHO CÁC ĐỊA PHƯƠNG NĂM 2025."
    body = "Bổ sung có mục tiêu từ ngân sách trung ương cho 12 địa phương số tiền 1.250 tỷ đồng."
    text = f"{heading}\n\n{body}"
    hits = [Hit(Chunk("c1", "d", heading, 0, len(heading)), Facts(), "d", 1.0),
            Hit(Chunk("c2", "d", body, len(heading) + 2, len(text)), Facts(), "d", 0.9)]
    asked = content_words(fold("bổ sung có mục tiêu từ ngân sách trung ương bao nhiêu tiền cho các địa phương"))
    picked = [(0, len(heading), "Phụ lục")]
    first = _figure_first(text, picked, hits, asked)
    assert text[first[0][0]:first[0][1]] == body and first[1][:2] == (0, len(heading))
    # an answer that opens with a figure is left as it is
    assert _figure_first(text, first[:1], hits, asked) == first[:1]


CARDS = """HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH AN
Số: 31/2025/NQ-HĐND
Bình An, ngày 05 tháng 12 năm 2025

NGHỊ QUYẾT
Quy định chính sách thu hút chuyên gia

Điều 1. Thẻ chuyên gia
1. Thẻ chuyên gia gồm ba hạng: Thẻ kim cương, Thẻ vàng và Thẻ bạc.
2. Thẻ có thời hạn sử dụng 05 năm.

PHỤ LỤC
MẪU TỜ KHAI ĐỀ NGHỊ CẤP THẺ CHUYÊN GIA
1. Hạng thẻ chuyên gia đề nghị cấp:
a) ..............................................................
b) ..............................................................
2. Họ và tên người đề nghị: ................................................
"""


def test_a_form_s_lines_to_fill_in_are_no_answer(tmp_path):
    from troly.bot.answer.compose_content import blank

    assert blank("b) ..............................................................")
    assert blank("2. ………..……………………..…………………….")
    assert not blank("Thẻ chuyên gia gồm ba hạng: Thẻ kim cương, Thẻ vàng và Thẻ bạc.")
    ans = make_engine(tmp_path / "kb", [("cards.md", CARDS)]).ask("thẻ chuyên gia gồm những hạng thẻ nào")
    assert "kim cương" in ans.answer and "......" not in ans.answer


def test_those_words_ask_for_the_cards_not_for_deadlines():
    assert parse("the chuyen gia gom nhung hang the nao").intent != "deadline_list"
    assert parse("Có những hạn chót nào?").intent == "deadline_list"
