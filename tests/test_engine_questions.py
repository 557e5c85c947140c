"""How the engine reads harder questions, on a constructed plan (nothing from the shipped corpus).

Each test names the reading it checks: a plan named by what it implements, signer questions
worded differently, a count the documents never give, lists announced by "... sau:", duties of
one agency spelled two ways, the documents that mention a number.
"""
from __future__ import annotations

import pytest

from directive_fixtures import make_kb
from troly.bot.engine import AnswerEngine
from troly.bot.answer.figures import has_figure
from troly.bot.answer.query import parse
from troly.ingest.facts import extract_citations

PLAN = """HUYỆN ỦY TÂN HÒA
Số 77-KH/HU
Tân Hòa, ngày 12 tháng 9 năm 2024

KẾ HOẠCH
thực hiện Thông báo số 512-TB/TU về kết luận của Ban Thường vụ Tỉnh ủy về phát triển nông nghiệp công nghệ cao

Ngày 02/8/2024, Tỉnh ủy ban hành Thông báo số 512-TB/TU về kết luận của Ban Thường vụ Tỉnh ủy về phát triển nông nghiệp công nghệ cao. Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện như sau:

I. NHIỆM VỤ TRỌNG TÂM

Trong đó, tập trung vào các nhóm nhiệm vụ sau:

- Xây dựng vùng sản xuất rau an toàn ứng dụng công nghệ cao.

- Phát triển hợp tác xã kiểu mới gắn với chuỗi giá trị nông sản.

- Đào tạo nông dân sử dụng thiết bị tưới tiết kiệm nước.

II. HÌNH THỨC TUYÊN TRUYỀN

Tuyên truyền trên hệ thống loa truyền thanh của các xã, thị trấn.

Tuyên truyền trên trang thông tin điện tử của huyện và các nhóm mạng xã hội của ấp.

III. TỔ CHỨC THỰC HIỆN

1. UBND huyện chủ trì, phối hợp với các cơ quan liên quan xây dựng chính sách hỗ trợ nông dân đến năm 2026.

2. Ủy ban nhân dân huyện phân công trách nhiệm cụ thể từng phòng, ban; định kỳ sơ kết, tổng kết việc thực hiện.

3. Hội Nông dân huyện vận động hội viên tham gia hợp tác xã kiểu mới, căn cứ Nghị quyết số 19-NQ/TW về nông nghiệp, nông dân, nông thôn.

4. Ban Tuyên giáo Huyện ủy theo dõi, định kỳ tổng hợp, báo cáo kết quả về Ban Thường vụ Huyện ủy.

Nơi nhận:
- Ban Thường vụ Tỉnh ủy (b/c),
- Lưu Văn phòng Huyện ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Võ Minh Khang
"""

OTHER = """BAN TUYÊN GIÁO HUYỆN ỦY BÌNH PHÚ
Số 09-HD/BTGHU
Bình Phú, ngày 20 tháng 9 năm 2024

HƯỚNG DẪN
tuyên truyền về nông nghiệp, nông dân, nông thôn

I. NỘI DUNG

1. Tuyên truyền Nghị quyết số 19-NQ/TW về nông nghiệp, nông dân, nông thôn đến năm 2030.

2. Biểu dương nông dân sản xuất, kinh doanh giỏi.

3. Tuyên truyền Thông báo số 512-TB/TU của Tỉnh ủy; định kỳ báo cáo Thường trực Huyện ủy.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    kb = make_kb(tmp_path_factory.mktemp("kb"), [("plan.md", PLAN), ("guide.md", OTHER)])
    return AnswerEngine(kb, kb.settings)


def test_a_plan_named_by_what_it_implements_is_the_plan_itself(engine):
    ans = engine.ask("Người ký kế hoạch thực hiện Thông báo số 512-TB/TU là ai?")
    assert not ans.abstained and "Võ Minh Khang" in ans.answer
    assert parse("Kế hoạch thực hiện Thông báo số 512-TB/TU").subject is None
    assert parse("Thông báo số 512-TB/TU ban hành ngày nào?").subject is not None


@pytest.mark.parametrize("question", ["Ai đã ký kế hoạch này?", "Người đã ký kế hoạch là ai?", "ai la nguoi ky ke hoach"])
def test_signer_questions_worded_differently(question):
    assert parse(question).intent == "doc_signer"


def test_date_told_before_the_citation():
    text = "Căn cứ tình hình. Ngày 02/8/2024, Tỉnh ủy ban hành Thông báo số 512-TB/TU về nông nghiệp."
    cite = extract_citations(text, "")[0]
    assert (cite.key, cite.date, cite.issuer) == ("512-TB/TU", "2024-08-02", "Tỉnh ủy")


def test_a_cited_issuer_ends_where_the_name_does():
    text = "Giới thiệu Chương trình số 21-CTr/TU, ngày 10/02/2025 của Ban Thường vụ Tỉnh ủy trên bản tin các chi bộ."
    assert extract_citations(text, "")[0].issuer == "Ban Thường vụ Tỉnh ủy"
    # a capitalised name after the preposition is still part of the issuer
    text = "Thực hiện Công văn số 05-CV/CQĐD, ngày 02/3/2025 của Cơ quan đại diện Bộ Công an tại Thành phố Hồ Chí Minh."
    assert extract_citations(text, "")[0].issuer == "Cơ quan đại diện Bộ Công an tại Thành phố Hồ Chí Minh"


def test_cited_document_dated_by_the_leading_sentence(engine):
    ans = engine.ask("Tỉnh ủy ban hành Thông báo số 512-TB/TU ngày nào?")
    assert not ans.abstained and "02/8/2024" in ans.answer


def test_counts_the_documents_never_give_are_refused(engine):
    q = parse("Huyện Tân Hòa có bao nhiêu hợp tác xã kiểu mới?")
    assert q.quantity == "bao nhiêu hợp tác"
    assert engine.ask(q.text).abstained
    assert not parse("Nghị quyết 19 ban hành tại hội nghị lần thứ mấy và về vấn đề gì?").quantity
    assert not has_figure("2. Các chi bộ trực thuộc", "bao nhieu chi bo")  # a list label is no count
    assert has_figure("Toàn huyện có 15 chi bộ trực thuộc.", "bao nhieu chi bo")
    # "máy" is a machine, "mấy" a count; typed without marks, "xe may" is still the motorbike
    assert not parse("Cách đăng ký biển số xe máy trực tuyến?").quantity
    assert not parse("cach dang ky xe may truc tuyen").quantity
    assert parse("Xe máy có mấy bánh?").quantity == "mấy bánh"
    assert parse("huyen co may chi bo").quantity == "may chi bo"


def test_a_sentence_announcing_a_list_brings_its_items(engine):
    ans = engine.ask("Kế hoạch 77-KH/HU tập trung vào các nhóm nhiệm vụ nào?")
    assert not ans.abstained
    for item in ("rau an toàn", "hợp tác xã kiểu mới", "tưới tiết kiệm nước"):
        assert item in ans.answer
    assert all(s.quote in engine.library().docs[s.doc_id].text for s in ans.sources)


def test_unlabelled_paragraphs_are_a_sections_items(engine):
    ans = engine.ask("Kế hoạch 77-KH/HU tuyên truyền qua những kênh nào?")
    assert "loa truyền thanh" in ans.answer and "mạng xã hội" in ans.answer


def test_one_agency_spelled_two_ways_keeps_all_its_tasks(engine):
    ans = engine.ask("Ủy ban nhân dân huyện có nhiệm vụ gì trong tổ chức thực hiện kế hoạch 77?")
    assert ans.intent == "duty"
    assert "chính sách hỗ trợ nông dân" in ans.answer and "sơ kết, tổng kết" in ans.answer


def test_documents_that_mention_a_number(engine):
    ans = engine.ask("Văn bản nào có nhắc đến Nghị quyết 19-NQ/TW?")
    assert ans.intent == "mentions" and len(ans.doc_ids) == 2
    assert "77-KH/HU" in ans.answer and "09-HD/BTGHU" in ans.answer


def test_the_agency_asked_about_does_not_pick_its_own_documents(engine):
    # The guidance is issued by the Ban Tuyên giáo; the question is about the plan it reports under.
    ans = engine.ask("Ban Tuyên giáo Huyện ủy báo cáo kết quả thực hiện kế hoạch Thông báo 512 (huyện Tân Hòa) về cơ quan nào?")
    assert ans.intent == "report_to" and "Ban Thường vụ Huyện ủy" in ans.answer
    assert ans.sources[0].doc_id == "77-KH/HU"


@pytest.mark.parametrize("question", [
    "Kế hoạch thực hiện Kết luận 69 gửi cho những nơi nào?",
    "Kế hoạch thực hiện KL 69-KL/TW gửi cho những nơi nào?",  # the type abbreviated before a full number
    "Kế hoạch triển khai NQ số 57-NQ/TW do ai ký?",
])
def test_a_number_after_what_a_document_implements_is_not_its_subject(question):
    q = parse(question)
    assert q.refs and q.subject is None


def test_a_number_asked_about_is_the_subject():
    assert parse("KL 69-KL/TW gửi cho những nơi nào?").subject.key == "69-KL/TW"
