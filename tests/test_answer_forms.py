"""Answers on a constructed decision in the State format (articles, an attached plan with a task
table), written for these tests: the forms real Quyết định and Thông tư take."""
from __future__ import annotations

import pytest

from directive_fixtures import make_kb
from test_ingest_forms import ATTACHED, BODY, CHAIN, DECISION, RECIPIENTS
from troly.bot.engine import AnswerEngine

CIRCULAR = """BỘ HẢI ĐÔNG
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/2025/TT-BHĐ
Hà Nội, ngày 03 tháng 12 năm 2025

THÔNG TƯ
Quy định mức thu phí thẩm định hồ sơ cấp phép

Điều 1. Phạm vi điều chỉnh

Thông tư này quy định mức thu phí thẩm định hồ sơ cấp phép.

Điều 2. Hiệu lực thi hành

1. Thông tư này có hiệu lực từ ngày 15 tháng 01 năm 2026.

2. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Bộ Hải Đông để hướng dẫn./.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Lê Văn Bình
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    kb = make_kb(tmp_path_factory.mktemp("forms"), [
        ("qd.txt", DECISION + "\n" + BODY + RECIPIENTS + CHAIN + "Nguyễn Văn An\n\n" + ATTACHED),
        ("tt.txt", CIRCULAR)])
    return AnswerEngine(kb)


def test_effective_date_from_the_sentence_not_the_heading(engine):
    answer = engine.ask("Thông tư 12/2025/TT-BHĐ có hiệu lực từ ngày nào?")
    assert "15 tháng 01 năm 2026" in answer.answer and answer.sources[0].document == "12/2025/TT-BHĐ"


def test_agency_that_leads_which_tasks(engine):
    answer = engine.ask("Sở Tư pháp chủ trì những nhiệm vụ nào?")
    assert answer.trace.route == "tasks" and "Số hóa sổ hộ tịch" in answer.answer and "Quý IV/2026" in answer.answer


def test_signer_with_the_whole_chain(engine):
    answer = engine.ask("Thông tư 12/2025/TT-BHĐ do ai ký?")
    assert "Lê Văn Bình" in answer.answer and "KT. BỘ TRƯỞNG" in answer.answer


def test_signer_asked_in_other_words(engine):
    for q in ("Thông tư 12/2025/TT-BHĐ do đồng chí nào ký?", "Ai thay mặt Bộ Hải Đông ký Thông tư 12/2025/TT-BHĐ?"):
        assert engine.ask(q).trace.composer == "compose_facts.doc_signer", q


def test_a_task_date_is_not_the_date_of_issue(engine):
    answer = engine.ask("Theo Quyết định 87/2025/QĐ-UBND, Sở Khoa học và Công nghệ phải hoàn thành kho dữ liệu trước ngày nào?")
    assert "30/6/2026" in answer.answer and answer.intent != "doc_date"


def test_another_issuer_with_the_same_number_is_another_document(engine):
    answer = engine.ask("Quyết định 87/2025/QĐ-TTg do ai ký?")
    assert answer.abstained and answer.trace.reason == "unknown_document"


def test_a_number_of_another_year_is_another_document(engine):
    """State bodies number afresh each year: 12/2024/TT-BHĐ is not the 12/2025/TT-BHĐ held."""
    answer = engine.ask("Thông tư 12/2024/TT-BHĐ có hiệu lực từ ngày nào?")
    assert answer.abstained and answer.trace.reason == "unknown_document"
    assert "12/2025/TT-BHĐ" in answer.answer and "15 tháng 01" not in answer.answer


def test_a_year_asked_of_a_number_that_carries_none_is_its_date_of_issue(tmp_path):
    """Constructed: "40/KH-UBND" of 2025 is what "40/2025/KH-UBND" names; "40/2024/KH-UBND" is not."""
    plan = ("ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG\nSố: 40/KH-UBND\nHải Đông, ngày 02 tháng 12 năm 2025\n\n"
            "KẾ HOẠCH\nSố hóa học bạ năm 2026\n\nI. NỘI DUNG\n\n1. Số hóa học bạ của mọi trường học.\n")
    engine = AnswerEngine(make_kb(tmp_path, [("kh.txt", plan)]))
    held = engine.ask("Kế hoạch 40/2025/KH-UBND ban hành ngày nào?")
    assert not held.abstained and "02" in held.answer and "12" in held.answer
    other = engine.ask("Kế hoạch 40/2024/KH-UBND ban hành ngày nào?")
    assert other.abstained and other.trace.reason == "unknown_document" and "40/KH-UBND" in other.answer


def test_a_plan_named_by_what_it_carries_out_keeps_its_date_of_issue():
    """'Kế hoạch thực hiện ...', 'Chương trình ...' name documents: their 'ngày nào' is the date of issue."""
    from troly.bot.answer.query import parse

    assert parse("Chương trình 50-CTr/HU của Ban Thường vụ Huyện ủy ngày nào?").intent == "doc_date"
    assert parse("Kế hoạch thực hiện Thông báo 730 ngày nào?").intent == "doc_date"
    assert parse("Các bộ gửi báo cáo về Bộ Tư pháp trước ngày nào?").intent == "deadline"


def test_content_quotes_the_body_before_the_legal_bases(tmp_path):
    """Constructed: the bases name the topic too; the body answers."""
    plan = ("ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG\nSố: 40/KH-UBND\nHải Đông, ngày 02 tháng 12 năm 2025\n\n"
                           "KẾ HOẠCH\nChuyển đổi số trong giáo dục năm 2026\n\n"
                           "Căn cứ Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số trong giáo dục;\n\n"
                           "I. NỘI DUNG\n\n1. Chuyển đổi số trong giáo dục: số hóa học bạ và sổ điểm của mọi trường học.\n")
    engine = AnswerEngine(make_kb(tmp_path, [("kh.txt", plan)]))
    answer = engine.ask("Chuyển đổi số trong giáo dục gồm những việc gì?")
    assert answer.sources[0].section != "Phần mở đầu" and "số hóa học bạ" in answer.answer


def test_a_task_time_stated_in_the_next_sentence(tmp_path):
    """Constructed: no agency leads the item; its time stands in a labelled sentence after it."""
    plan = ("ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG\nSố: 41/KH-UBND\nHải Đông, ngày 02 tháng 12 năm 2025\n\nKẾ HOẠCH\n"
            "Tổng kiểm kê tài sản công\n\nI. NHIỆM VỤ CỤ THỂ\n\n- Tổng hợp kết quả kiểm kê, báo cáo kết quả kiểm kê "
            "gửi Bộ Tài chính. Thời gian hoàn thành: Trước ngày 31/5/2026.\n\n- Rà soát tài sản kết cấu hạ tầng. "
            "Thời gian thực hiện: Từ tháng 11/2025.\n")
    engine = AnswerEngine(make_kb(tmp_path, [("kh.txt", plan)]))
    answer = engine.ask("Hạn báo cáo kết quả kiểm kê gửi Bộ Tài chính là khi nào?")
    assert "31/5/2026" in answer.answer and answer.trace.composer == "compose_dates.dated"


def test_a_named_figure_the_document_gives_is_answered(tmp_path):
    """Constructed: the figure is stated in a table row a few words after its name."""
    tt = CIRCULAR.replace("Thông tư này quy định mức thu phí thẩm định hồ sơ cấp phép.",
                          "Thông tư này quy định mức thu phí thẩm định hồ sơ cấp phép.\n\n"
                          "| STT | Nội dung | Mức thu |\n| 1 | Mức thu phí thẩm định hồ sơ cấp phép tại đô thị | 2.000.000 đồng/hồ sơ |")
    engine = AnswerEngine(make_kb(tmp_path, [("tt.txt", tt)]))
    answer = engine.ask("Theo Thông tư 12/2025/TT-BHĐ, mức thu phí thẩm định hồ sơ cấp phép là bao nhiêu?")
    assert not answer.abstained and "2.000.000" in answer.answer + " ".join(s.quote for s in answer.sources)
    assert engine.ask("lương cơ sở năm 2025 là bao nhiêu").trace.reason == "no_figure"


def test_a_signer_under_a_mandate_alone(tmp_path):
    """Constructed: "T/M BAN BÍ THƯ" and the name under it, no title line of the person's own."""
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 12-QĐ/TW\nHà Nội, ngày 05 tháng 11 năm 2025\n\nQUY ĐỊNH\nvề công tác lưu trữ\n\n"
            "Điều 1. Phạm vi\n\nQuy định này quy định công tác lưu trữ.\n\nT/M BAN BÍ THƯ\nTrần Văn Bình\n")
    answer = AnswerEngine(make_kb(tmp_path, [("qd.txt", text)])).ask("Quy định 12-QĐ/TW do ai ký?")
    assert "Trần Văn Bình ký (T/M BAN BÍ THƯ)" in answer.answer and "T/m" not in answer.answer


def test_what_a_document_is_about_is_said_in_running_text_case(tmp_path):
    """Constructed: the header's ALL-CAPS issuer and title take the case the document's text uses
    in the answer's sentence ("về việc gì" quoted them shouting, stop 24's note); the quote keeps
    them as written."""
    decision = ("ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG\nSố: 2916/QĐ-UBND\nHải Đông, ngày 24 tháng 11 năm 2025\n\n"
                "QUYẾT ĐỊNH\nPHÊ DUYỆT QUY TRÌNH NỘI BỘ CÔNG NHẬN KẾT QUẢ THĂM DÒ KHOÁNG SẢN\n\n"
                "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG\nQUYẾT ĐỊNH:\n"
                "Điều 1. Phê duyệt quy trình nội bộ công nhận kết quả thăm dò khoáng sản của Ủy ban nhân dân tỉnh Hải Đông.\n")
    engine = AnswerEngine(make_kb(tmp_path, [("qd.txt", decision)]))
    answer = engine.ask("Quyết định 2916/QĐ-UBND về việc gì?")
    first = answer.answer.splitlines()[0]
    assert "của Ủy ban nhân dân tỉnh Hải Đông: Phê duyệt quy trình nội bộ công nhận kết quả thăm dò khoáng sản" in first
    assert "PHÊ DUYỆT QUY TRÌNH" in answer.sources[0].quote
