"""A small fake answer engine and knowledge base for the channel tests.

It answers from whatever documents it holds (word overlap), so an ingested upload really
becomes answerable; no knowledge of the shipped corpus is built in.
"""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from troly.ingest.errors import IngestError
from troly.models import Answer, Assignment, Document, Facts, Section, Source
from troly.vn.text import fold, folded_syllables

LONG_MARK = "dài"

# A small, made-up plan in the usual layout, for integration tests with the real ingest.
SAMPLE_PLAN = [
    "HUYỆN ỦY ĐẠM RÔNG", "Số 45-KH/HU", "Đạm Rông, ngày 12 tháng 3 năm 2025", "KẾ HOẠCH",
    "Thực hiện phong trào bình dân học vụ số trên địa bàn huyện",
    "I. MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao kỹ năng số cơ bản cho cán bộ, đảng viên và người dân.",
    "II. NHIỆM VỤ VÀ GIẢI PHÁP",
    "1. Ban Tuyên giáo Huyện ủy chủ trì tuyên truyền phong trào bình dân học vụ số, hoàn thành trước ngày 30/6/2025.",
    "2. Ủy ban nhân dân huyện chỉ đạo mở lớp bồi dưỡng kỹ năng số cho người dân.",
    "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Hùng",
]


class FakeKB:
    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.docs: dict[str, Document] = {}

    def connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.db_path)

    def add_text(self, doc_id: str, text: str, number: str = "", assignments: list[Assignment] | None = None) -> Document:
        lines = [x.strip() for x in text.splitlines() if x.strip()]
        facts = Facts(type="Kế hoạch", number=number, key=number, title=lines[0] if lines else doc_id,
                      signer=lines[-1] if len(lines) > 1 else "")
        doc = Document(id=doc_id, source=doc_id, sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
                       facts=facts, sections=[Section(str(i), ln, 1, 0, 0) for i, ln in enumerate(lines[1:3], 1)],
                       assignments=assignments or [])
        self.docs[doc_id] = doc
        return doc

    def ingest_file(self, path: Path, name: str | None = None) -> tuple[str, Document]:
        if path.suffix.lower() == ".docx":
            import docx

            text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        else:
            text = path.read_text(encoding="utf-8")
        if not text.strip():
            raise IngestError(name or path.name, "no text")
        doc_id = Path(name or path.name).stem
        status = "updated" if doc_id in self.docs else "added"
        return status, self.add_text(doc_id, text, number=doc_id.upper())

    def remove(self, ref: str) -> list[str]:
        ids = [d for d in self.docs if fold(d) == fold(ref) or fold(self.docs[d].facts.key) == fold(ref)]
        for d in ids:
            del self.docs[d]
        return ids

    def documents(self) -> list[Document]:
        return list(self.docs.values())

    def get(self, doc_id: str) -> Document | None:
        return self.docs.get(doc_id)

    def assignments(self, doc_id: str | None = None) -> list[tuple[str, Assignment]]:
        return [(d.id, a) for d in self.docs.values() if doc_id in (None, d.id) for a in d.assignments]


class FakeEngine:
    """Answers with the lines of held documents that share a long word with the question."""

    def __init__(self, kb: FakeKB):
        self.kb = kb
        self.asked: list[tuple[str, str | None]] = []
        self._last: dict[str, Answer] = {}

    def ask(self, question: str, conversation_id: str | None = None) -> Answer:
        self.asked.append((question, conversation_id))
        words = {w for w in folded_syllables(question) if len(w) >= 4}
        sources = []
        for doc in self.kb.docs.values():
            for line in doc.text.splitlines():
                if words & set(folded_syllables(line)):
                    sources.append(Source(document=doc.label, title=doc.facts.title, section="Mục 1",
                                          quote=line.strip(), doc_id=doc.id))
                    break
        if not sources:
            answer = Answer("Không tìm thấy thông tin trong các văn bản hiện có.", True, "unknown")
        else:
            body = "Theo " + sources[0].document + ": " + sources[0].quote
            if LONG_MARK in question:
                body = "\n\n".join(f"Đoạn {i}: " + "nội dung rất dài " * 40 for i in range(30))
            answer = Answer(body, False, "lookup", sources)
        if conversation_id:
            self._last[conversation_id] = answer
        return answer

    def last_answer(self, conversation_id: str) -> Answer | None:
        return self._last.get(conversation_id)
