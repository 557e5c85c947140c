"""How a post reads its documents, on constructed sentences and documents (written for these
tests): no phrase runs across a function word ("quốc gia về đất đai" holds no "giá đất"); a
topic among a run of short clauses or actions is named in passing; a sentence that repeats the
title, only says the text takes effect on signing or only sends the reader to other law is no
point; a task a line below names the body of says whose it is; the opening line
keeps the part of a long title that names the topic, and says whose subject a chained title
ends on; abbreviations are written out for readers and never half lowered ("cSDL")."""
from __future__ import annotations

import pytest
from posts_fixtures import ListKB, read

from troly.bot.posts import NoMaterial, PostWriter
from troly.bot.posts.audience import INTERNAL, PUBLIC, read as read_sentence
from troly.vn.case import lower_first
from troly.bot.posts.hook import hooks
from troly.bot.posts.material import bounded_words, parse_topic
from troly.bot.posts.mention import passing
from troly.bot.posts.phrases import has
from troly.ingest.cleanup import clean
from troly.vn.abbreviations import written_out


def _holds(text: str, topic: str) -> bool:
    return all(has(list(bounded_words(text)), p) for p in parse_topic(topic).phrases)


def test_no_phrase_runs_across_a_function_word():
    assert not _holds("Cơ sở dữ liệu quốc gia về đất đai là nguồn dữ liệu gốc.", "giá đất")
    assert _holds("Công khai bảng giá đất trên cổng thông tin của tỉnh.", "giá đất")
    assert _holds("Phát triển khoa học và công nghệ.", "khoa học công nghệ")  # "và" joins a phrase
    assert not _holds("quoc gia ve dat dai", "gia dat")  # typed without marks


_FILLER = "Các sở, ngành rà soát hồ sơ, báo cáo kết quả thực hiện nhiệm vụ được giao trong tháng {n}."


@pytest.mark.parametrize("topic, text", [
    # short coordinate clauses run on with ";" are one list
    ("phòng chống tham nhũng", "Giữ vững an ninh, quốc phòng; bảo đảm trật tự, an toàn xã hội; đẩy mạnh phòng, "
                               "chống tham nhũng, lãng phí, tiêu cực."),
    # "và" before a verb joins two actions: the phrase's part ends there
    ("an ninh trật tự", "Mọi người dân nêu cao lòng yêu nước, đoàn kết một lòng, ra sức thi đua lao động sản xuất, "
                        "giữ gìn an ninh, trật tự xã hội và bảo vệ môi trường, bảo vệ chủ quyền đất nước."),
])
def test_a_topic_in_a_run_of_short_clauses_or_actions_is_named_in_passing(topic, text):
    assert passing(text, parse_topic(topic).phrases)


def test_a_sentence_about_the_topic_is_not_in_passing():
    text = ("Người dân tố giác hành vi tham nhũng qua đường dây nóng; phòng, chống tham nhũng là trách nhiệm "
            "của cả hệ thống chính trị và của mỗi người dân.")
    assert not passing(text, parse_topic("phòng chống tham nhũng").phrases)


CONCLUSION = """VĂN PHÒNG CHÍNH PHỦ
Số: 901/TB-VPCP
Hà Nội, ngày 10 tháng 11 năm 2025

THÔNG BÁO
Kết luận của Phó Thủ tướng tại buổi làm việc với lãnh đạo tỉnh An Hòa

I. ĐÁNH GIÁ CHUNG
Năm 2025, kinh tế của tỉnh tăng trưởng 8,2%, thu ngân sách đạt 12.000 tỷ đồng.

II. NHIỆM VỤ THỜI GIAN TỚI
1. Người dân được hỗ trợ vay vốn sản xuất với lãi suất ưu đãi 6%/năm.
2. Giữ vững an ninh, quốc phòng; bảo đảm trật tự, an toàn xã hội; đẩy mạnh phòng, chống tham nhũng, lãng phí.
""" + "\n".join(f"{n + 3}. " + _FILLER.format(n=n) for n in range(5)) + """

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Trần Văn Bình
"""


def test_a_topic_a_long_conclusion_names_once_is_declined_as_named_in_passing():
    kb = ListKB([read("mem:thong-bao-901", CONCLUSION)])
    with pytest.raises(NoMaterial, match="lướt qua"):
        PostWriter(kb).run("phòng chống tham nhũng", "zalo")
    [post] = PostWriter(kb).run("vay vốn", "zalo")
    assert "lãi suất ưu đãi 6%/năm" in post.text


@pytest.mark.parametrize("text, kind", [
    ("Quyết định này có hiệu lực thi hành kể từ ngày ký.", INTERNAL),  # no date: nothing to tell
    ("Quyết định này có hiệu lực kể từ ngày 01 tháng 01 năm 2026.", PUBLIC),
])
def test_taking_effect_is_news_only_with_its_date(text, kind):
    assert read_sentence(text, ["Điều 3. Hiệu lực thi hành"]).kind == kind


DECISION = """THỦ TƯỚNG CHÍNH PHỦ
Số: 777/QĐ-TTg
Hà Nội, ngày 03 tháng 12 năm 2025

QUYẾT ĐỊNH
Về việc bổ sung có mục tiêu từ ngân sách trung ương cho ngân sách các địa phương để bảo đảm cơ sở vật chất phục vụ sắp xếp, tổ chức bộ máy, đơn vị hành chính và xây dựng mô hình chính quyền địa phương hai cấp năm 2025

THỦ TƯỚNG CHÍNH PHỦ
QUYẾT ĐỊNH:
Điều 1. Bổ sung 2.615 tỷ đồng cho 27 địa phương để sửa chữa trụ sở, mua sắm trang thiết bị làm việc cho các đơn vị hành chính cấp xã sau sắp xếp.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Hồ Văn Cường
"""


def test_the_opening_line_keeps_the_part_of_a_long_title_that_names_the_topic():
    doc = read("mem:quyet-dinh-777", DECISION)
    keep = tuple(parse_topic("sắp xếp đơn vị hành chính").phrases)
    assert "sắp xếp" not in hooks(doc)[0]  # cut at the word limit, the topic's clause is lost
    assert "phục vụ sắp xếp, tổ chức bộ máy, đơn vị hành chính" in hooks(doc, keep=keep)[0]
    [post] = PostWriter(ListKB([doc])).run("sắp xếp đơn vị hành chính", "zalo")
    assert "2.615 tỷ đồng" in post.text and "hiệu lực" not in post.text


PLAN = """BAN CHẤP HÀNH ĐẢNG BỘ TỈNH AN HÒA
HUYỆN ỦY AN BÌNH
Số: 21-KH/HU
An Bình, ngày 02 tháng 7 năm 2024

KẾ HOẠCH
thực hiện Thông báo số 730-TB/TU về kết luận của Ban Thường vụ Tỉnh ủy về kết quả giám sát việc triển khai thực hiện Nghị quyết số 14-NQ/TU ngày 10/01/2022 của Ban Chấp hành Đảng bộ tỉnh về đẩy mạnh ứng dụng khoa học công nghệ

1. Hỗ trợ hộ nông dân ứng dụng khoa học công nghệ vào sản xuất, nâng giá trị nông sản thêm 10%.
"""


def test_a_chained_title_says_the_subject_is_the_last_document_s():
    [hook, *_] = hooks(read("mem:ke-hoach-21", PLAN))
    assert "Thông báo số 730-TB/TU về việc thực hiện Nghị quyết số 14-NQ/TU về đẩy mạnh ứng dụng" in hook


def test_a_sentence_repeating_the_title_is_no_point():
    text = ("ỦY BAN NHÂN DÂN TỈNH AN HÒA\nSố: 55/QĐ-UBND\nAn Hòa, ngày 05 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n"
            "Về việc công bố danh mục thủ tục hành chính trong lĩnh vực tài nguyên nước\n\n"
            "Điều 1. Công bố kèm theo Quyết định này 12 thủ tục hành chính trong lĩnh vực tài nguyên nước, "
            "giải quyết trong 5 ngày làm việc.\n"
            "Danh mục thủ tục hành chính trong lĩnh vực tài nguyên nước; Phụ lục II.\n")
    [post] = PostWriter(ListKB([read("mem:qd-55", text)])).run("tài nguyên nước", "zalo")
    assert "Phụ lục" not in post.text and "12 thủ tục hành chính" in post.text


def test_abbreviations_are_written_out_and_never_half_lowered():
    assert lower_first("CSDL quốc gia về đất đai") == "CSDL quốc gia về đất đai"
    assert lower_first("Tỷ lệ hộ nghèo") == "tỷ lệ hộ nghèo"
    assert written_out("Theo đó, CSDL quốc gia do UBND tỉnh quản lý") == \
        "Theo đó, cơ sở dữ liệu quốc gia do Ủy ban nhân dân tỉnh quản lý"
    assert written_out("CSDL mới") == "Cơ sở dữ liệu mới"  # a sentence starts with it
    assert written_out("Sở KH&CN chủ trì") == "Sở KH&CN chủ trì"  # a name: its words are capitalized
    assert written_out("Số 12/KH-UBND") == "Số 12/KH-UBND"  # a document number is kept


def test_an_article_named_in_a_wrapped_citation_is_no_heading():
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 777/QĐ-TTg\nHà Nội, ngày 03 tháng 12 năm 2025\n\nQUYẾT ĐỊNH\n"
            "Về việc bổ sung kinh phí cho các địa phương\n\nTHỦ TƯỚNG CHÍNH PHỦ\nQUYẾT ĐỊNH:\n"
            "Điều 1. Bổ sung 2.615 tỷ đồng cho 27 địa phương theo quy định tại\n"
            "Điều 2 Nghị quyết số 196/2025/QH15 ngày 17 tháng 5 năm 2025 của Quốc hội để sửa chữa trụ sở.\n"
            "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n")
    out = clean(text)
    assert "theo quy định tại Điều 2 Nghị quyết số 196/2025/QH15" in out
    assert "\nĐiều 2. Quyết định này" in out


def test_a_sentence_that_only_sends_to_other_law_is_no_point():
    from troly.bot.posts.material import Unit, content_words, usable
    def ok(text: str) -> bool:
        return usable(Unit("d", 0, len(text), text, text, False, content_words(text)))
    assert not ok("Thẩm quyền cấp, điều chỉnh và thu hồi giấy phép xây dựng đối với công trình viễn thông thực "
                  "hiện theo quy định và phân cấp quản lý của pháp luật về xây dựng.")
    assert ok("Giấy phép xây dựng nhà ở riêng lẻ được cấp trong 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")


TASKS = """HUYỆN ỦY AN BÌNH
Số: 22-KH/HU
An Bình, ngày 02 tháng 7 năm 2024

KẾ HOẠCH
Phát triển khoa học công nghệ trên địa bàn huyện

II. NHIỆM VỤ, GIẢI PHÁP
5. Huy động nguồn lực đầu tư cho hoạt động nghiên cứu khoa học tại địa phương, hỗ trợ nông dân ứng dụng giống mới.
- UBND huyện chủ trì, phối hợp với các cơ quan, ban ngành tiếp tục thực hiện đến năm 2025.
"""


def test_a_task_whose_body_a_line_below_names_says_whose_it_is():
    [post] = PostWriter(ListKB([read("mem:ke-hoach-22", TASKS)])).run("nghiên cứu khoa học", "zalo")
    assert "Ủy ban nhân dân huyện huy động nguồn lực đầu tư cho hoạt động nghiên cứu khoa học" in post.text


def test_a_point_reads_without_its_legal_pedigree():
    from troly.bot.posts.material import clean
    text = ("Bổ sung cho 27 địa phương số tiền 2.615 tỷ đồng (hai nghìn sáu trăm mười lăm tỷ đồng) theo quy định "
            "tại Điều 2 Nghị quyết số 196/2025/QH15 ngày 17 tháng 05 năm 2025 của Quốc hội để sửa chữa trụ sở "
            "như đề nghị của Bộ Tài chính tại văn bản nêu trên (chi tiết theo Phụ lục đính kèm).")
    assert clean(text) == "Bổ sung cho 27 địa phương số tiền 2.615 tỷ đồng để sửa chữa trụ sở."


DISPATCH = """THỦ TƯỚNG CHÍNH PHỦ
Số: 901/CĐ-TTg
Hà Nội, ngày 20 tháng 11 năm 2025

CÔNG ĐIỆN
Về việc cứu trợ Nhân dân vùng lũ tỉnh An Hòa

1. Bộ trưởng Bộ Quốc phòng chỉ đạo các đơn vị quân đội hỗ trợ Nhân dân dọn dẹp nhà cửa sau lũ. Bố trí máy bay trực thăng thả hàng cứu trợ cho người dân vùng bị cô lập.
2. Bộ Quốc phòng báo cáo Thủ tướng Chính phủ kết quả thực hiện trước ngày 30 tháng 11 năm 2025.

THỦ TƯỚNG
Phạm Văn An

[1] Thủ tướng Chính phủ đã phân công 3 đồng chí Phó Thủ tướng đi kiểm tra tình hình cứu trợ Nhân dân.
"""


def test_a_later_clause_of_an_item_is_its_body_s_and_footnotes_give_no_points():
    [post] = PostWriter(ListKB([read("mem:cong-dien-901", DISPATCH)])).run("cứu trợ", "zalo")
    assert "Bộ trưởng Bộ Quốc phòng bố trí máy bay trực thăng thả hàng cứu trợ" in post.text
    assert "3 đồng chí" not in post.text  # a footnote on what was done before


@pytest.mark.parametrize("written, said", [
    ("Thôn (tổ) đội trưởng được hưởng phụ cấp.", "Thôn hoặc tổ đội trưởng được hưởng phụ cấp."),
    ("Phát triển Internet vạn vật (IoT) tại các khu công nghiệp.", "Phát triển Internet vạn vật tại các khu công nghiệp."),
])
def test_brackets_read_aloud_as_an_alternative_and_never_twice(written, said):
    from troly.bot.posts.spoken import spoken
    assert spoken(written) == said


def test_an_abbreviation_in_brackets_after_its_words_is_dropped_and_entry_and_exit_is_one_topic():
    assert written_out("tại các khu công nghiệp (KCN) trên địa bàn") == "tại các khu công nghiệp trên địa bàn"
    assert written_out("sản phẩm tại các (KCN) trên địa bàn") == "sản phẩm tại các khu công nghiệp trên địa bàn"
    assert _holds("Người nước ngoài nhập cảnh, xuất cảnh bằng thị thực điện tử qua 41 cửa khẩu.", "xuất nhập cảnh")


def test_a_bare_list_number_is_joined_to_its_heading():
    from troly.ingest.cleanup import join_split_headings
    assert join_split_headings(["9.", "", "Bộ Chỉ huy Quân sự tỉnh", "", "- Thực hiện tốt nhiệm vụ."]) == \
        ["9. Bộ Chỉ huy Quân sự tỉnh", "", "- Thực hiện tốt nhiệm vụ."]


@pytest.mark.parametrize("text, topic, agrees", [
    ("Theo dõi diễn biến tình hình ma túy trên địa bàn.", "điện", False),
    ("Bảo đảm an toàn điện cho người dân.", "điện", True),
    ("Vẽ sơ đồ vị trí nhạc tang.", "sổ đỏ", False),
    ("Theo dõi diễn biến tình hình.", "dien", True),  # typed without marks: folded as ever
    ("Giu gin an ninh trat tu.", "điện", True),  # a scan read without marks
    ("Hoà giải ở cơ sở.", "hòa giải", True),  # the tone on either vowel
])
def test_a_topic_typed_with_its_marks_matches_only_where_they_agree(text, topic, agrees):
    from troly.bot.posts.phrases import marks_agree
    assert marks_agree(text, topic, parse_topic(topic).phrases[0]) is agrees


def test_a_heading_run_into_its_list_mark_is_no_point():
    from troly.bot.posts.material import Unit, clean, content_words, usable
    text = clean("Đối với vùng nuôi trồng thủy sản nước ngọt a.")
    assert not usable(Unit("d", 0, len(text), text, text, False, content_words(text)))
    assert clean("Tổ chức hội nghị phổ biến quy định mới cho người nuôi trồng thủy sản,....") == \
        "Tổ chức hội nghị phổ biến quy định mới cho người nuôi trồng thủy sản."


def test_a_citation_whose_issuer_the_aside_cannot_bound_is_left_whole():
    """Constructed: a provincial council's resolution cited; cutting up to its number would leave
    "của Hội đồng nhân dân tỉnh ..." hanging, so the sentence keeps the citation."""
    from troly.bot.posts.material import clean
    text = ("Hỗ trợ 500.000 đồng mỗi hộ theo quy định tại Nghị quyết số 12/2024/NQ-HĐND ngày 01 tháng 02 năm 2024 "
            "của Hội đồng nhân dân tỉnh An Hòa để sửa nhà.")
    assert clean(text) == text


@pytest.mark.parametrize("text, kind", [
    # a grant, its verb first, with a rate or a sum: what someone gets
    ("Hỗ trợ 100% học phí cho học sinh đạt giải quốc gia.", PUBLIC),
    ("Hỗ trợ 2.000.000 đồng/người cho lao động đi làm việc ở nước ngoài.", PUBLIC),
    ("Miễn lệ phí trước bạ cho hộ nghèo khi đăng ký xe máy lần đầu.", PUBLIC),
    # cadres' allowances are theirs
    ("Hỗ trợ cán bộ, công chức cấp xã 500.000 đồng/người/tháng.", INTERNAL),
])
def test_a_grant_with_its_amount_speaks_to_people(text, kind):
    assert read_sentence(text, ["Điều 3. Nội dung hỗ trợ", "2. Mức hỗ trợ"]).kind == kind


@pytest.mark.parametrize("text", [
    "Giảm 20% số vụ tai nạn giao thông so với năm 2025.",  # a count cut, a target: not a fee waived
    "Hỗ trợ các xã xây dựng 20 phòng học.",  # a number, no rate or sum
])
def test_a_cut_or_a_count_is_no_grant(text):
    assert read_sentence(text, ["Điều 3. Nội dung hỗ trợ"]).kind != PUBLIC


# Constructed for this test: a council resolution whose conditions come before its amounts.
GRANT = """HỘI ĐỒNG NHÂN DÂN TỈNH AN HÒA
Số: 12/2025/NQ-HĐND
An Hòa, ngày 05 tháng 12 năm 2025

NGHỊ QUYẾT
Quy định chính sách hỗ trợ học sinh giỏi trên địa bàn tỉnh An Hòa

Điều 1. Điều kiện hỗ trợ

Học sinh giỏi được hỗ trợ phải đang học tại trường trung học phổ thông trên địa bàn tỉnh và không vi phạm kỷ luật trong năm học.

Điều 2. Mức hỗ trợ

Hỗ trợ 100% học phí cho học sinh giỏi đạt giải quốc gia trong năm học.
"""


def test_a_citizen_post_on_a_support_policy_tells_the_amount_first():
    post = PostWriter(ListKB([read("mem:nq-12", GRANT)])).run("học sinh giỏi", "zalo")[0]
    points = [line for line in post.text.splitlines() if line.startswith("✅")]
    assert points[0] == "✅ Hỗ trợ 100% học phí cho học sinh giỏi đạt giải quốc gia trong năm học."


def test_a_word_written_only_after_a_sentence_s_capital_keeps_its_case_there():
    from troly.vn.case import truecase

    # "hành" is lower case in "Ban hành ..." (a sentence start) though a name writes "Hành chính" twice
    text = ("Ban hành kèm theo Quyết định này danh mục. Nộp tại Trung tâm Phục vụ Hành chính công tỉnh. "
            "Trả kết quả tại Trung tâm Phục vụ Hành chính công xã.")
    assert truecase("VỀ VIỆC BAN HÀNH DANH MỤC", text) == "về việc ban hành danh mục"


def test_a_negating_word_between_a_phrase_s_words_is_no_match():
    from troly.bot.posts.phrases import near

    assert not near("thue su dung dat phi nong nghiep".split(), ("dat", "nong", "nghiep"))
    assert near("dat san xuat nong nghiep".split(), ("dat", "nong", "nghiep"))  # a qualifier is fine


# Constructed: a tax office's reply to one company's letter.
REPLY = """CỤC THUẾ TỈNH AN HÒA
Số: 1201/CT-QLDN
V/v chính sách thuế đối với khoản vay của cổ đông
An Hòa, ngày 02 tháng 12 năm 2025

Kính gửi: Công ty Cổ phần Nước giải khát An Hòa

Cục Thuế nhận được công văn số 15/2025/CV-NGK ngày 17/11/2025 của Công ty Cổ phần Nước giải khát An Hòa về chính sách thuế đối với khoản vay của cổ đông. Về vấn đề này, Cục Thuế có ý kiến như sau:

Trường hợp Công ty vay tiền của cổ đông là cá nhân với lãi suất 0% thì thuộc trường hợp ấn định thuế theo quy định.
"""


def test_a_letter_to_one_company_is_no_post_for_citizens_but_is_for_cadres():
    kb = ListKB([read("mem:cv-1201", REPLY)])
    with pytest.raises(NoMaterial) as declined:
        PostWriter(kb).run("cổ đông", "zalo")
    assert "gửi riêng một doanh nghiệp" in str(declined.value)
    assert "1201/CT-QLDN" in PostWriter(kb).run("cổ đông", "zalo", audience="canbo")[0].text


LONG_TITLE = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 41/2025/QĐ-UBND
An Hòa, ngày 24 tháng 11 năm 2025

QUYẾT ĐỊNH
Ban hành Quy trình rà soát đối tượng, quy định đối tượng ưu tiên thực hiện Dự án 1, Dự án 2 Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021-2030, giai đoạn I: từ năm 2021 đến năm 2025 trên địa bàn tỉnh An Hòa

Điều 1. Ban hành kèm theo Quyết định này Quy trình rà soát đối tượng.
"""


def test_a_title_too_long_for_the_line_is_cut_before_a_tail_not_after_its_first_clause():
    """Constructed: 45 words before the first tail (" giai đoạn "); the opening line keeps what the
    process is for rather than "ban hành Quy trình rà soát đối tượng" alone."""
    doc = read("mem:quyet-dinh-41", LONG_TITLE)
    assert hooks(doc)[0].endswith("về ban hành Quy trình rà soát đối tượng, quy định đối tượng ưu tiên thực hiện "
                                  "Dự án 1, Dự án 2 Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng "
                                  "đồng bào dân tộc thiểu số và miền núi giai đoạn 2021-2030.")


COORDINATED = """HỘI ĐỒNG NHÂN DÂN TỈNH AN HÒA
Số: 82/2025/NQ-HĐND
An Hòa, ngày 24 tháng 11 năm 2025

NGHỊ QUYẾT
Về việc quy định nội dung chi, mức chi, thời gian hỗ trợ kinh phí phục vụ bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031 của tỉnh An Hòa

Điều 1. Mức chi hỗ trợ tổ bầu cử là 500.000 đồng/người.
"""


def test_a_kept_topic_carries_the_title_to_the_end_of_its_clause_not_to_its_and():
    """Constructed: cut at "và", the resolution would cover the National Assembly election only."""
    doc = read("mem:nq-82", COORDINATED)
    keep = tuple(parse_topic("kinh phí bầu cử").phrases)
    assert "bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp" in hooks(doc, keep=keep)[0]
