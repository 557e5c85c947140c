"""The knowledge base with the real default encoder (the offline MiniLM) and real Chroma."""
from __future__ import annotations

import json

import pytest

from troly.config import Settings
from troly.knowledge.base import KnowledgeBase
from troly.knowledge.embeddings import SentenceEncoder

from knowledge_fakes import make_doc


@pytest.fixture(scope="module")
def real_kb(tmp_path_factory):
    kb = KnowledgeBase(Settings(data_dir=tmp_path_factory.mktemp("real") / "data", index_vectors=True))
    kb.add(make_doc("a", ["Tăng cường ứng dụng công nghệ số và thương mại điện tử trong sản xuất nông nghiệp.",
                          "Tổ chức hội nghị quán triệt cho cán bộ, đảng viên."], source="a.txt"))
    kb.add(make_doc("b", ["Giám sát, phản biện xã hội đối với việc thực hiện chính sách về trí thức."],
                    source="b.txt"))
    yield kb
    kb.close()


def test_default_encoder_is_the_offline_minilm(real_kb):
    enc = real_kb.encoder
    assert isinstance(enc, SentenceEncoder) and enc.name == "all-MiniLM-L6-v2"
    assert enc.runtime == "numpy"  # no torch import at ingest
    v = enc.encode(["thương mại điện tử", "thuong mai dien tu"])
    assert v.shape == (2, 384)
    assert abs(float((v[0] ** 2).sum()) - 1.0) < 1e-4
    assert float(v[0] @ v[1]) > 0.99  # folded before encoding: diacritics do not matter


def test_chroma_collection_holds_no_model_path(real_kb):
    coll = real_kb.vectors.collection
    meta = json.dumps(coll.metadata, ensure_ascii=False)
    assert "all-MiniLM-L6-v2" in meta
    assert "/" not in meta and "site-packages" not in meta and "/" not in coll.name
    assert coll.count() == 3


def test_shipped_model_is_indexed_but_not_queried_by_default(real_kb):
    assert real_kb.dense_weight == 0.0  # measured: it adds nothing to lexical recall in Vietnamese
    assert KnowledgeBase(Settings(data_dir=real_kb.settings.data_dir, embedding_model="x")).dense_weight > 0


def test_hybrid_search_with_real_vectors(real_kb, monkeypatch):
    monkeypatch.setattr(real_kb, "dense_weight", 0.2)
    hits = real_kb.search("thuong mai dien tu", k=2)
    assert hits[0].doc_id == "a" and hits[0].dense > 0 and hits[0].lexical > 0
