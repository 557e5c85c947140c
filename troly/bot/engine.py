"""The answer engine: a question in, a short cited answer (or an honest abstention) out.

Channel-neutral: Telegram, Zalo, the web and the command line all call ``AnswerEngine.ask``.
Answering is extractive by default (facts, assignment rows, retrieved sentences, each
quoted verbatim); an LLM, when configured, may only reword an answer that passes the
grounding check.
"""
from __future__ import annotations

import gc
import logging
import re
import threading
from dataclasses import replace

from troly.bot import compose_content, compose_facts, compose_phrases, compose_tasks
from troly.bot.conversation import MAX_CHATS, Conversations
from troly.bot.library import Library
from troly.bot.people import load_names, signed_by_named, unknown_person
from troly.bot.query import LIST_TYPE, Query, frame_words, parse
from troly.bot.quotes import overlap
from troly.bot.targets import Targets, find_targets
from troly.config import Settings
from troly.models import Answer
from troly.prompts import answers as msg
from troly.vn.docnum import type_code, type_name
from troly.vn.organisations import member_of_collective
from troly.vn.text import folded_syllables, normalize_query

log = logging.getLogger(__name__)

MAX_QUESTION = 2000
_SUMMARY = re.compile(r"\b(tom tat|tom luoc|noi dung chinh|gom nhung (phan|noi dung) gi)\b")
COVERAGE_MIN = 0.34  # share of the question's content bigrams the corpus must know
LEAD_PASSAGE_MIN = 0.5  # share of "ai chủ trì X"'s X a passage must hold to stand in for a task row
MAX_SCAN_ROWS = 2000  # assignment rows scored one by one; beyond that, those in retrieved passages
MAX_SCAN_DOCS = 20  # documents read whole by phrase composers; beyond that, retrieved passages only
MAX_SUBJECTS = 3  # documents one fact question may name and get answered for each
FACT_INTENTS = ("doc_date", "doc_signer", "doc_issuer", "doc_recipients", "doc_number", "doc_about", "doc_cites",
                "doc_effective")


ANSWER_MAX = 900  # a chat answer stays short; the sources carry the rest


def _cap(text: str) -> str:
    """Cut an over-long answer at a line (or word) boundary and point to the sources."""
    if len(text) <= ANSWER_MAX:
        return text
    cut = text.rfind("\n", 0, ANSWER_MAX - len(msg.MORE_IN_SOURCES))
    if cut < ANSWER_MAX // 2:
        cut = text.rfind(" ", 0, ANSWER_MAX - len(msg.MORE_IN_SOURCES))
    return text[:cut].rstrip() + msg.MORE_IN_SOURCES


def _joined(parts: list[Answer], intent: str) -> Answer:
    """Several answers as one, their sources renumbered in turn."""
    lines, sources, doc_ids = [], [], []
    for a in parts:
        shift = len(sources)
        lines.append(re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + shift}]", a.answer) if shift else a.answer)
        sources += a.sources
        doc_ids += [d for d in a.doc_ids if d not in doc_ids]
    return Answer("\n".join(lines), not sources, intent, sources, doc_ids)


class AnswerEngine:
    def __init__(self, kb, settings: Settings | None = None, llm=None) -> None:
        self.kb = kb
        self.settings = settings or getattr(kb, "settings", None) or Settings.from_env()
        self.llm = llm
        self.conversations = Conversations(max_chats=getattr(self.settings, "max_chats", MAX_CHATS))
        self._lib: Library | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> "AnswerEngine":
        from troly.knowledge.base import KnowledgeBase

        settings = settings or Settings.from_env()
        llm = None
        if settings.llm_base_url:
            from troly.bot.llm import LLMWriter

            llm = LLMWriter.from_settings(settings)
        return cls(KnowledgeBase.open(settings), settings, llm)

    # --- state --------------------------------------------------------------------------
    def library(self) -> Library:
        gen = self.kb.snapshot().generation
        with self._lock:
            if self._lib is None or self._lib.generation != gen:
                self._lib = Library.build(self.kb.documents(), gen)
                # A 2,000-document library is millions of long-lived objects: without this the
                # first full GC pass after it lands in some user's answer (half a second).
                gc.collect()
                gc.freeze()
            return self._lib

    def warm(self) -> None:
        """Load what the first question would (encoder, vector store, indexes) before users wait."""
        lib = self.library()
        if lib.docs:
            self.kb.search("kế hoạch tuyên truyền", k=1)
            load_names()
            for doc_id in lib.docs:  # folded texts, read by the phrase composers
                lib.folded(doc_id)

    def last_answer(self, conversation_id: str) -> Answer | None:
        return self.conversations.last(conversation_id)

    # --- answering ----------------------------------------------------------------------
    def ask(self, question: str, conversation_id: str | None = None) -> Answer:
        text = normalize_query(question or "")
        if not text:
            return Answer(msg.EMPTY, True, "empty")
        if len(text) > MAX_QUESTION:
            text = text[:MAX_QUESTION]
        q = parse(text)
        previous = self.conversations.docs(conversation_id) if conversation_id else []
        answer = self._answer(q, previous)
        if previous and answer.abstained and answer.intent != "clarify":
            answer = self._answer(parse(text), [])  # not a follow-up after all: the whole base
        if self.llm is not None and not answer.abstained and answer.sources:
            better = self.llm.rewrite(text, answer, answer.sources)
            if better is not None:
                answer = better
        answer.answer = _cap(answer.answer)
        if conversation_id:
            self.conversations.remember(conversation_id, answer)
        return answer

    def _answer(self, q: Query, previous: list[str]) -> Answer:
        if q.intent == "greeting":
            return Answer(msg.GREETING, False, "greeting")
        if q.intent == "help":
            return Answer(msg.HELP, False, "help")
        lib = self.library()
        if not lib.docs:
            return Answer(msg.NO_DOCUMENTS, True, "abstain")
        # the agency asked about names no document: "Ban Tuyên giáo ... báo cáo về đâu" is not the Ban's own guidance
        # ... and its place still picks: "Huyện ủy Mỹ Tú" (agency_in_question leaves the place out)
        agency = compose_tasks.agency_in_question(q, lib.places) if q.intent in ("duty", "report_to") else []
        t = find_targets(q, lib, previous, agency)
        person = unknown_person(q.text, lib)
        if person:  # "Đồng chí X chỉ đạo gì ...": a false premise when no document names X
            return self._abstain(lib, msg.ABSTAIN_UNKNOWN_PERSON.format(name=person))
        signed = signed_by_named(q, lib) if re.search(r"\bk[yi]\b", q.folded) and not q.subjects else None
        if signed:  # "Đồng chí X ký những văn bản nào?"
            return compose_facts.signed_by(*signed)
        if t.unknown is not None:
            name = q.text[t.unknown.start:t.unknown.end] or t.unknown.key
            others = lib.same_number(t.unknown)
            if others:  # "Kế hoạch 730" for Thông báo 730: say which documents bear that number
                return self._abstain(lib, msg.ABSTAIN_UNKNOWN_DOC_SAME_NUMBER.format(ref=name, others=", ".join(others)))
            return self._abstain(lib, msg.ABSTAIN_UNKNOWN_DOC.format(ref=name))
        if q.intent == "doc_list":
            return compose_tasks.doc_list(q, lib) or self._no_list(q, lib)
        if q.intent in ("implements", "mentions"):
            return compose_tasks.implements(q, lib) or self._mentions(q, lib, t) or self._content(q, lib, t)
        if q.intent == "deadline_list":
            return compose_tasks.deadline_list(lib, lib.rows, t.docs) or self._content(q, lib, t)
        if q.quantity:
            figure = self._figure_check(q, lib, t)
            if figure is not None:
                return figure
        if q.intent == "duty" and member_of_collective(agency):  # its own name is in no document
            ans = compose_tasks.duty(q, lib, self._candidate_rows(q, lib, t), t.docs)
            if ans is not None:
                return ans
        if not self._in_scope(q, lib, t):
            return self._abstain(lib, msg.ABSTAIN)
        if q.intent == "doc_about" and not (q.subject and len(self._residual(q, lib, t)) <= 2):
            q.intent = "content"  # "mục đích của kế hoạch ... là gì" asks about content, not the document
        if q.intent == "report_to":
            scope = t.docs or t.context_docs
            small = bool(scope) and len(scope) <= MAX_SCAN_DOCS
            hits = [] if small else self.kb.search(q.text, k=10, doc_ids=scope or None)
            ans = compose_phrases.report_to(q, lib, scope if small else [], hits)
            if ans is not None:
                return ans
        if q.intent in ("doc_about", "content") and not (q.subject and t.docs):
            subject = compose_phrases.subject_of_definition(q)
            if subject:
                scope = t.docs or t.context_docs
                small = bool(scope) and len(scope) <= MAX_SCAN_DOCS
                hits = [] if small else self.kb.search(subject, k=20, doc_ids=scope or None)
                ans = compose_phrases.define(q, lib, scope if small else [], hits)
                if ans is not None:
                    return ans
        if q.intent in FACT_INTENTS and len({r.key for r in q.subjects}) > 1:
            return self._facts_of_each(q, previous)
        if q.intent in FACT_INTENTS:
            # "ban hành khi nào và ai ký?": each fact asked, in turn
            asked = list(dict.fromkeys([q.intent] + [i for i in q.secondary if i in FACT_INTENTS and i != "doc_about"]))
            if len(asked) > 1 and re.search(r"\bva\b|,", q.folded):  # "khi nào và ai ký"; not "hiệu lực từ ngày nào"
                return _joined([self._facts(replace(q, intent=i), lib, t) for i in asked[:3]], q.intent)
            return self._facts(q, lib, t)
        if q.intent in ("duty", "who_leads", "deadline"):
            rows = self._candidate_rows(q, lib, t)
            order = {"duty": (compose_tasks.duty,),
                     "who_leads": (compose_tasks.who_leads, compose_tasks.duty),
                     "deadline": (compose_tasks.deadline, compose_tasks.who_leads)}[q.intent]
            for fn in order:
                ans = fn(q, lib, rows, t.docs)
                if ans is not None:
                    return ans
            if q.intent == "duty" and t.docs:
                ans = compose_tasks.duty_elsewhere(q, lib, t.docs, self._candidate_rows(q, lib, Targets()))
                if ans is not None:
                    return ans
            if q.intent == "who_leads":  # no task row: a passage is an answer only if it is about that task
                ans = self._content(q, lib, t)
                task = [w for w in q.content if w not in frame_words(q)]
                if ans.abstained or overlap(task, ans.sources[0].quote if ans.sources else "") >= LEAD_PASSAGE_MIN:
                    return ans
                return self._abstain(lib, msg.ABSTAIN_NO_LEAD)
        return self._content(q, lib, t)

    def _mentions(self, q: Query, lib: Library, t: Targets) -> Answer | None:
        """"Văn bản nào nhắc đến X" (no document number): the documents saying X, read whole when few."""
        if q.intent != "mentions" or q.refs:
            return None
        scope = t.docs or (list(lib.docs) if len(lib.docs) <= MAX_SCAN_DOCS else [])
        hits = [] if scope else self.kb.search(q.text, k=30)
        return compose_phrases.mentions(q, lib, scope, hits)

    def _candidate_rows(self, q: Query, lib: Library, t: Targets) -> list:
        """Assignment rows worth scoring: all of them in a small base or scope, else those inside
        the passages retrieval finds (keeps a 2,000-document base as fast as a 5-document one)."""
        scope = t.docs or t.context_docs
        if scope and len(scope) <= MAX_SCAN_DOCS:
            return [(d, a) for d in dict.fromkeys(scope) if d in lib.docs for a in lib.docs[d].assignments]
        if len(lib.rows) <= MAX_SCAN_ROWS:
            return lib.rows
        hits = self.kb.search(q.text, k=30, doc_ids=scope or None)
        spans: dict[str, list[tuple[int, int]]] = {}
        for h in hits:
            spans.setdefault(h.doc_id, []).append((h.chunk.start, h.chunk.end))
        return [(d, a) for d, found in spans.items() if d in lib.docs for a in lib.docs[d].assignments
                if any(s <= a.start < e or a.start <= s < a.end for s, e in found)]

    def _facts_of_each(self, q: Query, previous: list[str]) -> Answer:
        """"KH 114 và KH 32 do cơ quan nào ban hành?": the same fact of each document named, in turn."""
        named = list({r.key: r for r in q.subjects}.values())[:MAX_SUBJECTS]
        return _joined([self._answer(replace(q, refs=[r], subject=r, subjects=[r]), previous) for r in named], q.intent)

    def _facts(self, q: Query, lib: Library, t: Targets) -> Answer:
        if t.subject_cited_only:
            ans = compose_facts.cited_answer(q.intent, t.cited, lib.docs) \
                if q.intent not in ("doc_cites", "doc_effective") else None  # a citation never says these
            if ans is not None:
                return ans
            more = [w for w in self._residual(q, lib, t) if w not in frame_words(q)]
            if q.intent == "doc_about" or len(more) > 2:
                return self._content(q, lib, t)  # it asks more than the unknown fact: the citing passages may say
            name = q.text[q.subject.start:q.subject.end] if q.subject else ""
            what = msg.FACT_NAMES.get(q.intent, msg.FACT_NAME_DEFAULT)
            return self._abstain(lib, msg.ABSTAIN_CITED_ONLY.format(ref=name, what=what))
        docs = t.docs
        if not docs and re.search(r"\b(van ban|ke hoach|huong dan|no) (do|nay)\b|^(the )?con\b", q.folded):
            return Answer(msg.NO_PREVIOUS, True, "clarify")  # "văn bản đó" with nothing before it
        if not docs:
            hits = self.kb.search(q.text, k=3)
            if not hits:
                return self._abstain(lib, msg.ABSTAIN)
            docs = [hits[0].doc_id]
        doc = lib.docs[docs[0]]
        builder = {
            "doc_date": compose_facts.doc_date,
            "doc_effective": compose_facts.doc_effective,
            "doc_signer": compose_facts.doc_signer,
            "doc_issuer": compose_facts.doc_issuer,
            "doc_recipients": compose_facts.doc_recipients,
            "doc_number": compose_facts.doc_number,
            "doc_cites": compose_facts.doc_cites,
            "doc_about": compose_facts.doc_summary if _SUMMARY.search(q.folded) else compose_facts.doc_about,
        }[q.intent]
        return builder(doc)

    def _content(self, q: Query, lib: Library, t: Targets) -> Answer:
        scope = t.docs or t.context_docs or None
        hits = self.kb.search(q.text, k=8, doc_ids=scope)
        top_docs = list(dict.fromkeys(h.doc_id for h in hits[:3]))
        section_docs = scope if scope and len(scope) <= MAX_SCAN_DOCS else top_docs
        by_section = compose_content.section_answer(q, lib, section_docs, set(self._residual(q, lib, t)))
        if by_section is not None:
            return by_section
        ans = compose_content.content(q, lib, hits)
        if ans is None and scope is not None and not t.from_previous:
            ans = compose_content.content(q, lib, self.kb.search(q.text, k=8))
        return ans or self._abstain(lib, msg.ABSTAIN)

    def _residual(self, q: Query, lib: Library, t: Targets) -> list[str]:
        """Question words that do not just name the targeted documents (their place, issuer, number)."""
        named: set[str] = set()
        targets = set(t.docs + t.context_docs)
        for a, b in zip(q.content, q.content[1:]):
            if not lib.facts_words.get(f"{a} {b}", set()).isdisjoint(targets):  # a phrase of a target's title, place or issuer
                named.update((a, b))
        ref_words = {w for r in q.refs for w in folded_syllables(q.text[r.start:r.end])}
        return [w for w in q.content if w not in named and w not in ref_words]

    def _in_scope(self, q: Query, lib: Library, t: Targets) -> bool:
        """Out of scope when the question's own words (beyond naming a document) are unknown to the corpus."""
        if q.refs and (t.docs or t.cited or t.context_docs):
            return True  # a named document that the base holds or cites
        if q.intent not in ("content", "doc_about") and t.docs:
            return True
        named = set(q.content) - set(self._residual(q, lib, t))
        return lib.coverage_of(q.folded, set(q.content), named, frame_words(q)) >= COVERAGE_MIN

    def _figure_check(self, q: Query, lib: Library, t: Targets) -> Answer | None:
        """A question for a figure the documents never give (a budget, a count) is a false premise."""
        from troly.bot.figures import figure_in_folded

        # the documents asked about, else those retrieval finds for the question (not all 2,000)
        scope = t.docs or t.context_docs or list(dict.fromkeys(h.doc_id for h in self.kb.search(q.text, k=10)))
        if any(figure_in_folded(lib.folded(d), q.quantity) for d in scope if d in lib.docs):
            return None
        return self._abstain(lib, msg.ABSTAIN_NO_FIGURE.format(what=q.quantity))

    def _no_list(self, q: Query, lib: Library) -> Answer:
        """No document of the type asked ("có những nghị quyết nào"), or none on the topic."""
        kind = LIST_TYPE.search(q.folded)
        code = type_code(kind.group("type")) if kind else ""
        if code and not any(type_code(d.facts.type) == code for d in lib.docs.values()):
            return self._abstain(lib, msg.ABSTAIN_NO_DOC_OF_TYPE.format(type=type_name(code).lower()))
        return self._abstain(lib, msg.ABSTAIN_NO_DOC_ON_TOPIC)

    def _abstain(self, lib: Library, reason: str) -> Answer:
        topics = sorted({d.facts.type for d in lib.docs.values() if d.facts.type})
        keys = list(dict.fromkeys(d.facts.key for d in lib.docs.values() if d.facts.key))
        keys = keys if len(keys) <= 6 else []  # a few numbers help; a page of them does not
        cover = msg.COVERAGE.format(n=len(lib.docs), topics=", ".join(topics + keys) or "các văn bản chỉ đạo")
        return Answer(f"{reason} {cover}", True, "abstain")
