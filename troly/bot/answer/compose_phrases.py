"""Answers found by a phrase pattern in the text: where to report, what a thing "is", who says X.

- "báo cáo về đâu / báo cáo ai": sentences where "báo cáo" leads to a body ("về Ban Thường vụ
  Huyện ủy", "UBND phường");
- "X là gì / X được xác định là gì / X có vai trò gì / X có vị trí thế nào": sentences that say
  "X ... là ...", preferring what several documents say alike;
- "văn bản nào nhắc đến X": each document that says X, quoting its first mention.
"""
from __future__ import annotations

import re

from troly.bot.answer.library import Library
from troly.bot.answer.query import Query
from troly.bot.answer.quotes import label, overlap, repaired_note, sentence_at, source, trim
from troly.models import Answer, Hit
from troly.prompts import answers as msg
from troly.vn.text import fold, fold_chars, folded_syllables

_ORG = (r"(?:ban|uy ban|ubnd|thuong truc|thuong vu|huyen uy|thanh uy|tinh uy|dang uy|van phong|phong|so|chu tich|"
        r"bi thu|cap uy|chi bo|mat tran|ubmttq)")
_REPORT_TO = re.compile(r"bao cao\b[^.;]{0,160}?\b(?:ve|cho|len|toi|den)\s+(?=" + _ORG + r"\b)|bao cao\s+(?=" + _ORG + r"\b)")
_STOP_TO = re.compile(r"[,;.]|\s(?:theo|de|nham|xem xet|truoc ngay|trong|dinh ky)\b")
_DEFINE_Q = re.compile(
    r"^(?:theo [^,]{0,60},\s*)?(?P<x>.+?)\s+(?:duoc (?:cac van ban |van ban )?(?:xac dinh|coi|danh gia|khang dinh) la gi|"
    r"la gi|co vai tro (?:gi|the nao|nhu the nao)|giu vai tro gi|co vi tri (?:gi|the nao|nhu the nao))"
)


def _regions(lib: Library, docs: list[str], hits: list[Hit]) -> list[tuple[str, int, int]]:
    """Where to look: the targeted documents whole, else the retrieved passages (fast at any size)."""
    if docs:
        return [(d, 0, len(lib.docs[d].text)) for d in docs if d in lib.docs]
    return [(h.doc_id, h.chunk.start, h.chunk.end) for h in hits if h.doc_id in lib.docs]


def report_to(q: Query, lib: Library, docs: list[str], hits: list[Hit]) -> Answer | None:
    """Every "báo cáo ... về <cơ quan>" of the best-matching document (at most three)."""
    words = [w for w in q.content if w not in ("bao", "cao")]
    found: list[tuple[float, str, str, tuple[int, int]]] = []
    for d, lo, hi in _regions(lib, docs, hits):
        doc = lib.docs[d]
        ftext = lib.folded(d)
        for m in _REPORT_TO.finditer(ftext, lo, hi):
            start = m.end()
            stop = _STOP_TO.search(ftext, start)
            end = stop.start() if stop and stop.start() - start < 140 else start + 100
            who = doc.text[start:end].strip(" ,")
            span = sentence_at(doc.text, m.start())
            if len(who) >= 3 and span is not None:
                score = overlap(words, doc.text[span[0]:span[1]]) + (0.2 if d in docs else 0.0)
                found.append((score, d, who, span))
    if not found:
        return None
    found.sort(key=lambda f: -f[0])
    doc = lib.docs[found[0][1]]
    rows, seen = [], set()
    for score, d, who, span in found:
        if d == doc.id and span not in seen and len(rows) < 3:
            seen.add(span)
            rows.append((who, span))
    lines = [msg.REPORT_TO_HEAD.format(label=label(doc))] + [f"- {who} [{n}]" for n, (who, _) in enumerate(rows, 1)]
    sources = [source(doc, a, b) for _, (a, b) in rows]
    return Answer("\n".join(lines) + repaired_note(doc), False, "report_to", sources, [doc.id])


def subject_of_definition(q: Query) -> str:
    m = _DEFINE_Q.search(q.folded)
    if not m:
        return ""
    x = re.sub(r"^(?:cac|nhung)\s+", "", m.group("x")).strip(" ,")
    return x if 1 <= len(x.split()) <= 8 else ""


def define(q: Query, lib: Library, docs: list[str], hits: list[Hit]) -> Answer | None:
    """"X là gì": sentences saying "X ... là ..."; what more documents say alike ranks first."""
    x = subject_of_definition(q)
    if not x:
        return None
    rx = re.compile(r"(?<![\w])" + re.escape(x) + r"(?:\s*\([^)]{1,20}\))?\s*(?:[,:]\s*)?(?:la|giu vai tro|co vai tro)\s+(?P<what>[^.;]{4,200})")
    found: list[tuple[str, int, int, str]] = []  # (doc id, start, end, folded definition)
    for d, lo, hi in _regions(lib, docs, hits):
        doc = lib.docs[d]
        ftext = lib.folded(d)
        for m in rx.finditer(ftext, lo, hi):
            span = sentence_at(doc.text, m.start())
            if span is not None:
                found.append((d, m.start(), span[1], fold(m.group("what"))[:40]))
    if not found:
        return None
    agree = {}
    for _, _, _, what in found:
        agree[what] = agree.get(what, 0) + 1
    found.sort(key=lambda f: (-agree[f[3]], lib.docs[f[0]].facts.repaired))
    d, a, b, _ = found[0]
    doc = lib.docs[d]
    quote_text = doc.text[a:b].strip()
    others = sorted({f[0] for f in found if f[3] == found[0][3]} - {d})
    also = msg.DEFINITION_ALSO.format(n=len(others)) if others else ""
    text = msg.DEFINITION.format(label=label(doc), also=also, quote=trim(quote_text, 400))
    return Answer(text + repaired_note(doc), False, "definition", [source(doc, a, b)], [d] + others)


_MENTION_Q = re.compile(r"\b(?:nhac (?:den|toi)|de cap(?: (?:den|toi))?|noi (?:ve|den|toi)|trich dan|neu)\s+(?P<x>.+?)"
                        r"(?:\s+(?:khong|chua|vay|nhi|a))?[\s?!.]*$")


def mentions(q: Query, lib: Library, docs: list[str], hits: list[Hit]) -> Answer | None:
    """"Văn bản nào nhắc đến chuyển đổi số?": every document that says the phrase, first mention quoted."""
    m = _MENTION_Q.search(fold_chars(q.text))  # offsets of the question as typed
    words = folded_syllables(m.group("x")) if m else []
    if not words:
        return None
    phrase = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b")
    found: dict[str, int] = {}
    for d, lo, hi in _regions(lib, docs, hits):
        at = phrase.search(lib.folded(d), lo, hi)
        if at and (d not in found or at.start() < found[d]):
            found[d] = at.start()
    if not found:
        return None
    topic = q.text[m.start("x"):m.end("x")].strip()
    lines, sources = [msg.MENTIONS_HEAD.format(ref=f"“{topic}”")], []
    for n, (d, pos) in enumerate(list(found.items())[:6], 1):
        doc = lib.docs[d]
        lines.append(f"{n}. {label(doc)} [{n}]")
        sources.append(source(doc, *(sentence_at(doc.text, pos) or (pos, pos + len(topic)))))
    if len(found) > 6:
        lines.append(msg.DOC_LIST_MORE.format(n=len(found) - 6))
    return Answer("\n".join(lines), False, "mentions", sources, list(found)[:6])
