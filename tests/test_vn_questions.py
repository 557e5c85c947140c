"""Question frames: what retrieval reads as the topic, and when a question wants documents."""
from __future__ import annotations

import pytest

from troly.vn.questions import FUNCTION_WORDS_FOLDED, asks_for_documents, frame_spans, topic_text


@pytest.mark.parametrize("question, topic", [
    ("Khoa học và công nghệ được các văn bản xác định là gì?", "khoa học và công nghệ"),
    ("khoa hoc va cong nghe duoc cac van ban xac dinh la gi", "khoa hoc va cong nghe"),
    ("Chuyển đổi số được hiểu như thế nào theo văn bản này?", "chuyển đổi số"),
    ("Có những văn bản nào về an ninh mạng trong cơ sở dữ liệu?", "an ninh mạng"),
])
def test_topic_keeps_the_topic_and_drops_the_frame(question, topic):
    kept = " ".join(topic_text(question).replace("?", " ").split()).lower()
    assert topic in kept
    for frame_word in ("văn bản", "van ban", "là gì", "la gi", "cơ sở dữ liệu", "như thế nào"):
        assert frame_word not in kept


def test_frame_spans_are_offsets_into_the_text_as_typed():
    q = "Nghị quyết   57 được các văn bản xác định là gì?"  # runs of spaces keep offsets honest
    spans = frame_spans(q)
    assert spans and all(q[a:b].strip() for a, b in spans)
    assert any("văn bản" in q[a:b] for a, b in spans)
    assert all("57" not in q[a:b] for a, b in spans)


def test_content_words_named_like_frames_are_kept():
    # "văn bản" as the topic (not "các văn bản ..."), and "cơ sở dữ liệu" mid-question
    assert "số hóa văn bản" in topic_text("Kế hoạch số hóa văn bản của huyện")
    assert "cơ sở dữ liệu" in topic_text("Ai xây dựng cơ sở dữ liệu dân cư?")


def test_a_question_that_is_all_frame_is_left_alone():
    assert topic_text("Có những văn bản nào?") == "Có những văn bản nào?"


@pytest.mark.parametrize("question, wanted", [
    ("Có những văn bản nào về khoa học, công nghệ?", True),
    ("co nhung van ban nao ve chuyen doi so", True),
    ("Liệt kê các văn bản về Kết luận 69", True),
    ("Bao nhiêu văn bản nói về chuyển đổi số?", True),
    ("Văn bản nào đặt thời hạn báo cáo?", True),
    ("Nghị quyết 57 ban hành ngày nào?", False),
    ("Ban Tuyên giáo phải làm gì?", False),
    ("Kế hoạch số hóa văn bản của huyện", False),
])
def test_asks_for_documents(question, wanted):
    assert asks_for_documents(question) is wanted


def test_function_words_do_not_swallow_content_syllables():
    # folded "bí thư", "chủ trì", "hạ tầng", "trên nền tảng" must still count as words
    for syllable in ("bi", "chu", "ha", "tren", "bao", "may", "the"):
        assert syllable not in FUNCTION_WORDS_FOLDED
    assert {"duoc", "cac", "la", "gi", "nhung", "va"} <= FUNCTION_WORDS_FOLDED

