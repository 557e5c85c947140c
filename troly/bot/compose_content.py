"""Answers from retrieval: the sentences of the best passages that answer the question."""
from __future__ import annotations

from troly.bot.library import Library
from troly.bot.query import Query
from troly.bot.quotes import best_spans, label, overlap, repaired_note, source
from troly.models import Answer, Hit
from troly.prompts import answers as msg

ANSWER_LIMIT = 760
MIN_OVERLAP = 0.2  # below this the best passage shares too little with the question to answer it


def _pick(hits: list[Hit], q: Query) -> list[Hit]:
    """Hits of the best document, best first; a second document only when it is as good."""
    if not hits:
        return []
    best_doc = hits[0].doc_id
    same = [h for h in hits if h.doc_id == best_doc]
    return same[:3]


def content(q: Query, lib: Library, hits: list[Hit]) -> Answer | None:
    chosen = _pick(hits, q)
    if not chosen:
        return None
    words = q.content
    if overlap(words, chosen[0].chunk.section + " " + chosen[0].chunk.text) < MIN_OVERLAP:
        return None
    doc = lib.docs.get(chosen[0].doc_id)
    if doc is None:
        return None
    budget = ANSWER_LIMIT // max(len(chosen), 1)
    parts, sources = [], []
    for h in chosen:
        c = h.chunk
        spans = best_spans(doc.text, c.start, c.end, words, max(budget, 220))
        if not spans:
            continue
        for a, b in spans[:2]:
            if len(sources) >= 4:
                break
            sources.append(source(doc, a, b, c.section))
            parts.append(f"{doc.text[a:b].strip()} [{len(sources)}]")
    if not sources:
        return None
    section = chosen[0].chunk.section or "phần mở đầu"
    head = msg.CONTENT_HEAD.format(label=label(doc), section=section.split(" › ")[-1])
    body = " ".join(parts)
    if len(body) > ANSWER_LIMIT:
        body = body[:ANSWER_LIMIT].rsplit(" ", 1)[0] + "…"
    return Answer(f"{head} {body}{repaired_note(doc)}", False, "content", sources, [doc.id])
