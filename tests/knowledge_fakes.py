"""Test helpers for the knowledge base: hand-built Documents and a tiny fake encoder.

The fake encoder hashes folded syllables into a small vector: deterministic, instant, and
still similar for similar texts, so the dense path runs for real without loading a model.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from troly.ingest.errors import IngestError
from troly.models import Chunk, Document, Facts
from troly.vn import folded_syllables, normalize


class FakeEncoder:
    name = "fake-hash-64"

    def __init__(self) -> None:
        self.calls = 0
        self.encoded = 0
        self.preloads = 0

    def preload(self) -> None:
        self.preloads += 1

    def encode(self, texts):
        self.calls += 1
        self.encoded += len(texts)
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in folded_syllables(t):
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % 64] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)


def make_doc(doc_id: str, paragraphs: list[str], number: str = "", source: str | None = None,
             type_: str = "Kế hoạch", title: str = "") -> Document:
    """A Document whose chunks are its paragraphs (offsets into the joined text)."""
    text, chunks, pos = "", [], 0
    for i, p in enumerate(paragraphs):
        if text:
            text += "\n\n"
        start = len(text)
        text += p
        chunks.append(Chunk(id=f"{doc_id}:{i}", doc_id=doc_id, text=p, start=start, end=len(text),
                            section=f"{i + 1}.", ordinal=i))
    facts = Facts(type=type_, number=number, key=normalize(number) if number else "", title=title)
    return Document(id=doc_id, source=source or f"mem:{doc_id}", sha256=hashlib.sha256(text.encode()).hexdigest(),
                    text=text, facts=facts, chunks=chunks)


class FakeIngestor:
    """Reads a .txt file as paragraphs: first line 'number: X' optional. Fails on a bad .docx."""

    def __init__(self) -> None:
        self.runs = 0

    def run(self, path: Path, name: str | None = None) -> Document:
        self.runs += 1
        path = Path(path)
        raw = path.read_bytes()
        if path.suffix == ".docx" and not raw.startswith(b"PK"):
            raise IngestError(str(path), "not a valid .docx file (the file is damaged or not a Word document)")
        lines = raw.decode("utf-8").split("\n\n")
        number = ""
        if lines and lines[0].startswith("number:"):
            number = lines.pop(0).split(":", 1)[1].strip()
        doc_id = normalize(number) if number else path.stem
        return make_doc(doc_id, [p.strip() for p in lines if p.strip()], number=number, source=name or str(path))
