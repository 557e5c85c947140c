"""The ingest pipeline: read -> repair -> clean -> layout -> facts, sections, assignments, chunks.

Each stage is a pure function of the previous one's output; ``Ingestor`` composes them and is
the only part that touches files.
"""
from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path
from typing import Callable, Iterable

from troly.ingest import readers
from troly.ingest.assignments import extract_assignments
from troly.ingest.chunking import chunk
from troly.ingest.cleanup import clean
from troly.ingest.errors import IngestError
from troly.ingest.facts import extract_facts
from troly.ingest.layout import read_layout
from troly.ingest.sections import build_sections, place
from troly.config import Settings
from troly.models import Document
from troly.vn.text import fold, nfc

log = logging.getLogger(__name__)

# Bump when a change to ingest alters what is extracted: knowledge bases re-read their files.
PIPELINE_VERSION = "18"
DAMAGE_THRESHOLD = 0.15  # share of non-Vietnamese tokens above which a text is called damaged


def marked_share(text: str) -> float:
    """Share of words written with a non-ASCII letter: high in Vietnamese that kept its marks."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    return sum(not w.isascii() for w in words) / len(words) if words else 1.0


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "doc"


class Ingestor:
    """Turns a file (or a text) into a ``Document``.

    ``clean_texts`` feeds the OCR repair's language model with the clean documents already in
    the knowledge base; it is called lazily, only when a damaged text needs repair.
    """

    def __init__(self, clean_texts: Callable[[], Iterable[str]] | None = None, settings: Settings | None = None) -> None:
        self._clean_texts = clean_texts
        self._repairer = None
        # the dataclass default when no settings are given (a bare Ingestor in a script or a test)
        self._max_marked = (settings or Settings).repair_max_marked_share

    def _repair(self, text: str):
        try:
            from troly.ingest.repair import Repairer, convert_legacy, damage_share
        except ImportError:  # the repair package is optional at import time
            return text, None, 0.0
        text, _enc = convert_legacy(text)
        share = damage_share(text)
        if share < 0.02 or marked_share(text) > self._max_marked:
            return text, None, share  # clean, or its marks intact: odd tokens are names and symbols
        if self._repairer is None:
            extra = list(self._clean_texts()) if self._clean_texts else []
            self._repairer = Repairer(extra)
        result = self._repairer.run(text)
        return result.text, result, share

    def from_text(self, raw: str, source: str, sha256: str | None = None) -> Document:
        raw = nfc(raw)
        if not raw.strip():
            raise IngestError(source, "the file has no text")
        repaired, result, share = self._repair(raw)
        text = clean(repaired)
        lay = read_layout(text)
        facts = extract_facts(lay)
        facts.damaged = round(share, 3)
        if result is not None and result.repaired:
            facts.repaired = True
            facts.repair_confidence = round(result.confidence, 3)
        # Stable across edits of the same document: its number, else its type and title.
        doc_id = facts.key or (f"{_slug(facts.type)}-{_slug(facts.title)[:48]}" if facts.title else _slug(Path(source).stem))
        owner = f"{facts.type} {facts.number or facts.key}".strip() if facts.number else ""
        placed = place(lay, owner)
        doc = Document(
            id=doc_id,
            source=source,
            sha256=sha256 or hashlib.sha256(raw.encode()).hexdigest(),
            text=text,
            original=raw if result is not None and result.repaired else "",
            facts=facts,
            sections=build_sections(placed, len(text)),
            chunks=chunk(doc_id, text, placed),
            assignments=extract_assignments(placed),
        )
        log.info("read %s: %s %s, %d chunks, %d assignments", source, facts.type, facts.key or "(no number)",
                 len(doc.chunks), len(doc.assignments))
        return doc

    def run(self, path: Path, name: str | None = None) -> Document:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IngestError(str(path), f"cannot open the file ({exc.strerror or exc})") from exc
        sha = hashlib.sha256(data).hexdigest()
        raw = readers.read(path)
        return self.from_text(raw, name or str(path), sha)
