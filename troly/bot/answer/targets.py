"""Which documents a question is about: by number, by description, or by the previous turn."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from troly.bot.answer.library import Library
from troly.bot.answer.query import Query
from troly.models import Citation
from troly.vn.docnum import DocRef

_FOLLOW_UP = re.compile(r"\b(do|nay|tren|the con|con|van ban do|van ban nay|ke hoach do|no)\b")
PROFILE_MIN = 1.0  # one distinctive bigram (a place, an issuer) in a handful of documents
PROFILE_KEEP = 0.75
FOLLOW_UP_WORDS = 5  # content words of a question short enough to lean on the previous turn


@dataclass
class Targets:
    docs: list[str] = field(default_factory=list)  # knowledge-base documents the question is about
    cited: list[tuple[str, Citation]] = field(default_factory=list)  # the subject, when only cited
    subject_cited_only: bool = False
    unknown: DocRef | None = None  # a named document found nowhere
    from_previous: bool = False
    context_docs: list[str] = field(default_factory=list)  # documents that cite the named ones


def _strong(scores: dict[str, float], n_docs: int) -> list[str]:
    if not scores:
        return []
    top = max(scores.values())
    # One name unique to a document is enough, however few documents the base holds.
    if top < min(PROFILE_MIN, 0.99 * math.log(max(n_docs, 2))):
        return []
    return [d for d, s in sorted(scores.items(), key=lambda kv: -kv[1]) if s >= PROFILE_KEEP * top]


def _narrow(candidates: list[str], preferred: list[str]) -> list[str]:
    both = [d for d in preferred if d in candidates]
    return both or candidates


def _minus(words: list[str], taken: Sequence[str]) -> list[str]:
    """``words`` less one occurrence of each word in ``taken``: "Đoàn Thanh niên ... Châu Thành"
    gives the agency its "thanh" and keeps the place's."""
    left = Counter(taken)
    out = []
    for w in words:
        if left[w] > 0:
            left[w] -= 1
        else:
            out.append(w)
    return out


def find_targets(q: Query, lib: Library, previous: list[str], exclude: Sequence[str] = ()) -> Targets:
    """``exclude``: words that name something else than the document (the agency of a duty question)."""
    t = Targets()
    profile = _strong(lib.profile_scores(_minus(q.content, exclude)), len(lib.docs))
    for ref in q.refs:
        own = lib.own(ref) or (lib.loose_own(ref) if not ref.partial else [])
        cites = lib.citations(ref) or lib.loose_citations(ref)
        if not own and not cites:
            t.unknown = ref
            return t
        if ref is q.subject and own:
            t.docs = _narrow(own, profile)
        elif ref is q.subject:
            t.cited = cites
            t.subject_cited_only = True
            t.context_docs = _narrow(sorted({d for d, _ in cites}), profile)
        else:
            citing = sorted({d for d, _ in cites}) + own
            t.context_docs = _narrow(citing, t.context_docs or profile)
    if not t.docs and not t.subject_cited_only:
        if t.context_docs:
            t.docs = _narrow(t.context_docs, profile)
        elif profile:
            t.docs = profile
    # An elliptical question that names no document ("thời hạn hoàn thành là khi nào?") is about
    # the document of the previous turn.
    if not t.docs and not t.cited and not t.context_docs and previous and \
            (_FOLLOW_UP.search(q.folded) or len(q.content) <= FOLLOW_UP_WORDS):
        t.docs = list(previous)
        t.from_previous = True
    return t
