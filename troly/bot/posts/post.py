"""What a post is: its channel, audience, text and sources; and the refusal when there is none.

``Post`` is what ``PostWriter.run`` returns and the admin page keeps; ``NoMaterial`` carries the
Vietnamese reason a post was not written. ``docs_of`` and ``sources_of`` read a post's points.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from troly.bot.posts import templates as T
from troly.models import Document, Source


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
    audience: str = "dan"
    written: str = ""  # the text as checked (a loudspeaker script before numbers become words)

    def to_json(self) -> dict[str, Any]:
        return {
            "channel": self.channel,
            "audience": self.audience,
            "text": self.text,
            "sources": [
                {"document": s.document, "title": s.title, "section": s.section, "quote": s.quote,
                 "repaired": s.repaired}
                for s in self.sources
            ],
        }


def docs_of(points: list[T.Point]) -> list[Document]:
    out: list[Document] = []
    for p in points:
        if all(p.doc.id != d.id for d in out):
            out.append(p.doc)
    return out


def sources_of(points: list[T.Point]) -> list[Source]:
    return [Source(p.doc.label, p.doc.facts.title, p.section, p.quote, p.doc.id, p.doc.facts.repaired)
            for p in points]
