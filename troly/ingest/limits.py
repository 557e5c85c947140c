"""Reading limits: how large a file's text may be, how far a .docx may unzip, how long reading may
take, and what counts as language. Each is refused with an ``IngestError`` that names the limit.

The values come from ``Settings`` (see troly/config.py for how they were set). The knowledge base
states the limits of its settings around each file it reads (``use``); the readers ask for the
limits in force (``current``), so the pipeline between them needs no parameter for them.
"""
from __future__ import annotations

import contextvars
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from troly.ingest.errors import IngestError

MB = 1024 * 1024
# UTF-8 spends at most 4 bytes on a character: a text file larger than this many bytes per allowed
# character is refused from its size alone, before a byte of it is read.
MAX_BYTES_PER_CHAR = 4


@dataclass(frozen=True)
class ReadLimits:
    max_text_chars: int = 2_000_000
    max_unzipped_bytes: int = 50 * MB
    max_seconds: float = 120.0
    min_printable: float = 0.95
    min_wordlike: float = 0.6

    @classmethod
    def from_settings(cls, s) -> "ReadLimits":
        return cls(s.max_text_chars, s.max_unzipped_mb * MB, s.max_read_seconds,
                   s.min_printable_share, s.min_wordlike_share)

    def check_file_size(self, size: int, source: str) -> None:
        if size > self.max_text_chars * MAX_BYTES_PER_CHAR:
            raise IngestError(source, f"the file is too large to be one document ({size / MB:.1f} MB; "
                                      f"at most {self.max_text_chars:,} characters are read)")

    def check_text(self, text: str, source: str) -> None:
        if len(text) > self.max_text_chars:
            raise IngestError(source, f"the text is too long to be one document ({len(text):,} characters; "
                                      f"the limit is {self.max_text_chars:,}, TROLY_MAX_TEXT_CHARS)")


_CURRENT: contextvars.ContextVar[ReadLimits] = contextvars.ContextVar("troly_read_limits", default=ReadLimits())


def current() -> ReadLimits:
    return _CURRENT.get()


@contextmanager
def use(limits: ReadLimits) -> Iterator[ReadLimits]:
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


class Deadline:
    """Wall-clock budget for reading one file; ``check`` between steps (pages, paragraphs)."""

    def __init__(self, seconds: float, source: str) -> None:
        self.source, self.seconds = source, seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise IngestError(self.source, f"reading took longer than {self.seconds:g} s (TROLY_MAX_READ_SECONDS); "
                                           "the file is too large or too complex")
