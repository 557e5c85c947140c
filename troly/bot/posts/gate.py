"""Grounding is a gate: a post with a number, date, document number or issuer attribution that
no source supports is never returned. ``gate`` builds the richest text the sources support (a
faulty point is dropped, a faulty hook gives way to a plainer one); ``final_check`` checks the
post once more before it leaves."""
from __future__ import annotations

import logging

from troly.bot.grounding import ungrounded
from troly.bot.posts import templates as T
from troly.bot.posts.hook import issuer_attested, what
from troly.bot.posts.post import NoMaterial, Post, docs_of
from troly.models import Document
from troly.prompts import posts as P

log = logging.getLogger(__name__)


def facts_statements(docs: list[Document]) -> list[str]:
    """What the facts (read from each document's header) state, in the words a post names the
    document with: its type and number, its date and its issuer where the header prints it
    ("Công văn số 40088/CHQ-GSQL ngày ... của Cục Hải quan"). Only the document's own number is
    tied to its issuer: a number it cites never is."""
    out = []
    for d in docs:
        if not d.facts.key:
            continue
        out.append(what(d))
        if issuer_attested(d):
            out += [f"{d.facts.number or d.facts.key} của {d.facts.issuer}", T.source_label(d), what(d, issued=True)]
    return out


def gate_sources(docs: list[Document]) -> list[str]:
    return [d.text for d in docs] + facts_statements(docs)


def gate(build, fits, hook_list: list[str], points: list[T.Point], topic: str) -> tuple[str, list[T.Point]]:
    """The richest text that fits and that the sources support entirely.

    Points are dropped from the end until the text fits; a point carrying an unsupported fact
    is dropped; when the fault is outside the points, the next (plainer) hook is tried.
    """
    for n, hook in enumerate(hook_list):
        pts = list(points)
        while len(pts) > 1 and not fits(build(hook, pts)):
            pts = pts[:-1]
        if not fits(build(hook, pts)) and n + 1 < len(hook_list):
            continue  # one point and still too long: a plainer (shorter) hook
        while pts:
            text = build(hook, pts)
            bad = ungrounded(text, gate_sources(docs_of(pts) + [points[0].doc]))
            if not bad:
                return text, pts
            faulty = [p for p in pts if any(b in p.text for b in bad)]
            if not faulty:
                log.info("post on %r: the hook states %s, which no source supports; a plainer hook", topic, bad)
                break  # the hook or the frame: try a plainer hook
            log.warning("post on %r: unsupported %s; dropping %d point(s)", topic, bad, len(faulty))
            pts = [p for p in pts if p not in faulty]
    raise NoMaterial(P.UNGROUNDED.format(topic=topic))


def final_check(post: Post, docs: list[Document]) -> Post:
    """The returned post checked once more: never one with an unsupported fact or, read aloud,
    a digit left for the announcer to decode."""
    bad = ungrounded(post.written or post.text, gate_sources(docs))
    if post.channel == "loa" and any(ch.isdigit() for ch in post.text):
        bad.append("digits in a spoken script")
    if bad or not post.sources:
        log.warning("post on %r refused at the final check: %s", post.topic, bad or "no sources")
        raise NoMaterial(P.UNGROUNDED.format(topic=post.topic))
    return post
