"""Dates as Vietnamese documents write them.

``ngày 03 tháng 4 năm 2025``, ``22/12/2024``, ``ngày   tháng 5 năm 2024`` (a blank day:
the document was printed before it was dated), ``đến năm 2025``, ``trước ngày 15/5/2025``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from troly.vn.text import fold_chars


@dataclass(frozen=True)
class FoundDate:
    iso: str  # "2025-04-03", "2024-05" (blank day) or "2025" (a year only)
    text: str  # as written
    start: int
    end: int

    def as_date(self) -> date | None:
        parts = self.iso.split("-")
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        return None


_LONG = re.compile(
    r"ngay\s*(?P<d>\d{1,2})?\s*thang\s*(?P<m>\d{1,2})\s*nam\s*(?P<y>(?:19|20)\d{2})", re.I
)
_SLASH = re.compile(r"(?<![\d/])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>(?:19|20)\d{2})(?![\d/])")
_DASH = re.compile(r"(?<![\d-])(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>(?:19|20)\d{2})(?![\d-])")
_YEAR = re.compile(r"\bnam\s+(?P<y>(?:19|20)\d{2})\b", re.I)


def _iso(d: str | None, m: str, y: str) -> str | None:
    mi, yi = int(m), int(y)
    if not 1 <= mi <= 12:
        return None
    if d:
        di = int(d)
        try:
            date(yi, mi, di)
        except ValueError:
            return None
        return f"{yi:04d}-{mi:02d}-{di:02d}"
    return f"{yi:04d}-{mi:02d}"


def find_dates(text: str, years: bool = False) -> list[FoundDate]:
    """Full dates (and with ``years=True`` bare years "năm 2025") in order of position.

    Offsets refer to ``text``; folding keeps lengths for Vietnamese letters in NFC.
    """
    folded = fold_chars(text)
    out: list[FoundDate] = []
    spans: list[tuple[int, int]] = []
    for rx in (_LONG, _SLASH, _DASH):
        for m in rx.finditer(folded):
            iso = _iso(m.group("d"), m.group("m"), m.group("y"))
            if iso and all(m.end() <= a or m.start() >= b for a, b in spans):
                out.append(FoundDate(iso, text[m.start():m.end()], m.start(), m.end()))
                spans.append((m.start(), m.end()))
    if years:
        for m in _YEAR.finditer(folded):
            if all(m.end() <= a or m.start() >= b for a, b in spans):
                out.append(FoundDate(m.group("y"), text[m.start():m.end()], m.start(), m.end()))
    return sorted(out, key=lambda f: f.start)


def display(iso: str) -> str:
    """"2025-05-15" -> "15/5/2025"; "2024-05" -> "tháng 5/2024"; "2025" -> "năm 2025"."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2]):02d}/{int(parts[1])}/{parts[0]}"
    if len(parts) == 2:
        return f"tháng {int(parts[1])}/{parts[0]}"
    return f"năm {iso}" if iso else ""

