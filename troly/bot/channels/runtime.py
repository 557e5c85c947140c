"""Loading the conversation core once, and running it off the event loop.

The knowledge base holds SQLite connections and in-memory indices that are not meant to be
shared between threads, so one dedicated worker thread builds the core and answers. Writes
(uploads, ``/xoa``, the knowledge base's write methods) run apart from answering, in the
writer process of ``troly.bot.channels.writer``, when the core names one (``core.writer``):
answers keep flowing during an ingest, and see the new documents once they are committed.
"""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, TypeVar

from troly.prompts import channels as P

from .core import ConversationCore, Services
from .replies import Incoming, Reply
from .writer import ProcessWriter, WriterSpec

log = logging.getLogger(__name__)
T = TypeVar("T")


class Worker:
    def __init__(self, name: str = "troly-core"):
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    def call_sync(self, fn: Callable[..., T], *args: Any) -> T:
        return self._pool.submit(fn, *args).result()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


WRITE_METHODS = ("ingest", "ingest_file", "add", "remove")  # KnowledgeBase methods that write


class CoreRunner:
    """A core plus its worker thread and, when the core names one, its writer process: what the
    bots and the web server hold."""

    def __init__(self, core: ConversationCore, worker: Worker):
        self.core = core
        self.worker = worker
        self.writer = ProcessWriter(core.writer) if core.writer is not None else None

    @classmethod
    def start(cls, factory: Callable[[], ConversationCore]) -> "CoreRunner":
        worker = Worker()
        core = worker.call_sync(factory)
        return cls(core, worker)

    async def handle(self, msg: Incoming) -> list[Reply]:
        if self.writer is not None and self.core.is_write(msg):
            what = f"{msg.channel} upload {msg.file_name!r}" if msg.file_name else f"{msg.channel} removal"
            try:
                return await self.writer.call(what, "handle", msg)
            except Exception:
                log.exception("%s failed", what)
                return [Reply(text=P.ERROR)]
        return await self.worker.call(self.core.handle, msg)

    async def check_file(self, msg: Incoming) -> list[Reply] | None:
        return self.core.check_file(msg)  # no KB access: safe on the loop

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` on the worker thread; a write method of the core's knowledge base
        (``kb.ingest_file``...) runs as the same method in the writer process."""
        name = getattr(fn, "__name__", "")
        if self.writer is not None and getattr(fn, "__self__", None) is self.core.services.kb and name in WRITE_METHODS:
            return await self.writer.call(name, name, *args)
        return await self.worker.call(fn, *args)

    def close(self) -> None:
        self.worker.close()
        if self.writer is not None:
            self.writer.close()


def load_core(settings: Any) -> ConversationCore:
    """The real core: knowledge base, answer engine, feedback log and the optional helpers."""
    from troly.bot.engine import AnswerEngine
    from troly.bot.feedback import FeedbackStore

    engine = AnswerEngine.from_settings(settings)  # opens the KB; adds the LLM writer when configured
    kb = engine.kb
    feedback = FeedbackStore(kb.connect, retention_days=settings.question_log_days)
    services = Services(engine=engine, kb=kb, settings=settings, feedback=feedback)
    _attach_optional(services, kb, engine)
    return ConversationCore(services, writer=WriterSpec(settings))


def _attach_optional(s: Services, kb: Any, engine: Any) -> None:
    """Posts, deadlines and reminders come from another area; without them the commands say so."""
    try:
        from troly.bot.posts import PostWriter

        s.posts = PostWriter(kb, getattr(engine, "llm", None))
    except ImportError as exc:
        log.warning("posts are not available: %s", exc)
    try:
        from troly.bot.tracking.deadlines import list_deadlines

        s.deadlines = list_deadlines
    except ImportError as exc:
        log.warning("deadlines are not available: %s", exc)
    try:
        from troly.bot.tracking.reminders import Reminders

        s.reminders = _make_reminders(Reminders, kb)
    except ImportError as exc:
        log.warning("reminders are not available: %s", exc)


def _make_reminders(cls: Any, kb: Any) -> Any:
    return cls(kb)
