"""KnowledgeBase behaviour on hand-built documents with a fake encoder (fast, no model)."""
from __future__ import annotations

import sqlite3

import pytest

from troly.config import Settings
from troly.knowledge.base import KnowledgeBase
from troly.knowledge.lexical import LexicalIndex
from troly.vn import parse_key

from knowledge_fakes import FakeEncoder, FakeIngestor, make_doc

PLAN = [
    "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học.",
    "Các chi bộ trực thuộc xây dựng kế hoạch quán triệt, báo cáo kết quả trước ngày 15/5/2025.",
    "Ban Tuyên giáo Huyện ủy hướng dẫn tuyên truyền trên loa phát thanh và bản tin nội bộ.",
]
GUIDE = [
    "Hướng dẫn tuyên truyền Kết luận số 69-KL/TW về khoa học và công nghệ.",
    "Ủy ban Mặt trận Tổ quốc huyện tăng cường giám sát, phản biện xã hội.",
    "Đoàn Thanh niên tổ chức hội thi tìm hiểu về chuyển đổi số cho đoàn viên.",
]


def open_kb(tmp_path, **kw) -> KnowledgeBase:
    return KnowledgeBase(Settings(data_dir=tmp_path / "data", index_vectors=True), encoder=kw.get("encoder") or FakeEncoder(),
                         ingestor=kw.get("ingestor") or FakeIngestor())


@pytest.fixture
def kb(tmp_path):
    base = open_kb(tmp_path)
    base.add(make_doc("114-KH/HU", PLAN, number="114-KH/HU"))
    base.add(make_doc("101-HD/BTGTU", GUIDE, number="101-HD/BTGTU", type_="Hướng dẫn"))
    yield base
    base.close()


def rows(kb: KnowledgeBase, table: str) -> int:
    return kb.store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_query_without_diacritics_finds_the_same_top_document(kb):
    with_marks = kb.search("giám sát, phản biện xã hội của mặt trận", k=3)
    without = kb.search("giam sat, phan bien xa hoi cua mat tran", k=3)
    assert with_marks and without
    assert with_marks[0].chunk.id == without[0].chunk.id
    assert "phản biện" in without[0].chunk.text


def test_hits_carry_facts_and_respect_doc_filter(kb):
    hits = kb.search("tuyên truyền", k=10)
    assert {h.doc_id for h in hits} == {"114-KH/HU", "101-HD/BTGTU"}
    only = kb.search("tuyên truyền", k=10, doc_ids=["101-HD/BTGTU"])
    assert only and all(h.doc_id == "101-HD/BTGTU" for h in only)
    assert only[0].document.key == "101-HD/BTGTU"
    assert kb.search("tuyên truyền", doc_ids=["nope"]) == []
    assert kb.search("xyzzy qwerty") == []


def test_document_number_in_query_boosts_that_document(kb):
    # "tuyên truyền" appears in both; the number picks the plan.
    hits = kb.search("kế hoạch 114 tuyên truyền", k=1)
    assert hits[0].doc_id == "114-KH/HU"
    hits = kb.search("101/HD-BTGTU tuyên truyền", k=1)
    assert hits[0].doc_id == "101-HD/BTGTU"


def test_chunks_mentioning_a_number_are_boosted(kb):
    hits = kb.search("nghị quyết 57 nội dung", k=1)
    assert "57-NQ/TW" in hits[0].chunk.text


def test_resolve_and_remove_by_any_spelling(kb):
    assert kb.resolve(parse_key("114-KH/HU")) == ["114-KH/HU"]
    assert kb.resolve(parse_key("114-KH")) == ["114-KH/HU"]
    vec_before = kb.vectors.count()
    removed = kb.remove("KH 114")
    assert removed == ["114-KH/HU"]
    assert kb.get("114-KH/HU") is None
    assert kb.store.conn.execute("SELECT COUNT(*) FROM chunks WHERE doc_id='114-KH/HU'").fetchone()[0] == 0
    assert kb.vectors.count() == vec_before - len(PLAN)
    assert all(h.doc_id != "114-KH/HU" for h in kb.search("loa phát thanh bản tin", k=10))
    assert kb.remove("999-KH/HU") == []
    assert kb.remove("101-HD/BTGTU") == ["101-HD/BTGTU"]  # by id
    assert kb.documents() == []


def test_reingest_of_unchanged_files_changes_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("number: 114-KH/HU\n\n" + "\n\n".join(PLAN), encoding="utf-8")
    (corpus / "sub" / "b.md").write_text("number: 101-HD/BTGTU\n\n" + "\n\n".join(GUIDE), encoding="utf-8")
    (corpus / "ignored.bin").write_bytes(b"\0")
    enc, ing = FakeEncoder(), FakeIngestor()
    kb = open_kb(tmp_path, encoder=enc, ingestor=ing)
    first = kb.ingest([corpus])
    assert len(first.added) == 2 and not first.failed
    counts = {t: rows(kb, t) for t in ("documents", "chunks")}
    gen, vecs, runs, encoded = kb.store.generation(), kb.vectors.count(), ing.runs, enc.encoded
    assert enc.preloads >= 1  # the model starts loading while the first changed file is read
    preloads = enc.preloads
    kb.close()

    kb = open_kb(tmp_path, encoder=enc, ingestor=ing)
    again = kb.ingest([corpus])
    assert len(again.unchanged) == 2 and not (again.added or again.updated or again.failed)
    assert {t: rows(kb, t) for t in ("documents", "chunks")} == counts
    assert kb.store.generation() == gen and ing.runs == runs
    assert kb.vectors.count() == vecs and enc.encoded == encoded  # no re-embedding
    assert enc.preloads == preloads  # nor a model load: an unchanged file costs its hash check


def test_edited_document_leaves_no_stale_chunk(tmp_path):
    f = tmp_path / "plan.txt"
    f.write_text("number: 114-KH/HU\n\n" + "\n\n".join(PLAN), encoding="utf-8")
    kb = open_kb(tmp_path)
    assert kb.ingest([f]).added == [str(f)]
    assert kb.search("loa phát thanh bản tin nội bộ", k=1)
    edited = PLAN[:2] + ["Ban Tuyên giáo Huyện ủy hướng dẫn tuyên truyền qua mạng xã hội Zalo."]
    f.write_text("number: 114-KH/HU\n\n" + "\n\n".join(edited), encoding="utf-8")
    report = kb.ingest([f])
    assert report.updated == [str(f)]
    hits = kb.search("loa phát thanh bản tin nội bộ", k=5)
    assert all("loa phát thanh" not in h.chunk.text for h in hits)
    assert any("Zalo" in h.chunk.text for h in kb.search("zalo", k=3))
    assert rows(kb, "chunks") == len(edited) and rows(kb, "documents") == 1
    assert kb.vectors.count() == len(edited)
    assert kb.vectors.ids() == set(kb.store.chunk_ids())


def test_unreadable_file_is_reported_and_the_rest_ingested(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("\n\n".join(GUIDE), encoding="utf-8")
    (corpus / "broken.docx").write_bytes(b"this is not a zip")
    kb = open_kb(tmp_path)
    kb.add(make_doc("114-KH/HU", PLAN, number="114-KH/HU"))
    report = kb.ingest([corpus, tmp_path / "missing.txt"])
    assert report.added == [str(corpus / "good.txt")]
    failed = dict(report.failed)
    assert "broken.docx" in failed[str(corpus / "broken.docx")] and "docx" in failed[str(corpus / "broken.docx")]
    assert "missing.txt" in failed[str(tmp_path / "missing.txt")]
    assert kb.get("114-KH/HU") is not None  # nothing already indexed is lost
    assert kb.search("đoàn viên chuyển đổi số", k=1)[0].doc_id == "good"


def test_crash_between_vector_upsert_and_commit_keeps_old_state(tmp_path, monkeypatch):
    kb = open_kb(tmp_path)
    kb.add(make_doc("114-KH/HU", PLAN, number="114-KH/HU", source="plan.txt"))
    old_ids = set(kb.store.chunk_ids())

    def crash(*a, **k):
        raise sqlite3.OperationalError("disk I/O error (simulated crash)")

    monkeypatch.setattr(kb.store, "replace", crash)
    new = make_doc("114-KH/HU", ["Nội dung hoàn toàn mới về chuyển đổi số."], number="114-KH/HU", source="plan.txt")
    with pytest.raises(sqlite3.OperationalError):
        kb.add(new)
    monkeypatch.undo()
    assert kb.vectors.count() > len(old_ids)  # the new vectors did reach Chroma
    assert kb.search("loa phát thanh bản tin", k=1)[0].doc_id == "114-KH/HU"
    assert not kb.search("hoàn toàn mới", k=5) or all(h.chunk.id in old_ids for h in kb.search("hoàn toàn mới"))
    kb.close()

    reopened = open_kb(tmp_path)
    assert reopened.vectors.ids() == old_ids  # reconcile dropped the orphans
    assert reopened.search("loa phát thanh bản tin", k=1)[0].doc_id == "114-KH/HU"


def test_lost_vector_store_is_rebuilt_from_sqlite(kb, tmp_path):
    import shutil

    n = rows(kb, "chunks")
    kb._vectors = None
    kb.close()
    shutil.rmtree(tmp_path / "data" / "chroma")
    enc = FakeEncoder()
    reopened = open_kb(tmp_path, encoder=enc)
    assert reopened.vectors.count() == n
    assert enc.encoded == 0  # every vector came back from the embedding cache in SQLite


def test_a_paragraph_repeated_across_documents_is_embedded_once(tmp_path):
    enc = FakeEncoder()
    kb = open_kb(tmp_path, encoder=enc)
    kb.add(make_doc("114-KH/HU", PLAN, number="114-KH/HU"))
    first = enc.encoded
    # a district copy: the same paragraphs but one, which names another place
    copy = PLAN[:2] + ["Ban Tuyên giáo Thị ủy hướng dẫn tuyên truyền trên loa phát thanh."]
    kb.add(make_doc("115-KH/HU", copy, number="115-KH/HU", source="copy.txt"))
    assert enc.encoded - first == 1
    ids = [c.id for c in kb.get("114-KH/HU").chunks[:2]] + [c.id for c in kb.get("115-KH/HU").chunks[:2]]
    got = kb.vectors.collection.get(ids=ids, include=["embeddings"])
    vec = dict(zip(got["ids"], got["embeddings"]))
    assert list(vec[ids[0]]) == list(vec[ids[2]]) and list(vec[ids[1]]) == list(vec[ids[3]])
    assert kb.embedder.hits == 2 and kb.embedder.misses == first + 1


def test_the_embedding_cache_keeps_only_what_chunks_hold(tmp_path):
    enc = FakeEncoder()
    kb = open_kb(tmp_path, encoder=enc)
    kb.add(make_doc("114-KH/HU", PLAN, number="114-KH/HU"))
    kb.add(make_doc("115-KH/HU", PLAN[:1] + ["Đoạn riêng của kế hoạch 115."], number="115-KH/HU", source="b.txt"))
    cached = rows(kb, "embedding_cache")
    kb.add(make_doc("114-KH/HU", PLAN[:2] + ["Một đoạn đã sửa."], number="114-KH/HU"))  # an edit
    assert rows(kb, "embedding_cache") == cached  # one text in, one out
    kb.remove("115-KH/HU")
    live = {c.id for c in kb.store.chunks_by_ids(kb.store.chunk_ids())}
    assert rows(kb, "embedding_cache") == len(live)  # PLAN[0], shared, stays; the 115 paragraph went
    before = enc.encoded
    kb.add(make_doc("115-KH/HU", PLAN[:1] + ["Đoạn riêng của kế hoạch 115."], number="115-KH/HU", source="b.txt"))
    assert enc.encoded - before == 1  # the shared paragraph still came from the cache


def test_bm25_index_is_saved_with_its_generation_and_reused(kb, tmp_path):
    kb.search("tuyên truyền")
    saved = LexicalIndex.load(tmp_path / "data" / "bm25" / "body")
    assert saved is not None and saved.generation == kb.store.generation()
    assert saved.ids == [c.id for c in kb.snapshot().chunks]
    # another process writing bumps the generation: this one notices and reloads
    other = open_kb(tmp_path)
    other.add(make_doc("x", ["Hội nghị trực tuyến về kinh tế tư nhân."], source="x.txt"))
    assert kb.search("kinh tế tư nhân", k=1)[0].doc_id == "x"


def test_same_id_from_another_file_is_kept_apart(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("number: 32/KH-UBND\n\n" + "\n\n".join(PLAN), encoding="utf-8")
    b.write_text("number: 32/KH-UBND\n\n" + "\n\n".join(GUIDE), encoding="utf-8")
    kb = open_kb(tmp_path)
    report = kb.ingest([a, b])
    assert len(report.added) == 2 and len(set(report.doc_ids)) == 2
    b.write_text("number: 32/KH-UBND\n\n" + "\n\n".join(GUIDE[:2]), encoding="utf-8")
    again = kb.ingest([a, b])
    assert again.updated == [str(b)] and again.doc_ids == report.doc_ids  # an update keeps its id
    assert kb.remove("32/KH-UBND") == ["32/KH-UBND"]  # an id names that document only
    assert kb.remove("32/KH-UBND", by_number=True) == [report.doc_ids[1]]  # a number names all


def test_repaired_document_keeps_its_original(tmp_path):
    kb = open_kb(tmp_path)
    doc = make_doc("dmg", ["Văn bản đã sửa lỗi nhận dạng."], source="dmg.txt")
    doc.original = "Vǎn bån dã sůa lỗi nhân dang."
    doc.facts.repaired, doc.facts.damaged = True, 0.4
    kb.add(doc)
    got = kb.get("dmg")
    assert got.original == doc.original and got.facts.repaired and got.facts.damaged == pytest.approx(0.4)


def test_question_frame_does_not_outrank_the_topic(kb):
    kb.add(make_doc("32/KH-UBND", [
        "Xác định đây là nhiệm vụ được các cơ quan, đơn vị xác định rõ trong các văn bản chỉ đạo.",
        "Phát triển hạ tầng số tại phường.",
    ], number="32/KH-UBND"))
    hits = kb.search("Khoa học và công nghệ được các văn bản xác định là gì?", k=1)
    assert hits and "khoa học và công nghệ" in hits[0].chunk.text


def test_which_documents_question_gets_one_hit_per_document(kb):
    kb.add(make_doc("50-CTR/HU", [
        "Chương trình tuyên truyền về khoa học và chuyển đổi số trên loa phát thanh.",
        "Tuyên truyền khoa học, công nghệ trong đoàn viên, hội viên.",
    ], number="50-CTr/HU"))
    passages = kb.search("tuyên truyền khoa học", k=3)
    assert len({h.doc_id for h in passages}) < len(passages)  # several chunks of one document
    docs = kb.search("Có những văn bản nào về tuyên truyền khoa học?", k=3)
    assert len(docs) == 3 and len({h.doc_id for h in docs}) == 3
    assert docs == sorted(docs, key=lambda h: -h.score)
    assert [h.doc_id for h in kb.search("tuyên truyền khoa học", k=3, by_document=True)] == [h.doc_id for h in docs]
