"""Administrative procedures a decision announces: read from its appendix table
(``troly.ingest.procedures``) and told in a citizen post (``troly.bot.posts.procedures``).

Every document here is constructed for these tests, in the national form of a decision that
announces procedures (Thông tư 02/2017/TT-VPCP); no text is copied from the shipped corpus or
../shared/corpus. Names of places and bodies are invented.
"""
from __future__ import annotations

import pytest
from posts_fixtures import ListKB, read
from procedure_fixtures import DECISION, DECISION_SOURCE, HEADER

from troly.bot.posts import PostWriter
from troly.bot.posts.spoken import spoken
from troly.ingest.procedures import procedures

# Another province's plan that names the same field in passing: a post on it stays prose.
PLAN_SOURCE = "mem:kh-77"
PLAN = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 77/KH-UBND
An Hòa, ngày 02 tháng 10 năm 2025

KẾ HOẠCH
bảo vệ nguồn nước sinh hoạt nông thôn năm 2026

I. MỤC TIÊU

1. Phấn đấu đến năm 2026 có 95% hộ dân nông thôn được dùng nước sạch đạt quy chuẩn.

II. NHIỆM VỤ VÀ GIẢI PHÁP

1. Người dân được hướng dẫn miễn phí cách xử lý nước giếng khoan bảo đảm vệ sinh.
"""


def test_a_procedure_table_gives_one_procedure_a_row_with_its_cells():
    procs = procedures(DECISION)
    assert [p.name for p in procs] == ["Cấp giấy phép xả nước thải vào công trình thủy lợi",
                                      "Gia hạn giấy phép xả nước thải vào công trình thủy lợi"]
    first, second = procs
    assert first.code == "1.009001" and first.fee == "Không" and first.group == "LĨNH VỰC THỦY LỢI"
    assert first.time.startswith("Trong thời hạn 15 ngày") and "Trung tâm Phục vụ" in first.place
    assert second.place == first.place and second.fee == "200.000 đồng/hồ sơ"  # "Như trên": the row above's
    # the row's offsets point at its line
    assert DECISION[first.start:first.end].startswith("| 01 | 1.009001")


def test_a_workflow_table_after_the_procedures_gives_no_procedure():
    names = [p.name for p in procedures(DECISION)]
    assert not any("Tiếp nhận hồ sơ" in n for n in names)


@pytest.mark.parametrize("header, row, name, kind, value", [
    # columns in another order, the code in the name cell
    ("| TT | Tên thủ tục hành chính (Mã TTHC) | Phí, lệ phí | Thời hạn giải quyết |",
     "| 1 | Cấp giấy phép khai thác cát sỏi lòng sông (1.004122) | Không quy định | 20 ngày |",
     "Cấp giấy phép khai thác cát sỏi lòng sông", "time", "20 ngày"),
    # a table's title run into the header row
    ("| DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP TỈNH (01 TTHC) | TT | Tên TTHC | Cách thức, địa điểm thực hiện | Thời hạn giải quyết |",
     "| 1 | Đăng ký khai thác nước mặt | Nộp trực tiếp tại Bộ phận Một cửa | 07 ngày | |",
     "Đăng ký khai thác nước mặt", "way", "Nộp trực tiếp tại Bộ phận Một cửa"),
])
def test_columns_are_told_by_their_header_words(header, row, name, kind, value):
    (proc,) = procedures(f"PHỤ LỤC\n{header}\n{row}\n")
    assert proc.name == name and getattr(proc, kind) == value


def test_a_table_goes_on_across_blank_lines_and_a_group_named_on_lines_of_its_own():
    # as the clean text writes it: a blank line between paragraphs, rows included
    text = (f"{HEADER}\n\n| I |\n\nLĨNH VỰC DI SẢN VĂN HÓA\n\n(02 TTHC)\n\n"
            "| 1 | 1.001123 | Cấp lại giấy chứng nhận đủ điều kiện kinh doanh giám định cổ vật | 04 ngày làm việc | "
            "Trung tâm Phục vụ hành chính công tỉnh | Không |\n\n"
            "| STT | Thành phần hồ sơ | Bản chính |\n\n| 1 | Thành phần hồ sơ, bao gồm: | Bản sao |\n")
    assert [p.name for p in procedures(text)] == ["Cấp lại giấy chứng nhận đủ điều kiện kinh doanh giám định cổ vật"]


def test_a_list_of_papers_run_on_from_the_table_is_no_procedure():
    text = (f"{HEADER}\n| 1 | 1.000001 | Cấp giấy phép biểu diễn nghệ thuật | 05 ngày làm việc | Sở Văn hóa | Không |\n"
            "| 2 | | Văn bản đề nghị cấp giấy phép theo mẫu | Bản chính |\n")
    assert [p.name for p in procedures(text)] == ["Cấp giấy phép biểu diễn nghệ thuật"]


def test_a_table_that_only_names_procedures_gives_none():
    text = ("| STT | Mã TTHC | Tên thủ tục hành chính | Tên VBQPPL quy định việc bãi bỏ | Cơ quan thực hiện |\n"
            "| 1 | 1.000001 | Cấp giấy phép biểu diễn nghệ thuật | Nghị định số 144/2020/NĐ-CP | Sở Văn hóa |\n")
    assert procedures(text) == []


def test_procedures_between_state_bodies_are_marked_internal():
    text = ("| STT | Tên TTHC nội bộ | Thời hạn giải quyết | Cơ quan thực hiện |\n"
            "| 1 | Thẩm định kế hoạch phát triển nhà ở cấp tỉnh | 15 ngày | Sở Xây dựng |\n")
    (proc,) = procedures(text)
    assert proc.internal


def _post(topic: str, channel: str = "zalo", audience: str = "dan", docs=None) -> str:
    kb = ListKB(docs if docs is not None else [read(DECISION_SOURCE, DECISION), read(PLAN_SOURCE, PLAN)])
    return PostWriter(kb).run(topic, channel, audience=audience)[0].text


def test_a_post_on_announced_procedures_tells_time_fee_and_place_not_the_article():
    text = _post("nước thải thủy lợi")
    assert "Quyết định số 0415/QĐ-UBND" in text.split("\n")[0]  # the hook names the decision
    assert "Công bố kèm theo" not in text  # Điều 1 says nothing people can use
    assert "Cấp giấy phép xả nước thải vào công trình thủy lợi" in text
    # the time without what the office does in it, the aside in brackets dropped
    assert "giải quyết trong thời hạn 15 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ;" in text
    assert "cắt giảm" not in text and "thẩm định hồ sơ" not in text
    assert "không thu phí, lệ phí" in text and "200.000 đồng/hồ sơ" in text
    assert "https://dichvucong.gov.vn" in text  # the address the export broke, joined


def test_a_loudspeaker_script_says_where_to_file_in_words_and_no_address():
    text = _post("nước thải thủy lợi", "loa")
    # one sentence per procedure, never the table's cells with their labels and semicolons
    assert ("Theo đó, thủ tục “Cấp giấy phép xả nước thải vào công trình thủy lợi” được giải quyết trong thời "
            "hạn mười lăm ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ. Không thu phí, lệ phí.") in text
    # said to the listeners with no connector, the slash read as "hoặc", the ways one after another
    assert (". Bà con có thể nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh hoặc cấp xã, "
            "hoặc trực tuyến qua Cổng dịch vụ công Quốc gia.") in text
    assert "dichvucong" not in text and "http" not in text and ";" not in text and ": " not in text
    assert not any(ch.isdigit() for ch in text)


def test_read_aloud_the_places_come_first_then_the_ways_and_a_fee_by_case_its_amount_first():
    from troly.bot.posts.procedures import _fee, _filing
    from troly.prompts.posts import PROCEDURE_PLACE_SPOKEN

    place = ("Trung tâm Phục vụ hành chính công tỉnh An Hòa; Trung tâm Phục vụ hành chính công cấp xã; "
             "Trực tiếp; Dịch vụ bưu chính công ích; trực tuyến qua Cổng dịch vụ công Quốc gia")
    from troly.ingest.procedure_cells import place as cells

    # a way's name before the sentence that says it again is said once
    assert cells("- Trực tiếp tại Sở Công Thương. - Trực tuyến: Nộp trực tuyến trên Hệ thống eCoSys", "") == \
        "Trực tiếp tại Sở Công Thương; trực tuyến trên Hệ thống eCoSys"
    # words the export ran together are apart again, whichever cell they are in
    assert cells("Trung tâm Phục vụ hành chính công tỉnh An Hòa", "Trực tiếp; Qua dịch vụ bưuchínhcông ích") == \
        "Trung tâm Phục vụ hành chính công tỉnh An Hòa; trực tiếp; Qua dịch vụ bưu chính công ích"
    assert _filing(place, PROCEDURE_PLACE_SPOKEN) == (
        "Bà con có thể nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh An Hòa hoặc Trung tâm Phục vụ hành "
        "chính công cấp xã, theo hình thức trực tiếp, qua dịch vụ bưu chính công ích hoặc trực tuyến qua Cổng "
        "dịch vụ công Quốc gia.")
    cell = "Từ ngày 01/7/2025 đến hết ngày 31/12/2026: 30.000 đồng/bộ; Từ ngày 01/01/2027: 60.000 đồng/bộ"
    assert _fee(cell, speech=True) == ("mức phí, lệ phí là 30.000 đồng/bộ từ ngày 01/7/2025 đến hết ngày "
                                      "31/12/2026; 60.000 đồng/bộ từ ngày 01/01/2027")
    assert _fee(cell) == ("phí, lệ phí: 30.000 đồng/bộ từ ngày 01/7/2025 đến hết ngày 31/12/2026; 60.000 đồng/bộ "
                          "từ ngày 01/01/2027")  # written too: no colon inside a colon
    assert "10.000 đồng/hồ sơ phí" not in _fee("Phí thẩm định: 10.000 đồng/hồ sơ")  # a label is no case


INTERNAL_SOURCE = "mem:qd-0416"
INTERNAL = DECISION.replace("0415/QĐ-UBND", "0416/QĐ-UBND").replace(
    "| 02 | 1.009002 | Gia hạn giấy phép xả nước thải",
    "| STT | Tên TTHC nội bộ | Thời hạn giải quyết | Cơ quan thực hiện |\n"
    "| 1 | Thẩm định phương án xả nước thải của công trình thủy lợi cấp tỉnh | 12 ngày | Sở Nông nghiệp và Môi trường |\n"
    "| 03 | 1.009003 | Gia hạn giấy phép xả nước thải")


def test_a_procedure_between_state_bodies_goes_only_into_a_post_for_cadres():
    docs = [read(INTERNAL_SOURCE, INTERNAL)]
    assert "Thẩm định phương án xả nước thải" not in _post("xả nước thải", docs=docs)
    assert "Thẩm định phương án xả nước thải" in _post("xả nước thải", audience="canbo", docs=docs)


def test_a_topic_no_procedure_names_stays_with_the_documents_sentences():
    text = _post("nước sạch")
    assert "Kế hoạch" in text.split("\n")[0] and "thủ tục" not in text.lower()


def test_a_slash_between_words_is_read_as_or_and_a_code_keeps_its_letters():
    assert spoken("cấp tỉnh/cấp xã, sửa đổi, bổ sung/cấp lại") == "cấp tỉnh hoặc cấp xã, sửa đổi, bổ sung hoặc cấp lại"


def test_a_document_number_keeps_its_code_when_the_document_defines_the_abbreviation():
    from troly.vn.abbreviations import spell_out

    assert spell_out("Quyết định số 165/2025/QĐ-UBND của UBND tỉnh", {"UBND": "Ủy ban nhân dân"}) == \
        "Quyết định số 165/2025/QĐ-UBND của Ủy ban nhân dân tỉnh"


def test_a_post_on_procedures_asks_people_to_file_not_to_join_in():
    zalo, loa = _post("nước thải thủy lợi"), _post("nước thải thủy lợi", "loa")
    assert "nơi tiếp nhận hồ sơ" in zalo.split("\n\n")[-2]  # the call to action, before the source line
    assert "chung tay" not in loa and "nơi tiếp nhận hồ sơ" in loa


def test_every_way_of_filing_is_said_its_addresses_dropped_when_too_long():
    from troly.ingest.procedure_cells import place

    way = ("- Nộp hồ sơ trực tiếp hoặc qua dịch vụ bưu chính công ích đến Trung tâm Phục vụ Hành chính công tỉnh "
           "An Hòa (số 16, đường Trường Thi, phường Trường Vinh, tỉnh An Hòa, điện thoại 0238 3 888 888); - Nộp hồ "
           "sơ trực tiếp hoặc qua đường bưu chính công ích đến Trung tâm Phục vụ Hành chính công các xã, phường trên "
           "địa bàn tỉnh An Hòa; - Nộp hồ sơ trực tuyến toàn trình qua Cổng dịch vụ công Quốc gia: https://dichvucong.gov.vn")
    said = place("", way)
    assert said.startswith("Trực tiếp hoặc qua dịch vụ bưu chính công ích đến Trung tâm Phục vụ Hành chính công tỉnh An Hòa;")
    assert "các xã, phường" in said and "trực tuyến toàn trình" in said  # all three ways
    assert "Trường Thi" not in said and "nộp hồ sơ" not in said.lower()  # the address and the verb go


def test_procedures_with_neither_time_nor_fee_are_named_in_one_sentence_with_where_to_file():
    text = (f"{HEADER}\n| 1 | 1.000001 | Đăng ký nội quy lao động của doanh nghiệp | | Trực tiếp tại Trung tâm Phục vụ "
            "hành chính công tỉnh | |\n| 2 | 1.000002 | Gia hạn giấy phép lao động | | Trực tiếp tại Trung tâm Phục vụ "
            "hành chính công tỉnh | |\n")
    from troly.bot.posts.procedures import points
    from troly.ingest.procedures import procedures as read_procedures

    doc = read("mem:names", DECISION.split("PHỤ LỤC")[0] + "PHỤ LỤC\n" + text)
    said = [p.text for p in points(doc, read_procedures(doc.text), "zalo")]
    assert said == ["Các thủ tục được công bố gồm: “Đăng ký nội quy lao động của doanh nghiệp”; “Gia hạn giấy phép lao động”.",
                    "Hồ sơ nộp trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh."]
    # aloud, one name fits the bulletin: never said to be all of them (heldout32)
    aloud = [p.text for p in points(doc, read_procedures(doc.text), "loa")]
    assert aloud[0] == "Trong các thủ tục được công bố có: “Đăng ký nội quy lao động của doanh nghiệp”."


def test_a_web_address_broken_by_the_export_is_joined_whatever_its_host():
    from troly.ingest.procedure_cells import place

    # constructed: a provincial portal, not only the national one
    assert place("- Trực tuyến qua https://motcua anhoa.gov.vn", "") == "Trực tuyến qua https://motcuaanhoa.gov.vn"
    assert place("- Trực tuyến qua https:// dichvucong. gov.vn", "") == "Trực tuyến qua https://dichvucong.gov.vn"


def test_a_two_syllable_topic_no_sentence_holds_is_never_two_words_of_a_procedure_name():
    """Constructed: "khai sinh" is "khai" of "khai thác" and "sinh" of "sinh hoạt" in a name; no
    procedure is told and no post is written on it."""
    from troly.bot.posts import NoMaterial

    doc = read("mem:qd-khai", DECISION.replace("Cấp giấy phép xả nước thải vào công trình thủy lợi",
                                                 "Cấp giấy phép khai thác nước cho sinh hoạt"))
    assert "khai thác nước cho sinh hoạt" in _post("khai thác nước", docs=[doc])
    with pytest.raises(NoMaterial):
        _post("khai sinh", docs=[doc])


def test_a_note_on_filling_in_a_form_is_no_point():
    """Constructed: a certificate's "Cách ghi" ("Sinh ngày: Ghi đúng ngày, tháng, năm sinh trong giấy khai
    sinh") is how to fill the form, not a rule on birth registration; "ghi nhận" is another verb."""
    from troly.bot.posts import NoMaterial
    from troly.bot.posts.library import form_note

    form = DECISION.split("PHỤ LỤC")[0] + ("PHỤ LỤC\nMẫu giấy chứng nhận\n- Cách ghi:\n+ Chứng nhận: ghi rõ họ và tên.\n"
                                            "+ Sinh ngày: Ghi đúng ngày, tháng, năm sinh trong giấy khai sinh.\n")
    with pytest.raises(NoMaterial):
        _post("giấy khai sinh", docs=[read("mem:form", form)])
    assert form_note("ghi ro ho ten".split()) and not form_note("ghi nhan ket qua".split())
    assert form_note("tong kiem toan nha nuoc chu in hoa co chu 8".split())  # how the card is printed


def test_a_cell_of_time_limits_by_case_is_told_by_their_span():
    """Constructed cells: each case states its limit in the same unit -> the span; a case without
    one, or mixed units, -> nothing (the post then says no time rather than a wrong one)."""
    from troly.ingest.procedure_cells import time_range

    cell = ("- Đối với trường hợp hồ sơ nộp qua hệ thống điện tử: Trong thời hạn 6 giờ làm việc kể từ khi nhận hồ "
            "sơ, kết quả được thông báo trên hệ thống. - Đối với trường hợp hồ sơ nộp trực tiếp: trong thời hạn 8 giờ "
            "làm việc. - Đối với trường hợp hồ sơ gửi qua bưu điện: trong thời hạn 24 giờ làm việc (cắt giảm 2 giờ).")
    assert time_range(cell) == "từ 6 đến 24 giờ làm việc"
    assert time_range(cell.replace("8 giờ", "2 ngày")) == ""  # units differ
    assert time_range(cell.replace("trong thời hạn 8 giờ làm việc", "theo quy định")) == ""
    assert time_range("Trong thời hạn 10 ngày làm việc") == ""  # one case: the cell is said as written


def test_sentences_that_only_task_bodies_give_way_to_procedures_the_topic_names():
    """Constructed: the plan says "xả nước thải" only in a task without its body; another decision's
    procedures name it, and the citizens' post tells them; a cadre post keeps the plan's task."""
    task = PLAN + "\n2. Tăng cường kiểm soát việc xả nước thải vào công trình thủy lợi trên địa bàn tỉnh.\n"
    docs = [read(PLAN_SOURCE, task), read(DECISION_SOURCE, DECISION)]
    assert "Cấp giấy phép xả nước thải vào công trình thủy lợi" in _post("xả nước thải", docs=docs)
    assert "Tăng cường kiểm soát" in _post("xả nước thải", audience="canbo", docs=docs)


_ANYWHERE = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 0920/QĐ-UBND
An Hòa, ngày 24 tháng 11 năm 2025

QUYẾT ĐỊNH
Ban hành danh mục thủ tục hành chính thuộc thẩm quyền quản lý của ngành Văn hóa, Thể thao và Du lịch thực hiện không phụ thuộc vào địa giới hành chính trong phạm vi cấp tỉnh

Điều 1. Ban hành kèm theo Quyết định này danh mục thủ tục hành chính thực hiện không phụ thuộc vào địa giới hành chính.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Hải

DANH MỤC THỦ TỤC HÀNH CHÍNH THỰC HIỆN PHI ĐỊA GIỚI HÀNH CHÍNH
| TT | Mã TTHC | Tên TTHC | Thực hiện qua dịch vụ công trực tuyến | Thực hiện qua bưu chính công ích | Ghi chú |
| Toàn trình | Một phần |
| I | Lĩnh vực Du lịch (02 TTHC) |
| 1 | 2.001611 | Cấp thẻ hướng dẫn viên du lịch tại điểm | x |
| x |
| 2 | 1.003742 | Thu hồi giấy phép kinh doanh dịch vụ lữ hành nội địa trong trường hợp doanh nghiệp giải thể |
| x |
| II | Lĩnh vực Du lịch bị bãi bỏ (01 TTHC) |
| 3 | 1.003700 | Cấp giấy phép kinh doanh dịch vụ lữ hành cũ theo mẫu cũ | x |

DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ
| TT | Mã TTHC | Tên TTHC | Ghi chú |
| 1 | 1.003701 | Cấp đổi thẻ hướng dẫn viên du lịch theo mẫu cũ | Không |
"""


def test_a_list_of_names_alone_is_read_and_told_but_never_what_is_abolished():
    """Constructed: a decision lists the procedures filed anywhere in the province by name, with
    marks for the ways they are offered; marks on a line of their own are no group; a group or a
    table said to be abolished gives no procedure."""
    doc = read("mem:qd-0920", _ANYWHERE)
    names = [(p.name, p.group) for p in procedures(doc.text)]
    assert names == [("Cấp thẻ hướng dẫn viên du lịch tại điểm", "Lĩnh vực Du lịch (02 TTHC)"),
                     ("Thu hồi giấy phép kinh doanh dịch vụ lữ hành nội địa trong trường hợp doanh nghiệp giải thể",
                      "Lĩnh vực Du lịch (02 TTHC)")]
    [post] = PostWriter(ListKB([doc])).run("kinh doanh lữ hành", "zalo")
    assert "không phụ thuộc vào địa giới hành chính" in post.text.split("\n")[0]
    assert "“Thu hồi giấy phép kinh doanh dịch vụ lữ hành nội địa trong trường hợp doanh nghiệp giải thể”" in post.text
    assert "mẫu cũ" not in post.text


def test_rows_that_say_how_long_and_where_outrank_a_longer_list_of_names_alone():
    """Constructed: the names-only list holds two procedures on tourism, another decision one with
    its time and place; the post tells the one people can act on."""
    detailed = DECISION.replace("0415/QĐ-UBND", "0416/QĐ-UBND").split("PHỤ LỤC")[0] + (
        "PHỤ LỤC\nDANH MỤC THỦ TỤC HÀNH CHÍNH\n" + HEADER + "\n| 01 | 1.004503 | Cấp giấy phép kinh doanh dịch vụ "
        "du lịch nội địa | 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ | Trung tâm Phục vụ hành chính công tỉnh "
        "| 3.000.000 đồng/giấy phép | Luật Du lịch |\n")
    kb = ListKB([read("mem:qd-0920", _ANYWHERE), read("mem:qd-0416", detailed)])
    [post] = PostWriter(kb).run("du lịch", "zalo")
    assert "0416/QĐ-UBND" in post.text and "10 ngày làm việc" in post.text, post.text


def test_each_branch_keeps_its_address_and_every_way_is_said_before_any_address():
    """Constructed cells: two branches, each with its street address after a semicolon, and three
    ways of filing. Too long with the addresses, the card names both branches and all three ways;
    "không quy định" under the fee says nothing and is left out of a post."""
    from troly.bot.posts.procedures import _fee
    from troly.ingest.procedure_cells import place

    way = ("Lựa chọn một trong các cách thức sau: - Nộp hồ sơ trực tiếp; - Nộp hồ sơ qua dịch vụ bưu chính công ích; "
           "- Nộp hồ sơ trực tuyến qua cổng Dịch vụ công quốc gia.")
    branches = ("- Chi nhánh số 1 Trung tâm Phục vụ hành chính công tỉnh; Địa chỉ: 12 đường Lê Lợi, phường An Phú, "
                "tỉnh An Hòa. - Chi nhánh số 2 Trung tâm Phục vụ hành chính công tỉnh; Địa chỉ: số 8 đường Trần Phú, "
                "phường Bình Minh, tỉnh An Hòa.")
    said = place(branches, way).split("; ")
    assert [i.split(",")[0] for i in said] == ["Chi nhánh số 1 Trung tâm Phục vụ hành chính công tỉnh",
                                               "Chi nhánh số 2 Trung tâm Phục vụ hành chính công tỉnh", "trực tiếp",
                                               "qua dịch vụ bưu chính công ích",
                                               "trực tuyến qua cổng Dịch vụ công quốc gia"]
    longer = branches.replace("tỉnh An Hòa.", "tỉnh An Hòa, gần chợ trung tâm và bến xe khách phía bắc của tỉnh.")
    assert place(longer, way).split("; ")[:2] == ["Chi nhánh số 1 Trung tâm Phục vụ hành chính công tỉnh",
                                                  "Chi nhánh số 2 Trung tâm Phục vụ hành chính công tỉnh"]
    assert place(longer, way).endswith("trực tuyến qua cổng Dịch vụ công quốc gia")  # every way, no address
    assert _fee("Không quy định") == ""
