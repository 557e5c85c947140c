""""Hạn ... là khi nào" when no assignment row holds the task: the sentence of the documents that
best matches the task and states a time, with the time it states.

Plans often give a task's time in the sentence after it ("... gửi Bộ Tài chính. Thời gian hoàn
thành: Trước ngày 31/5/2026.") or in a labelled line; that sentence is read with the task's.
"""
from __future__ import annotations

import re

from troly.bot.answer.library import Library
from troly.bot.answer.query import Query, frame_words
from troly.bot.answer.quotes import label, overlap, sentences, source
from troly.models import Answer, Hit
from troly.prompts import answers as msg
from troly.vn.text import fold

# a time a task is due by: a day, a month, a quarter, "từ ... đến ..."
_TIME = re.compile(r"\b(?:truoc|cham nhat|den|tu|trong|hoan thanh)\b[^.;\n]{0,20}?"
                   r"(?:ngay\s*\d{1,2}|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|thang\s*\d{1,2}|quy\s+[ivx\d]+|\d{1,2}\s*/\s*\d{4})")
_TIME_LABEL = re.compile(r"^(?:thoi gian|thoi han|tien do)\b")
MIN_OVERLAP = 0.5  # of the task's words: below, the sentence is about another task


def dated(q: Query, lib: Library, hits: list[Hit], own: list[str]) -> Answer | None:
    """``own``: the question's words beyond those naming its document (the task's words)."""
    asking = frame_words(q)
    words = [w for w in own if w not in asking and w not in ("han", "khi", "nao", "thoi", "gian")]
    best: tuple[float, str, tuple[int, int], tuple[int, int] | None] | None = None
    for h in hits:
        doc = lib.docs.get(h.doc_id)
        if doc is None:
            continue
        spans = sentences(doc.text, h.chunk.start, h.chunk.end)
        for i, (a, b) in enumerate(spans):
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            own = _TIME.search(fold(doc.text[a:b]))
            follow = nxt if nxt and _TIME_LABEL.match(fold(doc.text[nxt[0]:nxt[1]])) \
                and _TIME.search(fold(doc.text[nxt[0]:nxt[1]])) else None
            if not own and not follow:
                continue
            s = overlap(words, doc.text[a:b])
            if s >= MIN_OVERLAP and (best is None or s > best[0]):
                best = (s, doc.id, (a, b), follow)
    if best is None:
        return None
    _, doc_id, span, follow = best
    doc = lib.docs[doc_id]
    spans = [span] + ([follow] if follow else [])
    said = " ".join(doc.text[a:b] for a, b in spans)
    text = msg.DATED_PASSAGE.format(label=label(doc), said=said)
    return Answer(text, False, "deadline", [source(doc, spans[0][0], spans[-1][1])], [doc.id])
