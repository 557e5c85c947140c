"""Short posts for propaganda teams (``/bai``, ``troly post``, the admin page), from the documents.

A post has an audience (citizens by default, cadres with ``audience="canbo"``), an opening line
built from the main document's facts (``post_hook``), points that are document sentences about
the topic (``post_topic``) chosen for that audience (``post_audience``) and trimmed to their core
clause, a call to action that fits the channel, and its sources. Only clean text is used
(``post_library``). Grounding is a gate: a post whose number, date, document number or issuer
attribution no source supports is never returned; the point is dropped, the hook falls back
to a plainer one, and the post that is returned is checked again (``_gate``). With an LLM
configured the model may word the same points; its text passes the same gate or the template
post is kept. A topic no sentence is on raises ``NoMaterial``, naming the nearest topics the
documents do cover.
"""
from __future__ import annotations

import functools
import logging
from collections import Counter
from dataclasses import dataclass
from typing import Protocol

from troly.bot.posts import audience as A
from troly.bot.posts import frames as FR
from troly.bot.posts import library as L
from troly.bot.posts import material as M
from troly.bot.posts import procedures as PR
from troly.bot.posts import ranking as R
from troly.bot.posts.ranking import Candidate
from troly.bot.posts import templates as T
from troly.bot.posts import topic as TP
from troly.bot.grounding import unsupported
from troly.bot.posts.hook import hooks, target
from troly.bot.posts.gate import final_check, gate
from troly.bot.posts.llm import llm_post
from troly.bot.posts.mention import passing
from troly.bot.posts.phrases import contains, marks_agree, variants
from troly.bot.posts.post import NoMaterial, Post, docs_of, sources_of
from troly.bot.posts.sentences import scope_section
from troly.bot.posts.spoken import spoken
from troly.ingest.procedures import Procedure
from troly.models import Document, Hit
from troly.prompts import posts as P
from troly.vn.text import fold

log = logging.getLogger(__name__)

AUDIENCES = ("dan", "canbo")
PROCEDURE_CALLS = "thu_tuc"  # a citizen post on procedures asks people to file, not to "join in"
MAX_POINTS = 5
# A written post speaks for the one document its opening line names: points of a second document
# under that line read as the first one's (a reviewer's most common complaint after fragments). A
# loudspeaker bulletin runs 150-220 words and names each document as it reads it: two at most.
MAX_DOCS = {"zalo": 1, "facebook": 1, "loa": 2}
SEARCH_K = 12
# A sentence that adds at most this many words to its document's title (an appendix's name with
# its label, "...; Phụ lục II.") says nothing the opening line does not: heldout11 (stop 23).
TITLE_ECHO_WORDS = 3


class KB(Protocol):
    def search(self, query: str, k: int = 5, doc_ids: list[str] | None = None) -> list[Hit]: ...
    def documents(self) -> list[Document]: ...


@dataclass
class Material:
    ranked: list[Candidate]
    lead: tuple[str, ...] | None
    targets: dict[str, str]  # doc id -> its best target sentence (for the hook)
    phrases: tuple[tuple[str, ...], ...] = ()  # the topic's (folded), kept in the hook's title
    topic: str = ""  # as typed, marks and all
    calls: str = ""  # the calls to action, when not the audience's ("thu_tuc": procedures)


class PostWriter:
    """Writes posts on a topic from a knowledge base; ``llm`` is an optional LLMWriter."""

    def __init__(self, kb: KB, llm=None, settings=None):
        self.kb = kb
        self.llm = llm
        self.settings = settings or getattr(kb, "settings", None)

    def run(self, topic: str, channel: str = "zalo", variants: int = 1, audience: str = "dan") -> list[Post]:
        """``variants`` posts (1–5) differing in wording and in the points they pick."""
        channel = channel.lower().strip()
        if channel not in T.CHANNELS:
            raise ValueError(f"unknown channel {channel!r}; expected one of {', '.join(T.CHANNELS)}")
        audience = (audience or "dan").lower().strip()
        if audience not in AUDIENCES:
            raise ValueError(f"unknown audience {audience!r}; expected one of {', '.join(AUDIENCES)}")
        topic = " ".join(topic.split())
        if not topic:
            raise NoMaterial(P.EMPTY_TOPIC)
        try:
            material, declined = self._material(topic, audience), None
        except NoMaterial as e:
            material, declined = None, e
        told = self._procedures(topic, audience, material)
        if told is not None:
            material = Material([], None, {}, told[2], topic, PROCEDURE_CALLS if audience == "dan" else "")
        elif material is None:
            raise declined  # type: ignore[misc]
        used: dict[int, int] = {}
        posts = []
        for v in range(max(1, min(variants, 5))):
            points = PR.points(told[0], PR.turn(told[1], v), channel) if told else self._choose(material, channel, used, v)
            post = self._template(topic, channel, points, material, v, audience)
            better = llm_post(self.llm, topic, channel, post, points) if self.llm else None
            posts.append(final_check(better, docs_of(points)) if better else post)
        return posts

    # --- material -----------------------------------------------------------------

    def _library(self) -> L.Library:
        min_conf = getattr(self.settings, "post_repair_min_confidence", 0.9)
        return L.build(self.kb.documents(), min_conf)

    @staticmethod
    def _on_topic(t: M.Topic, lib: L.Library, by_title: bool = False,
                  passed: list[L.Entry] | None = None) -> list[tuple[L.Entry, Document, bool]]:
        """Every usable sentence on the topic, with its document and whether that document is
        the one the topic names. ``by_title``: when no sentence holds the topic's words, a
        document whose title names the whole topic is on it in each sentence (a decision on
        internet points' hours "không cung cấp dịch vụ trò chơi điện tử" does not repeat the
        words in its articles): a topic the documents cover is never declined. Sentences that
        name the topic only in passing are added to ``passed`` when it is given."""
        out = []
        needs = [set(v) for p in t.phrases for v in variants(p)]  # a sentence holds one at least
        for d in lib.docs:
            about = M.doc_about(d, t.refs)
            # a document whose title names every phrase of the topic is on it in each sentence
            titled = by_title and bool(t.phrases) and len(M.title_phrases(d, t)) == len(t.phrases)
            loose = (about and bool(t.refs)) or titled
            body_start = R.body_start(d)
            title_words = M.content_words(d.facts.title)
            title_set = set(title_words)
            for e in lib.entries.get(d.id, []):
                if e.unit.start < body_start and L.similar(e.unit.folded, title_words):
                    continue  # the title itself: the opening line says it
                if len(e.words - title_set) <= TITLE_ECHO_WORDS:
                    continue  # the title again, with an appendix's label
                if needs and not loose and not any(n <= e.words for n in needs):
                    continue
                if scope_section(e.path):
                    continue  # "Phạm vi điều chỉnh", "Đối tượng áp dụng": where a rule applies, not what it says
                if titled and e.unit.start < body_start:
                    continue  # the title block and the recitals before the body only repeat the title
                context = TP.context_words(d, e.path)
                if not TP.on_topic(e.unit, context, t, about, titled, " ".join([d.facts.title, *e.path])):
                    continue
                if not loose and passing(e.unit.text, [p for p in t.phrases if not contains(context, p)]):
                    if passed is not None:  # "an toàn công trình, phòng cháy, chữa cháy, bảo vệ môi trường ..."
                        passed.append(e)
                    continue
                out.append((e, d, about))
        return out

    def _procedures(self, topic: str, audience: str, material: Material | None
                    ) -> tuple[Document, list[Procedure], tuple[tuple[str, ...], ...]] | None:
        """The procedures a post tells instead of sentences, with their decision
        (``procedures.choose``). A decision announcing procedures says in its articles only that
        it does; the rows say what each takes, costs and where to file."""
        lib = self._library()
        t = TP.split_phrases(M.parse_topic(topic), lib.grams)
        top = material.ranked[0].doc if material and material.ranked else None
        if top is not None and audience == "dan" \
                and not any(A.tells(c.entry.unit.text, c.entry.reading) for c in material.ranked):
            top = None  # sentences that only task bodies ("Thực hiện các mục tiêu ... di sản"): any
            # decision whose procedures the topic names says more to people (heldout28)
        chosen = PR.choose(lib.docs, lib.procedures, t, top, internal=audience == "canbo")
        return (chosen[0], chosen[1], tuple(t.phrases)) if chosen else None

    def _material(self, topic: str, audience: str) -> Material:
        lib = self._library()
        t = TP.split_phrases(M.parse_topic(topic), lib.grams)
        passed: list[L.Entry] = []
        found = self._on_topic(t, lib, passed=passed)
        if not found:
            log.info("post on %r: no sentence on the topic", topic)
        hits = self.kb.search(topic, k=SEARCH_K)
        in_hit = {(h.doc_id, h.chunk.start, h.chunk.end): 1.0 - i / SEARCH_K for i, h in enumerate(hits)}
        weights = M.phrase_weights(t, lib.sentences)
        titled = self._on_topic(t, lib, by_title=True)
        # A document whose title names the topic is on it in each sentence. When its body says
        # the topic's words in a few sentences only ("Mức lãi suất ... tại Ngân hàng Chính sách
        # xã hội được áp dụng từ ngày ..."), its others (the rates it sets) are material too; a
        # plan that repeats the words throughout has its material already. Only where the title
        # names the topic as its own subject, not a cited text's ("thực hiện Thông báo 730 về ...
        # Nghị quyết 14 về ... đổi mới sáng tạo"), and only what speaks to people or is an item of
        # a list (its siblings decide in the citizens' filter below).
        per_doc = Counter(d.id for _, d, _ in found)
        seen = {id(e) for e, _, _ in found}
        found = found + [(e, d, about) for e, d, about in titled
                         if 0 < per_doc[d.id] < R.DOC_FOCUS_SENTENCES and id(e) not in seen and TP.own_subject(d, t)
                         and (e.reading.kind == A.PUBLIC
                              or e.reading.kind == A.NEUTRAL and L.announced_list(d, e.unit.start) is not None)]
        ranked = R.ranked(found, t, weights, in_hit, audience, lib.defined)
        if not ranked:  # no sentence repeats the topic's words for this audience: the titles naming it
            found = found or titled
            ranked = R.ranked(titled, t, weights, in_hit, audience, lib.defined)
        if not found:
            raise NoMaterial(self._decline(topic, t, lib, passed))
        if not ranked:
            raise NoMaterial(_only_cadre(topic, [d for _, d, _ in found]))
        if audience == "dan" and any(c.entry.reading.kind == A.PUBLIC and not c.entry.reading.starts for c in ranked):
            # what the documents say to people; abstract policy lines only when there is nothing
            # else, or when they are items of a list a public item belongs to: three rate cuts
            # announced "như sau:", the third for clean-water loans, are one list, never two of it
            of_list = [(c, (c.doc.id, L.announced_list(c.doc, c.entry.unit.start))) for c in ranked]
            lists = {key for c, key in of_list if c.entry.reading.kind == A.PUBLIC and key[1] is not None}
            ranked = [c for c, key in of_list if c.entry.reading.kind == A.PUBLIC
                      or c.entry.reading.kind == A.NEUTRAL and key in lists]
        ranked.sort(key=lambda c: (-c.score, c.doc.facts.repaired, c.doc.id, c.entry.unit.start))
        lead = M.lead_phrase(t, weights, [c.entry.unit.folded for c in ranked])
        # a document the topic names, or whose title names every phrase of it, is on it in each
        # target; half its words are not enough: a plan on gender equality "và ... bạo lực trên cơ
        # sở giới" opened a post on "bạo lực gia đình" with its teen birth-rate target (heldout31)
        whole = {d.id for d in lib.docs if M.doc_about(d, t.refs) or len(M.title_phrases(d, t)) == len(t.phrases) > 0}
        return Material(ranked, lead, _targets(lib, {c.doc.id for c in ranked}, {id(e) for e, _, _ in found}, whole, t),
                        tuple(t.phrases), topic)

    def _decline(self, topic: str, t: M.Topic, lib: L.Library, passed: list[L.Entry] | None = None) -> str:
        """The topic not covered: the documents that name it in passing, if any (the officer may
        read them: "lương cơ sở" as the measure of an allowance), and the nearest topics."""
        counts = TP.phrase_counts(lib.sentences, lib.docs)
        def covered(phrase: str) -> bool:
            return bool(self._on_topic(TP.split_phrases(M.parse_topic(phrase), lib.grams), lib))

        near, close = TP.suggestions(t, lib.docs, counts, covered)
        msg = (P.ONLY_IN_PASSING if passed else P.NO_MATERIAL).format(topic=topic)
        if passed:
            by_id = {d.id: d for d in lib.docs}
            msg += " " + P.IN_PASSING_DOCS.format(docs=_named([by_id[e.unit.doc_id] for e in passed]))
        listed = (P.SUGGEST if close else P.MOST_SAID).format(topics="; ".join(f"“{n}”" for n in near))
        return msg + (" " + listed if near else "")

    def _choose(self, material: Material, channel: str, used: dict[int, int], variant: int) -> list[T.Point]:
        """The lead sentence, then the best sentences not yet used by earlier variants.

        The lead carries the topic's most distinctive phrase when any sentence does. At most
        two documents. Even variants list the rest in text order, odd ones by merit.
        """
        ranked = material.ranked
        order = sorted(range(len(ranked)), key=lambda i: (used.get(i, 0), -ranked[i].score, i))
        width = T.POINT_CHARS[channel]
        @functools.cache
        def cut(i: int) -> str:
            return M.shorten(ranked[i].text, width)

        @functools.cache
        def fits(i: int) -> bool:
            """Cut to the width, the point still says the topic its sentence says: "... kịp thời hỗ
            trợ nhân dân bị ảnh hưởng bởi bão" cut before "hỗ trợ" is about something else."""
            said = [p for p in material.phrases if _says(ranked[i].text, p, material.topic)]
            return bool(cut(i)) and (not said or any(_says(cut(i), p, material.topic) for p in said))

        leads = [i for i in order if material.lead and M.has_phrase(ranked[i].entry.unit, material.lead)
                 and M.says(cut(i), material.lead)]

        first = next((i for i in leads + order if fits(i) and not _trails(ranked[i])), None)
        first = first if first is not None else next((i for i in leads + order if fits(i)), order[0])
        chosen: list[int] = [first]
        docs: list[str] = [ranked[first].doc.id]
        limit = MAX_POINTS + 2 if channel == "loa" else MAX_POINTS
        for i in order:
            c = ranked[i]
            if i == first or (c.doc.id not in docs and (len(docs) >= MAX_DOCS[channel]
                                                         or not _same_locality(c.doc, ranked[first].doc))):
                continue  # a second document from another province puzzles the listeners
            if not fits(i) or any(L.similar(M.content_words(cut(i)), M.content_words(ranked[j].text)) for j in chosen):
                continue
            chosen.append(i)
            if c.doc.id not in docs:
                docs.append(c.doc.id)
            if len(chosen) >= limit:
                break
        for i in chosen:
            used[i] = used.get(i, 0) + 1
        rest = chosen[1:]
        if variant % 2 == 0:
            rest.sort(key=lambda i: (docs.index(ranked[i].doc.id), ranked[i].entry.unit.start))
        rest.sort(key=lambda i: _trails(ranked[i]))  # "... nêu trên", "... từ ngày": after what they are of
        return [T.Point(FR.as_target(FR.prohibited(cut(i) if fits(i) else ranked[i].text, ranked[i].entry.path),
                                     ranked[i].entry.reading, ranked[i].entry.path),
                        ranked[i].doc, ranked[i].entry.unit.quote, " › ".join(ranked[i].entry.path))
                for i in [first] + rest]

    # --- template and gate ------------------------------------------------------------

    def _template(self, topic: str, channel: str, points: list[T.Point], material: Material,
                  variant: int, audience: str) -> Post:
        main = points[0].doc
        target = material.targets.get(main.id, "")
        if target and any(M.content_words(target) == M.content_words(FR.without_target(p.text)) for p in points):
            target = ""
        if channel == "loa":
            show = not unsupported(topic, [d.text for d in docs_of(points)])
            greet, closing = T.loa_parts(topic, variant, audience, show, material.calls)

            def build(hook: str, pts: list[T.Point]) -> str:
                return T.loa(greet, hook, pts, closing)

            fits = _loa_fits
        else:
            def build(hook: str, pts: list[T.Point]) -> str:
                return T.social(channel, hook, pts, docs_of(pts), variant, audience, topic, material.calls)

            def fits(text: str) -> bool:
                return T.fits(channel, text)

        written, pts = gate(build, fits, hooks(main, target, material.phrases, issued=channel == "loa"),
                             points, topic)
        text = spoken(written, main) if channel == "loa" else written
        post = Post(channel, text, sources_of(pts), topic, variant, False, audience, written)
        return final_check(post, docs_of(pts) + [main])


def _says(point: str, phrase: tuple[str, ...], topic: str) -> bool:
    """The phrase in the point, with the marks the topic was typed with ("đồng bào" is no "bão")."""
    return M.says(point, phrase) and marks_agree(point, topic, phrase)


def _only_cadre(topic: str, holding: list[Document]) -> str:
    """The decline for citizens, naming the documents (at most two, those with the most sentences
    on the topic) that hold it: the officer reads them, or asks for a cadre post."""
    named = _named(holding)
    return P.ONLY_CADRE.format(topic=topic) + (" " + P.ONLY_CADRE_DOCS.format(docs=named) if named else "")


def _named(holding: list[Document]) -> str:
    """At most two documents, those with the most sentences in ``holding``, as the source line names them."""
    counts = Counter(d.id for d in holding)
    by_id = {d.id: d for d in holding}
    top = sorted(counts, key=lambda i: (-counts[i], i))[:2]
    return "; ".join(T.source_label(by_id[i]) for i in top)


def _trails(c: Candidate) -> bool:
    """A point that is of the points above it: it names what they list ("các chương trình ... nêu
    trên") or says when they take effect ("... có hiệu lực từ ngày 01 tháng 12 năm 2025")."""
    return "nêu trên" in c.text or "trên đây" in c.text or c.entry.reading.starts


def _targets(lib: L.Library, doc_ids: set[str], on_topic: set[int], whole: set[str],
             t: M.Topic) -> dict[str, str]:
    """Each document's target sentence for the hook (a goal with a figure or a year, whole and
    short enough): one on the topic, or sharing half its words, the longest; any target of a
    document on the topic (``whole``). A post on vocational training does not open with a waste
    target."""
    out: dict[str, str] = {}
    for doc_id in sorted(doc_ids):
        best = [e for e in lib.entries.get(doc_id, []) if e.reading.target and e.reading.kind == A.PUBLIC
                and (doc_id in whole or id(e) in on_topic or TP.touches(e.unit.folded, t, e.unit.text))
                and target(A.core_clause(e.unit.text, e.reading))]
        if best:
            e = max(best, key=lambda e: (id(e) in on_topic, len(e.unit.folded), -e.unit.start))
            out[doc_id] = A.core_clause(e.unit.text, e.reading)
    return out


def _same_locality(a: Document, b: Document) -> bool:
    """Two documents a bulletin may read together: the same place, or the same issuer. A place
    unread proves nothing: a ward's plan and an unplaced Huyện ủy plan read as one bulletin put two
    localities together (heldout31)."""
    fa, fb = a.facts, b.facts
    return bool(fa.place) and fa.place == fb.place or fold(fa.issuer) == fold(fb.issuer)


def _loa_fits(written: str) -> bool:
    return len(spoken(written).split()) <= T.LOA_WORDS[1]
