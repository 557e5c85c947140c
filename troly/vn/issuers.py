"""A body's full name from its header: the issuer line and the superior bodies printed above it.

A header prints a body under its superior ("BAN CHẤP HÀNH TRUNG ƯƠNG" over "BAN TUYÊN GIÁO VÀ
DÂN VẬN"; "UBND THÀNH PHỐ HÀ NỘI" over "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"). Said alone, the
lower line names a body of every province ("Ban Tuyên giáo và Dân vận" is also a Tỉnh ủy's).
Vietnamese names such a body by the convention of its system:
- a committee of the Party Central Committee is "... Trung ương" (the Office: "Văn phòng Trung
  ương Đảng");
- a committee or office of a Tỉnh ủy, Huyện ủy, Đảng ủy carries that committee's name ("Ban
  Tuyên giáo Tỉnh ủy Sóc Trăng");
- a department or centre under a People's Committee carries its place ("Sở Công Thương tỉnh Gia
  Lai", "Trung tâm Phục vụ hành chính công thành phố Hà Nội").
A body under a ministry ("Cục Thuế" under "BỘ TÀI CHÍNH") is named alone, as its own letters
name it. Pure functions; names stay as printed (capitals), a caller cases them.
"""
from __future__ import annotations

import re

from troly.vn.bodies import LEVEL_WORDS
from troly.vn.text import fold

_CENTRAL = "ban chap hanh trung uong"
# bodies of a Party committee named with it (folded heads)
_PARTY_UNITS = ("ban ", "van phong", "uy ban kiem tra")
# a Party committee that owns such units: "TỈNH ỦY SÓC TRĂNG", "ĐẢNG ỦY XÃ ..."
_PARTY_COMMITTEE = re.compile(r"^(?:tinh|thanh|huyen|quan|thi|dang) uy\b")
# a People's Committee and the place it governs: "UBND TỈNH GIA LAI" -> "TỈNH GIA LAI"
_PEOPLES_COMMITTEE = re.compile(rf"^(?:uy ban nhan dan|ubnd)\s+(?={LEVEL_WORDS}\b)")
# the level words that open a place: a name already holding one needs none added
_PLACE_WORD = re.compile(rf"\b(?:{LEVEL_WORDS}|trung uong)\b")


def full_name(issuer: str, parents: list[str]) -> str:
    """``issuer`` named as its system names it, given the bodies printed above it (nearest last)."""
    if not issuer or not parents:
        return issuer
    parent = parents[-1]
    low, up = fold(issuer), fold(parent)
    if up.startswith(_CENTRAL):
        if low.startswith("van phong") and "trung uong" not in low:
            return f"{issuer} TRUNG ƯƠNG ĐẢNG"
        if low.startswith(_PARTY_UNITS) and "trung uong" not in low:
            return f"{issuer} TRUNG ƯƠNG"
        return issuer
    if _PARTY_COMMITTEE.match(up) and low.startswith(_PARTY_UNITS) and up not in low:
        return f"{issuer} {parent}"
    m = _PEOPLES_COMMITTEE.match(up)
    if m and not _PLACE_WORD.search(low) and not low.startswith(("uy ban", "ubnd", "hoi dong")):
        return f"{issuer} {' '.join(parent.split()[len(m.group(0).split()):])}"
    return issuer
