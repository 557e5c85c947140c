"""Prints a digest of what ingest reads and what the engine answers, for one PYTHONHASHSEED.

Run by tests/test_determinism.py under several seeds; the digests must be equal. It reads the
shipped corpus plus the constructed decision of tests/test_ingest_forms.py, builds a knowledge
base with the test suite's fake encoder in a temporary folder, and asks a few questions."""
from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))

from knowledge_fakes import FakeEncoder  # noqa: E402
from test_ingest_forms import ATTACHED, BODY, CHAIN, DECISION, RECIPIENTS  # noqa: E402
from troly.bot.engine import AnswerEngine  # noqa: E402
from troly.config import DEFAULT_CORPUS, Settings  # noqa: E402
from troly.ingest.pipeline import Ingestor  # noqa: E402
from troly.knowledge.base import KnowledgeBase  # noqa: E402

QUESTIONS = ["Ai ký kế hoạch 114?", "Cơ quan nào chủ trì số hóa sổ hộ tịch các xã?", "Đoàn Thanh niên phải làm gì?",
             "Hạn chót nộp báo cáo là ngày nào?", "Nghị quyết 57 nói về gì?", "lương cơ sở năm 2025 là bao nhiêu"]


def main() -> None:
    ingestor = Ingestor()
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(Path(DEFAULT_CORPUS).glob("*.txt"))]
    texts.append(("qd.txt", DECISION + "\n" + BODY + RECIPIENTS + CHAIN + "Nguyễn Văn An\n\n" + ATTACHED))
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(Settings(data_dir=Path(tmp), dense_weight=0.0), encoder=FakeEncoder())
        read = []
        for name, text in texts:
            doc = ingestor.from_text(text, name)
            kb.add(doc)
            read.append([asdict(doc.facts), [asdict(s) for s in doc.sections], [asdict(a) for a in doc.assignments],
                         [(c.start, c.end, c.section) for c in doc.chunks]])
        engine = AnswerEngine(kb)
        answers = [engine.ask(q).to_json() for q in QUESTIONS]
    for part in (read, answers):
        print(hashlib.sha256(json.dumps(part, ensure_ascii=False, sort_keys=True).encode()).hexdigest())


if __name__ == "__main__":
    main()
