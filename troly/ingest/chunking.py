"""Chunks that follow the structure: a section item with its dashes, merged when tiny,
split at sentence ends when long. Every chunk is a verbatim slice of the clean text."""
from __future__ import annotations

import hashlib
import re

from troly.ingest.sections import PlacedPara
from troly.models import Chunk
from troly.vn.text import UPPER

TARGET = 700  # characters: one item with its dashes, most of the time
MAX = 1100
MIN = 160
_SENT_END = re.compile(r"(?<=[.;!?…])\s+(?=[" + UPPER + r"\-–(“\"0-9])")


def _split_long(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Split one long paragraph at sentence ends into pieces under MAX."""
    pieces: list[tuple[int, int]] = []
    cur = start
    cuts = [start + m.start() for m in _SENT_END.finditer(text[start:end])]
    last_cut = start
    for c in cuts + [end]:
        if c - cur > MAX and last_cut > cur:
            pieces.append((cur, last_cut))
            cur = last_cut
            while cur < end and text[cur].isspace():
                cur += 1
        last_cut = c
    pieces.append((cur, end))
    # A sentence longer than MAX stays whole: quotes must stay verbatim, not cut mid-word.
    return [(a, b) for a, b in pieces if b > a]


def _parent(crumb: str) -> str:
    return crumb.rsplit(" › ", 1)[0] if " › " in crumb else ""


def chunk(doc_id: str, text: str, placed: list[PlacedPara]) -> list[Chunk]:
    groups: list[tuple[str, int, int]] = []  # (breadcrumb, start, end)
    for pp in placed:
        crumb = pp.breadcrumb
        p = pp.para
        starts_item = 1 <= pp.level <= 4
        if groups and groups[-1][0] == crumb and not starts_item:
            _, s, e = groups[-1]
            if p.end - s <= TARGET or e - s < MIN:
                groups[-1] = (crumb, s, p.end)
                continue
        if groups and (groups[-1][2] - groups[-1][1]) < MIN and groups[-1][0] == crumb and p.end - groups[-1][1] <= MAX:
            _, s, _e = groups[-1]
            groups[-1] = (crumb, s, p.end)
            continue
        groups.append((crumb, p.start, p.end))
    # A tiny group joins its neighbour: a trailing line ("- UBND huyện chủ trì ...") the item it
    # closes, a heading alone the items it opens.
    merged: list[tuple[str, int, int]] = []
    for g in groups:
        if merged and g[2] - g[1] < MIN and g[0] == merged[-1][0] and g[2] - merged[-1][1] <= MAX:
            merged[-1] = (g[0], merged[-1][1], g[2])
        elif merged and g[2] - g[1] < MIN and _parent(g[0]) and _parent(g[0]) == _parent(merged[-1][0]) \
                and g[2] - merged[-1][1] <= TARGET:
            # A short item joins its sibling: "1. ... bản tin" and "2. ... loa phát thanh" answer together.
            merged[-1] = (_parent(g[0]), merged[-1][1], g[2])
        elif merged and merged[-1][2] - merged[-1][1] < MIN and g[0].startswith(merged[-1][0]) \
                and g[2] - merged[-1][1] <= MAX:
            merged[-1] = (g[0], merged[-1][1], g[2])
        else:
            merged.append(g)
    chunks: list[Chunk] = []
    for crumb, s, e in merged:
        spans = _split_long(s, e, text) if e - s > MAX else [(s, e)]
        for a, b in spans:
            body = text[a:b]
            cid = hashlib.sha1(f"{doc_id}\x00{a}\x00{b}\x00{body}".encode()).hexdigest()[:20]
            chunks.append(Chunk(cid, doc_id, body, a, b, crumb, len(chunks)))
    return chunks
