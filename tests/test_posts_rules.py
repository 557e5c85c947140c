"""The rules a propaganda officer's post must keep, on constructed documents (posts_fixtures):
audience, the hook's facts, topic match and decline, scan text, the grounding gate, spoken forms."""
from __future__ import annotations

import copy
import re

import pytest
from posts_fixtures import AGRI, AGRI_SOURCE, NOTICE, NOTICE_SOURCE, ListKB, read

from tests.fakes import FakeOpenAI
from troly.bot.posts import templates as T
from troly.bot.grounding import unsupported_attributions
from troly.bot.llm import LLMWriter
from troly.bot.posts.audience import INTERNAL, PUBLIC, core_clause, read as read_sentence
from troly.bot.posts.spoken import number_words, spoken
from troly.bot.posts.gate import gate
from troly.bot.posts.writer import NoMaterial, PostWriter
from troly.vn.text import fold

TOPIC = "khoa học công nghệ trong nông nghiệp"
PROCEDURE = ("tham mưu", "quán triệt", "xây dựng kế hoạch", "báo cáo", "sinh hoạt chi bộ")


@pytest.fixture(scope="module")
def agri():
    return read(AGRI_SOURCE, AGRI)


@pytest.fixture(scope="module")
def notice():
    return read(NOTICE_SOURCE, NOTICE)


@pytest.fixture(scope="module")
def kb(agri, notice):
    return ListKB([agri, notice])


def _points(text: str) -> list[str]:
    return [ln.split(" ", 1)[1] for ln in text.splitlines() if ln[:1] in {"✅", "👉", "🔹", "✔", "▪", "🔸"}]


# --- audience -------------------------------------------------------------------------------

def test_sentence_structure_decides_the_audience():
    goal, tasks, work = ["I. MỤC TIÊU"], ["II. NHIỆM VỤ VÀ GIẢI PHÁP"], ["III. TỔ CHỨC THỰC HIỆN"]
    assert read_sentence("Kịp thời tham mưu, đề xuất các giải pháp tháo gỡ khó khăn.", tasks).kind == INTERNAL
    assert read_sentence("Các chi bộ tổ chức quán triệt nội dung Kế hoạch đến đảng viên.", tasks).kind == INTERNAL
    assert read_sentence("Sở Tài chính xây dựng kế hoạch chi tiết và báo cáo kết quả.", tasks).kind == INTERNAL
    assert read_sentence("Người dân được tập huấn miễn phí về kỹ năng số.", work).kind == PUBLIC  # subject first
    r = read_sentence("Phấn đấu đến năm 2030 có 70% hộ gia đình dùng dịch vụ số.", goal)
    assert r.kind == PUBLIC and r.target
    # the same content sentence under "Tổ chức thực hiện" is the bodies' work, not a message
    assert read_sentence("Rà soát hạ tầng mạng tại các trạm viễn thông.", work).kind == INTERNAL


def test_a_duty_keeps_the_list_of_bodies_it_falls_on():
    """Constructed: "thực hiện nhiệm vụ ..." is the subject's own clause; the duty is "có trách nhiệm".
    Cut before "thực hiện", the duty would fall on no one."""
    t = ("Các cơ quan, tổ chức, đơn vị, cá nhân thực hiện nhiệm vụ phục vụ công tác bầu cử theo quy định tại "
         "Nghị quyết này có trách nhiệm sử dụng kinh phí đúng định mức, đúng đối tượng.")
    assert core_clause(t, read_sentence(t, [])) == t


def test_a_sentence_opening_on_its_basis_is_the_bodies_procedure():
    """Constructed sentences: what rests "Trên cơ sở ..." is the next step of the offices, and cut
    at its semicolon the frame has no clause at all."""
    for s in ("Trên cơ sở ý kiến của cơ quan tài chính, cơ quan quản lý nhà ở hoàn thiện lại tờ trình.",
              "Trên cơ sở tình hình thực hiện các dự án đầu tư năm 2025, Kế hoạch đầu tư công trung hạn."):
        assert read_sentence(s, []).kind == INTERNAL, s
    assert read_sentence("Người dân được tập huấn miễn phí trên cơ sở nhu cầu đăng ký.", []).kind == PUBLIC


def test_a_long_opening_list_of_bodies_is_trimmed_one_body_is_kept():
    long = ("Các sở, ban, ngành, Ủy ban nhân dân các huyện, Mặt trận Tổ quốc và các tổ chức chính trị - "
            "xã hội tập trung hướng dẫn nông dân xây dựng mã số vùng trồng cho các sản phẩm chủ lực.")
    r = read_sentence(long, ["II. NHIỆM VỤ VÀ GIẢI PHÁP"])
    assert r.kind == PUBLIC  # guidance given to farmers
    assert core_clause(long, r) == "Tập trung hướng dẫn nông dân xây dựng mã số vùng trồng cho các sản phẩm chủ lực."
    one = "Sở Khoa học và Công nghệ chủ trì, kịp thời tham mưu các giải pháp tháo gỡ khó khăn."
    assert core_clause(one, read_sentence(one, ["III. TỔ CHỨC THỰC HIỆN"])) == one


@pytest.mark.parametrize("channel", ["zalo", "facebook", "loa"])
def test_citizen_posts_leave_internal_procedure_to_cadre_posts(kb, channel):
    [citizens] = PostWriter(kb).run(TOPIC, channel)
    assert citizens.audience == "dan"
    assert not any(p in citizens.written for p in PROCEDURE)
    [cadres] = PostWriter(kb).run(TOPIC, channel, audience="canbo")
    assert any(p in cadres.written for p in PROCEDURE)
    with pytest.raises(ValueError):
        PostWriter(kb).run(TOPIC, channel, audience="khach")


# --- the hook ------------------------------------------------------------------------------

def test_the_hook_states_type_number_issuer_and_a_target(kb):
    [post] = PostWriter(kb).run("an ninh mạng", "zalo")
    hook = post.text.splitlines()[0]
    assert hook.startswith("📢 Kế hoạch số 88/KH-UBND của Ủy ban nhân dân tỉnh An Hòa")
    assert "về việc phát triển khoa học và công nghệ" in hook
    assert "với mục tiêu" not in hook  # the plan's target is on co-operatives, not on cyber security
    targets = PostWriter(kb)._material("Kế hoạch 88", "dan").targets  # the plan itself: any of its targets
    assert any(t.startswith("Phấn đấu đến năm 2030 có 70% hợp tác xã") for t in targets.values())
    assert _points(post.text) == ["Bảo đảm an ninh mạng, an toàn dữ liệu của hệ thống nhật ký sản xuất "
                                  "điện tử và sàn thương mại điện tử nông sản."]


def test_the_hook_never_attributes_a_document_to_the_wrong_issuer(kb, notice):
    """The notice's citation reads "Tỉnh ủy" while the text says the conclusion is the Ban Thường
    vụ Tỉnh ủy's; no version of the hook may tie Thông báo 512 to another body."""
    for channel in ("zalo", "loa"):
        [post] = PostWriter(kb).run("Thông báo 512", channel)
        assert unsupported_attributions(post.written, [notice.text]) == []
        assert not re.search(r"512\S*\s+(?:về [^.,]*?)?của (?:Ban Thường vụ )?Huyện ủy", post.written)
        # read aloud, the issuer is the subject of the opening sentence (stop 25)
        assert ("Huyện ủy Bình Sơn đã ban hành Kế hoạch" if channel == "loa" else "Kế hoạch của Huyện ủy Bình Sơn") in post.written


# --- topic ---------------------------------------------------------------------------------

@pytest.mark.parametrize("topic", [TOPIC, "khoa học công nghệ nông nghiệp", "KH&CN nông nghiệp",
                                   "an ninh mạng"])
def test_a_covered_topic_is_never_declined_and_every_point_is_on_it(kb, topic):
    [post] = PostWriter(kb).run(topic, "zalo")
    for p in _points(post.text):
        f = fold(p)
        assert ("nong nghiep" in f or "an ninh mang" in f), p


def test_an_uncovered_topic_is_declined_with_covered_topics_suggested(kb):
    with pytest.raises(NoMaterial) as exc:
        PostWriter(kb).run("bảo hiểm y tế học sinh", "facebook")
    msg = str(exc.value)
    assert "Chưa tìm thấy" in msg and ("Chủ đề gần nhất" in msg or "chủ yếu nói về:" in msg)
    near = re.findall(r"“([^”]+)”", msg.split(":")[-1])
    assert near and all(fold(n) in fold(AGRI + NOTICE) for n in near)


# --- clean text only ------------------------------------------------------------------------

def _scan(doc, confidence: float, text: str | None = None):
    """The document as if read from a scan the repair restored (constructed facts)."""
    d = copy.deepcopy(doc)
    d.id, d.source, d.sha256 = d.id + "-scan", d.source + "-scan", "scan" + str(confidence)
    if text is not None:
        d.text = text
    d.facts.repaired, d.facts.repair_confidence, d.facts.damaged = True, confidence, 0.3
    return d


def test_scan_sentences_only_at_high_confidence_and_never_over_clean_text(agri, notice):
    unsure = _scan(notice, 0.6)
    [post] = PostWriter(ListKB([agri, unsure])).run("nông nghiệp công nghệ cao", "zalo")
    assert all(not s.repaired for s in post.sources)  # the unsure scan gave nothing
    sure = _scan(agri, 0.97)  # says the same as the clean plan: the clean plan is quoted
    [post] = PostWriter(ListKB([agri, sure])).run(TOPIC, "zalo")
    assert all(not s.repaired for s in post.sources)
    assert "bản quét" not in post.text


def test_a_scan_number_no_clean_text_confirms_is_not_published(agri):
    slip = AGRI.replace("5. Bảo đảm an ninh mạng", "5. Thực hiện Kế hoạch số 06-KH/PU, bảo đảm an ninh mạng")
    scan = _scan(read("mem:scan-88", slip), 0.97)
    scan.facts.key = scan.facts.number = ""
    with pytest.raises(NoMaterial):
        PostWriter(ListKB([scan])).run("an ninh mạng", "zalo")


# --- the grounding gate -----------------------------------------------------------------------

def test_the_gate_drops_an_unsupported_point_and_rechecks(agri):
    good = T.Point("Người dân được tập huấn miễn phí về ứng dụng công nghệ số.", agri, "q1")
    bad = T.Point("Phấn đấu đến năm 2030 có 95% hợp tác xã ứng dụng công nghệ cao.", agri, "q2")
    wrong = T.Point("Thực hiện Nghị quyết số 57-NQ/TW của Ban Thường vụ Huyện ủy.", agri, "q3")

    def build(hook, pts):
        return "\n".join([hook] + [p.text for p in pts])

    text, pts = gate(build, lambda t: True, ["Kế hoạch số 88/KH-UBND."], [good, bad, wrong], "x")
    assert pts == [good] and "95%" not in text and "Huyện ủy" not in text
    with pytest.raises(NoMaterial):  # nothing supported is left: no post at all
        gate(build, lambda t: True, ["Kế hoạch số 99/KH-UBND."], [bad], "x")


def test_an_llm_post_with_a_wrong_attribution_falls_back_to_the_template(kb):
    [template] = PostWriter(kb).run(TOPIC, "facebook")
    wrong = ("Kế hoạch số 88/KH-UBND thực hiện Nghị quyết số 57-NQ/TW của Ban Thường vụ Huyện ủy [1].\n"
             "- Phấn đấu đến năm 2030 có 70% hợp tác xã nông nghiệp ứng dụng tiến bộ KH&CN [1].\n"
             "Hãy chia sẻ!")
    with FakeOpenAI(content=wrong) as fake:
        [post] = PostWriter(kb, LLMWriter(fake.base_url, "m", api_key="k", timeout=5)).run(TOPIC, "facebook")
        assert "88/KH-UBND" in fake.requests[0].message("user")  # the hook is given to the model
    assert not post.llm and post.text == template.text


# --- spoken forms --------------------------------------------------------------------------

def test_a_state_in_brackets_is_read_as_an_aside_an_alternative_with_or():
    """Constructed: "(sửa đổi)", "(trước đây)" say what state a thing is in; "(tổ)" is another post."""
    assert spoken("Luật Quản lý thuế (sửa đổi) và tỉnh Phú Yên (trước đây) có Thôn (tổ) đội trưởng.") == \
        "Luật Quản lý thuế, sửa đổi, và tỉnh Phú Yên, trước đây, có Thôn hoặc tổ đội trưởng."


def test_numbers_in_words():
    assert [number_words(n) for n in (15, 21, 24, 105, 730, 2024, 2030)] == [
        "mười lăm", "hai mươi mốt", "hai mươi tư", "một trăm linh năm", "bảy trăm ba mươi",
        "hai nghìn không trăm hai mươi tư", "hai nghìn không trăm ba mươi"]
    s = spoken("Đạt 30% và 2,5% trước ngày 15/12/2025; Đại hội XIV; Kế hoạch số 88/KH-UBND; CĐS, KH&CN.")
    assert s == ("Đạt ba mươi phần trăm và hai phẩy năm phần trăm trước ngày mười lăm tháng mười hai năm "
                 "hai nghìn không trăm hai mươi lăm; Đại hội mười bốn; Kế hoạch số tám mươi tám; "
                 "chuyển đổi số, khoa học và công nghệ.")


def test_a_loudspeaker_script_reads_aloud(kb):
    [post] = PostWriter(kb).run(TOPIC, "loa")
    text = post.text
    assert 150 <= len(text.split()) <= 220
    assert not re.search(r"[\d#/%&]", text)
    assert text.startswith(("Kính thưa", "Thưa")) and "bà con" in text[-120:]
    assert "Ủy ban nhân dân tỉnh An Hòa đã ban hành Kế hoạch số tám mươi tám" in text
    assert "bảy mươi phần trăm" in text and "khoa học và công nghệ" in text


def test_all_caps_names_and_titles_take_the_case_the_text_uses():
    from troly.vn.case import issuer_phrase, truecase

    text = ("ỦY BAN NHÂN DÂN TỈNH HÒA AN\n\nPhát động phong trào thi đua bầu cử đại biểu Quốc hội khóa XVI "
            "và đại biểu HĐND các cấp. Tỉnh Hòa An cần thiết phải lấy trọng tâm là nông thôn, trên địa bàn "
            "thành phố Cần Thơ. Ủy ban nhân dân tỉnh giao Sở Khoa học và Công nghệ chủ trì.")
    title = "VỀ PHÁT ĐỘNG THI ĐUA BẦU CỬ ĐẠI BIỂU QUỐC HỘI KHÓA XVI VÀ ĐẠI BIỂU HĐND, TRỌNG TÂM CẦN THƠ"
    assert truecase(title, text) == ("về phát động thi đua bầu cử đại biểu Quốc hội khóa XVI và đại biểu "
                                     "HĐND, trọng tâm Cần Thơ")
    assert issuer_phrase("SỞ KHOA HỌC VÀ CÔNG NGHỆ", text) == "Sở Khoa học và Công nghệ"  # as the text writes it
    assert issuer_phrase("ỦY BAN NHÂN DÂN TỈNH HÒA AN", text) == "Ủy ban nhân dân tỉnh Hòa An"


def test_a_heading_run_into_its_sentence_is_no_target_for_the_hook():
    from troly.vn.case import word_forms
    from troly.bot.posts.library import merged_label

    text = ("Tổng giá trị xuất khẩu tăng. Năm nay tổng giá trị đạt cao, tổng giá trị năm sau đạt hơn. "
            "Sở Khoa học và Công nghệ, Mặt trận Tổ quốc tỉnh An Hòa cùng thực hiện, nâng cao tổng giá trị.")
    forms = word_forms(text)
    assert merged_label("Sản phẩm công nghiệp, tiểu thủ công nghiệp Tổng giá trị xuất khẩu đạt 05 triệu USD.", forms)
    for name in ("Sở Khoa học và Công nghệ chủ trì thực hiện kế hoạch.", "Mặt trận Tổ quốc tỉnh An Hòa phát động."):
        assert not merged_label(name, forms)
    # constructed: a name only its first word capitalizes, which the text writes so again and again
    plan = ("Nghị quyết đại hội lần trước đã đạt. Các đại biểu dự đại hội. Mọi người thi đua chào mừng Đại hội lần thứ XIV của Đảng, "
            "tuyên truyền cổ vũ Đại hội lần thứ XIV. Nghị quyết đại hội được thực hiện.")
    sentence = "Người dân thi đua chào mừng Đại hội lần thứ XIV của Đảng."
    assert not merged_label(sentence, word_forms(plan), plan)
    assert merged_label(sentence, word_forms(plan))


def test_a_topic_only_the_bodies_work_holds_is_declined_for_citizens_naming_its_document(kb):
    """Constructed (AGRI): "sinh hoạt chi bộ" is only in the party cells' task of studying the plan.
    Citizens get no post; the officer is told which document holds it, and the cadre post has it."""
    with pytest.raises(NoMaterial) as exc:
        PostWriter(kb).run("sinh hoạt chi bộ", "zalo")
    msg = str(exc.value)
    assert "chưa có nội dung dành cho người dân" in msg
    assert msg.endswith("Văn bản có nội dung này: Kế hoạch số 88/KH-UBND ngày 05 tháng 3 năm 2025 "
                        "của Ủy ban nhân dân tỉnh An Hòa.")
    [cadres] = PostWriter(kb).run("sinh hoạt chi bộ", "zalo", audience="canbo")
    assert "sinh hoạt chi bộ" in cadres.text


def test_a_short_bulletin_signs_off_with_its_sources_and_never_repeats_a_point(agri):
    """Constructed (AGRI): one point on the topic makes a short script; it names its source with the
    date before the closing, and says no point twice."""
    [post] = PostWriter(ListKB([agri])).run("mã số vùng trồng", "loa")
    text = post.text
    assert "nhắc lại" not in text
    assert ("Bản tin được biên soạn theo Kế hoạch số tám mươi tám ngày năm tháng ba năm hai nghìn không trăm "
            "hai mươi lăm của Ủy ban nhân dân tỉnh An Hòa.") in text
    sentences = [s.strip() for s in re.split(r"[.!]", text) if len(s.split()) > 4]
    assert len(sentences) == len(set(sentences))


def test_a_suggested_topic_never_opens_with_viec():
    """Constructed: a cited letter "... ngày 12/11/2025 về việc chính sách thuế ..." suggests "chính
    sách thuế ...", not "việc chính sách"."""
    from troly.bot.posts.topic import candidates

    letter = read("mem:cv", "CỤC THUẾ\nSố: 12/CT-CS\nHà Nội, ngày 01 tháng 12 năm 2025\n\nV/v trả lời vướng mắc\n\n"
                            "Kính gửi: Thuế tỉnh An Hòa\n\nCục Thuế nhận được công văn số 5106/CT-CS ngày 12/11/2025 "
                            "về việc chính sách thuế thu nhập cá nhân. Cục Thuế trả lời như sau.\n")
    shown = [c.shown for c in candidates([letter])]
    assert "chính sách thuế thu nhập cá nhân" in shown and not any(s.startswith(("việc", "v/v")) for s in shown)


def test_pieces_of_a_phrase_typed_as_one_stand_near_one_another():
    """Constructed: no sentence holds "đăng ký kinh doanh" whole; a sentence with "môi trường kinh
    doanh" and, far after it, "vốn đăng ký" is not on it, one with "đăng ký hộ kinh doanh" is."""
    far = AGRI.replace("3. Doanh nghiệp đầu tư", "3. Cải thiện môi trường kinh doanh, thu hút 20 dự án đầu tư mới với "
                       "tổng vốn đăng ký 7.285 tỷ đồng.\n\n4. Doanh nghiệp đầu tư")
    with pytest.raises(NoMaterial):
        PostWriter(ListKB([read(AGRI_SOURCE, far)])).run("đăng ký kinh doanh", "zalo")
    # typed with a comma between, they are two phrases, each anywhere in the sentence
    [listed] = PostWriter(ListKB([read(AGRI_SOURCE, far)])).run("đăng ký, kinh doanh", "zalo")
    assert "7.285 tỷ đồng" in listed.text
    close = far.replace("Cải thiện môi trường kinh doanh,", "Người dân được hướng dẫn đăng ký hộ kinh doanh trực tuyến,")
    [post] = PostWriter(ListKB([read(AGRI_SOURCE, close)])).run("đăng ký kinh doanh", "zalo")
    assert "đăng ký hộ kinh doanh" in post.text


def test_a_budget_plan_is_the_state_s_own_document():
    """Constructed titles: the state's budget planned or estimated is for cadre posts; a decision that
    cuts what people pay is not."""
    from troly.bot.posts.audience import internal_document

    assert internal_document("TÀI CHÍNH - NGÂN SÁCH NHÀ NƯỚC 03 NĂM 2026 - 2028 TỈNH AN HÒA")
    assert internal_document("Về dự toán ngân sách địa phương năm 2026")
    assert internal_document("Kế hoạch tài chính–ngân sách nhà nước 03 năm 2027 - 2029")  # the dash as typed
    assert not internal_document("Về việc giảm lãi suất cho vay đối với hộ nghèo")
