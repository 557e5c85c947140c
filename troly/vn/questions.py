"""The frame of a question, as opposed to its topic.

"Khoa học và công nghệ được các văn bản xác định là gì?" asks about *khoa học và công nghệ*;
"được các văn bản xác định là gì" only shapes the question. Those frame words are rare enough in
directives ("xác định", "văn bản") that BM25 ranks passages holding them above the passages on the
topic, so retrieval reads the topic alone. The patterns run on the length-preserving fold
(``fold_chars``), so a span found there is the same span in the text as typed.

``asks_for_documents`` tells a question that wants documents ("có những văn bản nào về ...")
from one that wants a passage.
"""
from __future__ import annotations

import re

from troly.vn.text import fold, fold_chars

# Function and question words. A query's single syllables among these carry no topic (its
# syllable pairs keep them: "khoa học và công nghệ" still matches as a phrase). Words whose fold
# is a common content syllable are left out: "bị" (bí thư), "chứ" (chủ trì), "hả" (hạ tầng).
FUNCTION_WORDS = frozenset(
    """à ạ ai bằng bởi các cho chưa có còn của cũng đã đang để đến đều đi đó được gì gồm hay hãy khi
    không là mà mỗi một nào này nếu những nhưng ở qua ra rằng rất rồi sẽ sau thì trong và vào về
    vì với vậy như nhé ơi sao""".split()
)
FUNCTION_WORDS_FOLDED = frozenset(fold(w) for w in FUNCTION_WORDS)

# Each pattern is a frame: words about the documents or the question itself, never the topic.
_FRAMES = [
    # "(có) những/các văn bản (nào)", "theo văn bản", "trong tài liệu"; not "số hóa văn bản"
    r"\b(?:co\s+)?(?:cac|nhung|theo|trong|tai)\s+(?:cac\s+|nhung\s+)?(?:van ban|tai lieu)(?:\s+(?:nao|gi|nay|do|hien co|da nap))?\b",
    r"\b(?:van ban|tai lieu)\s+(?:nao|gi)\b",
    # "... trong cơ sở dữ liệu / hệ thống?" at the end: where to look, not what
    r"\b(?:trong|tren|o)\s+(?:co so du lieu|he thong|kho van ban)\s*[?.!]*\s*$",
    # "được ... xác định / định nghĩa / coi là gì", "hiểu như thế nào"
    r"\b(?:duoc\s+)?(?:xac dinh|dinh nghia|coi|hieu|nhan dinh|danh gia)\s+(?:la\s+gi|nhu the nao|ra sao|the nao|la)\b",
    r"\bla\s+gi\b",
    r"\b(?:nhu the nao|ra sao|the nao)\b",
]
_FRAME = re.compile("|".join(f"(?:{p})" for p in _FRAMES))
_DOCUMENTS = re.compile(
    r"\b(?:van ban|tai lieu)\s+(?:nao|gi)\b|\b(?:danh sach|liet ke)\s+(?:cac\s+|nhung\s+)?(?:van ban|tai lieu)\b"
    r"|\bbao nhieu\s+(?:van ban|tai lieu)\b|\bnhung\s+(?:van ban|tai lieu)\b"
)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def frame_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` that are question frame, not topic."""
    return [m.span() for m in _FRAME.finditer(fold_chars(text))]


def topic_text(text: str) -> str:
    """``text`` with its frame blanked out; ``text`` itself when the frame is all there is."""
    spans = frame_spans(text)
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    rest = "".join(chars)
    return rest if len(_LETTER.findall(rest)) >= 4 else text


def asks_for_documents(text: str) -> bool:
    """Does the question ask which documents (a list), rather than what they say?"""
    return bool(_DOCUMENTS.search(fold_chars(text)))
