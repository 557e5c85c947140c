"""The work routes and guards share: candidate rows, content, scope checks, abstentions.

Each function reads a ``Context``; none changes it. What they compose comes from the
composer modules (``troly.bot.compose_*``); this module decides which passages they read.
"""
from __future__ import annotations

import re

from troly.bot.answer import compose_content, compose_facts, compose_phrases
from troly.bot.answer.context import Context
from troly.bot.answer.query import LIST_TYPE, frame_words
from troly.models import Answer
from troly.prompts import answers as msg
from troly.vn.docnum import type_code, type_name
from troly.vn.text import folded_syllables

_SUMMARY = re.compile(r"\b(tom tat|tom luoc|noi dung chinh|gom nhung (phan|noi dung) gi)\b")


def abstain(ctx: Context, reason: str) -> Answer:
    """An abstention that says what the base holds (its types, and its numbers when few)."""
    lib = ctx.lib
    topics = sorted({d.facts.type for d in lib.docs.values() if d.facts.type})
    keys = list(dict.fromkeys(d.facts.key for d in lib.docs.values() if d.facts.key))
    keys = keys if len(keys) <= 6 else []  # a few numbers help; a page of them does not
    cover = msg.COVERAGE.format(n=len(lib.docs), topics=", ".join(topics + keys) or "các văn bản chỉ đạo")
    return Answer(f"{reason} {cover}", True, "abstain")


def joined(parts: list[Answer], intent: str) -> Answer:
    """Several answers as one, their sources renumbered in turn."""
    lines, sources, doc_ids = [], [], []
    for a in parts:
        shift = len(sources)
        lines.append(re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + shift}]", a.answer) if shift else a.answer)
        sources += a.sources
        doc_ids += [d for d in a.doc_ids if d not in doc_ids]
    return Answer("\n".join(lines), not sources, intent, sources, doc_ids)


def scope_docs(ctx: Context) -> list[str]:
    t = ctx.targets
    return t.docs or t.context_docs


def small(ctx: Context, scope: list[str]) -> bool:
    """A scope small enough to read whole (else: the passages retrieval finds)."""
    return bool(scope) and len(scope) <= ctx.settings.answer_max_scan_docs


def candidate_rows(ctx: Context, docs: list[str] | None = None) -> list:
    """Assignment rows worth scoring: all of them in a small base or scope, else those inside
    the passages retrieval finds (keeps a 2,000-document base as fast as a 5-document one)."""
    lib = ctx.lib
    scope = scope_docs(ctx) if docs is None else docs
    if small(ctx, scope):
        return [(d, a) for d in dict.fromkeys(scope) if d in lib.docs for a in lib.docs[d].assignments]
    if len(lib.rows) <= ctx.settings.answer_max_scan_rows:
        return lib.rows
    hits = ctx.kb.search(ctx.q.text, k=30, doc_ids=scope or None)
    spans: dict[str, list[tuple[int, int]]] = {}
    for h in hits:
        spans.setdefault(h.doc_id, []).append((h.chunk.start, h.chunk.end))
    return [(d, a) for d, found in spans.items() if d in lib.docs for a in lib.docs[d].assignments
            if any(s <= a.start < e or a.start <= s < a.end for s, e in found)]


def residual(ctx: Context) -> list[str]:
    """Question words that do not just name the targeted documents (their place, issuer, number)."""
    q, lib, t = ctx.q, ctx.lib, ctx.targets
    named: set[str] = set()
    targets = set(t.docs + t.context_docs)
    for a, b in zip(q.content, q.content[1:]):
        if not lib.facts_words.get(f"{a} {b}", set()).isdisjoint(targets):  # a phrase of a target's title, place or issuer
            named.update((a, b))
    ref_words = {w for r in q.refs for w in folded_syllables(q.text[r.start:r.end])}
    return [w for w in q.content if w not in named and w not in ref_words]


def coverage(ctx: Context) -> float:
    """Share of the question's own words (beyond naming a document) that the corpus knows."""
    q = ctx.q
    named = set(q.content) - set(residual(ctx))
    return ctx.lib.coverage_of(q.folded, set(q.content), named, frame_words(q))


def in_scope(ctx: Context) -> bool:
    q, t = ctx.q, ctx.targets
    if q.refs and (t.docs or t.cited or t.context_docs):
        return True  # a named document that the base holds or cites
    if q.intent not in ("content", "doc_about") and t.docs:
        return True
    return coverage(ctx) >= ctx.settings.answer_coverage_min


def content(ctx: Context) -> Answer:
    """The section a question names, else the best sentences of the retrieved passages."""
    t, lib = ctx.targets, ctx.lib
    scope = scope_docs(ctx) or None
    hits = ctx.kb.search(ctx.q.text, k=8, doc_ids=scope)
    ctx.trace.documents = list(dict.fromkeys(ctx.trace.documents + [h.doc_id for h in hits[:5]]))
    top_docs = list(dict.fromkeys(h.doc_id for h in hits[:3]))
    section_docs = scope if scope and small(ctx, scope) else top_docs
    by_section = compose_content.section_answer(ctx.q, lib, section_docs, set(residual(ctx)))
    if by_section is not None:
        ctx.trace.composer = "compose_content.section_answer"
        return by_section
    ctx.trace.composer = "compose_content.content"
    ans = compose_content.content(ctx.q, lib, hits)
    if ans is None and scope is not None and not t.from_previous:
        ans = compose_content.content(ctx.q, lib, ctx.kb.search(ctx.q.text, k=8))
    return ans or abstain(ctx, msg.ABSTAIN)


def mentions(ctx: Context) -> Answer | None:
    """"Văn bản nào nhắc đến X" (no document number): the documents saying X, read whole when few."""
    q, lib = ctx.q, ctx.lib
    if q.intent != "mentions" or q.refs:
        return None
    scope = ctx.targets.docs or (list(lib.docs) if len(lib.docs) <= ctx.settings.answer_max_scan_docs else [])
    hits = [] if scope else ctx.kb.search(q.text, k=30)
    return compose_phrases.mentions(q, lib, scope, hits)


def facts(ctx: Context) -> Answer:
    """One fact of one document: from its facts, or what its citations say when only cited."""
    q, lib, t = ctx.q, ctx.lib, ctx.targets
    if t.subject_cited_only:
        ans = compose_facts.cited_answer(q.intent, t.cited, lib.docs) \
            if q.intent not in ("doc_cites", "doc_effective", "doc_amends") else None  # a citation never says these
        if ans is not None:
            return ans
        more = [w for w in residual(ctx) if w not in frame_words(q)]
        if q.intent == "doc_about" or len(more) > ctx.settings.answer_residual_max:
            return content(ctx)  # it asks more than the unknown fact: the citing passages may say
        name = q.text[q.subject.start:q.subject.end] if q.subject else ""
        what = msg.FACT_NAMES.get(q.intent, msg.FACT_NAME_DEFAULT)
        return abstain(ctx, msg.ABSTAIN_CITED_ONLY.format(ref=name, what=what))
    docs = t.docs
    if not docs and re.search(r"\b(van ban|ke hoach|huong dan|no) (do|nay)\b|^(the )?con\b", q.folded):
        return Answer(msg.NO_PREVIOUS, True, "clarify")  # "văn bản đó" with nothing before it
    if not docs:
        hits = ctx.kb.search(q.text, k=3)
        if not hits:
            return abstain(ctx, msg.ABSTAIN)
        docs = [hits[0].doc_id]
    name = "doc_summary" if q.intent == "doc_about" and _SUMMARY.search(q.folded) else q.intent
    ctx.trace.composer = f"compose_facts.{name}"
    # one number, several documents (two communes' "32/KH-UBND") and nothing in the question to
    # tell them apart: the fact of each, not of whichever comes first
    same = [d for d in docs if q.subject is not None and d in lib.docs and q.subject.matches(lib.docs[d].facts.key)]
    chosen = same[: ctx.settings.answer_max_subjects] if len(same) > 1 else docs[:1]
    ctx.trace.documents = list(dict.fromkeys(ctx.trace.documents + chosen))
    parts = [getattr(compose_facts, name)(lib.docs[d]) for d in chosen]
    return parts[0] if len(parts) == 1 else joined(parts, q.intent)


def figure_missing(ctx: Context) -> bool:
    """A figure asked for (a budget, a count) that the documents in scope never give."""
    from troly.bot.answer.figures import figure_in_folded

    q, lib, t = ctx.q, ctx.lib, ctx.targets
    # the documents asked about, else those retrieval finds for the question (not all 2,000)
    scope = t.docs or t.context_docs or list(dict.fromkeys(h.doc_id for h in ctx.kb.search(q.text, k=10)))
    return not any(figure_in_folded(lib.folded(d), q.quantity) for d in scope if d in lib.docs)


def no_list(ctx: Context) -> Answer:
    """No document of the type asked ("có những nghị quyết nào"), or none on the topic."""
    kind = LIST_TYPE.search(ctx.q.folded)
    code = type_code(kind.group("type")) if kind else ""
    if code and not any(type_code(d.facts.type) == code for d in ctx.lib.docs.values()):
        ctx.trace.reason = "no_document_of_type"
        return abstain(ctx, msg.ABSTAIN_NO_DOC_OF_TYPE.format(type=type_name(code).lower()))
    ctx.trace.reason = "no_document_on_topic"
    return abstain(ctx, msg.ABSTAIN_NO_DOC_ON_TOPIC)
