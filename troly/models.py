"""Dataclasses that flow through the pipeline: ingest -> knowledge -> bot.

They are plain data: no I/O, no behaviour beyond small derived properties, so every
stage can be tested with hand-made values.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Citation:
    """A document cited by another one, e.g. ``Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị``."""

    key: str  # normalized number, e.g. "57-NQ/TW" (see troly.vn.docnum)
    number: str  # as written
    type: str = ""  # "Nghị quyết", "Kết luận", ...
    date: str = ""  # ISO date or "YYYY-MM" / "" when not given
    date_text: str = ""  # as written, e.g. "22/12/2024"
    issuer: str = ""  # "Bộ Chính trị"
    subject: str = ""  # "về đột phá phát triển ..."
    start: int = 0  # character offset of the mention in the clean text
    end: int = 0


@dataclass
class Section:
    """A node of the section tree: ``I.``, ``1.``, ``2.1.``, a dash item ..."""

    label: str  # "I", "1", "2.1", "-" ...
    heading: str  # first line / heading text
    level: int  # 1 = roman, 2 = arabic, 3 = dotted, 4 = dash/bullet
    start: int  # character offsets into Document.text
    end: int
    path: list[str] = field(default_factory=list)  # breadcrumb headings, outermost first

    @property
    def breadcrumb(self) -> str:
        return " › ".join(self.path)


@dataclass
class Assignment:
    """Who must do what, and by when (a row, not only text)."""

    agency: str
    role: str  # "chủ trì" | "phối hợp" | "thực hiện"
    task: str
    deadline_text: str = ""  # "trước ngày 15/5/2025", "đến năm 2025", "thường xuyên"
    deadline_date: str = ""  # ISO date or year "2025" when parsed
    section: str = ""  # breadcrumb
    start: int = 0
    end: int = 0
    coordinators: list[str] = field(default_factory=list)


@dataclass
class Facts:
    """Facts of one document read from its text (never from its file name)."""

    type: str = ""  # "Kế hoạch", "Hướng dẫn", ...
    number: str = ""  # as written, "114-KH/HU"; "" when blank
    key: str = ""  # normalized number, "" when blank
    date: str = ""  # ISO "YYYY-MM-DD" or "YYYY-MM"
    date_text: str = ""
    place: str = ""
    issuer: str = ""
    issuer_parents: list[str] = field(default_factory=list)  # superior bodies printed above it
    title: str = ""
    signer: str = ""
    signer_title: str = ""
    sign_mode: str = ""  # "T/M", "K/T", "TM.", "KT." ...
    recipients: list[str] = field(default_factory=list)
    cites: list[Citation] = field(default_factory=list)
    damaged: float = 0.0  # share of tokens that are not Vietnamese syllables
    repaired: bool = False
    repair_confidence: float = 0.0

    def unread(self) -> list[str]:
        """The key facts the reader could not find: said to the operator, never left silently blank."""
        return [name for name, value in (("type", self.type), ("number", self.number), ("date", self.date),
                                         ("signer", self.signer)) if not value]


@dataclass
class Chunk:
    """A retrievable piece of a document, following its structure."""

    id: str
    doc_id: str
    text: str  # verbatim slice of Document.text[start:end]
    start: int
    end: int
    section: str = ""  # breadcrumb
    ordinal: int = 0


@dataclass
class Document:
    id: str  # stable id: normalized number, else a slug of the title/file
    source: str  # path or upload name
    sha256: str
    text: str  # the clean (and repaired) text every offset points into
    original: str = ""  # the text as read, before repair
    facts: Facts = field(default_factory=Facts)
    sections: list[Section] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How a person names the document: its number as written (471/QĐ-UBND), else its type and title."""
        if self.facts.number and self.facts.key:
            return self.facts.number
        return (f"{self.facts.type} {self.facts.title}".strip() or self.id)[:120]


@dataclass
class Hit:
    chunk: Chunk
    document: Facts
    doc_id: str
    score: float
    lexical: float = 0.0
    dense: float = 0.0

    @property
    def label(self) -> str:
        """The document as a search result names it: its number, else its title."""
        return self.document.key or self.document.title or self.doc_id


@dataclass
class Source:
    document: str  # normalized number, or the title where there is none
    title: str
    section: str
    quote: str  # verbatim span of the document's clean text
    doc_id: str = ""
    repaired: bool = False


@dataclass
class Trace:
    """Where an answer came from: the stages it went through, the guards it passed, the route
    taken (or the guard that fired, with its reason code), the composer and the documents."""

    stages: list[str] = field(default_factory=list)
    guards: list[str] = field(default_factory=list)  # guards checked and passed, in order
    route: str = ""  # the route that answered, or the guard that fired
    reason: str = ""  # a guard's reason code ("out_of_scope", "unknown_document" ...), "" when answered
    composer: str = ""
    documents: list[str] = field(default_factory=list)  # documents considered (targets, scope)
    notes: list[str] = field(default_factory=list)  # e.g. "follow-up dropped: answered from the whole base"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    answer: str
    abstained: bool
    intent: str
    sources: list[Source] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)  # documents the answer is about (follow-ups)
    trace: Trace | None = None

    def to_json(self, trace: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "answer": self.answer,
            "abstained": self.abstained,
            "intent": self.intent,
            "route": self.trace.route if self.trace else "",
            "reason": self.trace.reason if self.trace else "",
            "sources": [
                {"document": s.document, "title": s.title, "section": s.section, "quote": s.quote}
                for s in self.sources
            ],
        }
        if trace and self.trace is not None:
            out["trace"] = self.trace.to_json()
        return out


def to_dict(obj: Any) -> dict[str, Any]:
    return asdict(obj)
