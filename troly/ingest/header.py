"""The header block of a directive, read from its raw lines.

The header is a two-column table (issuer | motto, then ``Số: ...`` | place and date) that
exports flatten into lines in either order, with rules (``-----``), blank or ``|`` lines
between cells, and lines wrapped mid-phrase ("ỦY BAN NHÂN" / "DÂN" / "TỈNH BẮC NINH",
"Hà Nội, ngày 20" / "tháng 11 năm 2025"). This module rebuilds the cells from the lines
and reads each fact from the cell the format puts it in:
- the motto cell (national or Party motto) is recognised and set aside, even when wrapped;
- ``Số:`` with the number on the same line, on the next one, or split at a separator;
- the place and date line, joined back when wrapped;
- ``V/v ...`` (the subject of a Công văn) and its continuation lines;
- what remains in capitals is the issuer column: a superior body above the issuer, each
  body opening with a body word ("BỘ TÀI CHÍNH" / "CỤC THUẾ"); wrapped fragments join.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from troly.vn.bodies import PLACE_LEVELS
from troly.vn.dates import find_dates
from troly.vn.text import collapse_ws, fold, is_caps

# Folded mottos; matched across line breaks.
_MOTTOS = (
    "cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "doc lap tu do hanh phuc",
    "dang cong san viet nam",
)
_RULE = re.compile(r"^[\s\-–—_=*~.·•]*$")
_NUMBER_HEAD = re.compile(r"^\s*S[ốoóôồ6]\s*(?:hiệu)?\s*[:.]?\s*", re.I)
# "Số:" opening a number (digits, a blank, a type code), never the word "số" in a sentence
_NUMBER_LINE = re.compile(r"^\s*S[ốoóôồ6]\s*(?:hiệu)?\s*[:.]?\s*(?:\d|$|[-/.…_]|[A-Za-zĐđ]{1,5}\s*[-/])", re.I)
# A document number as written: digits, optional year, then a type/issuer code in either family.
_NUMBER = re.compile(
    r"^(?P<num>(?:\d{1,6}[A-Za-zĐđ]?\s*[/-]\s*)?(?:(?:19|20)\d{2}\s*/\s*)?"
    r"[A-Za-zĐđ&]{1,10}(?:\s*[-/]\s*[A-Za-zĐđ0-9&.]{1,16}){1,3})"
)
_DATE_WORDS = re.compile(r"ngày\s*[\d.…_ ]*\s*tháng\s*\d{1,2}\s*năm\s*\d{4}|ngày\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}", re.I)
_PLACE_DATE = re.compile(
    r"^(?P<place>[^\d:;]{2,60}?)\s*,?\s*(?P<date>ngày\b.*?(?:năm\s*\d{4}|/\s*\d{4}))", re.I)
_VV = re.compile(r"^\s*(?:V/v|V\.v|Về việc)\b\s*:?\s*(?P<rest>.*)$", re.I)
_ADDRESS = re.compile(r"^\s*Kính\s+gửi\b", re.I)

# Words that open the name of a body (folded, longest first when they overlap).
BODY_HEADS = (
    "uy ban", "hoi dong", "bo chinh tri", "bo chi huy", "bo tu lenh", "bo", "tong cuc", "chi cuc", "cuc",
    "so", "ban", "van phong", "thu tuong", "chinh phu", "quoc hoi", "kiem toan", "thue", "hai quan",
    "tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy", "dang bo", "chi bo", "trung tam",
    "hoc vien", "truong", "vien", "toa an", "cong an", "ngan hang", "kho bac", "bao hiem", "mat tran",
    "ubnd", "hdnd", "ubmttq", "doan", "hoi", "lien doan", "tong lien doan", "dai hoc", "phong", "thanh doan", "tinh doan",
)
# Two-word heads whose halves a wrap may separate ("VĂN" / "PHÒNG CHÍNH PHỦ").
_SPLIT_HEADS = {h for h in BODY_HEADS if " " in h}


@dataclass
class Header:
    issuer: str = ""  # the issuing body as printed, its wrapped lines joined
    parents: list[str] = field(default_factory=list)  # superior bodies printed above it
    number: str = ""  # as written after "Số:"
    place: str = ""
    date: str = ""  # ISO
    date_text: str = ""
    subject: str = ""  # the "V/v ..." of a Công văn


def split_cells(lines: list[str]) -> list[str]:
    """Lines with ``|`` table cells put on lines of their own, markdown emphasis removed."""
    out = []
    for line in lines:
        for cell in line.split("|") if "|" in line else [line]:
            out.append(re.sub(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)", "", cell).strip())
    return out


def _motto_lines(lines: list[str]) -> set[int]:
    """Indices of lines that are (part of) a motto, a motto wrapped over lines included. A line
    that holds a motto and something else ("UBND PHƯỜNG X CỘNG HÒA ...") is not one of them."""
    found: set[int] = set()
    for i in range(len(lines)):
        if i in found or not lines[i] or _RULE.match(lines[i]):
            continue
        joined, idx = "", []
        for j in range(i, min(i + 4, len(lines))):
            if not lines[j] or _RULE.match(lines[j]):
                break
            joined = (joined + " " + fold(lines[j]).strip(" *")).strip()
            idx.append(j)
            if joined in _MOTTOS or joined.replace(" - ", " ") in _MOTTOS:
                found.update(idx)
                break
            if not any(m.startswith(joined) or m.replace(" - ", " ").startswith(joined) for m in _MOTTOS):
                break
    return found


def _strip_motto(line: str) -> str:
    f = fold(line)
    for m in _MOTTOS:
        k = f.find(m)
        if k >= 0:
            line = (line[:k] + " " + line[k + len(m):]).strip()
            f = fold(line)
    return line.strip(" -–*|")


def header_end(lines: list[str], limit: int = 45) -> int:
    """Index of the line where the header block ends: the type line, or for a letter the
    ``Kính gửi`` line, or the line after the place and date."""
    from troly.ingest.cleanup import is_type_line

    date_at = -1
    for i, line in enumerate(lines[:limit]):
        s = line.strip()
        if not s:
            continue
        if is_type_line(s) or _ADDRESS.match(s):
            return i
        if date_at < 0 and _DATE_WORDS.search(_date_window(lines, i)) and re.search(r"ngày", s, re.I):
            date_at = i
    if date_at >= 0:
        k = date_at + 1
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k < len(lines) and re.match(r"^\s*(?:\d{1,2}\s*)?tháng\b|^\s*năm\s+\d{4}", lines[k], re.I):
            k += 1
        return k
    return 0


def _date_window(lines: list[str], i: int) -> str:
    """The line and the next non-empty one: a wrapped "ngày 20" / "tháng 11 năm 2025"."""
    nxt = next((x for x in lines[i + 1:i + 3] if x.strip()), "")
    return collapse_ws(f"{lines[i]} {nxt}")


def _place_start(lines: list[str], k: int) -> bool:
    """Line k is the start of a place wrapped before its date ("Thành phố Hồ Chí" / "Minh, ngày 28 ...")."""
    nxt = lines[k + 1] if k + 1 < len(lines) else ""
    m = re.match(r"^([^\d,]{1,30}?),?\s*ngày\b", nxt.strip(), re.I)
    # the place's tail: one word ("Nội") or a lower-case run ("phố Hồ Chí Minh")
    return len(lines[k].strip()) <= 25 and bool(m) and (len(m.group(1).split()) == 1 or m.group(1)[:1].islower())


def _read_number(lines: list[str], i: int) -> tuple[str, set[int]]:
    """The number after "Số:" at line i (it may stand on the next line, or wrap at a separator)."""
    rest = _NUMBER_HEAD.sub("", lines[i], count=1).strip()
    used = {i}
    j = i
    if not rest:
        j = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].strip()), i)
        rest = lines[j].strip() if j != i else ""
        used.add(j)
    # "3783/QĐ-" / "UBND": a number cut at its separator goes on on the next line.
    if re.search(r"[-/]$", rest) and j + 1 < len(lines) and re.match(r"^[A-Za-zĐđ&]{1,10}\b", lines[j + 1].strip()):
        rest += lines[j + 1].strip()
        used.add(j + 1)
    rest = re.sub(r"\s*([-/])\s*", r"\1", rest)
    m = _NUMBER.match(rest)
    if not m:
        blank = re.match(r"^[\s.…_]*([-/][A-Za-zĐđ]{1,10}[-/][A-Za-zĐđ&]{1,16})", rest)  # "Số: -HD/BTG"
        return (blank.group(1) if blank else ""), used
    return m.group("num").rstrip("-/."), used


def _read_place_date(lines: list[str], i: int, taken: set[int]) -> tuple[str, str, str, set[int]]:
    """Place and date from line i, joining a wrapped date and a place left on the line before."""
    used = {i}
    text = lines[i].strip()
    if not re.search(r"năm\s*\d{4}|/\s*\d{4}", text):
        j = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].strip()), None)
        if j is not None:
            text = f"{text} {lines[j].strip()}"
            used.add(j)
    if fold(text).startswith("ngay"):  # "Huế," / "ngày 21 tháng 11 năm 2025"
        k = next((k for k in range(i - 1, max(i - 3, -1), -1) if lines[k].strip()), None)
        if k is not None and k not in taken and not _NUMBER_LINE.match(lines[k]) and len(lines[k]) <= 40 and not is_caps(lines[k], 1):
            text = f"{lines[k].strip()} {text}"
            used.add(k)
    elif i > 0 and i - 1 not in taken and lines[i - 1].strip() and not lines[i - 1].rstrip().endswith((",", ".", ":")) \
            and len(lines[i - 1].strip()) <= 20 and not is_caps(lines[i - 1], 1) \
            and not _NUMBER_LINE.match(lines[i - 1]) and not _VV.match(lines[i - 1]):
        text = f"{lines[i - 1].strip()} {text}"  # "Thành phố Hồ" / "Chí Minh, ngày 18 ..."
        used.add(i - 1)
    text = re.sub(r"tháng(\d)", r"tháng \1", collapse_ws(text))
    if _NUMBER_LINE.match(text):  # "Số: 32/KH-UBND Kinh Môn, ngày ...": the number's cell on the same line
        text = _NUMBER_HEAD.sub("", text, count=1).split(" ", 1)[-1]
    m = _PLACE_DATE.search(text)
    if not m:
        return "", "", "", set()
    found = find_dates(m.group("date"))
    iso = found[0].iso if found else ""
    if not iso:  # "ngày   tháng 5 năm 2024": the day left blank
        mm = re.search(r"tháng\s*(\d{1,2})\s*năm\s*(\d{4})", m.group("date"))
        iso = f"{mm.group(2)}-{int(mm.group(1)):02d}" if mm else ""
    place = _strip_motto(m.group("place")).strip(" ,.-–*")
    place = re.sub(r"^.*\b(?:Số|số)\s*:?\s*\S+\s+", "", place)  # number and place flattened on one line
    return place, iso, collapse_ws(m.group("date")).rstrip(" ."), used


def _is_head(words: list[str], k: int) -> str:
    """The body word opening at folded word k, or ""."""
    for h in sorted(BODY_HEADS, key=len, reverse=True):
        hw = h.split()
        if words[k:k + len(hw)] == hw:
            return h
    return ""


def split_bodies(lines: list[str]) -> list[str]:
    """The issuer column's lines as bodies, outermost first. A line opens a new body when it
    starts with a body word and the body before it is a whole name; otherwise it is a wrap
    ("ỦY BAN NHÂN" / "DÂN", "VĂN" / "PHÒNG CHÍNH PHỦ", "THÀNH PHỐ" / "HỘI AN")."""
    bodies: list[list[str]] = []
    for line in lines:
        words = fold(line).replace(",", " ").split()
        if not words:
            continue
        if bodies and _is_head(words, 0):
            prev = fold(" ".join(bodies[-1])).replace(",", " ").split()
            wrap = (" ".join(prev[-1:] + words[:1]) in _SPLIT_HEADS or not _complete(prev)
                    or prev[-1] in ("va", "cua", "-") or any(" ".join(prev).endswith(" " + lv) for lv in PLACE_LEVELS))
            if not wrap:
                bodies.append([line.strip()])
                continue
        if bodies:
            bodies[-1].append(line.strip())
        else:
            bodies.append([line.strip()])
    return [collapse_ws(" ".join(b)).strip(" ,-") for b in bodies]


def _complete(words: list[str]) -> bool:
    """A body name that could end here: its head and at least one word more, or a head that is whole."""
    head = _is_head(words, 0)
    if not head:
        return False
    return len(words) > len(head.split())  # "VĂN PHÒNG" / "CHÍNH PHỦ" is one name


def read_header(raw_lines: list[str], end: int | None = None) -> Header:
    """The header's facts from the document's first lines; ``end`` when the caller knows where
    the header stops (the type line), else found by ``header_end``."""
    end = header_end(raw_lines) if end is None else end
    lines = split_cells(raw_lines[:end])
    hdr = Header()
    used = set(_motto_lines(lines))
    for i, line in enumerate(lines):  # the subject first: its lines are no place
        m = _VV.match(line)
        if m and i not in used:
            parts, k = [m.group("rest")], i + 1
            while k < len(lines) and lines[k] and not _RULE.match(lines[k]) and not re.search(r"\bngày\b", lines[k], re.I) \
                    and not _ADDRESS.match(lines[k]) and not _NUMBER_LINE.match(lines[k]) and k not in used \
                    and not _place_start(lines, k):
                parts.append(lines[k])
                k += 1
            hdr.subject = collapse_ws(" ".join(parts)).strip(" .")
            used |= set(range(i, k))
            break
    for i, line in enumerate(lines):
        if i in used or not line:
            continue
        if not hdr.number and _NUMBER_LINE.match(line):
            hdr.number, took = _read_number(lines, i)
            used |= took
            if not re.search(r"\bngày\b", line, re.I):  # "Số: 32/KH-UBND Kinh Môn, ngày ...": one row flattened
                continue
        if not hdr.date and re.search(r"\bngày\b", line, re.I) and _DATE_WORDS.search(_date_window(lines, i)):
            place, iso, written, took = _read_place_date(lines, i, used)
            if iso:
                hdr.place, hdr.date, hdr.date_text = place, iso, written
                used |= took
                continue
    # The issuer column: lines in capitals that are none of the above.
    # (the motto taken off first: "PHƯỜNG KINH MÔN Độc lập - Tự do - Hạnh phúc" is two cells on one line)
    column = [s for i, ln in enumerate(lines) if i not in used and ln and not _RULE.match(ln)
              for s in [_strip_motto(ln)] if s and is_caps(s, 1) and not _NUMBER_LINE.match(s)]
    bodies = split_bodies(column)
    if bodies:
        hdr.issuer, hdr.parents = bodies[-1], bodies[:-1]
    return hdr
