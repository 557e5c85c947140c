"""The answer engine on constructed directives (no shipped document): each composer's behaviour."""
from __future__ import annotations

import pytest

from directive_fixtures import make_kb
from troly.bot.engine import AnswerEngine
from troly.bot.answer.query import parse
from troly.ingest.sections import TAIL

PLAN_A = """ĐẢNG BỘ HUYỆN AN PHÚ
Số 12-KH/HU
An Phú, ngày 05 tháng 6 năm 2025

KẾ HOẠCH
tuyên truyền chuyển đổi số trên địa bàn huyện An Phú

Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức của cán bộ, đảng viên về chuyển đổi số, trong đó dữ liệu số là tài nguyên quan trọng của địa phương.

2. Tạo sự đồng thuận trong Nhân dân khi triển khai các nền tảng số.

3. Giới thiệu Chương trình số 21-CTr/TU, ngày 10/02/2025 của Ban Thường vụ Tỉnh ủy trên bản tin của các chi bộ.

4. Ưu tiên các đề tài dưới dạng mô hình trình diễn tại các ấp. Chọn những đề tài có tính khả thi cao, có hiệu quả kinh tế lớn, nhanh chóng chuyển giao kết quả vào thực tế sản xuất của hộ nông dân như giống lúa chất lượng cao, quy trình canh tác tiết kiệm nước, kỹ thuật sơ chế và bảo quản sau thu hoạch, nhằm nâng cao giá trị cho sản phẩm, nhất là trái cây đặc sản.

II. HÌNH THỨC TUYÊN TRUYỀN

1. Tuyên truyền qua hệ thống loa truyền thanh cơ sở ở các ấp.

2. Tuyên truyền trên trang thông tin điện tử và nhóm Zalo của các xã.

III. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Huyện ủy

- Hướng dẫn các chi bộ tổ chức quán triệt; định kỳ báo cáo kết quả về Thường trực Huyện ủy trước ngày 30/7/2025.

2. Xây dựng kho dữ liệu số dùng chung của huyện.

- UBND huyện chủ trì, phối hợp với các cơ quan, ban ngành tiếp tục thực hiện đến năm 2026.

3. Đoàn Thanh niên vận động đoàn viên cài đặt và sử dụng các nền tảng số.

Nơi nhận:
- Thường trực Tỉnh ủy (b/c),
- Lưu VP.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Trần Văn Nam
"""

PLAN_B = PLAN_A.replace("AN PHÚ", "CHÂU THÀNH").replace("An Phú", "Châu Thành").replace("12-KH/HU", "40-KH/HU") \
    .replace("Trần Văn Nam", "Lê Thị Hoa").replace("loa truyền thanh cơ sở", "bản tin nội bộ")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    kb = make_kb(tmp_path_factory.mktemp("kb"), [("a.md", PLAN_A), ("b.md", PLAN_B)])
    return AnswerEngine(kb, kb.settings)


def test_place_picks_the_document(engine):
    a = engine.ask("Ai ký kế hoạch chuyển đổi số của huyện Châu Thành?")
    assert a.intent == "doc_signer" and "Lê Thị Hoa" in a.answer
    b = engine.ask("ai ky ke hoach chuyen doi so cua huyen an phu")
    assert "Trần Văn Nam" in b.answer


def test_section_answer_lists_the_items(engine):
    ans = engine.ask("Kế hoạch của huyện An Phú tuyên truyền bằng những hình thức nào?")
    assert not ans.abstained and len(ans.sources) == 2
    assert "loa truyền thanh" in ans.answer and "Zalo" in ans.answer


def test_report_to_and_who_leads(engine):
    ans = engine.ask("Theo kế hoạch 12-KH/HU, báo cáo về đâu?")
    assert ans.intent == "report_to" and "Thường trực Huyện ủy" in ans.answer
    apart = engine.ask("Theo kế hoạch 12-KH/HU, kết quả báo cáo bao lâu một lần, gửi về đâu?")
    assert apart.intent == "report_to" and "Thường trực Huyện ủy" in apart.answer
    lead = engine.ask("Ai chủ trì xây dựng kho dữ liệu số dùng chung?")
    assert lead.intent == "who_leads" and "UBND huyện" in lead.answer and "2026" in lead.answer


def test_definition_agreed_across_documents(engine):
    ans = engine.ask("Dữ liệu số được xác định là gì?")
    assert ans.intent == "definition" and "tài nguyên quan trọng" in ans.answer
    assert "1 văn bản khác" in ans.answer


def test_unknown_document_and_figures_abstain(engine):
    assert engine.ask("Nghị quyết 18-NQ/TW quy định gì?").abstained
    assert engine.ask("Kế hoạch 12-KH/HU cấp bao nhiêu triệu đồng kinh phí?").abstained


def test_cited_document_date(engine):
    ans = engine.ask("Nghị quyết 57 ban hành ngày nào?")
    assert not ans.abstained and "22/12/2024" in ans.answer
    assert all(s.quote in engine.library().docs[s.doc_id].text for s in ans.sources)


def test_elliptical_follow_up_uses_the_previous_document(engine):
    first = engine.ask("Ai ký kế hoạch của huyện Châu Thành?", "conv-1")
    assert "Lê Thị Hoa" in first.answer
    follow = engine.ask("Báo cáo về đâu?", "conv-1")
    assert not follow.abstained and follow.sources[0].doc_id == first.sources[0].doc_id
    # A full question on another subject is not forced into the previous document.
    other = engine.ask("Nghị quyết 57 ban hành ngày nào?", "conv-1")
    assert "22/12/2024" in other.answer


def test_an_agency_named_only_among_the_recipients_is_never_quoted_from_them(engine):
    ans = engine.ask("Thường trực Tỉnh ủy An Phú có nhiệm vụ gì?")
    assert not any(TAIL in s.section or "Lưu VP" in s.quote or "Trần Văn Nam" in s.quote for s in ans.sources)


def test_the_place_in_a_duty_question_picks_the_document_not_the_agency(engine):
    ans = engine.ask("Đoàn Thanh niên huyện Châu Thành có nhiệm vụ gì?")
    assert ans.intent == "duty" and "vận động đoàn viên" in ans.answer
    assert ans.sources[0].doc_id == "40-KH/HU"


def test_an_agency_abbreviated_by_initials_finds_its_tasks(engine):
    ans = engine.ask("Đoàn TN huyện An Phú có nhiệm vụ gì?")
    assert ans.intent == "duty" and "vận động đoàn viên" in ans.answer


def test_a_question_about_a_cited_document_that_asks_more_than_its_facts_is_answered_from_the_citing_text(engine):
    # the base neither holds the programme nor knows its recipients, but the rest is answerable
    ans = engine.ask("Chương trình 21-CTr/TU gửi những nơi nào, và huyện An Phú giới thiệu nó trên bản tin của ai?")
    assert not ans.abstained and "các chi bộ" in ans.answer
    assert engine.ask("Chương trình 21-CTr/TU gửi những nơi nào?").abstained  # the fact alone is still declined


def test_the_best_passage_may_give_its_long_second_sentence(engine):
    from troly.bot.answer import compose_content

    question = "Kế hoạch của huyện An Phú ưu tiên đề tài dưới dạng gì, để nâng giá trị cho sản phẩm nào?"
    hits = engine.kb.search(question, k=8, doc_ids=["12-KH/HU"])
    assert len({h.chunk.id for h in hits}) >= 3  # three passages share the answer's room
    ans = compose_content.content(parse(question), engine.library(), hits)
    quoted = " ".join(s.quote for s in ans.sources)  # the heading in the answer's label does not count
    assert "mô hình trình diễn" in quoted and "trái cây đặc sản" in quoted
    # the item's heading is the quote's opening: the answer does not say it twice
    assert ans.answer.count("mô hình trình diễn") == 1


def test_a_signer_no_citation_gives_is_said_to_be_unknown(engine):
    ans = engine.ask("Ai ký Nghị quyết 57-NQ/TW?")
    assert not ans.abstained and "không rõ người ký" in ans.answer  # said plainly, then what is known
    assert "Bộ Chính trị" in ans.answer and ans.sources


def test_a_fact_question_naming_two_documents_answers_for_each(engine):
    ans = engine.ask("Kế hoạch 12-KH/HU và Kế hoạch 40-KH/HU do ai ký?")
    assert "Trần Văn Nam" in ans.answer and "Lê Thị Hoa" in ans.answer
    assert {s.doc_id for s in ans.sources} == {"12-KH/HU", "40-KH/HU"}
    # a number after "thực hiện" is what they implement, not a third document asked about
    assert parse("KH 12 và KH 40 thực hiện Nghị quyết 57 do ai ký?").subjects[-1].key != "57-NQ/TW"


def test_a_person_no_document_names_is_a_false_premise(engine):
    ans = engine.ask("Đồng chí Phạm Quốc Bảo chỉ đạo gì về chuyển đổi số ở An Phú?")
    assert ans.abstained and "Phạm Quốc Bảo" in ans.answer and not ans.sources
    # a person the documents do name, and a place that starts like a surname, are no such premise
    signed = engine.ask("Đồng chí Trần Văn Nam ký kế hoạch về vấn đề gì?")
    assert signed.intent == "signed_by" and [s.doc_id for s in signed.sources] == ["12-KH/HU"]
    assert "chuyển đổi số" in signed.answer and "Trần Văn Nam" in signed.sources[0].quote
    assert not engine.ask("Đoàn Thanh Niên huyện Châu Thành có nhiệm vụ gì?").abstained


def test_person_names_in_a_question():
    from troly.vn.names import person_names

    surnames = {"nguyễn", "trần", "hồ", "châu", "đoàn"}
    assert person_names("Đồng chí Nguyễn Văn Phúc, Chủ tịch UBND phường, chỉ đạo gì?", surnames) == ["Nguyễn Văn Phúc"]
    assert person_names("ông Trần Minh nói gì", surnames) == ["Trần Minh"]  # two syllables after a form of address
    assert person_names("Thành phố Hồ Chí Minh và huyện Châu Thành", surnames) == []


def test_a_socio_political_organisation_takes_the_collective_duties(tmp_path):
    from troly.vn.organisations import member_of_collective

    plan = PLAN_A.replace("3. Đoàn Thanh niên vận động đoàn viên",
                          "3. Ủy ban Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội huyện vận động hội viên")
    engine = AnswerEngine(kb := make_kb(tmp_path / "kb", [("a.md", plan)]), kb.settings)
    ans = engine.ask("Hội Nông dân huyện có nhiệm vụ gì?")
    assert not ans.abstained and ans.intent == "duty"
    assert ans.answer.startswith("Các văn bản không giao nhiệm vụ riêng cho Hội Nông dân")
    assert "các nền tảng số" in ans.answer and "vận động hội viên" in ans.sources[0].quote
    # an organisation the documents do name is answered as itself, with no detour
    direct = AnswerEngine(make_kb(tmp_path / "kb2", [("a.md", PLAN_A)]), kb.settings).ask(
        "Đoàn Thanh niên có nhiệm vụ gì?")
    assert "không giao nhiệm vụ riêng" not in direct.answer and "Đoàn Thanh niên" in direct.answer
    # without a collective row, the question stays unanswered
    assert AnswerEngine(make_kb(tmp_path / "kb3", [("a.md", PLAN_A)]), kb.settings).ask(
        "Hội Cựu chiến binh có nhiệm vụ gì?").abstained
    assert member_of_collective(["hoi", "nong", "dan", "huyen"]) == \
        ("Hội Nông dân", ["to", "chuc", "chinh", "tri", "xa", "hoi", "huyen"])
    assert member_of_collective(["ban", "tuyen", "giao"]) is None


def test_a_number_under_the_wrong_type_names_the_documents_that_bear_it(engine):
    ans = engine.ask("Thông báo 12 giao nhiệm vụ gì cho Ban Tuyên giáo?")
    assert ans.abstained and "Kế hoạch số 12-KH/HU" in ans.answer and "Thông báo 12" in ans.answer
    assert "Nghị quyết số 57-NQ/TW" in engine.ask("Kết luận 57 nói gì?").answer  # a cited one too
    assert "mang số này" not in engine.ask("Kế hoạch 99 nói gì?").answer  # no document has that number


def test_document_lists_keep_to_the_type_and_topic_asked(engine):
    plans = engine.ask("Có những kế hoạch nào?")
    assert not plans.abstained and {s.doc_id for s in plans.sources} == {"12-KH/HU", "40-KH/HU"}
    none = engine.ask("Có những nghị quyết nào?")
    assert none.abstained and "không có nghị quyết nào" in none.answer
    off_topic = engine.ask("Có văn bản nào hướng dẫn về giá xăng dầu không?")
    assert off_topic.abstained and not off_topic.sources
    assert not engine.ask("Có văn bản nào về chuyển đổi số không?").abstained
    assert len(engine.ask("Liệt kê tất cả văn bản").sources) == 2


def test_a_duty_the_named_document_does_not_give_points_to_those_that_do(tmp_path):
    from troly.bot.answer.compose_tasks import agency_match

    plan_c = PLAN_A.replace("12-KH/HU", "41-KH/HU").replace("- UBND huyện chủ trì, phối hợp với các cơ quan, ban ngành "
                                                           "tiếp tục thực hiện đến năm 2026.", "")
    kb = make_kb(tmp_path / "kb", [("a.md", PLAN_A), ("c.md", plan_c)])
    engine = AnswerEngine(kb, kb.settings)
    ans = engine.ask("UBND huyện có nhiệm vụ gì theo kế hoạch 41?")
    assert ans.abstained and "41-KH/HU không giao nhiệm vụ cho UBND huyện" in ans.answer
    assert "12-KH/HU" in ans.answer and ans.doc_ids == ["12-KH/HU"]
    assert not engine.ask("UBND huyện có nhiệm vụ gì theo kế hoạch 12?").abstained
    # another level of the same body is another body
    assert agency_match(["ban", "tuyen", "giao", "thanh", "uy"], "Ban Tuyên giáo và Dân vận Huyện ủy") == 0.0
    assert agency_match(["ban", "tuyen", "giao", "huyen", "uy"], "Ban Tuyên giáo và Dân vận Huyện ủy") > 0.6
    assert agency_match(["to", "chuc", "chinh", "tri", "xa", "hoi", "huyen"],
                        "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện") == 1.0  # "xã hội" is no level


def test_two_facts_asked_together_are_both_answered(engine):
    ans = engine.ask("Kế hoạch 12 được ban hành khi nào và ai ký?")
    assert "Trần Văn Nam" in ans.answer and "05 tháng 6 năm 2025" in ans.answer
    assert len(ans.sources) == 2 and {s.doc_id for s in ans.sources} == {"12-KH/HU"}


def test_who_leads_a_task_no_document_gives_is_not_answered_with_a_passage(engine):
    ans = engine.ask("Ai chủ trì xây dựng kho lạnh bảo quản nông sản?")
    assert ans.abstained and "không nêu cơ quan, đơn vị nào chủ trì" in ans.answer
    led = engine.ask("Ai chủ trì xây dựng kho dữ liệu số dùng chung?")
    assert not led.abstained and led.answer.startswith("UBND huyện chủ trì")


def test_a_deadline_asked_as_a_date_is_a_deadline(engine):
    assert parse("Hạn chót nộp báo cáo là ngày nào?").intent == "deadline"
    assert parse("Kế hoạch 12 ban hành ngày nào?").intent == "doc_date"
    ans = engine.ask("Hạn chót nộp báo cáo là ngày nào?")
    assert not ans.abstained and "30/7/2025" in ans.answer  # the dated report, not the year-long task


def test_a_summary_gives_the_parts_and_the_purpose(engine):
    ans = engine.ask("Tóm tắt kế hoạch 12")
    assert "gồm 3 phần: I. Mục đích, yêu cầu; II. Hình thức tuyên truyền; III. Tổ chức thực hiện" in ans.answer
    assert "Mục đích: Nâng cao nhận thức của cán bộ, đảng viên về chuyển đổi số" in ans.answer
    assert ans.sources[-1].quote.startswith("Nâng cao nhận thức")
    assert "gồm" not in engine.ask("Kế hoạch 12 là gì?").answer  # "là gì" stays one line


def test_what_a_document_cites_is_listed_from_its_citations(engine):
    ans = engine.ask("Kế hoạch 12 căn cứ vào những văn bản nào?")
    assert ans.intent == "doc_cites" and ans.answer.startswith("Kế hoạch số 12-KH/HU dẫn chiếu 2 văn bản")
    assert "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị" in ans.answer
    assert "Chương trình số 21-CTr/TU, ngày 10/02/2025 của Ban Thường vụ Tỉnh ủy" in ans.answer
    assert "57-NQ/TW" in ans.sources[0].quote
    assert parse("Văn bản nào thực hiện Nghị quyết 57?").intent == "implements"  # the other direction


def test_which_documents_mention_a_phrase(engine):
    one = engine.ask("Văn bản nào nhắc đến loa truyền thanh?")
    assert one.intent == "mentions" and [s.doc_id for s in one.sources] == ["12-KH/HU"]
    assert "loa truyền thanh" in one.sources[0].quote and "“loa truyền thanh”" in one.answer
    both = engine.ask("van ban nao noi ve nen tang so khong")  # no marks, a trailing "không"
    assert {s.doc_id for s in both.sources} == {"12-KH/HU", "40-KH/HU"}
    assert engine.ask("Văn bản nào nhắc đến giá xăng dầu?").abstained


def test_the_effective_date_is_what_the_text_says_or_said_to_be_missing(engine, tmp_path):
    ans = engine.ask("Kế hoạch 12 có hiệu lực từ ngày nào?")
    assert ans.intent == "doc_effective" and "không ghi ngày có hiệu lực" in ans.answer
    assert "05 tháng 6 năm 2025" in ans.answer and ans.answer.count("\n") == 0  # not a second "ngày nào" fact
    said = PLAN_A.replace("Nơi nhận:", "Kế hoạch này có hiệu lực kể từ ngày ký.\n\nNơi nhận:")
    other = AnswerEngine(kb := make_kb(tmp_path / "kb", [("a.md", said)]), kb.settings)
    ans = other.ask("Kế hoạch 12 có hiệu lực khi nào?")
    assert "có hiệu lực kể từ ngày ký" in ans.answer and "có hiệu lực kể từ ngày ký" in ans.sources[0].quote
