"""Who a task is given to, when a heading says it: "5. Công an tỉnh", "2. Sở Nông nghiệp và Môi
trường", "1. Bộ Tài chính chủ trì, phối hợp với các bộ, địa phương liên quan".

Under such a heading each item is that body's task, written without its subject ("Thẩm duyệt
thiết kế về phòng cháy, chữa cháy ..."): read alone it looks like a rule for everyone, and a post
that quotes it hides who must act. ``heading_body`` reads the body's name from the heading;
``with_body`` gives an item its subject back. A plan may name the body after the task instead,
in a line of its own ("5. Huy động nguồn lực ..." then "- UBND huyện chủ trì, phối hợp ...."):
``library.item_leads``. Pure functions.
"""
from __future__ import annotations

import re

from troly.vn.bodies import REQUEST, marks_fit
from troly.vn.case import lower_first
from troly.bot.posts.lexicon import BODY_HEADS, predicate_start, starts, tokens

MAX_BODY_HEADING_WORDS = 20  # "Bộ Y tế theo chức năng, nhiệm vụ được giao chủ trì, phối hợp với ..."
MAX_NAME_WORDS = 12  # "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh": longer is no name
BODY_LEVELS = 2  # an item's own heading, or the heading above it

_MARK = re.compile(r"^\s*(?:Điều\s+\d+[a-zđ]?\s*[.:]|[IVXLC]+\s*[.)]|\d+(?:\.\d+)*\s*[.)]?|[a-zđ]\s*\))\s*")
_NAME_END = re.compile(r":|\s(?:theo|trong|tại|căn cứ)\s")  # not a comma: "các xã, phường"
_NOT_NAMES = ("ban hanh", "truong hop")  # "Trường hợp ..." opens a condition


def heading_body(heading: str) -> str:
    """The body a heading names as who carries out the items under it ("" when none)."""
    text = REQUEST.sub("", _MARK.sub("", heading or "")).strip(" .:")
    if not text or len(text.split()) > MAX_BODY_HEADING_WORDS or not text[:1].isupper():
        return ""
    toks = tokens(text)
    words = [w for _, w, _ in toks]
    head = starts(words, 0, BODY_HEADS)
    if not head or " ".join(words[:2]).startswith(_NOT_NAMES):
        return ""
    if not marks_fit(head, toks[0][2]):  # "Bộ"/"bổ sung", "Sở"/"số": a head read with its marks
        return ""
    start, _ = predicate_start(text)
    name = text[:start].strip() if start else text
    name = _NAME_END.split(name, maxsplit=1)[0].strip(" ,.;:")
    return name if 0 < len(name.split()) <= MAX_NAME_WORDS else ""


def body_of(path: list[str]) -> str:
    """The body whose task a sentence under ``path`` is: its own heading's, or the one above."""
    for heading in reversed(path[-BODY_LEVELS:]):
        name = heading_body(heading)
        if name:
            return name
    return ""


def with_body(text: str, body: str) -> str:
    """An item that opens with its verb, with the body's name as its subject."""
    if not body or not text or body.isupper():
        return text  # a name in capitals ("SỞ Y TẾ") would shout in the middle of a point
    return f"{body} {lower_first(text)}"  # an abbreviation ("UBND") keeps its capitals
