"""Deadlines the documents set (``troly deadlines``, ``/hanchot``), with a status for today.

Every assignment with a deadline becomes a ``Deadline``. Its ``status`` is a stable English
code so that programs (reminders, the web, tests) can rely on it; people see the
Vietnamese labels of ``troly.prompts.posts.STATUS_LABELS``:

- ``overdue``: the date (or the year of "đến năm 2025") has passed;
- ``due_soon``: a dated deadline within ``SOON_DAYS`` days (today included);
- ``later``: a dated deadline further away;
- ``ongoing``: standing tasks ("thường xuyên", "định kỳ") and horizons ("đến năm 2025")
  whose year has not ended.

A year horizon is not a reporting date: "tiếp tục thực hiện đến năm 2025" stays ongoing
through 31 December 2025 and only then counts as overdue (its horizon has passed).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Protocol

from troly.bot.posts.templates import source_label
from troly.models import Assignment, Document
from troly.prompts import posts as P
from troly.vn.dates import display, find_dates
from troly.vn.text import collapse_ws, fold

SOON_DAYS = 30
STATUSES = ("overdue", "due_soon", "later", "ongoing")
_STANDING = ("thuong xuyen", "dinh ky", "hang nam", "hang quy", "hang thang", "lien tuc")


class KB(Protocol):
    def assignments(self, doc_id: str | None = None) -> list[tuple[str, Assignment]]: ...
    def get(self, doc_id: str) -> Document | None: ...


@dataclass
class Deadline:
    doc_id: str
    document: str  # the document's label: number, else type and title
    agency: str
    role: str
    task: str
    deadline_text: str  # as written: "trước ngày 15/5/2025", "đến năm 2025", "thường xuyên"
    deadline_date: str  # ISO "2025-05-15", "2025-05" or a year "2025"; "" for standing tasks
    section: str
    status: str  # one of STATUSES
    due: date | None = None  # the last day that is still on time (end of month/year if partial)
    days_left: int | None = None  # due - today; negative when overdue; None when no date
    document_name: str = ""  # "Kế hoạch số 114-KH/HU ngày 03 tháng 4 năm 2025 của Ban ..."

    @property
    def label(self) -> str:
        return P.STATUS_LABELS[self.status]

    @property
    def dated(self) -> bool:
        """A precise day: what reminders are sent for."""
        return len(self.deadline_date.split("-")) == 3

    @property
    def key(self) -> str:
        """A stable identity (document, agency, task, date) for reminders."""
        return "|".join([self.doc_id, fold(self.agency), fold(self.task)[:80], self.deadline_date])

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["due"] = self.due.isoformat() if self.due else None
        d["label"] = self.label
        return d


def due_date(iso: str) -> date | None:
    """The last day a deadline allows: the day itself, the month's or the year's end."""
    parts = [int(p) for p in iso.split("-") if p.isdigit()] if iso else []
    try:
        if len(parts) == 3:
            return date(parts[0], parts[1], parts[2])
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        if len(parts) == 1:
            return date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def parse_deadline(text: str) -> str:
    """An ISO date or year from deadline text when the assignment row has none."""
    found = find_dates(text, years=True)
    return found[-1].iso if found else ""


def status_of(deadline_date: str, today: date) -> tuple[str, date | None, int | None]:
    """(status, due, days_left) of a deadline date (see the module docstring)."""
    due = due_date(deadline_date)
    if due is None:
        return "ongoing", None, None
    days = (due - today).days
    if days < 0:
        return "overdue", due, days
    if len(deadline_date.split("-")) == 1:
        return "ongoing", due, days  # a year horizon: the whole year counts
    return ("due_soon" if days <= SOON_DAYS else "later"), due, days


def from_assignment(doc_id: str, doc: Document | None, a: Assignment, today: date) -> Deadline | None:
    """A Deadline for one assignment, or None when it sets no time at all."""
    text = collapse_ws(a.deadline_text)
    iso = a.deadline_date or parse_deadline(text)
    if not text and not iso:
        return None
    status, due, days = status_of(iso, today)
    label = doc.label if doc else doc_id
    name = source_label(doc) if doc else doc_id
    return Deadline(doc_id, label, collapse_ws(a.agency), a.role, collapse_ws(a.task), text, iso,
                    a.section, status, due, days, name)


def list_deadlines(kb: KB, today: date | None = None, agency: str | None = None) -> list[Deadline]:
    """Every deadline the documents set, most urgent first; ``agency`` filters by name.

    Order: overdue (latest first), due soon, later (soonest first), then ongoing.
    """
    today = today or date.today()
    docs: dict[str, Document | None] = {}
    out: list[Deadline] = []
    for doc_id, a in kb.assignments():
        if doc_id not in docs:
            docs[doc_id] = kb.get(doc_id)
        d = from_assignment(doc_id, docs[doc_id], a, today)
        if d and (not agency or agency_matches(agency, d.agency)):
            out.append(d)
    rank = {s: i for i, s in enumerate(STATUSES)}

    def order(d: Deadline) -> tuple:
        days = d.days_left if d.days_left is not None else 10**6
        return (rank[d.status], -days if d.status == "overdue" else days, d.document, d.agency)

    return sorted(out, key=order)


# Abbreviations agencies are written with, folded: a subscriber may type either form.
_ABBR = {
    "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc",
    "btg": "ban tuyen giao", "bch": "ban chap hanh", "btv": "ban thuong vu", "hu": "huyen uy",
    "tu": "tinh uy", "ct-xh": "chinh tri - xa hoi",
}


_TYPED = {"ubnd", "hdnd", "mttq", "btg", "bch", "btv"}  # unambiguous even in lower case


def _expand(text: str, typed: bool = False) -> str:
    """Folded words; abbreviations ("UBND", or "ubnd" typed by a user) spelled out."""
    out = []
    for word in text.replace(",", " , ").split():
        f = fold(word)
        upper = word.isupper() and len(word) > 1
        out.append(_ABBR.get(f, f) if upper or (typed and f in _TYPED) else f)
    return " ".join(out)


def agency_matches(wanted: str, agency: str) -> bool:
    """Diacritic-insensitive containment, abbreviations expanded: "ban tuyen giao" matches
    "Ban Tuyên giáo Huyện ủy"; "UBND huyện" matches "Ủy ban nhân dân huyện"."""
    w, a = _expand(wanted, typed=True), _expand(agency)
    return bool(w) and f" {w} " in f" {a} "


def format_deadlines(deadlines: list[Deadline], today: date, limit: int = 30,
                     agency: str | None = None) -> str:
    """The Vietnamese list shown by /hanchot and ``troly deadlines``."""
    if not deadlines:
        return P.DEADLINES_NONE_FOR.format(agency=agency) if agency else P.DEADLINES_NONE
    lines = [P.DEADLINES_HEADING.format(today=display(today.isoformat()))]
    for d in deadlines[:limit]:
        values = dict(icon=P.STATUS_ICONS[d.status], label=d.label, when=d.deadline_text or display(d.deadline_date),
                      agency=d.agency, task=clip(d.task, 200), document=d.document_name or d.document,
                      section=section_part(d.section))
        if d.days_left is None or d.status == "ongoing":
            lines.append(P.DEADLINE_ITEM_ONGOING.format(**values))
        else:
            values["relative"] = relative(d.days_left)
            lines.append(P.DEADLINE_ITEM.format(**values))
    if len(deadlines) > limit:
        lines.append(P.DEADLINES_MORE.format(n=len(deadlines) - limit))
    return "\n\n".join(lines)


def clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def section_part(section: str) -> str:
    """", mục IV. Tổ chức thực hiện": the top section only (deeper levels repeat the task)."""
    top = section.split(" › ")[0].strip() if section else ""
    if not top:
        return ""
    letters = [c for c in top if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        m = re.match(r"^([ivxlc]+\.|\d+\.)?\s*(.*)$", top.lower())
        num, rest = (m.group(1) or "").upper(), m.group(2)
        top = f"{num} {rest[:1].upper()}{rest[1:]}".strip()
    return f", mục {clip(top, 60)}"


def relative(days: int) -> str:
    if days == 0:
        return P.DUE_TODAY
    return P.DAYS_LEFT.format(n=days) if days > 0 else P.DAYS_LATE.format(n=-days)
