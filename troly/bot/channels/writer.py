"""The writing side of the conversation core, in a process of its own.

Ingesting an upload is CPU-bound Python (reading, repairing, embedding): on the answering
thread it would stop every channel, and even on a second thread it would share the GIL with
the answers. So uploads, removals and the knowledge base's write methods run in one spawned
child process with a KnowledgeBase of its own on the same data folder, as ``troly ingest``
does from another shell: the child commits one SQLite transaction per document (under the
base's writer lock) and bumps the store's generation; the answering side sees the new
generation and refreshes its in-memory indices. A child that dies (out of memory on a
malformed file) is replaced for the next write; answering never stops.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Callable

from .core import ConversationCore, Services

log = logging.getLogger(__name__)

_CHILD: ConversationCore | None = None  # in the child process only
# The writer is background work: niceness 10 (the usual "background" level) lets the scheduler
# serve the answering process first, and one BLAS thread keeps the model's matrix products from
# spinning on every core. Measured with bench/bench_ingest_load.py.
WRITER_NICE = 10
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def writer_core(settings: Any) -> ConversationCore:
    """The child's core: a KnowledgeBase of its own; nothing that answers."""
    from troly.knowledge.base import KnowledgeBase

    return ConversationCore(Services(engine=None, kb=KnowledgeBase(settings), settings=settings, feedback=None))


@dataclass(frozen=True)
class WriterSpec:
    """What the child builds its core from; ``build`` must be picklable (a module-level function
    or a ``functools.partial`` of one), called as ``build(settings)``."""

    settings: Any
    build: Callable[[Any], ConversationCore] = writer_core


def _child_init(spec: WriterSpec, level: int) -> None:
    global _CHILD
    for var in BLAS_THREADS:  # before numpy is imported
        os.environ.setdefault(var, "1")
    with contextlib.suppress(OSError, AttributeError):
        os.nice(WRITER_NICE)
    logging.basicConfig(level=level, stream=sys.stdout,
                        format="%(asctime)s %(levelname)s %(name)s [writer]: %(message)s")
    for noisy in ("httpx", "httpcore", "chromadb", "sentence_transformers", "urllib3"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    _CHILD = spec.build(spec.settings)


def _child_call(method: str, args: tuple) -> tuple[str, Any]:
    """``handle(msg)`` on the child's core, or a method of its knowledge base; errors come back
    as plain tuples (an exception with its own constructor may not survive pickling)."""
    try:
        target = _CHILD.handle if method == "handle" else getattr(_CHILD.services.kb, method)
        return "ok", target(*args)
    except Exception as exc:
        reason = getattr(exc, "reason", None)
        if type(exc).__name__ == "IngestError" and reason is not None:
            return "ingest_error", (getattr(exc, "source", ""), reason)
        log.exception("knowledge base write %s failed", method)
        return "error", f"{type(exc).__name__}: {exc}"


class WriterDied(RuntimeError):
    """The writer process ended in the middle of a write (it is replaced for the next one)."""


class ProcessWriter:
    def __init__(self, spec: WriterSpec):
        self.spec = spec
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_child_init, initargs=(self.spec, logging.getLogger().getEffectiveLevel()))

    async def call(self, what: str, method: str, *args: Any) -> Any:
        """Run one write in the child; logs it with how long it took (file names, never text)."""
        start = time.monotonic()
        log.info("knowledge base write: %s started", what)
        try:
            kind, value = await asyncio.wrap_future(self._pool.submit(_child_call, method, args))
        except BrokenProcessPool:
            log.error("knowledge base write: %s: the writer process died; a new one takes the next write", what)
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            raise WriterDied(what) from None
        log.info("knowledge base write: %s finished in %.1fs", what, time.monotonic() - start)
        if kind == "ingest_error":
            from troly.ingest.errors import IngestError

            raise IngestError(*value)
        if kind == "error":
            raise RuntimeError(value)
        return value

    def close(self) -> None:
        """Stop the child (a write cut short leaves the previous state: each write is atomic)."""
        processes = list(getattr(self._pool, "_processes", {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for proc in processes:  # an idle child leaves at once; one in the middle of a write is stopped
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=5)
