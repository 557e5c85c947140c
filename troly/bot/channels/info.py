"""Read-only commands of the conversation core: documents, duties, deadlines, posts, reminders.

Each function takes the core's ``Services`` and returns reply objects; they only read the
knowledge base (and the reminders' own table), so they are simple to test with fakes.
"""
from __future__ import annotations

import logging
from datetime import date
from typing import Any

from troly.prompts import channels as P
from troly.vn.dates import display
from troly.vn.text import fold

from .replies import Incoming, Reply, SourceItem

log = logging.getLogger(__name__)

MAX_LINES = 15


def _date(iso: str) -> str:
    try:
        return display(iso) if iso else ""
    except Exception:  # a partial or odd date: show it as stored
        return iso


def documents(s: Any, _arg: str = "") -> list[Reply]:
    docs = s.kb.documents()
    if not docs:
        return [Reply(text=P.DOCS_EMPTY)]
    lines = []
    for i, d in enumerate(docs, 1):
        f = d.facts
        what = " ".join(x for x in (f.type, f.title) if x).strip()
        when = _date(f.date)
        line = f"{i}. {d.label}"
        if what and f.number and what not in d.label:  # without a number the label is the title
            line += f" – {what}"
        if when:
            line += f" ({when})"
        lines.append(line)
    return [Reply(title=P.DOCS_HEADING.format(n=len(docs)), text="\n".join(lines))]


def duties(s: Any, agency: str) -> list[Reply]:
    """Assignments whose agency contains the query, folded (no diacritics, any case)."""
    if not agency:
        return [Reply(text=P.DUTIES_USAGE)]
    key = fold(agency)
    found = [(doc_id, a) for doc_id, a in s.kb.assignments() if key in fold(a.agency)]
    if not found:
        return [Reply(text=P.DUTIES_NONE.format(agency=agency))]
    labels: dict[str, str] = {}
    paras = []
    for doc_id, a in found[:MAX_LINES]:
        if doc_id not in labels:
            doc = s.kb.get(doc_id)
            labels[doc_id] = doc.label if doc is not None else doc_id
        line = f"• [{labels[doc_id]}] {a.agency} ({a.role}): {a.task}"
        if a.deadline_text:
            line += f" — Thời hạn: {a.deadline_text}"
        paras.append(line)
    if len(found) > MAX_LINES:
        paras.append(P.DUTIES_MORE.format(n=len(found) - MAX_LINES))
    return [Reply(title=P.DUTIES_HEADING.format(agency=agency, n=len(found)), text="\n\n".join(paras))]


def deadlines(s: Any, agency: str = "") -> list[Reply]:
    """/hanchot [cơ quan]: the deadlines module's own list and wording when it is there."""
    if s.deadlines is None:
        return [Reply(text=P.FEATURE_MISSING)]
    today = date.today()
    try:
        from troly.bot.tracking.deadlines import format_deadlines
    except ImportError:
        format_deadlines = None
    if format_deadlines is not None and s.deadlines.__module__ == "troly.bot.tracking.deadlines":
        items = s.deadlines(s.kb, today, agency=agency or None)
        return [Reply(text=format_deadlines(items, today, agency=agency or None))]
    items = s.deadlines(s.kb, today)
    if not items:
        return [Reply(text=P.DEADLINES_NONE)]
    paras = [describe_deadline(d) for d in items[:MAX_LINES]]
    if len(items) > MAX_LINES:
        paras.append(P.DUTIES_MORE.format(n=len(items) - MAX_LINES))
    return [Reply(title=P.DEADLINES_HEADING.format(n=len(items)), text="\n\n".join(paras))]


def describe_deadline(d: Any) -> str:
    """One line for a deadline object (fields read defensively: the deadlines module owns the type)."""
    text = getattr(d, "text", "") or ""
    if text:
        return f"• {text}"
    when = _date(str(getattr(d, "date", "") or getattr(d, "deadline_date", "") or ""))
    agency = getattr(d, "agency", "") or ""
    task = getattr(d, "task", "") or ""
    doc = getattr(d, "document", "") or getattr(d, "doc_label", "") or getattr(d, "doc_id", "") or ""
    parts = [p for p in (when, agency, task) if p]
    line = "• " + " – ".join(parts)
    return line + (f" [{doc}]" if doc else "")


# The post style each chat channel writes in when ``/bai`` names none. Telegram is a chat app
# read like Zalo (the chat-group post); people in the web chat draft for the office's page.
DEFAULT_POST_STYLE = {"zalo": "zalo", "telegram": "zalo", "web": "facebook"}
# First words of ``/bai`` that choose a style (folded): ``/bai loa ...``, ``/bai facebook ...``.
POST_STYLE_WORDS = {"zalo": "zalo", "facebook": "facebook", "fb": "facebook", "loa": "loa"}


def post_request(arg: str, channel: str) -> tuple[str, str]:
    """(style, topic) of ``/bai [zalo|facebook|loa] <chủ đề>``."""
    first, _, rest = arg.strip().partition(" ")
    style = POST_STYLE_WORDS.get(fold(first).lower())
    if style is not None:
        return style, rest.strip()
    return DEFAULT_POST_STYLE.get(channel, "zalo"), arg.strip()


def post(s: Any, arg: str, channel: str) -> list[Reply]:
    style, topic = post_request(arg, channel)
    if not topic:
        return [Reply(text=P.POST_USAGE)]
    if s.posts is None:
        return [Reply(text=P.FEATURE_MISSING)]
    try:
        posts = s.posts.run(topic, channel=style)
    except Exception as exc:
        if type(exc).__name__ == "NoMaterial":
            return [Reply(text=P.POST_NO_MATERIAL.format(topic=topic))]
        raise
    if not posts:
        return [Reply(text=P.POST_NO_MATERIAL.format(topic=topic))]
    data = posts[0].to_json()
    return [Reply(text=data.get("text", ""), sources=post_sources(data.get("sources", [])))]


def post_sources(items: list[dict]) -> list[SourceItem]:
    """One entry per document (a post quotes several passages of the same plan): the post itself
    names its source, so the list only has to say which documents, short enough to travel in the
    same message as the post where the channel's limit allows."""
    out: dict[str, SourceItem] = {}
    for item in items:
        src = SourceItem.from_json(item)
        out.setdefault(src.document, SourceItem(document=src.document, title=src.title))
    return list(out.values())


def your_id(msg: Incoming) -> Reply:
    """``/id``: the user's channel and id, as they go in TROLY_ADMINS."""
    if msg.channel == "web":
        return Reply(text=P.YOUR_ID_WEB)
    return Reply(text=P.YOUR_ID.format(channel=msg.channel, user_id=msg.user_id))


def subscribe(s: Any, msg: Incoming, agency: str) -> list[Reply]:
    if s.reminders is None:
        return [Reply(text=P.FEATURE_MISSING)]
    s.reminders.subscribe(msg.channel, msg.chat_id, agency or None)
    scope = P.REMIND_SCOPE.format(agency=agency) if agency else ""
    return [Reply(text=P.REMIND_ON.format(scope=scope))]


def unsubscribe(s: Any, msg: Incoming) -> list[Reply]:
    if s.reminders is None:
        return [Reply(text=P.FEATURE_MISSING)]
    s.reminders.unsubscribe(msg.channel, msg.chat_id)
    return [Reply(text=P.REMIND_OFF)]


def due_reminders(s: Any, channel: str, now: Any) -> list[Any]:
    """Reminders (``reminders.Reminder``) due for one channel. ``due`` claims what it returns, so
    it is asked for this channel only when it can filter (``channel=``); otherwise other channels'
    are dropped."""
    if s.reminders is None or s.deadlines is None:
        return []
    import inspect

    items = s.deadlines(s.kb, now.date())
    params = inspect.signature(s.reminders.due).parameters
    if "channel" in params:
        due = s.reminders.due(now, items, channel=channel)
    else:
        due = s.reminders.due(now, items)
    out = []
    for r in due:
        if r.channel == channel:
            out.append(r)
        else:
            log.warning("a %s reminder was due in the %s bot and was not delivered", r.channel, channel)
    return out
