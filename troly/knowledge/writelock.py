"""One writer at a time per knowledge base, across threads and processes.

``troly ingest DIR`` run twice at once, or an upload while an ingest runs, must not both decide
that a document is new. Writers take an exclusive ``flock`` on ``TROLY_DATA/.writer.lock`` for
the decision and the write (readers never wait for it: SQLite's WAL gives them the last commit).
The lock is per open file, so the same process takes it once (the outermost ``with``) and its
threads queue on a re-entrant thread lock first.
"""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not a POSIX system: threads of one process only
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

LOCK_NAME = ".writer.lock"


class WriterLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        self._thread = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    def __enter__(self) -> "WriterLock":
        self._thread.acquire()
        try:
            if self._depth == 0 and fcntl is not None:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX)  # blocks until the other writer is done
                except BaseException:
                    os.close(fd)
                    raise
                self._fd = fd
        except BaseException:
            self._thread.release()
            raise
        self._depth += 1
        return self

    def __exit__(self, *exc) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fd, self._fd = self._fd, None
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        self._thread.release()
