"""Facts read from the real published directives of ../shared/corpus/real (173 documents of many
kinds and places, their true facts in facts.jsonl), scored by ../shared/eval/facts_score.py's own
comparison: every field >= 0.97 (issue 14). Reads text only (no knowledge base)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from troly.cli.kb_cmds import doc_entry
from troly.ingest.pipeline import Ingestor

SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL = SHARED / "corpus" / "real"
SCORER = SHARED / "eval" / "facts_score.py"

pytestmark = pytest.mark.skipif(not (REAL / "facts.jsonl").exists() or not SCORER.exists(),
                                reason="../shared/corpus/real is not beside this checkout")


def _scorer():
    spec = importlib.util.spec_from_file_location("facts_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def test_every_field_of_the_real_corpus_is_read():
    fs = _scorer()
    truths = [json.loads(line) for line in (REAL / "facts.jsonl").read_text(encoding="utf-8").splitlines() if line]
    ingestor = Ingestor()
    docs = [doc_entry(ingestor.run(REAL / "docs" / t["file"])) for t in truths]
    matched = fs.match(truths, docs)
    assert len(matched) == len(truths)
    for field in fs.FIELDS:
        scored = [(t, docs[matched[i]]) for i, t in enumerate(truths) if t[field] is not None]
        right = sum(fs.same(field, t[field], d.get(field)) for t, d in scored)
        assert right / len(scored) >= 0.97, (field, right, len(scored))
