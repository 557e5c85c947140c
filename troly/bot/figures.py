"""Figures in a text: does it give the quantity a question asks for (a budget, a count)?"""
from __future__ import annotations

import re

from troly.vn.text import fold

_MONEY = re.compile(r"\d[\d.,]*\s*(ty|trieu|nghin|ngan)?\s*(dong|vnd)\b")
_PERCENT = re.compile(r"\d[\d.,]*\s*(%|phan tram)")
_COUNT = re.compile(r"\d[\d.,]*\s+(nguoi|can bo|lop|hoi nghi|tin|bai|doanh nghiep|xa|phuong)\b")


def has_figure(text: str, quantity: str) -> bool:
    """Whether ``text`` states a figure of the kind ``quantity`` asks for ("bao nhieu ty", "kinh phi")."""
    f = fold(text)
    q = fold(quantity)
    if any(w in q for w in ("ty", "trieu", "dong", "kinh phi", "ngan sach", "tien")):
        return bool(_MONEY.search(f))
    if "phan tram" in q or "%" in q:
        return bool(_PERCENT.search(f))
    return bool(_COUNT.search(f))
