"""Abbreviations of Vietnamese public administration: one table for search and answers.

Directives write "UBND huyện" in one place and "Ủy ban nhân dân huyện" in another, and people
type "ubmttq". Everything that compares agencies or indexes text expands them through here.
"""
from __future__ import annotations

import re

from troly.vn.text import folded_syllables

# folded abbreviation -> expansion (as written)
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "Ủy ban nhân dân",
    "hdnd": "Hội đồng nhân dân",
    "ubmttqvn": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "ubmttq": "Ủy ban Mặt trận Tổ quốc",
    "mttq": "Mặt trận Tổ quốc",
    "ctxh": "chính trị - xã hội",
    "ct-xh": "chính trị - xã hội",
    "bch": "Ban Chấp hành",
    "btv": "Ban Thường vụ",
    "bcd": "Ban Chỉ đạo",
    "btg": "Ban Tuyên giáo",
    "khcn": "khoa học và công nghệ",
    "kh&cn": "khoa học và công nghệ",
    "cntt": "công nghệ thông tin",
    "cds": "chuyển đổi số",
    "dmst": "đổi mới sáng tạo",
    "ktxh": "kinh tế - xã hội",
    "tncs": "Thanh niên Cộng sản",
    "lhpn": "Liên hiệp Phụ nữ",
}
# Everyday names for the same bodies (folded phrase -> folded words a directive uses).
SYNONYMS: dict[str, str] = {
    "doan the": "to chuc chinh tri xa hoi",
}
_EXPANDED = {k: folded_syllables(v) for k, v in ABBREVIATIONS.items()}
_FOLDED = {**{k: " ".join(v) for k, v in _EXPANDED.items()}, **SYNONYMS}
_RX = re.compile(r"(?<![\w&-])(" + "|".join(re.escape(k) for k in sorted(_FOLDED, key=len, reverse=True)) + r")(?![\w&-])")


def expand_abbreviations(folded: str) -> str:
    """"ubmttq va doan the" -> "uy ban mat tran to quoc va to chuc chinh tri xa hoi" (folded in, folded out)."""
    return _RX.sub(lambda m: _FOLDED[m.group(1)], folded)


def expansions(folded: list[str]) -> list[list[str]]:
    """The folded words of every abbreviation among ``folded`` syllables, in order."""
    return [_EXPANDED[w] for w in folded if w in _EXPANDED]
