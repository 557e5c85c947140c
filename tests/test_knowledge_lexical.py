"""Lexical tokens and the BM25 index: diacritics, abbreviations, persistence."""
from __future__ import annotations

import numpy as np

from troly.knowledge.lexical import LexicalIndex, doc_tokens, query_tokens

TEXTS = [
    "Hạn báo cáo kết quả thực hiện Nghị quyết 57 là trước ngày 15/5/2025.",
    "UBND huyện chủ trì, phối hợp với các cơ quan liên quan.",
    "Ủy ban Mặt trận Tổ quốc tăng cường giám sát, phản biện xã hội.",
    "Nơi nhận: Thường trực Tỉnh ủy; Ban Tuyên giáo Tỉnh ủy; Lưu Văn phòng.",
]


def best(index: LexicalIndex, query: str) -> int:
    scores = index.scores(query)
    assert scores.max() > 0, query
    return int(np.argmax(scores))


def test_query_tokens_depend_on_diacritics():
    with_marks = query_tokens("hạn báo cáo")
    without = query_tokens("han bao cao")
    assert "hạn" in with_marks and "~han bao" in with_marks
    assert all(t.startswith("~") for t in without)
    assert set(without) <= set(with_marks)
    assert "~bao cao" in doc_tokens("Báo cáo")


def test_folded_and_accented_queries_agree():
    index = LexicalIndex.build([str(i) for i in range(len(TEXTS))], TEXTS, 1)
    for accented, plain in [("hạn báo cáo nghị quyết 57", "han bao cao nghi quyet 57"),
                            ("giám sát phản biện", "giam sat phan bien")]:
        assert best(index, accented) == best(index, plain)
    assert best(index, "han bao cao nghi quyet 57") == 0


def test_abbreviations_meet_their_expansions():
    index = LexicalIndex.build([str(i) for i in range(len(TEXTS))], TEXTS, 1)
    assert best(index, "ủy ban nhân dân huyện") == 1  # the text says "UBND"
    assert best(index, "ubmttq giam sat") == 2  # the text spells it out


def test_question_phrases_reach_directive_wording():
    index = LexicalIndex.build([str(i) for i in range(len(TEXTS))], TEXTS, 1)
    assert best(index, "văn bản được gửi tới đâu") == 3  # "gửi tới" -> "nơi nhận"


def test_unknown_words_score_nothing_and_empty_index_is_safe():
    index = LexicalIndex.build(["a"], ["một hai ba"], 1)
    assert index.scores("xyzzy").max() == 0
    assert len(LexicalIndex.build([], [], 0).scores("một")) == 0


def test_save_and_load_round_trip(tmp_path):
    index = LexicalIndex.build(["a", "b"], TEXTS[:2], 7)
    index.save(tmp_path / "bm25")
    loaded = LexicalIndex.load(tmp_path / "bm25")
    assert loaded.generation == 7 and loaded.ids == ["a", "b"]
    assert np.allclose(loaded.scores("ubnd chủ trì"), index.scores("ubnd chủ trì"))
    index2 = LexicalIndex.build(["c"], TEXTS[2:3], 8)
    index2.save(tmp_path / "bm25")  # replaced whole, never mixed
    assert LexicalIndex.load(tmp_path / "bm25").ids == ["c"]
    (tmp_path / "bm25" / "troly.json").write_text("{broken")
    assert LexicalIndex.load(tmp_path / "bm25") is None


def test_function_words_count_only_inside_pairs():
    tokens = query_tokens("khoa học và công nghệ được xác định")
    assert "và" not in tokens and "~va" not in tokens and "được" not in tokens and "~duoc" not in tokens
    assert "~hoc va" in tokens and "~va cong" in tokens  # the phrase still matches as pairs
    assert "khoa" in tokens and "~cong nghe" in tokens
