"""Figures in a text: does it give the quantity a question asks for (a budget, a count)?"""
from __future__ import annotations

import re

from troly.vn.text import fold

_MONEY = re.compile(r"\d[\d.,]*\s*(ty|trieu|nghin|ngan)?\s*(dong|vnd)\b")
_PERCENT = re.compile(r"\d[\d.,]*\s*(%|phan tram)")
_COUNT = re.compile(r"\d[\d.,]*\s+(nguoi|can bo|lop|hoi nghi|tin|bai|doanh nghiep|xa|phuong)\b")


_ASKED = re.compile(r"^(?:bao nhieu|may)\s+(?P<noun>[a-z]+(?: [a-z]+)?)$")


def has_figure(text: str, quantity: str) -> bool:
    """Whether ``text`` states a figure of the kind ``quantity`` asks for ("bao nhieu ty", "kinh phi",
    "bao nhieu chi bo": a number before that noun)."""
    return figure_in_folded(fold(text), quantity)


def figure_in_folded(f: str, quantity: str) -> bool:
    """``has_figure`` on text already folded (``Library.folded`` keeps each document's)."""
    q = fold(quantity)
    if any(w in q.split() for w in ("ty", "trieu", "dong", "tien", "thuong")) or any(
            w in q for w in ("kinh phi", "ngan sach", "ho tro", "muc chi")):
        return bool(_MONEY.search(f))
    if "phan tram" in q or "%" in q:
        return bool(_PERCENT.search(f))
    if _COUNT.search(q + " "):
        return bool(_COUNT.search(f))
    if not re.match(r"(?:bao nhieu|may)\b", q) and not _COUNT.search(q + " "):
        # a figure named ("lương cơ sở", "mức thu phí thẩm định ..."): its head (a Vietnamese noun
        # phrase opens with it), then a number within the paragraph
        head = " ".join(q.split()[:2])
        return bool(re.search(rf"\b{re.escape(head)}\b[^\n]{{0,200}}?\d", f))
    m = _ASKED.match(q)
    if m:
        noun = m.group("noun").split()
        # "15 chi bộ", "03 chi bộ trực thuộc": the noun (or its first word) after a number
        # not a list label: "2. Các chi bộ ..." states no count
        return bool(re.search(rf"(?<![\d.])\d+(?:[.,]\d+)*\s+(?:cac\s+)?{re.escape(noun[0])}\b", f))
    return bool(_COUNT.search(f))
