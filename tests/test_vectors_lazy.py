"""Vectors are derived data: not computed while no query reads them, filled in when one does."""
from __future__ import annotations

from directive_fixtures import OTHER, PLAN
from knowledge_fakes import FakeEncoder
from troly.config import Settings
from troly.ingest.pipeline import Ingestor
from troly.knowledge.base import KnowledgeBase


def test_no_embedding_at_weight_zero_then_filled_in_on_first_dense_query(tmp_path):
    enc = FakeEncoder()
    kb = KnowledgeBase(Settings(data_dir=tmp_path, dense_weight=0.0), encoder=enc)
    for i, text in enumerate((PLAN, OTHER)):
        kb.add(Ingestor().from_text(text, f"doc{i}.txt"))
    assert enc.encoded == 0 and kb.search("chuyển đổi số")  # lexical search answers without vectors
    kb.remove(kb.store.doc_ids()[0])  # a removal does not embed either
    assert enc.encoded == 0

    dense = KnowledgeBase(Settings(data_dir=tmp_path, dense_weight=0.3), encoder=enc)
    assert dense.search("chuyển đổi số")
    chunks = dense.store.chunk_ids()
    assert dense.vectors.ids() == set(chunks) and enc.encoded == len(chunks) + 1  # the chunks, then the query
