"""The knowledge base on the shipped corpus with the real Ingestor (fake encoder: fast)."""
from __future__ import annotations

import shutil

import pytest

from troly.config import DEFAULT_CORPUS, Settings
from troly.knowledge.base import KnowledgeBase
from troly.vn import fold

from knowledge_fakes import FakeEncoder

pytest.importorskip("troly.ingest.pipeline")

FILES = sorted(DEFAULT_CORPUS.glob("*.txt"))


def new_kb(path) -> KnowledgeBase:
    return KnowledgeBase(Settings(data_dir=path, index_vectors=True), encoder=FakeEncoder())


@pytest.fixture(scope="session")
def corpus_kb(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus_kb")
    corpus = root / "corpus"
    shutil.copytree(DEFAULT_CORPUS, corpus)
    kb = new_kb(root / "data")
    report = kb.ingest([corpus])
    yield kb, corpus, report
    kb.close()


def flat(text: str) -> str:
    return " ".join(fold(text).split())


def sample_phrases(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(chunk id, a 12-word phrase found in that chunk only), for the longest chunk of each document."""
    every = [(c.id, flat(c.text)) for d in kb.documents() for c in d.chunks]
    out = []
    for doc in kb.documents():
        chunk = max(doc.chunks, key=lambda c: len(c.text))
        words = chunk.text.split()
        for i in range(0, max(1, len(words) - 12), 4):
            phrase = " ".join(words[i:i + 12])
            if sum(flat(phrase) in text for _, text in every) == 1:
                out.append((chunk.id, phrase))
                break
    return out


def test_corpus_ingests_completely(corpus_kb):
    kb, _, report = corpus_kb
    assert len(report.added) == len(FILES) and not report.failed
    assert all(d.chunks for d in kb.documents())


def test_folded_query_finds_the_same_top_document(corpus_kb):
    kb, _, _ = corpus_kb
    samples = sample_phrases(kb)
    assert len(samples) == len(FILES)
    for chunk_id, phrase in samples:
        with_marks = kb.search(phrase, k=1)
        without = kb.search(fold(phrase), k=1)
        assert with_marks[0].chunk.id == chunk_id, phrase
        assert without[0].chunk.id == chunk_id, fold(phrase)


def test_reingest_of_unchanged_corpus_changes_nothing(corpus_kb):
    kb, corpus, _ = corpus_kb
    gen = kb.store.generation()
    n = kb.store.conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
    report = kb.ingest([corpus])
    assert len(report.unchanged) == len(FILES) and not (report.added or report.updated or report.failed)
    assert kb.store.generation() == gen
    assert kb.store.conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0] == n


def test_corrupt_docx_is_reported_and_the_rest_ingested(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in FILES[:2]:
        shutil.copy(f, folder / f.name)
    (folder / "hong.docx").write_bytes(b"PK\x03\x04 truncated zip")
    kb = new_kb(tmp_path / "data")
    report = kb.ingest([folder])
    assert len(report.added) == 2
    [(path, error)] = report.failed
    assert path.endswith("hong.docx") and "hong.docx" in error
    assert kb.count() == 2


def test_edit_and_remove_a_shipped_document(tmp_path):
    f = tmp_path / FILES[1].name
    shutil.copy(FILES[1], f)
    kb = new_kb(tmp_path / "data")
    kb.ingest([f])
    doc = kb.documents()[0]
    chunk = max(doc.chunks, key=lambda c: len(c.text))
    old_sentence = chunk.text.strip().splitlines()[-1]
    assert kb.search(old_sentence, k=1)[0].chunk.id == chunk.id
    f.write_text(doc.text.replace(old_sentence, "Nội dung này đã được thay thế hoàn toàn."), encoding="utf-8")
    assert kb.ingest([f]).updated == [str(f.resolve())]
    hits = kb.search(old_sentence, k=10)
    assert all(fold(old_sentence) not in fold(h.chunk.text) for h in hits)
    assert kb.vectors.ids() == set(kb.store.chunk_ids())
    if doc.facts.key:  # remove by a loose spelling of its number
        ref = f"{doc.facts.key.lower().replace('-', ' - ')}"
        assert kb.remove(ref) == [doc.id]
        assert kb.count() == 0 and kb.vectors.count() == 0 and kb.search(old_sentence) == []


def test_new_pipeline_version_rereads_unchanged_files(tmp_path, monkeypatch):
    from troly.ingest import pipeline

    src = tmp_path / "plan.txt"
    shutil.copy(next(DEFAULT_CORPUS.glob("001*.txt")), src)
    kb = KnowledgeBase(Settings(data_dir=tmp_path / "data", dense_weight=0.0), encoder=FakeEncoder())
    assert kb.ingest([src]).added
    assert kb.ingest([src]).unchanged
    monkeypatch.setattr(pipeline, "PIPELINE_VERSION", pipeline.PIPELINE_VERSION + "-next")
    assert kb.ingest([src]).updated
