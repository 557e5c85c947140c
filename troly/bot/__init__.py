"""troly.bot: answers, posts and deadlines on top of the knowledge base.

The public API is small: ``AnswerEngine`` (``ask(question, conversation_id) -> Answer``) and the
answer types ``Answer``, ``Source`` and ``Trace``. Everything else in this package (the pipeline's
stages and routes, the composers, the channel adapters) is internal and may change.
"""
from __future__ import annotations

from typing import Any

from troly.models import Answer, Source, Trace

__all__ = ["AnswerEngine", "Answer", "Source", "Trace"]


def __getattr__(name: str) -> Any:  # the engine loads its composers only when asked for
    if name == "AnswerEngine":
        from troly.bot.engine import AnswerEngine

        return AnswerEngine
    raise AttributeError(name)
