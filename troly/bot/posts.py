"""Short posts for propaganda teams (``/bai``, ``troly post``), grounded in the documents.

A post is built from document sentences (``post_material``) laid out per channel
(``post_templates``). With an LLM configured the model may word it better, but its text is
kept only when it passes the same checks as the template: every number, date and document
number must appear in the cited documents (``troly.bot.grounding``), and the channel's
length and form rules hold; otherwise the template post is used. When the documents say
nothing on the topic, ``NoMaterial`` is raised rather than writing an empty post.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from troly.bot import post_material as M
from troly.bot import post_templates as T
from troly.bot.grounding import unsupported
from troly.bot.post_repaired import publishable, text_pairs
from troly.models import Document, Hit, Source
from troly.prompts import posts as P

log = logging.getLogger(__name__)

MIN_COVERAGE = 0.5  # share of the topic a document must contain to be material
MIN_POINTS, MAX_POINTS = 3, 5
SEARCH_K = 12


class KB(Protocol):
    def search(self, query: str, k: int = 5, doc_ids: list[str] | None = None) -> list[Hit]: ...
    def documents(self) -> list[Document]: ...


class NoMaterial(Exception):
    """The documents have nothing on the topic; ``str(exc)`` is the Vietnamese message."""


@dataclass
class Post:
    channel: str  # "zalo" | "facebook" | "loa"
    text: str
    sources: list[Source] = field(default_factory=list)
    topic: str = ""
    variant: int = 0
    llm: bool = False  # worded by the LLM (and checked)

    def to_json(self) -> dict[str, Any]:
        return {
            "channel": self.channel,
            "text": self.text,
            "sources": [
                {"document": s.document, "title": s.title, "section": s.section, "quote": s.quote}
                for s in self.sources
            ],
        }


@dataclass
class Material:
    """Scored sentences, best first, and the phrase the first point must carry (if any)."""

    ranked: list[tuple[float, M.Unit, Document]]
    lead: tuple[str, ...] | None = None


class PostWriter:
    """Writes posts on a topic from a knowledge base; ``llm`` is an optional LLMWriter."""

    def __init__(self, kb: KB, llm=None):
        self.kb = kb
        self.llm = llm

    def run(self, topic: str, channel: str = "zalo", variants: int = 1) -> list[Post]:
        """``variants`` posts (1–5) differing in wording and in the points they pick."""
        channel = channel.lower().strip()
        if channel not in T.CHANNELS:
            raise ValueError(f"unknown channel {channel!r}; expected one of {', '.join(T.CHANNELS)}")
        topic = " ".join(topic.split())
        if not topic:
            raise NoMaterial(P.EMPTY_TOPIC)
        material = self._material(topic)
        used: dict[int, int] = {}
        posts = []
        for v in range(max(1, min(variants, 5))):
            points = self._choose(material, channel, used, v)
            post = self._template(topic, channel, points, v)
            better = self._llm_post(topic, channel, points, post, v) if self.llm else None
            posts.append(better or post)
        return posts

    # --- material -----------------------------------------------------------------

    def _material(self, topic: str) -> Material:
        """Scored sentences of the documents that cover the topic, best first.

        Every readable document takes part; a machine-repaired one only with its sentences
        that read as written (``post_repaired.publishable``), and a clean document wins ties.
        """
        t = M.parse_topic(topic)
        hits = self.kb.search(topic, k=SEARCH_K)
        in_hit = {(h.doc_id, h.chunk.start, h.chunk.end): 1.0 - i / SEARCH_K for i, h in enumerate(hits)}
        every = self.kb.documents()
        known: set[tuple[str, str]] = set()
        for d in every:
            if _clean(d):
                known |= _pairs(d)
        docs = [d for d in every if _readable(d)]
        units = {d.id: [u for u in M.units(d) if not u.heading
                        and (not d.facts.repaired or publishable(u.text, known))] for d in docs}
        sentences = [u.folded for us in units.values() for u in us]
        weights = M.phrase_weights(t, sentences)
        ranked = self._rank(t, docs, units, in_hit, weights)
        if len(ranked) < MIN_POINTS:
            log.info("post on %r: %d usable sentences, not enough", topic, len(ranked))
            raise NoMaterial(P.NO_MATERIAL.format(topic=topic))
        lead = M.lead_phrase(t, weights, [u.folded for _, u, _ in ranked])
        return Material(ranked, lead)

    @staticmethod
    def _rank(t: M.Topic, docs: list[Document], units: dict[str, list[M.Unit]], in_hit: dict,
              weights: dict) -> list[tuple[float, M.Unit, Document]]:
        ranked = []
        for d in docs:
            about = M.doc_about(d, t.refs) or M.title_about(d, t)
            if M.coverage_units(units[d.id], t, about) < MIN_COVERAGE:
                continue
            given = M.title_phrases(d, t)
            for u in units[d.id]:
                s = M.score(u, t, about, weights, given)
                if s < 1.0:
                    continue
                if d.sections and u.start < min(sec.start for sec in d.sections):
                    s -= 0.6  # the title block and recitals repeat the document's name
                if d.facts.repaired:
                    s -= 0.1  # same merit: the office's own text over a restored scan
                s += 0.5 * max((w for (di, a, b), w in in_hit.items()
                                if di == d.id and a <= u.start < b), default=0.0)
                ranked.append((s, u, d))
        ranked.sort(key=lambda x: (-x[0], x[2].facts.repaired, x[1].doc_id, x[1].start))
        return ranked

    def _choose(self, material: Material, channel: str, used: dict[int, int],
                variant: int) -> list[T.Point]:
        """The lead sentence, then the best sentences not yet used by earlier variants.

        The lead carries the topic's most distinctive phrase when any sentence does (a post
        on the people's role opens with the people). At most two documents. Even variants
        list the rest in text order, odd ones by merit, so variants read differently.
        """
        ranked = material.ranked
        order = sorted(range(len(ranked)), key=lambda i: (used.get(i, 0), -ranked[i][0], i))
        leads = [i for i in order if material.lead and M.has_phrase(ranked[i][1], material.lead)
                 and M.says(M.shorten(ranked[i][1].text, T.POINT_CHARS[channel]), material.lead)]
        first = leads[0] if leads else order[0]
        chosen: list[int] = [first]
        docs: list[str] = [ranked[first][2].id]
        limit = MAX_POINTS + 2 if channel == "loa" else MAX_POINTS  # the script keeps what fits
        for i in order:
            _, u, d = ranked[i]
            if i == first or (d.id not in docs and len(docs) >= 2):
                continue
            text = M.shorten(u.text, T.POINT_CHARS[channel])
            if not text or any(_similar(text, ranked[j][1].text) for j in chosen):
                continue
            chosen.append(i)
            if d.id not in docs:
                docs.append(d.id)
            if len(chosen) >= limit:
                break
        for i in chosen:
            used[i] = used.get(i, 0) + 1
        rest = chosen[1:]
        if variant % 2 == 0:
            rest.sort(key=lambda i: (docs.index(ranked[i][2].id), ranked[i][1].start))
        chosen = [first] + rest
        return [T.Point(M.shorten(ranked[i][1].text, T.POINT_CHARS[channel]), ranked[i][2],
                        ranked[i][1].quote, _section(ranked[i][2], ranked[i][1].start)) for i in chosen]

    # --- template -----------------------------------------------------------------

    def _template(self, topic: str, channel: str, points: list[T.Point], variant: int) -> Post:
        """The template post, trimmed to the channel's budget and checked for grounding."""
        show_topic = not unsupported(topic, [d.text for d in _docs(points)])
        pts = list(points)
        while True:
            text = self._layout(channel, topic, pts, variant, show_topic)
            if T.fits(channel, text) or len(pts) <= MIN_POINTS:
                break
            pts = pts[:-1]
        bad = unsupported(text, [d.text for d in _docs(pts)])
        if bad:  # defensive: template text is document text, but cleaning may have merged digits
            log.warning("template post had unsupported facts %s; dropping those points", bad)
            pts = [p for p in pts if not any(b in p.text for b in bad)] or pts[:1]
            text = self._layout(channel, topic, pts, variant, False)
        if not T.long_enough(channel, text):
            log.info("post on %r for %s is short (%d chars)", topic, channel, len(text))
        return Post(channel, text, _sources(pts), topic, variant)

    @staticmethod
    def _layout(channel: str, topic: str, pts: list[T.Point], variant: int, show_topic: bool) -> str:
        docs = _docs(pts)
        if channel == "loa":
            return T.loa(topic, pts, docs, variant, show_topic)
        return T.social(channel, topic, pts, docs, variant, show_topic)

    # --- LLM ----------------------------------------------------------------------

    def _llm_post(self, topic: str, channel: str, points: list[T.Point], fallback: Post,
                  variant: int) -> Post | None:
        """The model's wording of the same points, or None to keep the template post."""
        from troly.bot.llm import _data, format_sources  # same source format as answers
        from troly.prompts.loader import render

        sources = _sources(points)
        max_chars = 1400 if channel != "loa" else 1500
        system = render("llm_post", channel=P.CHANNEL_NAMES[channel], max_chars=max_chars)
        user = P.LLM_POST_USER.format(sources=format_sources(sources), topic=_data(topic),
                                      channel=P.CHANNEL_NAMES[channel], rules=P.LLM_RULES[channel],
                                      n=len(sources))
        raw = self.llm.complete(system, user)
        if not raw:
            return None
        text = _finish_llm(raw, channel, topic, points, variant)
        problem = _llm_problem(text, channel, points)
        if problem:
            log.info("LLM post rejected (%s); using the template post", problem)
            return None
        return Post(channel, text, sources, topic, variant, llm=True)


def _finish_llm(raw: str, channel: str, topic: str, points: list[T.Point], variant: int) -> str:
    """Strip citation markers and markdown; add the source line and hashtags on social channels."""
    text = re.sub(r"\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]", "", raw)
    text = re.sub(r"\*\*|__|^#+\s*", "", text, flags=re.M).strip()
    if text.strip() == "Không có thông tin.":
        return ""
    if channel == "loa":
        return T.spoken(" ".join(text.split()))
    docs = _docs(points)
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith(("#", "Nguồn:", "📌"))]
    tags = " ".join(T.hashtags(topic, points, docs))
    return "\n".join(lines).rstrip() + "\n\n" + T._sources_line(docs) + "\n" + tags


def _llm_problem(text: str, channel: str, points: list[T.Point]) -> str:
    """Why an LLM post cannot be used; "" when it can."""
    if not text:
        return "empty or declined"
    bad = unsupported(text, [d.text for d in _docs(points)])
    if bad:
        return f"unsupported facts {bad}"
    if channel == "loa":
        n = len(text.split())
        if not T.LOA_WORDS[0] - 20 <= n <= T.LOA_WORDS[1]:
            return f"{n} words"
        if "#" in text or T._EMOJI.search(text):
            return "hashtag or emoji in a spoken script"
    elif not T.fits(channel, text):
        return f"too long ({len(text)} characters)"
    return ""


def _clean(doc: Document) -> bool:
    """Text as the office wrote it: neither damaged nor machine-repaired."""
    return not doc.facts.repaired and doc.facts.damaged < 0.05


_PAIRS: dict[tuple[str, str], set[tuple[str, str]]] = {}


def _pairs(doc: Document) -> set[tuple[str, str]]:
    """Syllable pairs of a clean document (they vouch for restored words), cached by content."""
    key = (doc.id, doc.sha256 or str(hash(doc.text)))
    if key not in _PAIRS:
        _PAIRS[key] = text_pairs(doc.text)
    return _PAIRS[key]


def _readable(doc: Document) -> bool:
    """Damaged documents that repair did not fix read badly; leave them out of posts."""
    return not (doc.facts.damaged >= 0.2 and not doc.facts.repaired)


def _docs(points: list[T.Point]) -> list[Document]:
    out: list[Document] = []
    for p in points:
        if all(p.doc.id != d.id for d in out):
            out.append(p.doc)
    return out


def _section(doc: Document, pos: int) -> str:
    inner = [s for s in doc.sections if s.start <= pos < s.end]
    return max(inner, key=lambda s: s.level).breadcrumb if inner else ""


def _sources(points: list[T.Point]) -> list[Source]:
    return [Source(p.doc.label, p.doc.facts.title, p.section, p.quote, p.doc.id, p.doc.facts.repaired)
            for p in points]


def _similar(a: str, b: str) -> bool:
    """Near-duplicate sentences (documents repeat each other almost word for word)."""
    wa, wb = set(M.content_words(a)), set(M.content_words(b))
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) > 0.8
