"""Loading the conversation core once, and running it off the event loop.

The knowledge base holds SQLite connections and in-memory indices that are not meant to be
shared between threads, so each KnowledgeBase instance is used by one dedicated thread: the
reader thread builds the core and answers; the writer thread owns a second KnowledgeBase on
the same data folder and runs uploads and removals. Answers keep flowing during an ingest the
same way the CLI's do: the writer commits one SQLite transaction and bumps the store's
generation, and the reader's search snapshot and library are rebuilt when they see it.
"""
from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, TypeVar

from .core import ConversationCore, Services
from .replies import Incoming, Reply

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
    """A core plus its threads: what the bots and the web server hold. Writes (uploads, ``/xoa``,
    and any KnowledgeBase write method passed to ``run``) go to the writer thread when the core
    has a writing side (``core.writes``), everything else to the reader thread."""

    def __init__(self, core: ConversationCore, worker: Worker, writer: Worker | None = None):
        self.core = core
        self.worker = worker
        if writer is None and core.writes is not None:
            writer = Worker("troly-writer")
        self.writer = writer or worker

    @classmethod
    def start(cls, factory: Callable[[], ConversationCore]) -> "CoreRunner":
        worker = Worker()
        core = worker.call_sync(factory)
        return cls(core, worker)

    async def handle(self, msg: Incoming) -> list[Reply]:
        if self.core.is_write(msg):
            what = f"{msg.channel} upload {msg.file_name!r}" if msg.file_name else f"{msg.channel} removal"
            return await self.writer.call(_timed, what, self.core.handle, msg)
        return await self.worker.call(self.core.handle, msg)

    async def check_file(self, msg: Incoming) -> list[Reply] | None:
        return self.core.check_file(msg)  # no KB access: safe on the loop

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` on the reader thread; a write method of the core's knowledge base runs
        as the same method of the writer's knowledge base, on the writer thread."""
        writes = self.core.writes
        if getattr(fn, "__self__", None) is self.core.services.kb and getattr(fn, "__name__", "") in WRITE_METHODS:
            if writes is not None:
                return await self.writer.call(_timed, fn.__name__, getattr(writes.kb, fn.__name__), *args)
            return await self.writer.call(_timed, fn.__name__, fn, *args)
        return await self.worker.call(fn, *args)

    def close(self) -> None:
        self.worker.close()
        if self.writer is not self.worker:
            self.writer.close()


def _timed(what: str, fn: Callable[..., T], *args: Any) -> T:
    """Run a write and log it with how long it took (file names, never their text)."""
    start = time.monotonic()
    log.info("knowledge base write: %s started", what)
    try:
        return fn(*args)
    finally:
        log.info("knowledge base write: %s finished in %.1fs", what, time.monotonic() - start)


def load_core(settings: Any) -> ConversationCore:
    """The real core: knowledge base, answer engine, feedback log and the optional helpers."""
    from troly.bot.engine import AnswerEngine
    from troly.bot.feedback import FeedbackStore

    engine = AnswerEngine.from_settings(settings)  # opens the KB; adds the LLM writer when configured
    kb = engine.kb
    feedback = FeedbackStore(kb.connect, retention_days=settings.question_log_days)
    services = Services(engine=engine, kb=kb, settings=settings, feedback=feedback)
    _attach_optional(services, kb, engine)
    return ConversationCore(services, writes=writing_side(services))


def writing_side(services: Services) -> Services:
    """The services the writer thread uses: a KnowledgeBase of its own on the same data folder."""
    from dataclasses import replace

    kb = type(services.kb)(services.settings)
    return replace(services, kb=kb)


def _attach_optional(s: Services, kb: Any, engine: Any) -> None:
    """Posts, deadlines and reminders come from another area; without them the commands say so."""
    try:
        from troly.bot.posts import PostWriter

        s.posts = PostWriter(kb, getattr(engine, "llm", None))
    except ImportError as exc:
        log.warning("posts are not available: %s", exc)
    try:
        from troly.bot.deadlines import list_deadlines

        s.deadlines = list_deadlines
    except ImportError as exc:
        log.warning("deadlines are not available: %s", exc)
    try:
        from troly.bot.reminders import Reminders

        s.reminders = _make_reminders(Reminders, kb)
    except ImportError as exc:
        log.warning("reminders are not available: %s", exc)


def _make_reminders(cls: Any, kb: Any) -> Any:
    return cls(kb)
