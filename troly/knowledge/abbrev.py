"""Abbreviations of Vietnamese public administration, expanded for the lexical index.

Directives write "UBND huyện" in one place and "Ủy ban nhân dân huyện" in another, and people
type "ubmttq". Both the chunks and the queries get the folded words of the expansion added to
their tokens, so either spelling finds the other.
"""
from __future__ import annotations

from troly.vn import folded_syllables

# folded abbreviation -> expansion (as written)
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "Ủy ban nhân dân",
    "hdnd": "Hội đồng nhân dân",
    "ubmttq": "Ủy ban Mặt trận Tổ quốc",
    "mttq": "Mặt trận Tổ quốc",
    "ctxh": "chính trị - xã hội",
    "bch": "Ban Chấp hành",
    "btv": "Ban Thường vụ",
    "bcd": "Ban Chỉ đạo",
    "btg": "Ban Tuyên giáo",
    "khcn": "khoa học và công nghệ",
    "cntt": "công nghệ thông tin",
    "cds": "chuyển đổi số",
    "dmst": "đổi mới sáng tạo",
    "ktxh": "kinh tế - xã hội",
    "tncs": "Thanh niên Cộng sản",
    "lhpn": "Liên hiệp Phụ nữ",
}
_EXPANDED = {k: folded_syllables(v) for k, v in ABBREVIATIONS.items()}

# How people ask (folded) -> the words a directive uses for it; for queries only.
QUERY_PHRASES: dict[str, str] = {
    "gui toi": "nơi nhận",
    "gui den": "nơi nhận",
    "gui cho": "nơi nhận",
    "ai ky": "chữ ký",
    "nguoi ky": "chữ ký",
    "thoi han": "trước ngày",
    "han chot": "trước ngày",
    "han bao cao": "trước ngày",
}
_PHRASES = {tuple(k.split()): folded_syllables(v) for k, v in QUERY_PHRASES.items()}
_PHRASE_LENGTHS = sorted({len(k) for k in _PHRASES})


def query_expansions(folded: list[str]) -> list[list[str]]:
    """Directive wording for question phrases ("gửi tới" -> "nơi nhận"), plus abbreviations."""
    out = expansions(folded)
    for i in range(len(folded)):
        for n in _PHRASE_LENGTHS:
            words = _PHRASES.get(tuple(folded[i:i + n]))
            if words:
                out.append(words)
    return out


def expansions(folded: list[str]) -> list[list[str]]:
    """The folded words of every abbreviation among ``folded`` syllables, in order."""
    return [_EXPANDED[w] for w in folded if w in _EXPANDED]
