"""What flows through the answer pipeline: the question, its reading, its scope, the trace."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from troly.bot.answer.library import Library
from troly.bot.answer.query import Query
from troly.bot.answer.targets import Targets
from troly.config import Settings
from troly.models import Trace


@dataclass
class Context:
    """One question on its way through the stages. ``kb`` searches, ``lib`` holds the documents."""

    text: str  # the question, normalized
    q: Query  # what it asks (understand)
    previous: list[str]  # documents of the conversation's previous answer
    kb: Any
    lib: Library
    settings: Settings
    agency: list[str] = field(default_factory=list)  # the agency a duty question names (scope)
    targets: Targets = field(default_factory=Targets)  # the documents it is about (scope)
    person: str = ""  # a person it names whom no document names (understand)
    signed: tuple | None = None  # ("Đồng chí X", [documents X signed]) for "X ký những văn bản nào"
    trace: Trace = field(default_factory=Trace)
    answer_again: Callable[[Query], Any] | None = None  # the pipeline, for a question split in parts
