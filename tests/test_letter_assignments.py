"""Assignments a letter makes by naming its bodies (no "Tổ chức thực hiện" section), and the answer to
"<document> giao ai làm gì?". Every document here is constructed: written for these tests, no shipped text."""
from __future__ import annotations

import pytest

from directive_fixtures import make_engine
from troly.ingest.assignments import extract_assignments, is_body_name
from troly.ingest.layout import read_layout
from troly.ingest.sections import place

LETTER = """VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH BÌNH AN
Số: 88/VP-KT
V/v đẩy nhanh tiến độ dự án đường tỉnh 910
Bình An, ngày 12 tháng 11 năm 2025

Kính gửi:
- Sở Xây dựng;
- Ủy ban nhân dân huyện Tân Lộc.

Xét báo cáo của Sở Xây dựng, Phó Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:

1. Ủy ban nhân dân huyện Tân Lộc:
- Về giải phóng mặt bằng: bàn giao toàn bộ mặt bằng còn lại cho chủ đầu tư trước ngày 15/12/2025.
- Về vật liệu: hỗ trợ nhà thầu tìm nguồn đất đắp tại các mỏ trên địa bàn.
2. Sở Xây dựng: chỉ đạo nhà thầu tăng mũi thi công để thông xe trong năm 2026.
3. Đề nghị Công an tỉnh Bình An bảo đảm trật tự, an toàn giao thông trên tuyến trong thời gian thi công.
4. Các cơ quan, tổ chức, cá nhân liên quan phải phối hợp khi được yêu cầu.
5. Cơ quan chuyên môn quyết định việc tạm dừng thi công khi có mưa bão.
6. Các sở, ngành, địa phương gửi báo cáo kết quả về Sở Xây dựng chậm nhất ngày 20/12/2025.

Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG

Lê Văn Tâm
"""

DISPATCH = """THỦ TƯỚNG CHÍNH PHỦ
Số: 301/CĐ-TTg
Hà Nội, ngày 02 tháng 10 năm 2025

CÔNG ĐIỆN
Về việc khắc phục hậu quả bão số 9

1. Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Bình, Hà Tĩnh:
a) Huy động lực lượng hỗ trợ người dân sửa chữa nhà cửa trước ngày 15/10/2025.
b) Bảo đảm không để người dân nào bị đói, rét.
2. Bộ trưởng Bộ Y tế chỉ đạo bảo đảm nước sạch, vệ sinh môi trường, phòng dịch sau lũ.
3. Trường hợp cần thiết, các địa phương báo cáo Thủ tướng Chính phủ.
4. Báo cáo kết quả khắc phục hậu quả về Văn phòng Chính phủ.
5. Bộ trưởng Bộ Tài chính tập trung chỉ đạo các đơn vị liên quan thực hiện các nhiệm vụ sau:
5.1. Bổ sung kinh phí dự phòng cho các tỉnh bị thiệt hại.
5.2. Hướng dẫn việc giãn thời hạn nộp thuế cho doanh nghiệp bị thiệt hại.

Nơi nhận:
- Như trên;
- Lưu: VT.

THỦ TƯỚNG

Nguyễn Văn Bình
"""


def _rows(text: str) -> list[tuple[str, str]]:
    return [(a.agency, a.task) for a in extract_assignments(place(read_layout(text)))]


def test_a_letter_tasks_the_bodies_it_names_in_its_items():
    rows = _rows(LETTER)
    agencies = [a for a, _ in rows]
    assert agencies == ["Ủy ban nhân dân huyện Tân Lộc", "Ủy ban nhân dân huyện Tân Lộc", "Sở Xây dựng",
                        "Công an tỉnh Bình An"]
    assert rows[0][1].startswith("Về giải phóng mặt bằng: bàn giao")
    assert rows[2][1] == "chỉ đạo nhà thầu tăng mũi thi công để thông xe trong năm 2026."
    # a class of bodies is no body named, in a list of nouns or not; the closing formula tasks no one
    assert not any(a.startswith(("Các cơ quan", "Cơ quan", "Các sở", "Văn phòng")) for a in agencies)


def test_a_dispatch_tasks_office_holders_and_reads_a_heading_with_its_list_of_places():
    rows = _rows(DISPATCH)
    assert [a for a, _ in rows] == ["Chủ tịch Ủy ban nhân dân các tỉnh"] * 2 + ["Bộ trưởng Bộ Y tế"] + \
        ["Bộ trưởng Bộ Tài chính"] * 2
    assert rows[2][1].startswith("chỉ đạo bảo đảm nước sạch")
    # a heading that names its body before "các nhiệm vụ sau:" gives it the items under it
    assert rows[3][1] == "Bổ sung kinh phí dự phòng cho các tỉnh bị thiệt hại."


@pytest.mark.parametrize("text, named", [
    ("Bộ Tài chính", True), ("Sở Nội vụ", True), ("Trưởng Ban Chỉ đạo", True), ("Các bộ, ngành", True),
    ("Bổ sung kinh phí", False), ("Số liệu báo cáo", False), ("Bảo đảm an ninh mạng", False),
    ("Phong trào thi đua", False), ("Trường hợp cần thiết", False), ("Báo cáo Ủy ban nhân dân tỉnh", False),
    ("Kiểm toán viên nhà nước phải", False), ("Tổ chức thực hiện", False),
])
def test_a_body_s_name_is_read_with_its_marks(text, named):
    assert is_body_name(text) is named


@pytest.fixture()
def engine(tmp_path):
    return make_engine(tmp_path / "kb", [("letter.md", LETTER), ("dispatch.md", DISPATCH)])


def test_who_does_what_in_a_named_document_lists_its_bodies(engine):
    ans = engine.ask("Công văn 88/VP-KT giao ai làm gì?")
    assert not ans.abstained and ans.intent == "duty"
    lines = ans.answer.splitlines()
    assert lines[0] == "Công văn số 88/VP-KT giao nhiệm vụ cho 3 cơ quan, đơn vị:"
    assert lines[1].startswith("1. Ủy ban nhân dân huyện Tân Lộc: Về giải phóng mặt bằng")
    assert "(thời hạn: trước ngày 15/12/2025)" in lines[1] and "(và 1 nhiệm vụ khác)" in lines[1]
    assert lines[2].startswith("2. Sở Xây dựng: chỉ đạo nhà thầu") and lines[3].startswith("3. Công an tỉnh Bình An")
    assert len(ans.sources) == 3 and {s.doc_id for s in ans.sources} == set(ans.doc_ids)
    same = engine.ask("cong van 88 phan cong nhiem vu cho nhung co quan nao")
    assert same.answer == ans.answer


def test_a_body_or_a_task_named_is_still_asked_about_itself(engine):
    duty = engine.ask("Công văn 88 yêu cầu Sở Xây dựng làm gì?")
    assert duty.answer.startswith("Theo Công văn số 88/VP-KT, Sở Xây dựng có các nhiệm vụ:")
    lead = engine.ask("Theo công điện 301, ai bảo đảm nước sạch sau lũ?")
    assert "Bộ trưởng Bộ Y tế" in lead.answer and "giao nhiệm vụ cho" not in lead.answer


def test_a_deadline_a_sentence_states_beats_a_dated_row_of_another_task(engine):
    ans = engine.ask("Theo công văn 88, các sở, ngành gửi báo cáo về Sở Xây dựng chậm nhất ngày nào?")
    assert "20/12/2025" in ans.answer and "2026" not in ans.answer
    row = engine.ask("Theo công văn 88, hạn bàn giao mặt bằng còn lại cho chủ đầu tư là khi nào?")
    assert "15/12/2025" in row.answer


FLAT_LETTER = """VĂN PHÒNG CHÍNH PHỦ
Số: 9021/VPCP-NN
V/v bảo đảm nguồn nước cho vụ lúa đông xuân
Hà Nội, ngày 04 tháng 12 năm 2025

Kính gửi: Ủy ban nhân dân các tỉnh: Tân Hòa, Bình Lộc.

Xét báo cáo của Ủy ban nhân dân tỉnh Tân Hòa, Phó Thủ tướng Chính phủ có ý kiến như sau:
Chủ tịch Ủy ban nhân dân tỉnh Tân Hòa khẩn trương vận hành các trạm bơm dã chiến, báo cáo Thủ tướng Chính phủ kết quả trước ngày 20 tháng 12 năm 2025.
Bộ Nông nghiệp và Môi trường đề nghị Sở Nông nghiệp và Môi trường tỉnh Bình Lộc hướng dẫn nông dân lịch gieo sạ phù hợp.
Văn phòng Chính phủ thông báo để các cơ quan, địa phương biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Trần Văn Hải
"""


def test_a_letter_without_numbered_items_tasks_the_bodies_its_paragraphs_open_with():
    rows = extract_assignments(place(read_layout(FLAT_LETTER)))
    assert [(a.agency, a.deadline_text) for a in rows] == [
        ("Chủ tịch Ủy ban nhân dân tỉnh Tân Hòa", "trước ngày 20 tháng 12 năm 2025"),
        ("Sở Nông nghiệp và Môi trường tỉnh Bình Lộc", "")]  # the body asked ("đề nghị ..."), not the one asking
    assert rows[0].task.startswith("khẩn trương vận hành") and rows[1].task.startswith("hướng dẫn nông dân")


def test_a_dated_row_is_no_answer_to_a_deadline_of_another_task(engine):
    ans = engine.ask("Theo công văn 88, khi nào khai trương chợ đêm?")
    assert "15/12/2025" not in ans.answer and "Tân Lộc" not in ans.answer
