"""Answers from retrieval: the sentences of the best passages that answer the question."""
from __future__ import annotations

import re
from functools import lru_cache

from troly.bot.answer.library import Library
from troly.bot.answer.query import Query, content_words
from troly.bot.answer.quotes import best_spans, label, overlap, repaired_note, sentences, source
from troly.ingest.sections import PREAMBLE, TAIL
from troly.models import Answer, Document, Hit
from troly.prompts import answers as msg
from troly.vn.text import fold

ANSWER_LIMIT = 760
MIN_OVERLAP = 0.2  # below this the best passage shares too little with the question to answer it
FIRST_SHARE = 0.8  # of the answer, at most, for the best passage's two best sentences
LIST_OVERLAP = 0.5  # share of a list-announcing sentence ("... sau:") the question uses, to bring its items


# A question asking a figure or a code ("giảm xuống còn bao nhiêu", "mức hỗ trợ là bao nhiêu", "mã số
# nào") wants first the sentence that states one; folded.
_ASKS_FIGURE = re.compile(r"\bbao nhieu\b|\bma so (?:nao|gi|la gi)\b|\bty le\b.{0,30}\b(?:nao|gi)\b")
# An amount, a rate or a tariff code as directives write them (not a document number or a date):
# "6,24%/năm", "2.615 tỷ đồng", "160.000 đồng", "8517.62.59".
_FIGURE = re.compile(r"\d[\d.,]*\s*(?:%|phần trăm|tỷ|triệu|nghìn|ngàn|đồng|USD|lần)|\b\d{4}\.\d{2}(?:\.\d{2})?\b",
                     re.I)


_BLANK = re.compile(r"[.…_]{3,}")  # a form's fill-in line: "2. ………..……………………."
BLANK_SHARE = 0.3  # of a sentence's characters in fill-in dots: a form to fill, not a rule


def blank(sentence: str) -> bool:
    """A form's line to fill in ("Họ và tên: ............"), which says nothing."""
    dots = sum(len(m.group()) for m in _BLANK.finditer(sentence))
    return dots >= BLANK_SHARE * max(len(sentence.strip()), 1)


def asks_figure(q: Query) -> bool:
    return bool(q.quantity) or bool(_ASKS_FIGURE.search(q.folded))


def _figure_first(text: str, picked: list[tuple[int, int, str]], hits: list[Hit],
                  asked: list[str]) -> list[tuple[int, int, str]]:
    """When a figure is asked and the answer does not open with one, the sentence of the chosen
    passages that states one and shares most with the question goes first (a long lead-in such as
    "... như sau:" or an appendix heading would push it out of sight)."""
    if not picked or _FIGURE.search(text[picked[0][0]:picked[0][1]]):
        return picked
    stated = [(a, b, h.chunk.section) for h in hits for a, b in sentences(text, h.chunk.start, h.chunk.end)
              if _FIGURE.search(text[a:b])]
    if not stated:
        return picked
    first = max(stated, key=lambda x: (overlap(asked, text[x[0]:x[1]]), -x[0]))
    if overlap(asked, text[first[0]:first[1]]) < MIN_OVERLAP:
        return picked
    return [first] + [x for x in picked if x[:2] != first[:2]]


_MARKER = re.compile(r"^\s*(?:[IVXLC]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]\s*", re.I)


def _head(doc: Document, section: str, first_quote: str) -> str:
    """"Theo <document> (<section>):", without the section when the first quote opens with its heading."""
    heading = fold(_MARKER.sub("", section.rstrip("…")))[:40].strip()
    if heading and fold(_MARKER.sub("", first_quote)).startswith(heading):
        return msg.CONTENT_HEAD_PLAIN.format(label=label(doc))
    return msg.CONTENT_HEAD.format(label=label(doc), section=section)


def _pick(hits: list[Hit], q: Query) -> list[Hit]:
    """Hits of the best document, best first; a second document only when it is as good.

    The recipients and signature are facts (their own composers answer "ai ký", "gửi đâu"),
    never a passage: a question naming an agency that is also a recipient must not quote them."""
    hits = [h for h in hits if h.chunk.section != TAIL]
    if not hits:
        return []
    best_doc = hits[0].doc_id
    same = [h for h in hits if h.doc_id == best_doc]
    # the opening (header, title, "Căn cứ ..." bases) names other documents; the body answers
    body = [h for h in same if h.chunk.section != PREAMBLE]
    return (body + [h for h in same if h.chunk.section == PREAMBLE])[:3]


def _asked(q: Query, sentence: str) -> float:
    """Share of a sentence's words the question uses."""
    words = content_words(fold(sentence))
    return sum(w in q.folded.split() for w in words) / len(words) if words else 0.0


def list_after(text: str, pos: int, room: int, most: int = 3) -> list[tuple[int, int]]:
    """The first items of the list a sentence ending in ":" announces, within ``room`` characters."""
    out: list[tuple[int, int]] = []
    for a, b in sentences(text, pos, min(len(text), pos + 2 * room)):
        if len(out) >= most or (out and sum(y - x for x, y in out) + (b - a) > room):
            break
        out.append((a, b))
    return out


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
    picked: list[tuple[int, int, str]] = []
    listed = False
    # the numbers the question names ("Nghị quyết 45") pick the sentences that cite them
    asked = words + [str(r.number) for r in q.refs]
    for i, h in enumerate(chosen):
        c = h.chunk
        # the best passage may fill most of the answer; the others share what it leaves
        left = ANSWER_LIMIT - sum(b - a + 5 for a, b, _ in picked)
        budget = int(left * FIRST_SHARE) if i == 0 else left // (len(chosen) - i)
        spans = [(a, b) for a, b in best_spans(doc.text, c.start, c.end, asked, max(budget, 220))
                 if not blank(doc.text[a:b])]
        if not spans:
            continue
        # the two best sentences of the passage, in reading order
        for a, b in sorted(sorted(spans, key=lambda ab: -overlap(asked, doc.text[ab[0]:ab[1]]))[:2]):
            if len(picked) >= 4:
                break
            picked.append((a, b, c.section))
            # "... những nhiệm vụ cụ thể sau:" wants its list, when that is what was asked
            if doc.text[a:b].rstrip().endswith(":") and _asked(q, doc.text[a:b]) >= LIST_OVERLAP:
                room = ANSWER_LIMIT - sum(y - x + 5 for x, y, _ in picked)
                picked += [(x, y, "") for x, y in list_after(doc.text, b, room, most=6) if not blank(doc.text[x:y])]
                listed = True
                break
        if listed:
            break
    if not picked:
        return None
    if asks_figure(q):
        picked = _figure_first(doc.text, picked, chosen, asked)
    sources = [source(doc, a, b, sec) for a, b, sec in picked]
    parts = [f"{doc.text[a:b].strip()} [{n}]" for n, (a, b, _) in enumerate(picked, 1)]
    section = picked[0][2] or chosen[0].chunk.section or "phần mở đầu"
    head = _head(doc, section.split(" › ")[-1], sources[0].quote)
    body = " ".join(parts)
    if len(body) > ANSWER_LIMIT:
        body = body[:ANSWER_LIMIT].rsplit(" ", 1)[0] + "…"
    return Answer(f"{head} {body}{repaired_note(doc)}", False, "content", sources, [doc.id])


@lru_cache(maxsize=65536)
def _heading_words(heading: str) -> tuple[str, ...]:
    from troly.bot.answer.query import content_words
    from troly.vn.text import fold

    # "2. Hình thức, biện pháp tuyên truyền" -> words without the label
    return tuple(content_words(fold(heading.split(". ", 1)[-1] if heading[:1].isalnum() and ". " in heading[:6] else heading)))


def heading_match(q: Query, heading: str, residual: set[str] | None = None) -> float:
    """Share of a heading's words the question uses, when they share at least one bigram.

    Words that only describe the document (its title: "kế hoạch quán triệt, tuyên truyền ...")
    count half, so "mục đích của kế hoạch quán triệt ..." names the "MỤC ĐÍCH" section.
    """
    hw = _heading_words(heading)
    if len(hw) < 2:
        return 0.0
    qs = set(q.content)
    qg = {f"{a} {b}" for a, b in zip(q.content, q.content[1:])}
    if not any(f"{a} {b}" in qg for a, b in zip(hw, hw[1:])):
        return 0.0
    weight = (lambda w: 1.0 if residual is None or w in residual else 0.5)
    return sum(weight(w) for w in hw if w in qs) / len(hw)


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the blank-line separated paragraphs of ``text[start:end]`` (the first is the heading)."""
    out, pos = [], start
    while pos < end:
        nxt = text.find("\n\n", pos, end)
        stop = end if nxt < 0 else nxt
        if text[pos:stop].strip():
            out.append((pos, stop))
        pos = stop + 2
    return out


def section_answer(q: Query, lib: Library, doc_ids: list[str], residual: set[str] | None = None) -> Answer | None:
    """"Những hình thức nào", "mục đích là gì": the items of the section whose heading the question names."""
    best = None
    for d in doc_ids:
        doc = lib.docs.get(d)
        if doc is None:
            continue
        for s in doc.sections:
            if s.level > 3:
                continue
            score = heading_match(q, s.heading, residual)
            # The question must be about the section itself: few of its own words left over.
            leftover = [w for w in (residual if residual is not None else set(q.content))
                        if w not in set(_heading_words(s.heading))]
            if len(leftover) > 2:
                continue
            if score >= 0.5 and (best is None or score > best[0] + 1e-9) and not blank(doc.text[s.start:s.end]):
                best = (score, doc, s)  # (a form's section, its lines to fill in, answers nothing)
    if best is None:
        return None
    _, doc, sec = best
    children = [c for c in doc.sections if c.start >= sec.start and c.end <= sec.end and c.level == sec.level + 1]
    items = [(c.start, c.end, c.breadcrumb) for c in children]
    if not items:
        # Paragraphs without labels are the section's items.
        items = [(a, b, sec.breadcrumb) for a, b in _paragraphs(doc.text, sec.start, sec.end)[1:]
                 if (first := sentences(doc.text, a, b)) and first[0][1] - first[0][0] >= 40]
    spans = []
    if len(items) >= (1 if children else 2):
        per = max(140, ANSWER_LIMIT // len(items))
        for a, b, crumb in items[:6]:
            # An item's own opening says what it is about: quote it from its start.
            sents = sentences(doc.text, a, b)
            if sents:
                end = sents[0][1]
                for _, y in sents[1:]:
                    if y - sents[0][0] > per:
                        break
                    end = y
                spans.append((sents[0][0], end, crumb))
    else:
        for a, b in best_spans(doc.text, sec.start, sec.end, q.content, ANSWER_LIMIT)[:4]:
            spans.append((a, b, sec.breadcrumb))
    if not spans:
        return None
    head = _head(doc, sec.heading, doc.text[spans[0][0]:spans[0][1]])
    parts, sources, used = [], [], len(head)
    for n, (a, b, crumb) in enumerate(spans, 1):
        piece = doc.text[a:b].strip()
        piece = piece if len(piece) <= 200 else piece[:200].rsplit(" ", 1)[0] + "…"
        if used + len(piece) > ANSWER_LIMIT + 100 and parts:
            break
        parts.append(f"\n{n}. {piece} [{n}]")
        used += len(piece)
        sources.append(source(doc, a, b, crumb))
    return Answer(head + "".join(parts) + repaired_note(doc), False, "content", sources, [doc.id])
