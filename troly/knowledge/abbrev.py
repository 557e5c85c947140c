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


def expansions(folded: list[str]) -> list[list[str]]:
    """The folded words of every abbreviation among ``folded`` syllables, in order."""
    return [_EXPANDED[w] for w in folded if w in _EXPANDED]
