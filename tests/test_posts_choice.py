"""Which sentences a citizen post may choose, and how it names its documents' issuers, on
constructed texts (written for these tests, nothing copied from a shipped or real document):
a body's full name from its header; a body's duty after an opening condition; a petitioner named
in a reply; a line in brackets under a title; an article's title after a bare "Điều 3."; a task
said without its body is known whatever opens it; a clause after ";" on a line of its own."""
from __future__ import annotations

import pytest
from posts_fixtures import ListKB, read

from troly.bot.posts import PostWriter
from troly.bot.posts.audience import INTERNAL, internal_document, read as read_sentence, task_without_subject
from troly.bot.posts.material import units
from troly.bot.posts.segments import items
from troly.bot.posts.sentences import names_person
from troly.vn.issuers import full_name


@pytest.mark.parametrize("issuer, parents, name", [
    ("BAN TUYÊN GIÁO VÀ DÂN VẬN", ["BAN CHẤP HÀNH TRUNG ƯƠNG"], "BAN TUYÊN GIÁO VÀ DÂN VẬN TRUNG ƯƠNG"),
    ("BAN TỔ CHỨC", ["ĐẢNG CỘNG SẢN VIỆT NAM", "BAN CHẤP HÀNH TRUNG ƯƠNG"], "BAN TỔ CHỨC TRUNG ƯƠNG"),
    ("VĂN PHÒNG", ["BAN CHẤP HÀNH TRUNG ƯƠNG"], "VĂN PHÒNG TRUNG ƯƠNG ĐẢNG"),
    ("BAN TUYÊN GIÁO", ["TỈNH ỦY AN HÒA"], "BAN TUYÊN GIÁO TỈNH ỦY AN HÒA"),
    ("SỞ CÔNG THƯƠNG", ["ỦY BAN NHÂN DÂN TỈNH AN HÒA"], "SỞ CÔNG THƯƠNG TỈNH AN HÒA"),
    ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", ["UBND THÀNH PHỐ BÌNH SƠN"],
     "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ BÌNH SƠN"),
    # named alone: a ministry's department, a body already holding its place, a top body
    ("CỤC THUẾ", ["BỘ TÀI CHÍNH"], "CỤC THUẾ"),
    ("BAN QUẢN LÝ KHU KINH TẾ TỈNH AN HÒA", ["ỦY BAN NHÂN DÂN TỈNH AN HÒA"], "BAN QUẢN LÝ KHU KINH TẾ TỈNH AN HÒA"),
    ("ỦY BAN NHÂN DÂN TỈNH AN HÒA", [], "ỦY BAN NHÂN DÂN TỈNH AN HÒA"),
])
def test_a_body_under_its_superior_is_named_as_its_system_names_it(issuer, parents, name):
    assert full_name(issuer, parents) == name


_CENTRAL = """BAN CHẤP HÀNH TRUNG ƯƠNG
BAN TUYÊN GIÁO VÀ DÂN VẬN
*
Số: 901-HD/BTGDVTW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 04 tháng 11 năm 2025

HƯỚNG DẪN
tuyên truyền về phòng, chống thiên tai năm 2026

Ban Tuyên giáo và Dân vận Trung ương hướng dẫn tuyên truyền như sau:

I. MỤC ĐÍCH

1. Người dân được cung cấp kịp thời thông tin cảnh báo thiên tai để chủ động phòng, chống thiên tai.

II. NỘI DUNG

1. Hộ gia đình ở vùng thường xảy ra thiên tai được hướng dẫn gia cố nhà ở trước mùa mưa bão.

K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Trần Văn Bình
"""


def test_a_post_names_a_central_committee_s_body_with_its_level():
    doc = read("mem:central", _CENTRAL)
    assert doc.facts.issuer == "BAN TUYÊN GIÁO VÀ DÂN VẬN"  # the fact stays as printed
    post = PostWriter(ListKB([doc])).run("phòng, chống thiên tai", "zalo")[0]
    assert "Ban Tuyên giáo và Dân vận Trung ương" in post.text
    assert "Dân vận." not in post.text and "Dân vận về" not in post.text


@pytest.mark.parametrize("text", [
    # people named in an opening condition are not who a body's duty is for
    "Trường hợp thẻ đã được cấp nhưng bị mất trước khi giao cho người học, Trung tâm phải lập biên bản "
    "và báo cáo cơ quan quản lý trực tiếp.",
    # people listed among the bodies that carry a duty are not who gains from it
    "Các cơ quan, tổ chức, đơn vị, cá nhân thực hiện nhiệm vụ phục vụ kỳ thi theo Quy định này có trách "
    "nhiệm sử dụng kinh phí đúng định mức, đúng đối tượng.",
])
def test_a_body_s_duty_is_the_body_s_whoever_its_clauses_name(text):
    r = read_sentence(text, [])
    assert r.kind == INTERNAL and not r.gain


def test_a_sentence_naming_a_petitioner_is_no_point():
    assert names_person("Cục Thuế ghi nhận ý kiến của ông Lê Văn Hùng trong quá trình xây dựng dự thảo.")
    assert names_person("Bà Phạm Thị Lan hỏi về thời hạn nộp hồ sơ.")
    assert not names_person("Bà con nhân dân chủ động phòng, chống dịch bệnh.")
    assert not names_person("Tỉnh Bà Rịa - Vũng Tàu tổ chức lễ phát động.")


@pytest.mark.parametrize("text, subjectless", [
    ("Trong quá trình thi công bảo đảm an toàn cho người lao động và công trình.", True),
    ("Hỗ trợ, tư vấn cho doanh nghiệp thiết kế bao bì sản phẩm.", True),
    ("Việc miễn, giảm tiền thuê đất được thực hiện theo quy định của Chính phủ.", False),
    ("Đến năm 2030, 100% hộ dân được sử dụng nước sạch.", False),
    ("Doanh nghiệp được hỗ trợ 50% chi phí thiết kế bao bì.", False),
])
def test_a_task_without_its_body_is_known_whatever_opens_it(text, subjectless):
    assert task_without_subject(text) is subjectless


@pytest.mark.parametrize("title, internal", [
    ("Quy định về quản lý người giữ chức danh, chức vụ tại doanh nghiệp nhà nước thuộc tỉnh", True),
    ("Quy định tiêu chí đánh giá, xếp loại chất lượng cán bộ, công chức cấp xã", True),
    ("Kế hoạch tuyển dụng công chức cấp xã năm 2026", False),
])
def test_documents_about_the_state_s_own_staff_are_for_cadres(title, internal):
    assert internal_document(title) is internal


_RULES = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 41/2025/QĐ-UBND
An Hòa, ngày 10 tháng 11 năm 2025

QUYẾT ĐỊNH
Ban hành Quy định hỗ trợ hộ gia đình khắc phục hậu quả bão lũ

Điều 1. Ban hành kèm theo Quyết định này Quy định hỗ trợ hộ gia đình khắc phục hậu quả bão lũ.

Điều 2. Quyết định này có hiệu lực từ ngày 20 tháng 11 năm 2025.

QUY ĐỊNH
(Kèm theo Quyết định số 41/2025/QĐ-UBND ngày 10 tháng 11 năm 2025 của Ủy ban nhân dân tỉnh An Hòa về việc
ban hành Quy định hỗ trợ hộ gia đình khắc phục hậu quả bão lũ trên địa bàn tỉnh).

Điều 3.
Mức hỗ trợ áp dụng đối với hộ gia đình có nhà ở bị hư hỏng do bão lũ trên địa bàn các xã, phường
thuộc tỉnh An Hòa

1. Hộ gia đình có nhà ở bị sập đổ được hỗ trợ 40.000.000 đồng/hộ.

Điều 4. Tổ chức thực hiện

1. Bố trí chỗ ở tạm cho các hộ có nhà bị sập đổ; huy động lực lượng hỗ trợ sửa chữa nhà cửa cho hộ gia đình;
xây mới nhà ở cho các hộ có nhà bị sập đổ hoàn toàn, hoàn thành trước ngày 31/01/2026.

2. Tập huấn cho lực lượng làm công tác hỗ trợ hộ gia đình bị thiệt hại do bão lũ;
các cá nhân, tổ chức trực tiếp tham gia khắc phục hậu quả bão lũ.

3. Rà soát, đề xuất sửa đổi, bổ sung các văn bản trong năm 2026 gồm: (1) Nghị quyết Hội đồng nhân dân tỉnh về mức hỗ trợ hộ gia đình có nhà ở bị sập đổ do bão lũ; (2) Quyết định Ủy ban nhân dân tỉnh về quỹ phòng, chống thiên tai của tỉnh; (3) Nghị quyết Hội đồng nhân dân tỉnh về cứu trợ hộ gia đình bị thiệt hại.

4. Kết quả năm 2025 cho thấy: (1) công tác cứu trợ được triển khai kịp thời, đúng đối tượng, công khai, minh bạch ở tất cả các xã, phường; (2) hộ gia đình bị thiệt hại do bão lũ được hỗ trợ sửa chữa nhà ở trước Tết Nguyên đán theo đúng quy định của tỉnh; (3) các tổ chức, cá nhân đã ủng hộ hơn 20 tỷ đồng cho quỹ.

"""


def test_headings_bracket_lines_and_wrapped_clauses_are_read_as_what_they_are():
    doc = read("mem:rules", _RULES)
    said = [u.text for u in units(doc) if not u.heading]
    # the line in brackets under the rule's title is no sentence
    assert not any(t.startswith("(Kèm theo") for t in said)
    # an article's title after a bare "Điều 3." is a heading, not a point
    title = next(a for a, b, h in items(doc.text) if doc.text[a:b].startswith("Mức hỗ trợ áp dụng"))
    assert [h for a, b, h in items(doc.text) if a == title] == [True]
    # the clause after "...;" on a line of its own is the list's next clause, a unit of its own
    assert any(t.startswith("Xây mới nhà ở cho các hộ") for t in said)
    # ... but a plural after "...;" goes on a list of objects, and an inline list's member is no sentence
    assert not any(t.startswith("Các cá nhân, tổ chức trực tiếp") for t in said)
    assert not any(t.startswith("Quyết định Ủy ban nhân dân tỉnh về quỹ") for t in said)
    assert any(t.startswith("Hộ gia đình bị thiệt hại do bão lũ được hỗ trợ sửa chữa") for t in said)  # a statement


def test_an_answer_on_who_issued_names_the_body_with_its_level(tmp_path):
    from directive_fixtures import make_kb
    from troly.bot.engine import AnswerEngine

    answer = AnswerEngine(make_kb(tmp_path, [("hd901.txt", _CENTRAL)])).ask("Hướng dẫn 901-HD/BTGDVTW do cơ quan nào ban hành?")
    assert answer.trace.composer == "compose_facts.doc_issuer"
    assert "BAN TUYÊN GIÁO VÀ DÂN VẬN TRUNG ƯƠNG" in answer.answer


_EQUALITY = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 61/KH-UBND
An Hòa, ngày 03 tháng 10 năm 2025

KẾ HOẠCH
triển khai Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2025

I. MỤC TIÊU

1. Tỷ suất sinh ở trẻ vị thành niên giảm xuống dưới 20 trên 1.000 trẻ vào năm 2025.

2. Phấn đấu 60% nạn nhân bị bạo lực gia đình được phát hiện được hỗ trợ tư vấn, tham vấn vào năm 2025.

II. NỘI DUNG

1. Người dân có thể báo tin về bạo lực gia đình qua đường dây nóng của xã.
"""


def test_the_opening_line_never_takes_a_target_off_the_topic():
    """The title shares "bạo lực" with "bạo lực gia đình", not the whole topic: its targets are
    the hook's only when they are on the topic."""
    post = PostWriter(ListKB([read("mem:equality", _EQUALITY)])).run("bạo lực gia đình", "zalo")[0]
    hook = post.text.split("\n", 1)[0]
    assert "vị thành niên" not in hook


_HEADLESS = """*
Bình Sơn, ngày 12 tháng 5 năm 2024

KẾ HOẠCH
Tuyên truyền và thực hiện Kết luận số 69-KL/TW, ngày 11/01/2024 của Bộ Chính trị về phát triển khoa học và công nghệ

Thực hiện Kết luận số 69-KL/TW, ngày 11/01/2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng khóa XI về phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa trong điều kiện kinh tế thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế; Kế hoạch số 116-KH/TU, ngày 23/4/2024 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 69-KL/TW về tiếp tục thực hiện Nghị quyết số 20-NQ/TW; Chương trình hành động số 77-CTr/TU, ngày 06/3/2024 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 45-NQ/TW về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền vững trong giai đoạn mới, Ban Thường vụ Huyện ủy ban hành Kế hoạch tuyên truyền như sau:

I. MỤC TIÊU

1. Phấn đấu đến năm 2030 có 50% hộ nông dân ứng dụng khoa học và công nghệ vào sản xuất.

II. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Huyện ủy theo dõi, báo cáo Ban Thường vụ Huyện ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn An
"""


def test_a_scan_without_its_header_names_the_body_its_signature_signs_for():
    """Constructed: the header's issuer is lost; the signature signs for the Standing Committee
    and the text names it. Without it the title's "của Bộ Chính trị" would read as the issuer."""
    doc = read("mem:headless", _HEADLESS)
    post = PostWriter(ListKB([doc])).run("khoa học và công nghệ", "loa")[0]
    assert "Ban Thường vụ Huyện ủy đã ban hành Kế hoạch" in post.text, (doc.facts.issuer, post.text[:300])


def test_a_bulletin_that_only_informs_never_asks_people_to_carry_it_out():
    posts = PostWriter(ListKB([read("mem:equality", _EQUALITY)])).run("bạo lực gia đình", "loa", variants=5)
    for post in posts:  # the plan's targets are news; nothing in them is the listeners' to do
        assert "chung tay thực hiện" not in post.text and "thực hiện tốt" not in post.text, post.text[-300:]


def test_a_bulletin_never_reads_a_document_of_unknown_place_beside_another_locality_s():
    """The province's plan (An Hòa) and a Huyện ủy plan whose place is not read (written for the
    post rules tests): one bulletin reads one of them, never both as if one locality's."""
    from posts_fixtures import AGRI, AGRI_SOURCE, NOTICE, NOTICE_SOURCE

    kb = ListKB([read(AGRI_SOURCE, AGRI), read(NOTICE_SOURCE, NOTICE)])
    assert not kb.docs[1].facts.place
    for post in PostWriter(kb).run("nông nghiệp công nghệ cao", "loa", variants=3):
        assert len({s.document for s in post.sources}) == 1, post.sources


def test_a_target_s_label_says_it_is_a_target():
    from troly.bot.posts.sentences import without_label

    assert without_label("Chỉ tiêu 3: Tỷ lệ hộ dân được dùng nước sạch đạt trên 90% vào năm 2026.") == \
        "Mục tiêu: Tỷ lệ hộ dân được dùng nước sạch đạt trên 90% vào năm 2026."
    assert without_label("Dự án 8: Thực hiện bình đẳng giới trong vùng đồng bào.") == \
        "Thực hiện bình đẳng giới trong vùng đồng bào."
