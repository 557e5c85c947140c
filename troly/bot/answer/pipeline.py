"""The answer pipeline: understand -> scope -> route (guards and routes) -> finalize.

Each stage is a small component with one ``run``, as in Haystack 2; ``AnswerPipeline.run``
composes them and records every step in the answer's ``Trace``.
"""
from __future__ import annotations

import logging
import re
from dataclasses import replace

from troly.bot.answer import compose_tasks
from troly.bot.answer import steps
from troly.bot.answer.context import Context
from troly.bot.answer.routes import ROUTES, Step
from troly.bot.answer.library import Library
from troly.bot.answer.people import signed_by_named, unknown_person
from troly.bot.answer.query import Query, parse
from troly.bot.answer.targets import find_targets
from troly.config import Settings
from troly.models import Answer, Trace
from troly.prompts import answers as msg
from troly.vn.text import normalize_query

log = logging.getLogger(__name__)


class Understand:
    """The question read once: what it asks, which documents, agencies, people it names."""

    def run(self, text: str) -> Query:
        return parse(text)


class Scope:
    """Which documents the question is about (held, cited only, unknown; the previous turn's),
    the agency it names, a person no document names, and whether "về nội dung" reads as content."""

    def run(self, ctx: Context) -> Context:
        q, lib = ctx.q, ctx.lib
        # the agency asked about names no document: "Ban Tuyên giáo ... báo cáo về đâu" is not the Ban's own
        # guidance ... and its place still picks: "Huyện ủy Mỹ Tú" (agency_in_question leaves the place out)
        agency = compose_tasks.agency_in_question(q, lib.places) if q.intent in ("duty", "report_to") else []
        ctx = replace(ctx, agency=agency, targets=find_targets(q, lib, ctx.previous, agency))
        ctx.person = unknown_person(q.text, lib) or ""
        if re.search(r"\bk[yi]\b", q.folded) and not q.subjects:
            ctx.signed = signed_by_named(q, lib)
        if q.intent == "doc_about" and not (q.subject and len(steps.residual(ctx)) <= ctx.settings.answer_residual_max):
            # "mục đích của kế hoạch ... là gì" asks about the content, not the document
            ctx = replace(ctx, q=replace(q, intent="content"))
            ctx.trace.notes.append("doc_about read as content")
        ctx.trace.documents = list(dict.fromkeys(ctx.targets.docs + ctx.targets.context_docs))
        return ctx


class Router:
    """The route table, first match wins; each step checked is recorded."""

    def __init__(self, table: tuple[Step, ...] = ROUTES) -> None:
        self.table = table

    def run(self, ctx: Context) -> Answer:
        for step in self.table:
            if not step.when(ctx):
                if step.kind == "guard":
                    ctx.trace.guards.append(step.name)
                continue
            answer = step.run(ctx)
            if answer is None:
                continue
            ctx.trace.route = step.name
            if step.kind == "guard":
                ctx.trace.reason = ctx.trace.reason or step.reason
            elif answer.abstained and not ctx.trace.reason:
                ctx.trace.reason = "no_passage" if answer.intent == "abstain" else answer.intent
            return answer
        raise AssertionError("the route table ends with a route that always answers")


def cap(text: str, limit: int) -> str:
    """Cut an over-long answer at a line (or word) boundary and point to the sources."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit - len(msg.MORE_IN_SOURCES))
    if cut < limit // 2:
        cut = text.rfind(" ", 0, limit - len(msg.MORE_IN_SOURCES))
    return text[:cut].rstrip() + msg.MORE_IN_SOURCES


class Finalize:
    """The optional LLM rewrite (kept only when grounded: LLMWriter checks it), and the length cap."""

    def __init__(self, llm=None) -> None:
        self.llm = llm

    def run(self, ctx: Context, answer: Answer) -> Answer:
        if self.llm is not None and not answer.abstained and answer.sources:
            better = self.llm.rewrite(ctx.text, answer, answer.sources)
            if better is not None:
                answer = better
                ctx.trace.notes.append("reworded by the LLM (grounding check passed)")
        answer.answer = cap(answer.answer, ctx.settings.answer_max_chars)
        return answer


class AnswerPipeline:
    def __init__(self, kb, settings: Settings, llm=None) -> None:
        self.kb = kb
        self.settings = settings
        self.understand, self.scope, self.router, self.finalize = Understand(), Scope(), Router(), Finalize(llm)

    def run(self, question: str, lib: Library, previous: list[str]) -> Answer:
        text = normalize_query(question or "")[: self.settings.answer_max_question]
        if not text:
            return Answer(msg.EMPTY, True, "empty", trace=Trace(stages=["understand"], route="empty", reason="empty"))
        trace = Trace(stages=["understand", "scope", "route", "finalize"])
        q = self.understand.run(text)
        ctx = self._context(text, q, lib, previous, trace)
        answer = self._route(ctx)
        if previous and answer.abstained and answer.intent != "clarify":
            # not a follow-up after all: the whole base
            trace = Trace(stages=trace.stages, notes=["follow-up dropped: answered from the whole base"])
            ctx = self._context(text, self.understand.run(text), lib, [], trace)
            answer = self._route(ctx)
        answer = self.finalize.run(ctx, answer)
        answer.trace = ctx.trace
        return answer

    def _context(self, text: str, q: Query, lib: Library, previous: list[str], trace: Trace) -> Context:
        return Context(text, q, previous, self.kb, lib, self.settings, trace=trace)

    def _route(self, ctx: Context) -> Answer:
        ctx = self.scope.run(ctx)
        ctx.answer_again = lambda q: self._route(replace(ctx, q=q, trace=Trace()))
        return self.router.run(ctx)
