"""The route table: guards and routes in the order they are tried, as data; the first that
answers wins (as python-telegram-bot's handler groups). A guard abstains with a reason code;
a route composes an answer, or passes (returns None) to the next entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from troly.bot.answer import compose_dates, compose_facts, compose_phrases, compose_procedures, compose_tasks
from troly.bot.answer import steps
from troly.bot.answer.context import Context
from troly.bot.answer.query import detect_intents, frame_words, parse
from troly.bot.answer.quotes import overlap
from troly.bot.answer.targets import Targets
from troly.models import Answer
from troly.prompts import answers as msg
from troly.vn.organisations import member_of_collective
from troly.vn.text import fold_chars

FACT_INTENTS = ("doc_date", "doc_signer", "doc_issuer", "doc_recipients", "doc_number", "doc_about", "doc_cites",
                "doc_effective", "doc_amends")


@dataclass(frozen=True)
class Step:
    name: str
    kind: str  # "guard" | "route"
    when: Callable[[Context], bool]
    run: Callable[[Context], Answer | None]
    reason: str = ""  # a guard's reason code


def guard(name: str, when: Callable[[Context], bool], run: Callable[[Context], Answer]) -> Step:
    return Step(name, "guard", when, run, reason=name)


def route(name: str, when: Callable[[Context], bool], run: Callable[[Context], Answer | None]) -> Step:
    return Step(name, "route", when, run)


def _intent(*names: str) -> Callable[[Context], bool]:
    return lambda ctx: ctx.q.intent in names


def _always(ctx: Context) -> bool:
    return True


# --- route bodies ------------------------------------------------------------------------

def _unknown_document(ctx: Context) -> Answer:
    t, lib = ctx.targets, ctx.lib
    name = ctx.q.text[t.unknown.start:t.unknown.end] or t.unknown.key
    years = lib.other_years(t.unknown)
    if years:  # "76/2025/QĐ-UBND" asked, 76/2006/QĐ-UBND held or cited: never the one for the other
        return steps.abstain(ctx, msg.ABSTAIN_UNKNOWN_DOC_OTHER_YEAR.format(ref=name, others=", ".join(years)))
    others = lib.same_number(t.unknown)
    if others:  # "Kế hoạch 730" for Thông báo 730: say which documents bear that number
        return steps.abstain(ctx, msg.ABSTAIN_UNKNOWN_DOC_SAME_NUMBER.format(ref=name, others=", ".join(others)))
    return steps.abstain(ctx, msg.ABSTAIN_UNKNOWN_DOC.format(ref=name))


def _implements(ctx: Context) -> Answer | None:
    return compose_tasks.implements(ctx.q, ctx.lib) or steps.mentions(ctx) or steps.content(ctx)


def _collective_duty(ctx: Context) -> Answer | None:
    return compose_tasks.duty(ctx.q, ctx.lib, steps.candidate_rows(ctx), ctx.targets.docs)


def _report_to(ctx: Context) -> Answer | None:
    scope = steps.scope_docs(ctx)
    whole = steps.small(ctx, scope)
    hits = [] if whole else ctx.kb.search(ctx.q.text, k=10, doc_ids=scope or None)
    return compose_phrases.report_to(ctx.q, ctx.lib, scope if whole else [], hits)


def _define(ctx: Context) -> Answer | None:
    subject = compose_phrases.subject_of_definition(ctx.q)
    if not subject:
        return None
    scope = steps.scope_docs(ctx)
    whole = steps.small(ctx, scope)
    hits = [] if whole else ctx.kb.search(subject, k=20, doc_ids=scope or None)
    return compose_phrases.define(ctx.q, ctx.lib, scope if whole else [], hits)


def _facts_of_each(ctx: Context) -> Answer:
    """"KH 114 và KH 32 do cơ quan nào ban hành?": each document named goes through the pipeline."""
    named = list({r.key: r for r in ctx.q.subjects}.values())[:ctx.settings.answer_max_subjects]
    assert ctx.answer_again is not None
    return steps.joined([ctx.answer_again(replace(ctx.q, refs=[r], subject=r, subjects=[r])) for r in named], ctx.q.intent)


def _facts_asked(ctx: Context) -> list[str]:
    return list(dict.fromkeys([ctx.q.intent] + [i for i in ctx.q.secondary if i in FACT_INTENTS and i != "doc_about"]))


def _several_facts(ctx: Context) -> Answer:
    """"ban hành khi nào và ai ký?": each fact asked, in turn."""
    parts = [steps.facts(replace(ctx, q=replace(ctx.q, intent=i))) for i in _facts_asked(ctx)[:3]]
    return steps.joined(parts, ctx.q.intent)


# Where a question joins two asks ("..., ai ký?", "... khi nào và thay thế thông tư nào?"), and the
# words that make a clause an ask of its own (folded).
_JOIN = re.compile(r",\s*|\s+va\s+")
_ASKS = re.compile(r"\b(?:nao|gi|bao nhieu|ai|may|the nao|o dau)\b")


def _fact_and_other(ctx: Context) -> tuple[str, str, bool] | None:
    """(the fact clause's intent, the other clause as typed, whether the fact is asked first) when a
    question about one named document asks one of its facts and, in another clause, something
    else: "Thông tư 55 sửa đổi thông tư nào, ai ký?". Both clauses ask (a question word each); the
    other asks no fact."""
    q = ctx.q
    if q.subject is None or len({r.key for r in q.subjects}) != 1:
        return None
    folded = fold_chars(q.text).lower()  # offsets into q.text
    for m in reversed(list(_JOIN.finditer(folded, q.subject.end))):
        clauses = [(folded[:m.start()], q.text[:m.start()]), (folded[m.end():], q.text[m.end():])]
        if not all(_ASKS.search(f) for f, _ in clauses):
            continue
        found = [detect_intents(f.strip(" ?.")) for f, _ in clauses]
        facts = [i for i, f in enumerate(found) if f[:1] and f[0] in FACT_INTENTS]
        if len(facts) != 1 or any(i in FACT_INTENTS for i in found[1 - facts[0]]):
            continue
        return found[facts[0]][0], clauses[1 - facts[0]][1].strip(" ,?."), facts[0] == 0
    return None


def _fact_and_more(ctx: Context) -> Answer | None:
    """The fact, and the other clause asked again of the same document, in the question's order."""
    split = _fact_and_other(ctx)
    if split is None:
        return None
    intent, other, fact_first = split
    ref = ctx.q.text[ctx.q.subject.start:ctx.q.subject.end]
    fact = steps.facts(replace(ctx, q=replace(ctx.q, intent=intent)))
    assert ctx.answer_again is not None
    rest = ctx.answer_again(parse(other if ref in other else f"{ref} {other}"))
    if rest.abstained or fact.abstained:
        return None  # one ask not answered: the routes after this one, as before
    return steps.joined([fact, rest] if fact_first else [rest, fact], ctx.q.intent)


def _asks_several_facts(ctx: Context) -> bool:
    # "khi nào và ai ký"; not "hiệu lực từ ngày nào"
    return len(_facts_asked(ctx)) > 1 and bool(re.search(r"\bva\b|,", ctx.q.folded))


def _asks_overview(ctx: Context) -> bool:
    """"Công văn 11414 giao ai làm gì?": one document named, and neither a body nor a task asked about."""
    if ctx.q.intent not in ("duty", "who_leads") or len(set(ctx.targets.docs)) != 1:
        return False
    asking = compose_tasks.ASKING_WORDS | frame_words(ctx.q)
    rest = set(steps.residual(ctx))  # "cong van 88 phan cong ...": the agency read before "nhiem vu" is no body
    return not [w for w in rest if w not in asking] and not [w for w in ctx.agency if w in rest and w not in asking]


_TASK_ORDER = {"duty": (compose_tasks.duty,), "who_leads": (compose_tasks.who_leads, compose_tasks.duty),
               "deadline": (compose_tasks.who_leads,)}


def _deadline(ctx: Context, rows: list) -> tuple[Answer | None, str]:
    """A dated row and a dated sentence may both answer "hạn ... khi nào": the one whose quote says
    more of the task asked wins (a row, on a tie). A letter's rows hold only the tasks it gives by
    name; "các bộ, địa phương gửi báo cáo ... chậm nhất ngày ..." is a sentence, not a row."""
    q, own = ctx.q, steps.residual(ctx)
    row = compose_tasks.deadline(q, ctx.lib, rows, ctx.targets.docs)
    said = compose_dates.dated(q, ctx.lib, ctx.kb.search(q.text, k=8, doc_ids=steps.scope_docs(ctx) or None), own)
    if said is None:
        return row, "compose_tasks.deadline"
    words = [w for w in own if w not in frame_words(q)]
    if row is None or overlap(words, said.sources[0].quote) > overlap(words, row.sources[0].quote):
        return said, "compose_dates.dated"
    return row, "compose_tasks.deadline"


def _tasks(ctx: Context) -> Answer | None:
    """Duties, leads and deadlines from the assignment rows (task tables and appendices included)."""
    q, lib, t = ctx.q, ctx.lib, ctx.targets
    if _asks_overview(ctx):
        ans = compose_tasks.overview(lib, t.docs[0])
        if ans is not None:
            ctx.trace.composer = "compose_tasks.overview"
            return ans
    rows = steps.candidate_rows(ctx)
    if q.intent == "deadline":
        ans, composer = _deadline(ctx, rows)
        if ans is not None:
            ctx.trace.composer = composer
            return ans
    for fn in _TASK_ORDER[q.intent]:
        ans = fn(q, lib, rows, t.docs)
        if ans is not None:
            ctx.trace.composer = f"compose_tasks.{fn.__name__}"
            return ans
    if q.intent == "duty" and t.docs:
        ans = compose_tasks.duty_elsewhere(q, lib, t.docs, steps.candidate_rows(replace(ctx, targets=Targets())))
        if ans is not None:
            ctx.trace.composer = "compose_tasks.duty_elsewhere"
            return ans
    if q.intent == "who_leads":  # no task row: a passage is an answer only if it is about that task
        ans = steps.content(ctx)
        task = [w for w in q.content if w not in frame_words(q)]
        if ans.abstained or overlap(task, ans.sources[0].quote if ans.sources else "") >= \
                ctx.settings.answer_lead_passage_min:
            return ans
        ctx.trace.reason = "no_lead"
        return steps.abstain(ctx, msg.ABSTAIN_NO_LEAD)
    return None


# --- the table ---------------------------------------------------------------------------

ROUTES: tuple[Step, ...] = (
    route("greeting", _intent("greeting"), lambda ctx: Answer(msg.GREETING, False, "greeting")),
    route("help", _intent("help"), lambda ctx: Answer(msg.HELP, False, "help")),
    guard("no_documents", lambda ctx: not ctx.lib.docs, lambda ctx: Answer(msg.NO_DOCUMENTS, True, "abstain")),
    guard("unknown_person", lambda ctx: bool(ctx.person),
          lambda ctx: steps.abstain(ctx, msg.ABSTAIN_UNKNOWN_PERSON.format(name=ctx.person))),
    route("signed_by", lambda ctx: ctx.signed is not None, lambda ctx: compose_facts.signed_by(*ctx.signed)),
    guard("unknown_document", lambda ctx: ctx.targets.unknown is not None, _unknown_document),
    route("doc_list", _intent("doc_list"),
          lambda ctx: compose_tasks.doc_list(ctx.q, ctx.lib) or steps.no_list(ctx)),
    route("implements", _intent("implements", "mentions"), _implements),
    route("deadline_list", _intent("deadline_list"),
          lambda ctx: compose_tasks.deadline_list(ctx.lib, ctx.lib.rows, ctx.targets.docs) or steps.content(ctx)),
    # a fact of a document is no figure, whatever its title says ("Nghị quyết về ... mức chi ... hiệu lực khi nào")
    route("procedure", lambda ctx: bool(compose_procedures.asks(ctx.q.folded)), compose_procedures.answer),
    guard("no_figure",
          lambda ctx: bool(ctx.q.quantity) and ctx.q.intent not in FACT_INTENTS and steps.figure_missing(ctx),
          lambda ctx: steps.abstain(ctx, msg.ABSTAIN_NO_FIGURE.format(what=ctx.q.quantity))),
    route("collective_duty", lambda ctx: ctx.q.intent == "duty" and member_of_collective(ctx.agency), _collective_duty),
    guard("out_of_scope", lambda ctx: not steps.in_scope(ctx), lambda ctx: steps.abstain(ctx, msg.ABSTAIN)),
    route("report_to", _intent("report_to"), _report_to),
    route("define", lambda ctx: ctx.q.intent in ("doc_about", "content") and not (ctx.q.subject and ctx.targets.docs),
          _define),
    route("facts_of_each", lambda ctx: ctx.q.intent in FACT_INTENTS and len({r.key for r in ctx.q.subjects}) > 1,
          lambda ctx: _facts_of_each(ctx)),
    route("several_facts", lambda ctx: ctx.q.intent in FACT_INTENTS and _asks_several_facts(ctx), _several_facts),
    route("fact_and_more", lambda ctx: ctx.q.intent in FACT_INTENTS and ctx.q.subject is not None, _fact_and_more),
    route("facts", _intent(*FACT_INTENTS), steps.facts),
    route("tasks", _intent("duty", "who_leads", "deadline"), _tasks),
    route("content", _always, steps.content),
)
