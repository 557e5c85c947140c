"""The section tree of a directive body and the breadcrumb of every paragraph.

``I.``/``I-`` open a part, ``1.`` an item, ``1.1.`` a sub-item, ``a)`` a point, dashes and
bullets list items. Breadcrumbs read like ``IV. TỔ CHỨC THỰC HIỆN › 1. Ban Tuyên giáo và
Dân vận Huyện ủy`` and are what a person would cite.
"""
from __future__ import annotations

from dataclasses import dataclass

from troly.ingest.layout import Layout, Para, marker
from troly.models import Section

PREAMBLE = "Phần mở đầu"
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


def place(lay: Layout) -> list[PlacedPara]:
    """Every body paragraph with the path of numbered headings above it (dashes excluded)."""
    out: list[PlacedPara] = [PlacedPara(p, [PREAMBLE], 0) for p in lay.header + ([lay.type_line] if lay.type_line else [])
                             + lay.title + lay.intro]
    stack: list[tuple[int, str]] = []
    for p in lay.body:
        m = marker(p.text)
        if m and m[1] <= 4:
            label, level, rest = m
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, heading_of(label, level, rest)))
            out.append(PlacedPara(p, [h for _, h in stack], level, label))
        else:
            out.append(PlacedPara(p, [h for _, h in stack], m[1] if m else 0, m[0] if m else ""))
    out.extend(PlacedPara(p, [TAIL], 0) for p in lay.recipients + lay.signature)
    return out


def build_sections(placed: list[PlacedPara], text_len: int) -> list[Section]:
    """Section nodes (numbered headings) with their spans: until the next heading at the same or a higher level."""
    heads = [(k, pp) for k, pp in enumerate(placed) if 1 <= pp.level <= 4]
    sections: list[Section] = []
    for n, (k, pp) in enumerate(heads):
        end = text_len
        for k2, other in heads[n + 1:]:
            if other.level <= pp.level:
                end = other.para.start
                break
        else:
            tail = next((q.para.start for q in placed[k:] if q.path == [TAIL]), None)
            end = tail if tail is not None else text_len
        sections.append(Section(pp.label, pp.path[-1], pp.level, pp.para.start, end, list(pp.path)))
    return sections
