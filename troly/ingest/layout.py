"""The layout of a directive, read from its clean text.

Directives follow one fixed format: a header block (issuer on the left, motto on the
right, ``Số: ...``, place and date), the type line (``KẾ HOẠCH``) and the title (trích yếu),
an introduction (``Căn cứ ...``, ``Thực hiện ...``), the body (``I.``, ``1.``, ``1.1.``, dashes),
``Nơi nhận:`` with its list, and the signature block (``T/M``, ``K/T``, title, name). This
module cuts the clean text into those zones as paragraph spans; facts and sections are read
from the zones, so no rule needs to know any particular document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from troly.ingest.cleanup import STRUCT_START, is_type_line
from troly.vn.text import fold

_SIGN_MODE = re.compile(r"^\s*(T/M|TM\.?|K/T|KT\.?|KT:|Q\.|TL\.|TUQ\.|T\.U\.Q)\s*", re.I)
_TITLE_WORDS = (
    "bi thu", "pho bi thu", "truong ban", "pho truong ban", "chu tich", "pho chu tich", "giam doc",
    "pho giam doc", "chanh van phong", "pho chanh van phong", "thuong truc", "uy vien",
)
_ROMAN = re.compile(r"^\s*([IVXLC]{1,5})\s*[.\-–)]\s*(.*)$")
_ARABIC = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]?\s+(.*)$")
_LETTER = re.compile(r"^\s*([a-zđ])\)\s*(.*)$")
_DASH = re.compile(r"^\s*([-–—•+*·])\s*(.*)$")


@dataclass
class Para:
    text: str
    start: int
    end: int

    @property
    def folded(self) -> str:
        return fold(self.text)


@dataclass
class Layout:
    text: str
    header: list[Para] = field(default_factory=list)  # before the type line
    type_line: Para | None = None
    title: list[Para] = field(default_factory=list)
    intro: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    recipients: list[Para] = field(default_factory=list)  # "Nơi nhận:" and its items
    signature: list[Para] = field(default_factory=list)


def paragraphs(text: str) -> list[Para]:
    out: list[Para] = []
    for m in re.finditer(r"[^\n]+", text):
        s = m.group(0)
        if s.strip():
            lead = len(s) - len(s.lstrip())
            out.append(Para(s.strip(), m.start() + lead, m.start() + lead + len(s.strip())))
    return out


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_signature_line(p: Para) -> bool:
    """``T/M BAN THƯỜNG VỤ``, ``PHÓ BÍ THƯ``, ``KT. CHỦ TỊCH``: capitals naming a mandate or title."""
    if _SIGN_MODE.match(p.text) and (is_caps(p.text) or len(p.text) < 60):
        return True
    f = p.folded.strip(" .,:")
    return is_caps(p.text) and any(f == w or f.startswith(w + " ") for w in _TITLE_WORDS)


def marker(text: str) -> tuple[str, int, str] | None:
    """(label, level, rest) for a structural line; level 1 roman, 2 "1.", 3 "1.1.", 4 "a)", 5 dash."""
    m = _ROMAN.match(text)
    if m and m.group(2):
        return m.group(1), 1, m.group(2)
    m = _ARABIC.match(text)
    if m and m.group(2) and STRUCT_START.match(text):
        label = m.group(1)
        return label, 2 + label.count("."), m.group(2)
    m = _LETTER.match(text)
    if m and m.group(2):
        return m.group(1) + ")", 5, m.group(2)
    m = _DASH.match(text)
    if m and m.group(2):
        return "-", 6, m.group(2)
    return None


def _is_intro(p: Para) -> bool:
    f = p.folded
    return f.startswith(("can cu", "thuc hien", "de trien khai", "nham", "ngay ")) or f.endswith("nhu sau:")


def read_layout(text: str) -> Layout:
    paras = paragraphs(text)
    lay = Layout(text=text)
    i = 0
    type_idx = next((k for k, p in enumerate(paras[:25]) if is_type_line(p.text)), None)
    if type_idx is not None:
        lay.header = paras[:type_idx]
        lay.type_line = paras[type_idx]
        i = type_idx + 1
        # Title (trích yếu): the paragraph after the type line, and its lower-case continuations.
        if i < len(paras) and not marker(paras[i].text):
            lay.title.append(paras[i])
            i += 1
            while i < len(paras) and paras[i].text[:1].islower() and not marker(paras[i].text):
                lay.title.append(paras[i])
                i += 1
    # Introduction: until the first structural item.
    while i < len(paras) and not (marker(paras[i].text) and marker(paras[i].text)[1] <= 2):  # type: ignore[index]
        if fold(paras[i].text).startswith("noi nhan"):
            break
        lay.intro.append(paras[i])
        i += 1
    # Tail: "Nơi nhận" list then the signature block; found from the end.
    tail_start = next((k for k in range(i, len(paras)) if paras[k].folded.startswith(("noi nhan", "noi nhn"))), None)
    sig_start = next((k for k in range(len(paras) - 1, i - 1, -1) if is_signature_line(paras[k])), None)
    if sig_start is not None:
        while sig_start - 1 >= i and is_signature_line(paras[sig_start - 1]):
            sig_start -= 1
    body_end = min(x for x in (tail_start, sig_start, len(paras)) if x is not None)
    lay.body = paras[i:body_end]
    if tail_start is not None:
        end = sig_start if sig_start is not None and sig_start > tail_start else len(paras)
        lay.recipients = paras[tail_start:end]
        # Items after the signature (two columns flattened) still belong to the list.
        if sig_start is not None and sig_start > tail_start:
            lay.signature = paras[sig_start:]
        else:
            lay.signature = []
    elif sig_start is not None:
        lay.signature = paras[sig_start:]
    return lay
