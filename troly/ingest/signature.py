"""The signature block: the signing chain (``TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH``),
stamp notes and the signer's name, wherever the block stands.

A block is a run of title lines in capitals (a mandate such as ``TM.``, ``KT.``, ``TL.``, ``Q.``,
``TUQ.``, or a title such as ``PHÓ CHỦ TỊCH``), lines wrapped inside them joined back, then
optional stamp notes (``(Đã ký)``, ``[đã ký]``), then a person's name (a military rank before
it is left out). Exports put it before or after ``Nơi nhận``, and a Quyết định goes on after
it with what it issues; the block that signs the document is the one at its ``Nơi nhận``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from troly.vn.text import collapse_ws, fold, is_caps

MANDATE = re.compile(r"^\s*(T/M|TM|K/T|KT|TL|T/L|Q|TUQ|T\.U\.Q|T\.M|K\.T)\s*[.:]?(?=\s|$)", re.I)
# Words that open a signing title (folded).
TITLE_WORDS = (
    "pho", "chu tich", "chu nhiem", "bi thu", "truong ban", "giam doc", "bo truong", "thu truong", "cuc truong",
    "tong cuc truong", "vu truong", "chanh", "thu tuong", "tong", "uy vien", "thuong truc", "truong", "vien truong",
    "chanh an", "tu lenh", "hieu truong", "tong giam doc", "tong kiem toan", "chu tich uy ban",
)
_STAMP = re.compile(r"^\s*[\[(]?\s*(?:đã\s+ký|ký(?:\s+tên)?|đóng\s+dấu|đã\s+ký\s+và\s+đóng\s+dấu|chữ\s+ký)[^\n]{0,40}?[\])]?\s*\.?\s*$",
                    re.I)
_RANKS = ("đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "đại tá", "thượng tá", "trung tá",
          "thiếu tá", "đại úy", "thượng úy", "trung úy", "thiếu úy", "gs.ts", "pgs.ts", "ts.", "ths.", "gs.", "pgs.")
_NAME_WORD = r"[A-ZÀ-ỸĐ][a-zà-ỹđ'’]*"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,5}}$")


@dataclass
class Signature:
    name: str = ""
    titles: list[str] = field(default_factory=list)  # the chain, outermost first
    start: int = 0  # index of the first title line in the lines given
    end: int = 0  # index after the name line

    @property
    def title(self) -> str:
        return " / ".join(self.titles)

    @property
    def mode(self) -> str:
        m = MANDATE.match(self.titles[0]) if self.titles else None
        return m.group(0).strip() if m else ""


def _title_start(line: str) -> bool:
    f = fold(line).strip(" .,")
    return any(f == w or f.startswith(w + " ") for w in TITLE_WORDS)


def is_title_line(line: str) -> bool:
    """A line of a signing chain: capitals opening with a mandate or a title, or a bare mandate."""
    s = line.strip()
    if not s or len(s) > 90:
        return False
    if MANDATE.match(s) and (is_caps(s) or len(fold(s).split()) <= 1):
        return True
    return is_caps(s) and _title_start(s)


def person_name(line: str) -> str:
    """The name on a line ("Thiếu tướng Nguyễn Văn A" -> "Nguyễn Văn A"), or ""."""
    s = re.sub(r"\s+", " ", line.strip(" .,;*_"))
    low = s.lower()
    for rank in _RANKS:
        if low.startswith(rank + " "):
            s = s[len(rank) + 1:].strip()
            break
    return s if _NAME.match(s) else ""


def _split_title(lines: list[str], i: int) -> bool:
    """A title wrapped after its first word: "CHỦ" / "TỊCH"."""
    s = lines[i].strip()
    return len(s.split()) == 1 and is_caps(s) and i + 1 < len(lines) and is_title_line(f"{s} {lines[i + 1].strip()}")


def _chain(lines: list[str], i: int) -> tuple[list[str], int]:
    """Title lines from i, wrapped ones joined: -> (titles, index after them)."""
    titles: list[str] = []
    k = i
    while k < len(lines):
        s = lines[k].strip()
        if not any(c.isalpha() for c in s):  # blank, "*", "-----" between the lines of a cell
            k += 1
            continue
        if titles and not is_title_line(s):
            prev = titles[-1]
            bare = MANDATE.fullmatch(prev.strip()) is not None
            # a wrapped title: "TM. ỦY BAN" / "NHÂN DÂN", "CHỦ" / "TỊCH", "KT. TRƯỞNG BAN ...," / "THUẾ QUỐC TẾ"
            if is_caps(s) and not person_name(s) or (bare and is_caps(s)) or (prev.endswith(",") and is_caps(s)):
                titles[-1] = collapse_ws(f"{prev} {s}")
                k += 1
                continue
            break
        if not titles:
            titles.append(s)
        else:
            prev = titles[-1]
            joins = prev.endswith(",") or MANDATE.fullmatch(prev.strip()) is not None \
                or (len(fold(prev).split()) == 1 and not MANDATE.match(prev) and not MANDATE.match(s))
            if joins and not MANDATE.match(s):
                titles[-1] = collapse_ws(f"{prev} {s}")
            else:
                titles.append(s)
        k += 1
    return titles, k


def find_blocks(lines: list[str], start: int = 0) -> list[Signature]:
    """Every signature block from line ``start`` on."""
    out: list[Signature] = []
    i = start
    while i < len(lines):
        if not (is_title_line(lines[i]) or _split_title(lines, i)):
            i += 1
            continue
        titles, k = _chain(lines, i)
        while k < len(lines) and (not lines[k].strip() or _STAMP.match(lines[k])):
            k += 1
        name = person_name(lines[k]) if k < len(lines) else ""
        if not name and k + 1 < len(lines) and len(lines[k].split()) == 1:  # "Bùi" / "Xuân Cường"
            name = person_name(f"{lines[k]} {lines[k + 1]}")
            k += 1 if name else 0
        elif name and k + 1 < len(lines) and len(lines[k + 1].split()) == 1 and len(name.split()) < 4 \
                and person_name(f"{name} {lines[k + 1]}"):  # "Lê Hải" / "Hòa": the name wrapped
            name = person_name(f"{name} {lines[k + 1]}")
            k += 1
        if titles and name:
            out.append(Signature(name, [_tidy(t) for t in titles], i, k + 1))
            i = k + 1
        else:
            i = max(k, i + 1)
    return out


def _tidy(title: str) -> str:
    return re.sub(r"^(T/M|TM|K/T|KT|TL|Q|TUQ)\s*([.:])?\s*", lambda m: f"{m.group(1)}{m.group(2) or ''} ", title).strip()


def pick(blocks: list[Signature], recipients_at: int | None) -> Signature | None:
    """The block that signs the document: the first one after ``Nơi nhận`` when it comes soon
    after it, else the last one before it, else the first one."""
    if not blocks:
        return None
    if recipients_at is not None:
        after = [b for b in blocks if b.start > recipients_at]
        before = [b for b in blocks if b.end <= recipients_at]
        if after and (not before or after[0].start - recipients_at <= 60):
            return after[0]
        if before:
            return before[-1]
    return blocks[0]
