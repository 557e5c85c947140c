"""Fakes for the web tests: a knowledge base held in memory (its SQLite file is real, for the
feedback and audit tables) and an engine that quotes the first paragraph sharing a word of 3+ letters with
the question. They stand in for other areas so the web router is tested on its own."""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from troly.ingest.errors import IngestError
from troly.models import Answer, Chunk, Document, Facts, Source
from troly.vn import folded_syllables


def text_document(doc_id: str, text: str, source: str, number: str = "", title: str = "") -> Document:
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    chunks, pos = [], 0
    for i, p in enumerate(paras):
        start = text.index(p, pos)
        pos = start + len(p)
        chunks.append(Chunk(id=f"{doc_id}:{i}", doc_id=doc_id, text=p, start=start, end=pos, section=f"{i + 1}."))
    facts = Facts(type="Kế hoạch", number=number, key=number, title=title or (paras[0][:80] if paras else ""))
    return Document(id=doc_id, source=source, sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
                    facts=facts, chunks=chunks)


class MemoryKB:
    """Implements the parts of the KnowledgeBase contract the web area uses."""

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.docs: dict[str, Document] = {}
        self.ingested: list[tuple[Path, str | None]] = []

    def connect(self) -> sqlite3.Connection:
        return sqlite3.connect(str(self.db_path), check_same_thread=False)

    def add(self, doc: Document) -> None:
        self.docs[doc.id] = doc

    def ingest_file(self, path: Path, name: str | None = None) -> tuple[str, Document]:
        self.ingested.append((Path(path), name))
        suffix = Path(path).suffix.lower()
        try:
            if suffix == ".docx":
                import docx

                text = "\n\n".join(p.text for p in docx.Document(str(path)).paragraphs if p.text.strip())
            elif suffix in (".txt", ".md"):
                text = Path(path).read_bytes().decode("utf-8")
            else:
                raise IngestError(str(name or path), "unsupported in this fake")
        except IngestError:
            raise
        except Exception as exc:  # a broken .docx or bad encoding, as the real reader reports
            raise IngestError(str(name or path), f"unreadable: {exc}") from exc
        doc_id = Path(name or path.name).stem.lower()
        status = "updated" if doc_id in self.docs else "added"
        self.docs[doc_id] = text_document(doc_id, text, str(name or path))
        return status, self.docs[doc_id]

    def remove(self, ref: str) -> list[str]:
        return [self.docs.pop(ref).id] if ref in self.docs else []

    def documents(self) -> list[Document]:
        return list(self.docs.values())


class QuoteEngine:
    """Answers with the first chunk that shares a folded syllable of 3+ letters with the question."""

    def __init__(self, kb: MemoryKB):
        self.kb = kb
        self.asked: list[tuple[str, str | None]] = []

    def ask(self, question: str, conversation_id: str | None = None) -> Answer:
        self.asked.append((question, conversation_id))
        words = {w for w in folded_syllables(question) if len(w) >= 3}
        for doc in self.kb.documents():
            for chunk in doc.chunks:
                if words & set(folded_syllables(chunk.text)):
                    src = Source(document=doc.label, title=doc.facts.title, section=chunk.section,
                                 quote=chunk.text, doc_id=doc.id)
                    return Answer(answer=f"Theo {doc.label}: {chunk.text}", abstained=False, intent="content",
                                  sources=[src], doc_ids=[doc.id])
        return Answer(answer="Không tìm thấy thông tin này trong các văn bản hiện có.", abstained=True,
                      intent="content")

    def last_answer(self, conversation_id: str) -> Answer | None:
        return None
