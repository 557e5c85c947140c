"""The answer engine: a question in, a short cited answer (or an honest abstention) out.

Channel-neutral: Telegram, Zalo, the web and the command line all call ``AnswerEngine.ask``.
It holds the state a conversation needs (the document library, the previous turns) and runs
the answer pipeline (``troly.bot.answer``): understand -> scope -> route -> finalize. Answers
are extractive (facts, assignment rows, retrieved sentences, each quoted verbatim); an LLM, when
configured, may only reword an answer that passes the grounding check.
"""
from __future__ import annotations

import gc
import logging
import threading

from troly.bot.answer.pipeline import AnswerPipeline
from troly.bot.answer.conversation import MAX_CHATS, Conversations
from troly.bot.answer.library import Library
from troly.bot.answer.people import load_names
from troly.config import Settings
from troly.models import Answer

log = logging.getLogger(__name__)


class AnswerEngine:
    def __init__(self, kb, settings: Settings | None = None, llm=None) -> None:
        self.kb = kb
        self.settings = settings or getattr(kb, "settings", None) or Settings.from_env()
        self.llm = llm
        self.conversations = Conversations(max_chats=getattr(self.settings, "max_chats", MAX_CHATS))
        self.pipeline = AnswerPipeline(kb, self.settings, llm)
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
        previous = self.conversations.docs(conversation_id) if conversation_id else []
        answer = self.pipeline.run(question, self.library(), previous)
        if conversation_id and answer.intent != "empty":
            self.conversations.remember(conversation_id, answer)
        return answer
