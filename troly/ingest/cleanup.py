"""Text clean-up: NFC, markdown marks, and hard line wraps undone.

Directives arrive as exports of Word files, markdown conversions and OCR output. They
share two kinds of noise: markdown marks (``**``, ``##``, ``\\*``) around the structure, and
lines broken inside sentences (seed files wrap every line, some with a blank line after
each). We rebuild paragraphs by reading the layout, not by matching known documents:
a line break is kept where the next line opens a structural item (``I.``, ``1.``, ``-``), where
the line ends a sentence or a clause that introduces a list, inside the header block (two
columns flattened) and after ``Nơi nhận``; elsewhere a wrapped line is joined.
"""
from __future__ import annotations

import re
import statistics

from troly.vn.text import fold, is_caps, nfc

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPH = re.compile(r"(\*\*|__)")
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ESCAPED = re.compile(r"\\([*_#\[\]()\-.])")
_ONLY_MARKS = re.compile(r"^[\s*\\_#=~`]*$")
_RULE = re.compile(r"^\s*[-_=]{3,}\s*$")

# Lines that open a structural item: never joined onto the previous line.
STRUCT_START = re.compile(
    r"^\s*(?:"
    r"(?:[IVXLC]{1,5})\s*[.\-–)]\s|"  # I. II- IV)
    r"\d{1,2}(?:\.\d{1,2}){0,3}\s*[.)](?!\d)\s*\S|"  # 1. 2.1. 3) -- never "6.000.000"
    r"\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\s+\S|"  # 2.1 text
    r"[a-zđ]\)\s|"  # a) b)
    r"[-–—•+*·]\s*\S|"  # dashes and bullets
    r"(?:Điều|Chương|Mục|Phần|Phụ lục|PHỤ LỤC|CHƯƠNG|MỤC|PHẦN)\s+[\dIVXLC]+\b|"  # articles and chapters
    r"\|"  # a table row
    r")",
    re.I,
)
# An article or clause named inside a sentence, not a heading: no "." or ":" after its number.
_CITED_PART = re.compile(r"^(?:Điều|Khoản|Mục|Chương|Phần)\s+\d+[a-zđ]?\s+(?![.:)\-–])\S")
# Capitalised openings of a new paragraph in the introduction and the tail (folded).
_OPENING = re.compile(r"^(?:noi nhan|kinh gui|can cu|thuc hien|de trien khai|ngay \d{1,2}\s*(?:/|thang))\b")
_END_SENTENCE = re.compile(r"([.;:!?…]|\./|\.\)|\.”|\.\")\s*$")
_TYPE_LINE = re.compile(
    r"^\s*(ke hoach|huong dan|thong bao|chuong trinh|nghi quyet|ket luan|quyet dinh|chi thi|bao cao|cong van|"
    r"quy dinh|quy che|to trinh|de an|ke hoach hanh dong|chuong trinh hanh dong|thong tu|thong tu lien tich|"
    r"nghi dinh|cong dien|dieu le|thong bao ket luan|chuong trinh cong tac|ke hoach trien khai)\s*:?\s*$"
)


def strip_markdown(line: str) -> str:
    line = _MD_HEADING.sub("", line)
    line = _ESCAPED.sub(r"\1", line)
    line = _MD_EMPH.sub("", line)
    line = _MD_ITALIC.sub(r"\1", line)
    return line


def is_type_line(line: str) -> bool:
    """``KẾ HOẠCH`` / ``HƯỚNG DẪN`` alone on a line: where the header block ends."""
    return bool(_TYPE_LINE.match(fold(line))) and is_caps(line)


def join_split_type_lines(lines: list[str]) -> list[str]:
    """A type line wrapped in two ("THÔNG" / "TƯ", "QUYẾT" / "ĐỊNH") put back on one line."""
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if prev.strip() and line.strip() and not is_type_line(prev) and len(prev.split()) == 1 \
                and is_type_line(f"{prev.strip()} {line.strip()}"):
            out[-1] = f"{prev.strip()} {line.strip()}"
            continue
        out.append(line)
    return out


_HEAD_WORD = re.compile(r"^(?:Điều|Chương|Mục|Phần|ĐIỀU|CHƯƠNG|MỤC|PHẦN)$")
_BARE_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,2}\.|[IVXLC]{1,5}\.)$")  # "9.", "2.1.", "IV."
_HEAD_NUMBER = re.compile(r"^(?:\d{1,3}[a-zđ]?|[IVXLC]{1,5})\b")


def join_split_headings(lines: list[str]) -> list[str]:
    """"Điều" alone on a line and "24. Trách nhiệm của ..." on the next (a web page's layout)
    put back on one line: "Điều 24. Trách nhiệm của ..."; so is a list number alone ("9.") and
    the heading or text after it ("Bộ Chỉ huy Quân sự tỉnh"), a table's cells on a PDF page.
    Blank lines between are dropped."""
    out: list[str] = []
    held: list[str] = []  # blank lines after a bare heading word, kept if no number follows
    for line in lines:
        word = out and _HEAD_WORD.match(out[-1].strip())
        number = out and _BARE_NUMBER.match(out[-1].strip())
        if (word or number) and not line.strip():
            held.append(line)
            continue
        if word and _HEAD_NUMBER.match(line.strip()) or number and line.strip()[:1].isupper():
            out[-1] = f"{out[-1].strip()} {line.strip()}"
            held = []
            continue
        out += held + [line]
        held = []
    return out + held


def _wrap_width(lines: list[str]) -> float:
    lengths = [len(s) for s in lines if len(s) >= 30]
    if len(lengths) < 5:
        return 10_000.0
    return float(statistics.quantiles(lengths, n=10)[7])  # 80th percentile


def _should_join(prev: str, nxt: str, gap: int, width: float, wraps_single: bool) -> bool:
    p, n = prev.rstrip(), nxt.strip()
    if not p or not n or gap > 1:
        return False
    if _CITED_PART.match(n) and ends_open(p.lower()):
        return True  # "... theo quy định tại" / "Điều 2 Nghị quyết số 196/2025/QH15": a citation wrapped
    if STRUCT_START.match(n) or _END_SENTENCE.search(p):
        return False
    if n[0].isupper() and _OPENING.match(fold(n)):
        return False
    if is_caps(p) and not is_caps(n):
        return False
    if is_caps(n) and not is_caps(p):
        return False
    if n[0].islower():
        return True
    if n[0].isdigit():
        return True
    if gap == 0 and wraps_single:
        return len(p) >= 0.5 * width or not is_caps(p)
    return len(p) >= 0.75 * width


LIST_MARKS = ("-", "+", "–", "•")  # what opens an item of a "Nơi nhận" list


def recipient_item(line: str) -> bool:
    """A line of a "Nơi nhận" list: an item ("- Như trên;", "+ LĐVP"), the lower-case rest of a
    wrapped item, or the "Lưu: VT" line."""
    s = line.strip()
    return bool(s) and (s.startswith(LIST_MARKS) or s[:1].islower() or fold(s).startswith("luu"))


def _tail_spans(lines: list[str]) -> list[tuple[int, int]]:
    """Line spans of "Nơi nhận" lists and signature blocks: never joined. What follows them
    (the plan a Quyết định issues, its appendices) is text like any other."""
    from troly.ingest.signature import find_blocks

    spans = [(b.start, b.end) for b in find_blocks(lines)]
    for i, s in enumerate(lines):
        if fold(s.strip()).startswith(("noi nhan", "noi nhn")):
            k = i + 1
            while k < len(lines) and (not lines[k].strip() or recipient_item(lines[k])):
                k += 1
            spans.append((i, k))
    return spans


# Who states the authority above the recitals ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "BỘ TRƯỞNG BỘ NỘI
# VỤ", "CHÍNH PHỦ"), compared with their marks: "vụ trưởng" is a title, "VŨ TRƯỜNG" the end of a
# title line; "phó chủ tịch" a title, "PHỐ HÀ NỘI" a place.
AUTHORITY_OPENS = ("chủ tịch", "phó chủ tịch", "bộ trưởng", "thủ tướng", "cục trưởng", "tổng cục trưởng",
                   "giám đốc", "tổng giám đốc", "chánh", "viện trưởng", "vụ trưởng", "trưởng ban",
                   "tổng kiểm toán", "thống đốc", "chủ nhiệm", "bộ chính trị", "ban bí thư",
                   "ban chấp hành", "ban thường vụ", "chính phủ", "hội đồng nhân dân", "ủy ban nhân dân")
# A title line ending in one of these goes on ("... THUỘC" / "ỦY BAN NHÂN DÂN TỈNH ...").
_OPEN_ENDS = ("của", "thuộc", "và", "tại", "trên", "về", "cho", "với", "đối", "trong", "theo", "các",
              "giữa", "để", "nhằm")  # "... HIỆP ĐỊNH THƯƠNG MẠI GIỮA" / "CHÍNH PHỦ NƯỚC ...": the title goes on
AUTHORITY_RUN = 3  # an authority line wraps over two lines at most; three leaves a margin


def opens_authority(line: str) -> bool:
    low = " ".join(line.lower().split())
    return any(low == w or low.startswith(w + " ") for w in AUTHORITY_OPENS)


def ends_open(line: str) -> bool:
    """A line that cannot end a phrase: a comma or a linking word ("CỦA", "THUỘC", "VÀ") at its end."""
    s = line.rstrip()
    return s.endswith(",") or (s.split() or [""])[-1].lower() in _OPEN_ENDS


def is_recital(line: str) -> bool:
    """"Căn cứ ...", "Xét đề nghị ...", "Theo đề nghị ...", or "Căn" wrapped from its "cứ"."""
    f = fold(line.strip()).lstrip("- ")
    return f.startswith(("can cu", "xet ", "theo de nghi")) or f == "can"


def _authority(lines: list[str]) -> tuple[set[int], set[int]]:
    """Lines stating the authority before "Căn cứ ...": (first lines, wrapped lines). A first
    line is no part of the title above it; its wrapped lines join it ("CHỦ TỊCH ỦY BAN NHÂN" /
    "DÂN TỈNH"). Where no line opens with an authority, the capital line just above the
    recitals is kept apart, as its own paragraph."""
    starts, inner = set(), set()
    for i, s in enumerate(lines):
        if not is_recital(s):
            continue
        above = [j for j in range(i - 1, -1, -1) if lines[j].strip()][:AUTHORITY_RUN]
        run = []
        for j in above:
            if not is_caps(lines[j]):
                break
            run.append(j)
        # the opener nearest the recitals whose line above does not run on into it
        first = next((j for j in run if opens_authority(lines[j])
                      and not ends_open(next((lines[k] for k in range(j - 1, -1, -1) if lines[k].strip()), ""))), None)
        if first is not None:
            starts.add(first)
            inner.update(j for j in run if j > first)
        elif run:
            starts.add(run[0])
    return starts, inner


def join_split_authority(lines: list[str]) -> list[str]:
    """A one-word line split from the authority it opens ("THỦ" / "TƯỚNG CHÍNH PHỦ điện:")."""
    out: list[str] = []
    for line in lines:
        prev = out[-1].strip() if out else ""
        if len(prev.split()) == 1 and is_caps(prev) and line.strip() and opens_authority(f"{prev} {line.strip()}") \
                and not opens_authority(prev):
            out[-1] = f"{prev} {line.strip()}"
            continue
        out.append(line)
    return out


def unwrap(lines: list[str]) -> list[str]:
    """Join wrapped lines into paragraphs; returns paragraphs (no blank entries)."""
    from troly.ingest.header import header_end as find_header_end

    header_end = find_header_end(lines) - 1
    tails = _tail_spans(lines)
    authority, authority_wraps = _authority(lines)
    content = [s for s in lines if s.strip()]
    width = _wrap_width(content)
    # Single newlines inside prose mean wraps when many prose lines are followed directly
    # by another prose line; documents that put a blank line after every line don't.
    single_pairs = sum(1 for a, b in zip(lines, lines[1:]) if len(a.strip()) > 40 and b.strip())
    wraps_single = single_pairs >= 3
    out: list[str] = []
    gap = 0
    prev_i = -1
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            gap += 1
            continue
        in_tail = any(a <= i < b or a <= prev_i < b for a, b in tails)
        joinable = out and i > header_end and not in_tail and i not in authority
        prev_i = i
        if joinable and (i in authority_wraps or _should_join(out[-1], line, gap, width, wraps_single)):
            out[-1] = out[-1].rstrip() + " " + line
        else:
            out.append(line)
        gap = 0
    return out


def clean(text: str) -> str:
    """The clean text every later stage reads: NFC, no markdown, one paragraph a line.

    Paragraphs are separated by a blank line so that offsets into this text are stable and
    a quote taken from it reads as the document does.
    """
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = []
    for raw in text.split("\n"):
        line = strip_markdown(raw).replace("\t", " ")
        if _ONLY_MARKS.match(line) or _RULE.match(line):
            lines.append("")
            continue
        lines.append(re.sub(r"[ \u00a0]{2,}", " ", line).strip())
    from troly.ingest.tables import rebuild_cell_tables

    paragraphs = unwrap(rebuild_cell_tables(join_split_authority(join_split_type_lines(join_split_headings(lines)))))
    return "\n\n".join(paragraphs) + "\n"
