"""The section tree of a directive body and the breadcrumb of every paragraph.

``I.``/``I-`` open a part, ``1.`` an item, ``1.1.`` a sub-item, ``a)`` a point, dashes and
bullets list items. Breadcrumbs read like ``IV. TỔ CHỨC THỰC HIỆN › 1. Ban Tuyên giáo và
Dân vận Huyện ủy`` and are what a person would cite.
"""
from __future__ import annotations

from dataclasses import dataclass

import re

from troly.ingest.layout import Layout, Para, Part, is_caps, marker
from troly.ingest.tables import cells, header_label, is_header, is_row
from troly.models import Section

PREAMBLE = "Phần mở đầu"
PART_LABEL = "§part"  # the heading paragraph of an attachment
TAIL = "Nơi nhận và chữ ký"
_HEADING_MAX = 90


@dataclass
class PlacedPara:
    """A paragraph with its place in the tree."""

    para: Para
    path: list[str]
    level: int  # marker level of the paragraph itself (0 = plain text)
    label: str = ""

    @property
    def breadcrumb(self) -> str:
        return " › ".join(self.path)


def heading_of(label: str, level: int, rest: str) -> str:
    """A short heading for a breadcrumb: the item's text up to its first clause."""
    text = rest.strip()
    if len(text) > _HEADING_MAX:
        cut = max(text.rfind(sep, 0, _HEADING_MAX) for sep in (";", ",", " "))
        text = text[: cut if cut > 30 else _HEADING_MAX].rstrip(" ,;:") + "…"
    text = text.rstrip(" .:")
    return f"{label}. {text}" if level <= 4 else text


def sentence_case(caps: str) -> str:
    """"PHỤ LỤC II" -> "Phụ lục II": a heading word as a breadcrumb names it."""
    words = caps.split()
    out = [w if re.fullmatch(r"[IVXLC\d.]+", w) else w.lower() for w in words]
    return (out[0][:1].upper() + out[0][1:] + (" " + " ".join(out[1:]) if len(out) > 1 else "")) if out else ""


def part_root(part: Part, owner: str) -> str:
    """The breadcrumb of an attachment: "Quy định ban hành kèm theo Quyết định 87/2025/QĐ-UBND"."""
    kind = sentence_case(part.kind) if part.kind else ""
    title = heading_of("", 5, part.title) if part.title else ""
    if kind and owner:
        return f"{kind} kèm theo {owner}" + (f": {title}" if title and not is_caps(part.kind) else "")
    return f"{kind}: {title}" if kind and title else (kind or title or "Phụ lục")


def _walk(paras: list[Para], root: list[str], out: list[PlacedPara]) -> None:
    """Place body paragraphs under their numbered headings; items inside an article (Điều) sit
    one level under it."""
    stack: list[tuple[int, str, bool]] = []
    table = ""  # the header of the table being read: each row's breadcrumb names its cells
    in_table = False
    for p in paras:
        if is_row(p.text):
            row = cells(p.text)
            if not in_table and is_header(row):  # the first row of a table is its header
                table = header_label(row)
            in_table = True
            out.append(PlacedPara(p, root + [h for _, h, _ in stack] + ([table] if table else []), 0, ""))
            continue
        table, in_table = "", False
        m = marker(p.text)
        if m and m[1] <= 4:
            label, level, rest = m
            if label[:1].isdigit() and any(art for _, _, art in stack):
                level = min(level + 1, 4)
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, heading_of(label, level, rest), label.startswith("Điều")))
            out.append(PlacedPara(p, root + [h for _, h, _ in stack], level, label))
        else:
            out.append(PlacedPara(p, root + [h for _, h, _ in stack], m[1] if m else 0, m[0] if m else ""))


def place(lay: Layout, owner: str = "") -> list[PlacedPara]:
    """Every paragraph with the path of numbered headings above it (dashes excluded); an
    attachment's paragraphs under its own root (``owner`` names the document that issues it)."""
    out: list[PlacedPara] = [PlacedPara(p, [PREAMBLE], 0) for p in lay.header + ([lay.type_line] if lay.type_line else [])
                             + lay.title + lay.intro]
    _walk(lay.body, [], out)
    out.extend(PlacedPara(p, [TAIL], 0) for p in lay.recipients + lay.signature)
    for part in lay.parts:
        root = [part_root(part, owner)]
        out.extend(PlacedPara(p, root, 0, PART_LABEL if k == 0 else "") for k, p in enumerate(part.heading))
        _walk(part.body, root, out)
    return out


def build_sections(placed: list[PlacedPara], text_len: int) -> list[Section]:
    """Section nodes (numbered headings and attachments) with their spans: until the next heading
    at the same or a higher level, the tail, or another attachment."""
    roots = {pp.path[0] for pp in placed if pp.label == PART_LABEL}
    sections: list[Section] = []
    for k, pp in enumerate(placed):
        is_part = pp.label == PART_LABEL
        if not (is_part or 1 <= pp.level <= 4):
            continue
        level = 0 if is_part else pp.level
        end = text_len
        for q in placed[k + 1:]:
            q_level = 0 if q.label == PART_LABEL else (q.level if 1 <= q.level <= 4 else 99)
            other_root = bool(q.path) and q.path[0] != pp.path[0] and (q.path[0] in roots or q.path[0] == TAIL)
            if q_level <= level or other_root:
                end = q.para.start
                break
        sections.append(Section("" if is_part else pp.label, pp.path[-1], level, pp.para.start, end, list(pp.path)))
    return sections
