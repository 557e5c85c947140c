"""How a question is read: which date it asks, whose "văn bản" it names, and a document's title words
that are no figure asked. The questions and the resolution below are constructed for these tests."""
from __future__ import annotations

import pytest

from directive_fixtures import make_engine
from troly.bot.answer.query import parse


@pytest.mark.parametrize("question, intent", [
    # a document named (by number, or by its type at the start) or its issuing asked: its date
    ("Nghị quyết 12 ban hành ngày nào?", "doc_date"),
    ("QĐ 2109 ngày nào?", "doc_date"),
    # "trước ngày nào" asks a task's time
    ("Theo Quyết định 12, Sở Tài chính phải xây dựng quy trình nội bộ trước ngày nào?", "deadline"),
    ("Kế hoạch của phường An Lạc có từ ngày nào?", "doc_date"),
    # no document named and no word of issuing: the date of something the documents say
    ("Lịch công bố số liệu thống kê năm 2026 tính đến ngày nào?", "content"),
    ("Thời gian Tháng hành động năm 2025 là từ ngày nào đến ngày nào?", "content"),
    # a body that receives filings is no recipient of the document
    ("Theo thông tư 37, cơ quan nào tiếp nhận văn bản kê khai giá?", "content"),
    ("Kế hoạch 114 gửi những nơi nào?", "doc_recipients"),
])
def test_which_date_and_which_recipients_a_question_asks(question, intent):
    assert parse(question).intent == intent


RESOLUTION = """HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH AN
Số: 44/2025/NQ-HĐND
Bình An, ngày 20 tháng 11 năm 2025

NGHỊ QUYẾT
Quy định nội dung, mức chi cho hoạt động văn hóa cơ sở

Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định nội dung chi cho hoạt động của các đội văn nghệ quần chúng ở thôn, tổ dân phố.
Điều 2. Hiệu lực thi hành
Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2026.
"""


def test_a_document_s_title_words_are_no_figure_asked(tmp_path):
    engine = make_engine(tmp_path / "kb", [("nq.md", RESOLUTION)])
    ans = engine.ask("Nghị quyết 44/2025/NQ-HĐND về nội dung, mức chi văn hóa cơ sở có hiệu lực từ ngày nào?")
    assert not ans.abstained and "01 tháng 01 năm 2026" in ans.answer
    # asked as a figure, the amount it never gives is still refused
    assert engine.ask("Mức chi cho mỗi đội văn nghệ quần chúng theo Nghị quyết 44 là bao nhiêu?").abstained


CIRCULAR = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 12/2025/TT-BKHCN
Hà Nội, ngày 15 tháng 11 năm 2025

Căn cứ Nghị định số 08/2024/NĐ-CP sửa đổi, bổ sung Nghị định số 99/2019/NĐ-CP về mua sắm công;

THÔNG TƯ
Quy định tiêu chí sản phẩm phần mềm được ưu tiên mua sắm

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định tiêu chí xác định sản phẩm phần mềm sản xuất trong nước được ưu tiên mua sắm.
Điều 2. Điều khoản chuyển tiếp
Các gói thầu đã phát hành hồ sơ mời thầu theo Thông tư số 40/2020/TT-BTTTT ngày 30 tháng 11 năm 2020 trước ngày Thông tư này có hiệu lực thì tiếp tục thực hiện theo hồ sơ đã phát hành.
Điều 3. Hiệu lực thi hành
1. Thông tư này có hiệu lực kể từ ngày 01 tháng 01 năm 2026.
2. Thông tư này thay thế Thông tư số 40/2020/TT-BTTTT ngày 30 tháng 11 năm 2020.
3. Bãi bỏ Điều 5 Thông tư số 21/2019/TT-BKHCN (đã được sửa đổi, bổ sung bởi Thông tư số 03/2022/TT-BKHCN).

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Lê Minh Sơn
"""


@pytest.fixture()
def circular(tmp_path):
    return make_engine(tmp_path / "kb", [("tt.md", CIRCULAR)])


def test_the_date_a_document_takes_effect_is_the_one_next_to_hieu_luc(circular):
    ans = circular.ask("Thông tư 12/2025/TT-BKHCN có hiệu lực từ ngày nào?")
    assert "01 tháng 01 năm 2026" in ans.answer and "2020" not in ans.answer


def test_what_a_document_amends_replaces_or_repeals(circular):
    ans = circular.ask("Thông tư 12/2025/TT-BKHCN thay thế văn bản nào?")
    assert ans.intent == "doc_amends"
    assert "thay thế Thông tư số 40/2020/TT-BTTTT" in ans.answer and "bãi bỏ Thông tư số 21/2019/TT-BKHCN" in ans.answer
    # a legal basis's own amendments, and what another text did to it ("được sửa đổi bởi"), are not its
    assert "99/2019" not in ans.answer and "03/2022" not in ans.answer


def test_a_fact_and_another_ask_of_the_same_document_are_both_answered(circular):
    both = circular.ask("Thông tư 12/2025/TT-BKHCN có hiệu lực khi nào và ưu tiên mua sắm sản phẩm gì?")
    assert both.trace.route == "fact_and_more"
    assert "01 tháng 01 năm 2026" in both.answer and "phần mềm" in both.answer
    assert both.answer.index("01 tháng 01 năm 2026") < both.answer.index("phần mềm sản xuất trong nước")  # as asked
    signer = circular.ask("Thông tư 12 ưu tiên mua sắm sản phẩm gì, ai ký?")
    assert "phần mềm" in signer.answer and "Lê Minh Sơn" in signer.answer
    assert signer.answer.index("phần mềm") < signer.answer.index("Lê Minh Sơn")
    # two facts are still the several-facts route
    assert circular.ask("Thông tư 12 do ai ký và ban hành ngày nào?").trace.route == "several_facts"


REPLY = """CỤC THUẾ
Số: 812/CT-CS
V/v chính sách thuế đối với khoản vay nước ngoài
Hà Nội, ngày 02 tháng 12 năm 2025

Kính gửi:
- Thuế tỉnh Bình An;
- Công ty TNHH Điện lực An Phát.

Cục Thuế nhận được công văn của Thuế tỉnh Bình An về chính sách thuế nhà thầu. Về vấn đề này, Cục Thuế có ý kiến như sau: khoản lãi vay trả cho bên cho vay nước ngoài thuộc đối tượng chịu thuế nhà thầu.

Nơi nhận:
- Như trên;
- Phó Cục trưởng Nguyễn Văn
Minh (để b/c);
- Lưu: VT.

TL. CỤC TRƯỞNG
KT. TRƯỞNG BAN CHÍNH SÁCH
PHÓ TRƯỞNG BAN

Trần Thị Lan
"""


def test_a_letter_s_recipients_name_its_addressees_and_join_wrapped_items(tmp_path):
    from troly.ingest.cleanup import clean
    from troly.ingest.facts import extract_recipients
    from troly.ingest.layout import read_layout

    assert extract_recipients(read_layout(clean(REPLY))) == [
        "Thuế tỉnh Bình An", "Công ty TNHH Điện lực An Phát", "Phó Cục trưởng Nguyễn Văn Minh (để b/c)"]
    engine = make_engine(tmp_path / "kb", [("reply.md", REPLY)])
    ans = engine.ask("cong van 812/CT-CS tra loi cong ty nao, ai ky")
    assert "Công ty TNHH Điện lực An Phát" in ans.answer and "Trần Thị Lan" in ans.answer
