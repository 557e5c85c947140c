"""The grounding check: facts in an answer must be found in the sources, in any spelling."""
from __future__ import annotations

import pytest

from troly.bot.grounding import attributions, markers, renumber, unsupported

SOURCE = (
    "Thực hiện Kế hoạch số 116-KH/TU, ngày 23/4/2024 của Ban Thường vụ Tỉnh ủy, "
    "các đơn vị báo cáo kết quả trước ngày 15/5/2025; phấn đấu 1.000 đảng viên tham gia, "
    "đạt 75% số chi bộ. Ủy ban nhân dân ban hành Kế hoạch số 32/KH-UBND."
)


@pytest.mark.parametrize("text", [
    "Hạn báo cáo là ngày 15/5/2025 [1].",
    "Hạn báo cáo là ngày 15 tháng 5 năm 2025 [1].",
    "Hạn báo cáo là 15-5-2025 [1].",
    "Hạn báo cáo là ngày 15/05/2025 [1].",
    "Kế hoạch 116/KH-TU ngày 23/4/2024 [1].",  # number in the State spelling
    "Kế hoạch số 116 -KH/TU [1]",
    "Kế hoạch 116 [1]",  # a loose mention of a cited document
    "Phấn đấu 1000 đảng viên, 75% chi bộ [1].",
    "Trong tháng 5/2025 các đơn vị báo cáo [1].",  # the month of a full date
    "Năm 2025 các đơn vị báo cáo [1].",
])
def test_supported_facts_in_other_spellings(text: str) -> None:
    assert unsupported(text, [SOURCE]) == []


@pytest.mark.parametrize("text, bad", [
    ("Hạn báo cáo là ngày 16/5/2025 [1].", "16/5/2025"),
    ("Hạn báo cáo là ngày 15 tháng 6 năm 2025 [1].", "ngày 15 tháng 6 năm 2025"),
    ("Theo Kế hoạch số 117-KH/TU [1].", "117-KH/TU"),
    ("Theo Kế hoạch số 116-KH/HU [1].", "116-KH/HU"),  # right number, wrong issuer
    ("Theo Nghị quyết 116 [1].", "Nghị quyết 116"),  # right number, wrong type
    ("Phấn đấu 1.200 đảng viên [1].", "1.200"),
    ("Đạt 80% số chi bộ [1].", "80"),
    ("Trong tháng 6/2025 các đơn vị báo cáo [1].", "tháng 6/2025"),
    ("Năm 2026 các đơn vị báo cáo [1].", "2026"),
])
def test_invented_facts_are_reported(text: str, bad: str) -> None:
    assert unsupported(text, [SOURCE]) == [bad]


def test_markers_and_list_numbers_are_not_facts() -> None:
    text = "1. Báo cáo trước ngày 15/5/2025 [1][7].\n2. Tham gia [3, 9].\n   3) Đạt 75% [12]"
    assert unsupported(text, [SOURCE]) == []


def test_a_number_inside_the_sentence_is_still_checked() -> None:
    assert unsupported("Có 7 đơn vị và 1. nội dung [1]", [SOURCE]) == ["7"]


def test_every_source_counts_and_results_keep_order_without_repeats() -> None:
    sources = ["Hạn chót ngày 01/6/2025.", "Giao 12 nhiệm vụ."]
    text = "Hạn 01/06/2025 [1], 12 nhiệm vụ [2], thêm 9 việc, lại 9 việc, và 3/3/2024 [1]."
    assert unsupported(text, sources) == ["9", "3/3/2024"]


def test_no_sources_means_every_fact_is_unsupported() -> None:
    assert unsupported("Ngày 15/5/2025 có 3 việc [1].", []) == ["15/5/2025", "3"]
    assert unsupported("Không có thông tin.", []) == []


def test_extra_white_space_keeps_positions_right() -> None:
    text = "   Theo  [1]   Kế hoạch   117-KH/TU   và ngày   16/5/2025."
    assert unsupported(text, [SOURCE]) == ["117-KH/TU", "16/5/2025"]


def test_markers() -> None:
    assert markers("a [1] b [2, 3][4] c [x] d [ 5 ]") == {1, 2, 3, 4, 5}
    assert markers("không có trích dẫn") == set()


def test_renumber() -> None:
    assert renumber("x [2] y [4, 2] z [9]", {2: 1, 4: 2}) == "x [1] y [2, 1] z [9]"


def test_a_number_followed_by_a_comma_is_tied_to_no_issuer():
    """Constructed: after "số 730-TB/TU," the document's name has ended; "của các doanh nghiệp" later
    in the clause is whose awareness, not who issued it."""
    text = "Theo Kế hoạch thực hiện Thông báo số 730-TB/TU, nâng cao nhận thức của các doanh nghiệp."
    assert attributions(text) == []
    [a] = attributions("Thông báo số 730-TB/TU của Ban Thường vụ Tỉnh ủy.")
    assert a.issuer == "ban thuong vu tinh uy"  # folded
    [a] = attributions("Kết luận số 69-KL/TW, ngày 24/01/2024 của Bộ Chính trị.")  # the date goes on
    assert a.issuer == "bo chinh tri"


def test_a_title_s_own_words_after_ve_tie_the_number_to_no_issuer():
    """Constructed: "của nhà máy ..." inside the title a hook quotes after "về" is the subject's, not
    an issuer; the same number tied by "về kết luận của" to a body the source never names still is."""
    from troly.bot.grounding import unsupported_attributions

    source = ("BỘ CÔNG THƯƠNG\nSố: 58/2025/TT-BCT\nTHÔNG TƯ\nQUY ĐỊNH PHƯƠNG PHÁP XÁC ĐỊNH GIÁ DỊCH VỤ PHÁT "
              "ĐIỆN CỦA NHÀ MÁY THỦY ĐIỆN TÍCH NĂNG\nThông báo số 730-TB/TU về kết luận của Ban Thường vụ Tỉnh ủy.")
    hook = ("Thông tư số 58/2025/TT-BCT về quy định phương pháp xác định giá dịch vụ "
            "phát điện của nhà máy thủy điện tích năng.")
    assert unsupported_attributions(hook, [source]) == []
    wrong = "Thông báo số 730-TB/TU về kết luận của Ban Thường vụ Huyện ủy."
    assert unsupported_attributions(wrong, [source]) == ["730-TB/TU về kết luận của Ban Thường vụ Huyện ủy"]
    short = "Thông tư số 58/2025/TT-BCT về giá của nhà máy."  # too short a phrase to be the title's
    assert unsupported_attributions(short, [source + " về giá của nhà máy"]) != []
