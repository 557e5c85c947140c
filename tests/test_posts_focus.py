"""What a post is about, on constructed sentences and documents (written for these tests): a
topic named only as one item of a long list is no point, and a topic the documents name only so
is declined; a task under a heading naming its body is that body's, and says so; a benefit a
dispatch for the people orders is news to them; an amending text's edits of wording are no
points; a plan "05 năm" is a span of time, and "HTX" is read out in words."""
from __future__ import annotations

import pytest
from posts_fixtures import ListKB, read

from troly.bot.posts import NoMaterial, PostWriter
from troly.bot.posts.audience import INTERNAL, read as read_sentence, section_kind
from troly.bot.posts.bodies import body_of, heading_body, with_body
from troly.bot.posts.material import parse_topic
from troly.bot.posts.mention import passing


def _passing(topic: str, text: str) -> bool:
    return passing(text, parse_topic(topic).phrases)


@pytest.mark.parametrize("topic, text", [
    # one of six things to secure; the phrase holds a comma of its own
    ("phòng cháy chữa cháy", "Bảo đảm an toàn kết cấu, an toàn điện, phòng cháy, chữa cháy, vệ sinh môi trường "
                             "và cảnh quan đô thị."),
    # after "như:", among other fields
    ("phòng cháy chữa cháy", "Ứng dụng cảm biến trong các lĩnh vực như: đo mực nước, quản lý năng lượng, "
                             "chiếu sáng, phòng cháy chữa cháy và các dịch vụ khác."),
    # the last of many actions, its verbs aside
    ("nông thôn mới", "Phát huy tinh thần đoàn kết, sáng tạo, thi đua lao động sản xuất, giữ gìn an ninh trật tự, "
                      "hoàn thành các chỉ tiêu năm 2026 và đẩy mạnh xây dựng nông thôn mới."),
])
def test_a_topic_named_as_one_item_of_a_long_list_is_named_in_passing(topic, text):
    assert _passing(topic, text)


@pytest.mark.parametrize("topic, text", [
    # the subject of a list of predicates
    ("người dân", "Người dân và doanh nghiệp là trung tâm, là chủ thể, là nguồn lực, là động lực và là mục tiêu "
                  "của chuyển đổi số."),
    # aspects of one subject ("an ninh ...")
    ("an ninh mạng", "Bảo đảm an ninh mạng, an ninh dữ liệu, an ninh hệ thống, an toàn thông tin và bảo vệ "
                     "bí mật là yêu cầu xuyên suốt."),
    # four parts, the last a fact of each; "6,5%" is one number, not two parts
    ("hộ nghèo", "Lãi suất cho vay hộ nghèo, cho vay học sinh, sinh viên, điều chỉnh giảm từ 6,5%/năm xuống 6,1%/năm."),
    # an item with words of its own: the sentence is about it
    ("xuất khẩu nông sản", "Tổ chức, tham gia các hội chợ kết nối cung cầu, quảng bá sản phẩm, mở rộng thị trường, "
                           "xuất khẩu nông sản tươi sang các nước có hiệp định thương mại tự do."),
    # no list at all
    ("phòng cháy chữa cháy", "Thẩm duyệt thiết kế về phòng cháy, chữa cháy đối với nhà ở kết hợp kinh doanh."),
])
def test_a_topic_a_sentence_is_about_is_not_in_passing(topic, text):
    assert not _passing(topic, text)


@pytest.mark.parametrize("heading, body", [
    ("5. Công an tỉnh", "Công an tỉnh"),
    ("2. Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường"),
    ("1. Bộ Xây dựng chủ trì, phối hợp với các bộ, địa phương liên quan", "Bộ Xây dựng"),
    ("2. Bộ Y tế theo chức năng, nhiệm vụ được giao chủ trì, phối hợp với các địa phương", "Bộ Y tế"),
    ("2.9. Đề nghị Liên đoàn Lao động tỉnh", "Liên đoàn Lao động tỉnh"),
    ("10. Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường"),
    ("3. Bảo đảm an sinh xã hội", ""),  # "bảo" is no "báo"
    ("a) Ban hành kế hoạch thực hiện", ""),  # "Ban hành" is a verb
    ("1. Phong trào thi đua yêu nước", ""),  # "phong" is no "phòng"
    ("3. Số lượng đại biểu", ""),  # "số" is no "sở"
    ("3. Doanh nghiệp", ""),  # the public, not a body
    ("II. NHIỆM VỤ VÀ GIẢI PHÁP", ""),
])
def test_a_heading_names_the_body_whose_tasks_follow(heading, body):
    assert heading_body(heading) == body
    assert (section_kind(["I. NỘI DUNG", heading]) == "work") == bool(body)


def test_a_task_under_its_body_s_heading_is_the_body_s():
    assert section_kind(["Điều 5. Trách nhiệm phối hợp", "5. Công an tỉnh"]) == "work"
    assert body_of(["IV. TỔ CHỨC THỰC HIỆN", "2. Sở Y tế"]) == "Sở Y tế"
    assert body_of(["IV. TỔ CHỨC THỰC HIỆN"]) == ""
    assert with_body("Hướng dẫn cơ sở kinh doanh thực hiện quy định.", "Sở Y tế") == \
        "Sở Y tế hướng dẫn cơ sở kinh doanh thực hiện quy định."
    assert with_body("UBND cấp xã kiểm tra.", "Sở Y tế").startswith("Sở Y tế UBND")  # an abbreviation keeps its capitals
    assert with_body("Kiểm tra định kỳ.", "SỞ Y TẾ") == "Kiểm tra định kỳ."  # a name in capitals is not shouted


def test_a_benefit_a_dispatch_for_the_people_orders_is_news_to_them():
    text = "Chỉ đạo Quỹ Bảo hiểm chi trả kịp thời, đầy đủ chế độ trợ cấp với thủ tục nhanh chóng, thuận lợi."
    assert read_sentence(text, [], public_doc=True).gain
    assert not read_sentence(text, [], public_doc=False).gain  # nobody named, no title naming anybody
    report = "Chỉ đạo Quỹ Bảo hiểm tổng hợp, báo cáo kết quả chi trả chế độ trợ cấp."
    assert not read_sentence(report, [], public_doc=True).gain  # a report stays in the offices


def test_an_amending_text_s_edits_of_wording_are_no_points():
    assert read_sentence("Thay thế cụm từ “Liên minh Hợp tác xã tỉnh” thành “Liên minh Hợp tác xã thành phố” "
                         "tại khoản 3 Điều 1.", []).kind == INTERNAL
    assert read_sentence("Bãi bỏ cụm từ “cấp huyện” tại Điều 4.", []).kind == INTERNAL


def test_a_plan_of_five_years_is_no_document_number_and_htx_is_read_in_words():
    from troly.bot.posts.spoken import spoken
    from troly.vn.docnum import find_refs

    assert find_refs("hoàn thành kế hoạch 05 năm (2021 - 2025)") == []
    assert [r.key for r in find_refs("Kế hoạch số 05 năm 2024")] == ["05-KH"]
    assert [r.key for r in find_refs("nghị quyết 57 tháng 12/2024")] == ["57-NQ"]
    said = spoken("Các HTX hoàn thành kế hoạch 05 năm.")
    assert "hợp tác xã" in said and "số" not in said and "năm năm" in said


PLAN = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 88/KH-UBND
An Hòa, ngày 10 tháng 11 năm 2025

KẾ HOẠCH
Phát triển hạ tầng viễn thông dùng chung năm 2026

I. MỤC TIÊU
1. Phủ sóng di động đến 100% thôn, bản trên địa bàn tỉnh trong năm 2026.
2. Các công trình viễn thông dùng chung phải bảo đảm an toàn kết cấu, an toàn điện, phòng cháy, chữa cháy, vệ sinh môi trường và cảnh quan đô thị.

II. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ
Hướng dẫn các doanh nghiệp viễn thông dùng chung cột ăng ten trong khu dân cư.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


def test_a_topic_the_documents_name_only_in_passing_is_declined_and_a_task_names_its_body():
    """Constructed: fire safety is one of six things a telecom plan must secure, nothing more: no
    post on it. The plan's own subject gives a post, and its task says which body carries it out."""
    kb = ListKB([read("mem:ke-hoach-88", PLAN)])
    with pytest.raises(NoMaterial, match="lướt qua") as passing:
        PostWriter(kb).run("phòng cháy chữa cháy", "zalo")
    assert "Văn bản có nhắc đến: Kế hoạch số 88/" in str(passing.value)  # the officer may read it
    with pytest.raises(NoMaterial, match="Chưa tìm thấy") as absent:
        PostWriter(kb).run("nước sạch", "zalo")  # not named at all
    assert "có nhắc đến" not in str(absent.value)
    [post] = PostWriter(kb).run("cột ăng ten", "zalo", audience="canbo")
    assert "Sở Khoa học và Công nghệ hướng dẫn các doanh nghiệp viễn thông dùng chung cột ăng ten" in post.text


def test_a_target_opens_a_post_whole_or_not_at_all():
    from troly.bot.posts.hook import target

    short = "Phấn đấu đến năm 2030, 100% hộ gia đình được sử dụng nước sạch."
    assert target(short) == "phấn đấu đến năm 2030, 100% hộ gia đình được sử dụng nước sạch"
    long = ("Đến năm 2030, 100% khu công nghiệp, khu đô thị ven biển được quy hoạch, xây dựng theo hướng bền vững, "
            "gắn với bảo vệ môi trường, thích ứng với biến đổi khí hậu và nước biển dâng trên địa bàn tỉnh An Hòa.")
    assert target(long) == ""  # cut anywhere, it would say something else


def test_choosing_is_a_verb_and_what_it_chooses_is_no_subject():
    """Constructed: "Lựa chọn" opens the predicate, so the sentence is a task of substance (the
    research results brought to farms), not an office procedure whose subject is "Lựa chọn"."""
    text = ("Lựa chọn triển khai các nghiên cứu có tính khả thi cao và nhanh chóng chuyển giao kết quả "
            "nghiên cứu vào sản xuất cây giống, con giống chất lượng cao.")
    assert read_sentence(text, ["II. NHIỆM VỤ, GIẢI PHÁP"]).kind != INTERNAL


def test_a_document_s_own_abbreviations_are_written_out():
    from troly.bot.posts.spoken import spoken
    from troly.vn.abbreviations import defined_in, spell_out

    text = ("Liên kết tài khoản an sinh xã hội (ASXH) với tài khoản ngân hàng qua các tổ chức trung gian "
            "thanh toán (TGTT). Đến nay có 04 TGTT chi trả ASXH qua ứng dụng.")
    defined = defined_in(text)
    assert defined == {"ASXH": "an sinh xã hội", "TGTT": "trung gian thanh toán"}
    assert spell_out("Có 04 TGTT chi trả ASXH.", defined) == "Có 04 trung gian thanh toán chi trả an sinh xã hội."
    assert spell_out("tài khoản an sinh xã hội (ASXH)", defined) == "tài khoản an sinh xã hội"
    assert defined_in("do Bộ Tài chính (BTC) ban hành") == {"BTC": "Bộ Tài chính"}
    assert defined_in("quét mã (QR) trên thẻ") == {}  # letters that are no initials of the words before
    doc = read("mem:tb-1", "VĂN PHÒNG CHÍNH PHỦ\nSố: 1/TB-VPCP\nHà Nội, ngày 1 tháng 12 năm 2025\n\nTHÔNG BÁO\n"
                           "Kết luận về chi trả an sinh xã hội\n\n" + text + "\n")
    assert "T G T T" not in spoken("Có 04 TGTT chi trả ASXH.", doc) and "an sinh xã hội" in spoken("Chi trả ASXH.", doc)


def test_an_enumeration_run_into_a_cell_is_no_point_and_an_open_list_is_closed():
    from troly.bot.posts.material import clean

    assert not _usable_text("Đã có 28 ngân hàng triển khai liên kết tài khoản với ứng dụng. (ii) Chỉ đạo các "
                            "ngân hàng tuyên truyền cho khách hàng về lợi ích của việc liên kết tài khoản.")
    assert clean("Người dân nhận trợ cấp nhanh chóng, minh bạch, an toàn,...") == \
        "Người dân nhận trợ cấp nhanh chóng, minh bạch, an toàn."


def _usable_text(text: str) -> bool:
    from troly.bot.posts.material import Unit, clean, content_words, usable

    t = clean(text)
    return usable(Unit("d", 0, len(text), text, t, False, content_words(t)))


def test_a_title_that_amends_a_resolution_gives_no_tag_for_it():
    from troly.bot.posts.templates import hashtags

    amending = read("mem:nq-35", "HỘI ĐỒNG NHÂN DÂN TỈNH AN HÒA\nSố: 35/2025/NQ-HĐND\nAn Hòa, ngày 18 tháng 11 năm 2025\n\n"
                                 "NGHỊ QUYẾT\nSửa đổi, bổ sung một số điều của Nghị quyết số 11/2022/NQ-HĐND về hỗ trợ "
                                 "phát triển rừng\n\nĐiều 1. Sửa đổi khoản 2 Điều 3.\n")
    assert not any("NghiQuyet11" in t for t in hashtags("bảo vệ rừng", [], [amending]))
    plan = read("mem:kh-9", "HUYỆN ỦY AN PHÚ\nSố: 9-KH/HU\nAn Phú, ngày 3 tháng 4 năm 2025\n\nKẾ HOẠCH\nThực hiện "
                            "Nghị quyết số 57-NQ/TW của Bộ Chính trị\n\nI. MỤC ĐÍCH\n1. Quán triệt nghị quyết.\n")
    assert "#NghiQuyet57" in hashtags("chuyển đổi số", [], [plan])


def test_a_later_sentence_of_an_item_keeps_the_scope_its_first_sentence_set():
    """Constructed: the 80% target holds for the city only; out of its item it would read as a
    national target."""
    from troly.bot.posts.frames import scope, scoped
    from troly.bot.posts.templates import _lower_first

    first = "Tại thành phố An Hòa, nồng độ bụi mịn trung bình năm giảm 20% vào năm 2030."
    assert scope(first) == "Tại thành phố An Hòa"
    assert scoped("Tại thành phố An Hòa", "Tỷ lệ số ngày có chất lượng không khí tốt đạt tối thiểu 80%.") == \
        "Tại thành phố An Hòa, tỷ lệ số ngày có chất lượng không khí tốt đạt tối thiểu 80%."
    assert scoped("Tại thành phố An Hòa", "Đối với các tỉnh lân cận, giảm 10%.") == "Đối với các tỉnh lân cận, giảm 10%."
    assert scope("Tiếp tục hỗ trợ người dân, doanh nghiệp.") == ""
    assert _lower_first("Tỷ lệ số ngày đạt 80%.") == "tỷ lệ số ngày đạt 80%."
    assert _lower_first("Kết luận số 69 khẳng định.") == "Kết luận số 69 khẳng định."
    doc = read("mem:kh-77", "ỦY BAN NHÂN DÂN TỈNH AN HÒA\nSố: 77/KH-UBND\nAn Hòa, ngày 1 tháng 12 năm 2025\n\nKẾ HOẠCH\n"
                            "Cải thiện chất lượng không khí\n\nI. MỤC TIÊU\n1. " + first +
                            " Tỷ lệ số ngày có chất lượng không khí tốt đạt tối thiểu 80%.\n")
    from troly.bot.posts.material import units

    assert any(u.text.startswith("Tại thành phố An Hòa, tỷ lệ số ngày") for u in units(doc))


def test_a_provision_a_letter_quotes_is_not_its_answer_and_a_form_line_is_no_point():
    """Constructed reply letter: the decree it quotes grants a reduction; its own answer, after
    "Căn cứ các quy định nêu trên,", says the reduction does not apply to resettlement land. The
    quoted provision is no point; the answer is, without its opener. A form's blank line is none."""
    letter = ("CỤC THUẾ\nSố: 77/CT-CS\nHà Nội, ngày 1 tháng 12 năm 2025\n\nV/v giảm tiền sử dụng đất\n\n"
              "Tại khoản 4 Điều 19 Nghị định số 103/2024/NĐ-CP quy định như sau:\n\n"
              "“4. Giảm tiền sử dụng đất đối với đất ở trong hạn mức giao đất ở đối với người có công với "
              "cách mạng mà thuộc diện được giảm tiền sử dụng đất theo quy định.”\n\n"
              "Căn cứ các quy định nêu trên, việc giảm tiền sử dụng đất không áp dụng đối với trường hợp "
              "giao đất tái định cư khi Nhà nước thu hồi đất.\n")
    from troly.bot.posts.material import units

    texts = [u.text for u in units(read("mem:cv-77", letter)) if not u.heading]
    assert not any("trong hạn mức giao đất ở" in t for t in texts)
    assert "Việc giảm tiền sử dụng đất không áp dụng đối với trường hợp giao đất tái định cư khi Nhà nước " \
           "thu hồi đất." in texts
    assert not _usable_text("Tôi đại diện cho hộ gia đình gồm ……….. nhân khẩu, đề nghị được hỗ trợ đất ở.")
    assert not _usable_text("Họ và tên chủ hộ: .................................... Số định danh cá nhân.")
