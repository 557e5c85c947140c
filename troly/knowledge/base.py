"""The knowledge base facade: documents in, hits out.

SQLite (``store``) is the truth; Chroma (``vectors``) and BM25 (``lexical``) are derived.
Writing a document goes: embed -> upsert vectors under NEW chunk ids (ids carry the file's
hash, so they never overwrite the live ones) -> one SQLite transaction -> delete the old
vector ids -> rebuild the BM25 index. A crash at any point leaves the previous state
searchable: vectors whose ids SQLite does not know are never returned, and are dropped when
the vector store is next opened (``reconcile``).
"""
from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Sequence

from troly.config import Settings
from troly.ingest import limits as read_limits
from troly.knowledge.embed_cache import CachedEncoder
from troly.knowledge.embeddings import Encoder, SentenceEncoder
from troly.knowledge.files import SUFFIXES, is_upload, keep_upload, readable_source, safe_name, sha256_file, walk
from troly.knowledge.identity import distinct_id, identity
from troly.knowledge.lexical import LexicalIndex
from troly.knowledge.search import DEFAULT_DENSE_WEIGHT, SHIPPED_MODEL_DENSE_WEIGHT, Snapshot, dense_text, index_text, search
from troly.knowledge.store import Store
from troly.knowledge.writelock import WriterLock
from troly.models import Assignment, Document, Hit
from troly.vn import DocRef, find_refs, parse_key

log = logging.getLogger(__name__)

__all__ = ["IngestReport", "KnowledgeBase", "SUFFIXES", "sha256_file", "walk"]


@dataclass
class IngestReport:
    """What ``ingest`` did, path by path; ``failed`` holds (path, error message).

    ``replaced`` holds (path, earlier source) for the updates where another file held the same
    document (same issuer, number and date) and this one replaced it.
    """

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    replaced: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.added) + len(self.updated) + len(self.unchanged) + len(self.failed)


@dataclass
class Written:
    status: str  # "added" | "updated" | "unchanged"
    doc: Document
    replaced: str = ""  # the source of the file whose document this one replaced


class KnowledgeBase:
    def __init__(self, settings: Settings, encoder: Encoder | None = None, ingestor=None):
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.store = Store(settings.db_path)
        self._encoder = encoder
        self._ingestor = ingestor
        self._vectors = None
        self._embedder: CachedEncoder | None = None
        self._snapshot: Snapshot | None = None
        self._query_vectors: dict[str, object] = {}
        self._lock = threading.RLock()
        self._writer = WriterLock(settings.data_dir)  # one writer per base, across processes
        default = DEFAULT_DENSE_WEIGHT if settings.embedding_model else SHIPPED_MODEL_DENSE_WEIGHT
        self.dense_weight = settings.dense_weight if settings.dense_weight >= 0 else default
        iv = settings.index_vectors
        self.index_vectors = iv if iv is not None else self.dense_weight > 0

    @classmethod
    def open(cls, settings: Settings | None = None) -> "KnowledgeBase":
        return cls(settings or Settings.from_env())

    def connect(self):
        return self.store.connect()

    def close(self) -> None:
        self.store.close()

    # --- lazy parts --------------------------------------------------------------------
    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = SentenceEncoder(self.settings.embedding_model)
        return self._encoder

    @property
    def embedder(self) -> CachedEncoder:
        """The encoder behind the embedding cache: what ingest and rebuilds embed chunks with."""
        if self._embedder is None or self._embedder.encoder is not self.encoder:
            self._embedder = CachedEncoder(self.encoder, self.store)
        return self._embedder

    @property
    def ingestor(self):
        if self._ingestor is None:
            from troly.ingest.pipeline import Ingestor

            self._ingestor = Ingestor(clean_texts=self._clean_texts, settings=self.settings)
        return self._ingestor

    def _clean_texts(self) -> list[str]:
        """Texts of the undamaged documents: what the OCR repair learns Vietnamese from."""
        facts = self.store.all_facts()
        return [d.text for d_id, f in facts.items() if not f.repaired and f.damaged < 0.05
                for d in [self.store.get(d_id)] if d is not None]

    @property
    def vectors(self):
        with self._lock:
            if self._vectors is None:
                from troly.knowledge.vectors import VectorStore

                self._vectors = VectorStore(self.settings, self.encoder.name)
                self.reconcile()
            return self._vectors

    def reconcile(self) -> tuple[int, int]:
        """Make the vectors match SQLite: drop unknown ids, embed missing chunks. -> (dropped, added)."""
        vec = self._vectors
        have, want = vec.ids(), set(self.store.chunk_ids())
        extra, missing = have - want, want - have
        if extra:
            log.info("dropping %d stale vectors", len(extra))
            vec.delete(sorted(extra))
        if missing and (self.index_vectors or self.dense_weight > 0):  # no query reads them otherwise
            log.info("embedding %d chunks missing from the vector store", len(missing))
            chunks = self.store.chunks_by_ids(sorted(missing))
            for i in range(0, len(chunks), 1000):
                part = chunks[i:i + 1000]
                embs = self.embedder.encode([dense_text(c) for c in part])
                vec.upsert([c.id for c in part], embs, [c.doc_id for c in part])
        return len(extra), len(missing)

    def snapshot(self) -> Snapshot:
        """The in-memory search state for the store's current generation (rebuilt when stale)."""
        with self._lock:
            gen = self.store.generation()
            if self._snapshot is None or self._snapshot.generation != gen:
                self._snapshot = self._build_snapshot(gen)
            return self._snapshot

    def _build_snapshot(self, gen: int) -> Snapshot:
        chunks = self.store.iter_chunks()
        facts = self.store.all_facts()
        ids = [c.id for c, _ in chunks]
        body = self._lexical("body", gen, ids, [index_text(c, facts[c.doc_id]) for c, _ in chunks])
        return Snapshot.build(gen, chunks, facts, self.store.keys(), body)

    def _lexical(self, name: str, gen: int, ids: list[str], texts: list[str]) -> LexicalIndex:
        """The saved BM25 index when it matches this generation, else a fresh one (then saved)."""
        directory = self.settings.data_dir / "bm25" / name
        index = LexicalIndex.load(directory)
        if index is None or index.generation != gen or index.ids != ids:
            index = LexicalIndex.build(ids, texts, gen)
            try:
                index.save(directory)
            except OSError as exc:  # another process may be swapping it in: ours is in memory
                log.warning("could not save the BM25 index: %s", exc)
        return index

    # --- writing -------------------------------------------------------------------------
    def ingest(self, paths: Iterable[Path], progress: bool = False) -> IngestReport:
        files = walk(paths)
        report = IngestReport()
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=len(files), unit="file", desc="ingest", leave=False)
        for path in files:
            try:
                done = self._ingest_file(path, None, refresh=False)
            except Exception as exc:  # one bad file never stops the others
                msg = str(exc) if str(exc).startswith(str(path)) or type(exc).__name__ == "IngestError" \
                    else f"{path}: {type(exc).__name__}: {exc}"
                log.warning("ingest failed: %s", msg)
                report.failed.append((str(path), msg))
            else:
                getattr(report, done.status).append(str(path))
                report.doc_ids.append(done.doc.id)
                if done.replaced:
                    report.replaced.append((str(path), done.replaced))
            if bar is not None:
                bar.update(1)
        if bar is not None:
            bar.close()
        if report.added or report.updated:
            self.snapshot()  # rebuild and save BM25 once for the whole batch
        if report.updated:
            self._prune_embeddings()
        return report

    def stale_files(self) -> list[Path]:
        """Files of this base that changed on disk or that an older pipeline read.

        Only sources that are canonical paths of supported files are looked at (``readable_source``):
        a stored name is never taken for a path elsewhere on the machine.
        """
        out: list[Path] = []
        for source, sha in self.store.sources() + self.store.superseded_sources():
            path = readable_source(source)
            try:
                if path is not None and path not in out and sha256_file(path) != sha:
                    out.append(path)
            except OSError:  # unreadable now: the next full ingest reports it
                continue
        return out

    def ingest_file(self, path: Path, name: str | None = None) -> tuple[str, Document]:
        """-> (status, document); status in {"added", "updated", "unchanged"}; raises IngestError.

        With ``name`` the file is an upload of that name: it is kept under ``TROLY_DATA/uploads/``
        with a sanitised unique name, and that copy is the document's source.
        """
        if name is None:
            done = self._ingest_file(Path(path), None, refresh=True)
            return done.status, done.doc
        kept = keep_upload(self.settings.data_dir, Path(path), name)
        try:
            done = self._ingest_file(kept, safe_name(name), refresh=True)
        except BaseException:
            self._drop_upload(kept)
            raise
        if done.doc.source != str(kept):  # these bytes were already in the base
            self._drop_upload(kept)
        return done.status, done.doc

    def _drop_upload(self, path: Path) -> None:
        with self._writer:
            if is_upload(self.settings.data_dir, path) and self.store.by_source(str(path)) is None \
                    and self.store.superseded(str(path)) is None:
                path.unlink(missing_ok=True)

    def _ingest_file(self, path: Path, label: str | None, refresh: bool) -> Written:
        source = str(path.resolve())
        try:
            sha = sha256_file(path)
        except OSError as exc:
            from troly.ingest.errors import IngestError

            raise IngestError(str(path), f"cannot read the file ({exc.strerror or exc})") from exc
        known = self._unchanged(source, sha)
        held = self.get(known) if known is not None else None  # None too when removed meanwhile
        if held is not None:
            return Written("unchanged", held)
        preload = getattr(self.encoder, "preload", None)
        if preload is not None:  # the model loads while this file is read and repaired
            preload()
        with read_limits.use(read_limits.ReadLimits.from_settings(self.settings)):
            doc = self.ingestor.run(path, label) if label is not None else self.ingestor.run(path)
        return self._write(replace(doc, source=source, sha256=sha), refresh)

    def add(self, doc: Document) -> tuple[str, Document]:
        """Store an already-built Document (e.g. ``Ingestor().from_text``), keyed by its source."""
        done = self._write(doc, refresh=True, by_content=False)
        return done.status, done.doc

    def _unchanged(self, source: str, sha: str, by_content: bool = True) -> str | None:
        """The id of the document already holding exactly this file, if any: the same source with
        the same fingerprint, or (``by_content``) the same bytes under another name, or a file whose
        document another file replaced and which has not changed since."""
        known = self.store.by_source(source)
        if known is not None or not by_content:
            return known[0] if known is not None and known[1] == sha else None
        same = self.store.by_sha(sha)
        if same is not None:
            return same
        superseded = self.store.superseded(source)
        if superseded is not None and superseded[0] == sha and self.store.source_of(superseded[1]) is not None:
            return superseded[1]
        return None

    def _write(self, doc: Document, refresh: bool, by_content: bool = True) -> Written:
        """Store ``doc``: the decision (new, an update of its file, a replacement of the same
        document from another file) and the write happen under the writer lock."""
        # slow, and needs no lock; skipped where no query reads vectors (Settings.index_vectors)
        embs = self.embedder.encode([dense_text(c) for c in doc.chunks]) if self.index_vectors else None
        with self._writer, self._lock:
            done = self._unchanged(doc.source, doc.sha256, by_content)  # another writer may have been first
            if done is not None:
                return Written("unchanged", self.get(done))
            known = self.store.by_source(doc.source)
            old_id, ident, replaced = (known[0] if known else None), identity(doc.facts), ""
            twin = self.store.by_ident(ident)
            if twin is not None and old_id is not None and twin != old_id:
                log.warning("%s now holds the same document as %s (issuer, number and date); both are kept",
                            doc.source, twin)
                ident = ""
            elif twin is not None and old_id is None:
                old_id, replaced = twin, self.store.source_of(twin) or ""
                log.info("%s replaces %s: the same issuer, number and date", doc.source, replaced)
            doc = self._with_ids(doc, old_id)
            old_chunks = set(self.store.chunk_ids(old_id)) if old_id else set()
            old_chunks |= set(self.store.chunk_ids(doc.id))
            if embs is not None:
                self.vectors.upsert([c.id for c in doc.chunks], embs, [doc.id] * len(doc.chunks))
            self.store.replace(doc, old_id, ident)
            stale = old_chunks - {c.id for c in doc.chunks}
            if stale and embs is not None:
                self.vectors.delete(sorted(stale))
        if refresh:
            self.snapshot()
            if old_id:
                self._prune_embeddings()
        return Written("updated" if old_id else "added", doc, replaced)

    def _with_ids(self, doc: Document, old_id: str | None) -> Document:
        """The document's id (an update keeps its own; a new document whose number another one
        already has gets a distinct, stable id) and chunk ids that change with the content."""
        if old_id and old_id.split("~")[0] == doc.id:
            doc_id = old_id
        else:
            doc_id = distinct_id(doc.id, doc.facts, doc.sha256 or "",
                                 lambda i: i != old_id and self.store.source_of(i) is not None)
            if doc_id != doc.id:
                log.info("document id %s is taken by another document; using %s", doc.id, doc_id)
        tag = (doc.sha256 or hashlib.sha256(doc.text.encode()).hexdigest())[:10]
        chunks = [replace(c, id=f"{doc_id}@{tag}#{i}", doc_id=doc_id, ordinal=i) for i, c in enumerate(doc.chunks)]
        return replace(doc, id=doc_id, chunks=chunks)

    def matching(self, ref: str, by_number: bool = False) -> list[str]:
        """Ids of the documents ``ref`` names: the one whose id it is, else (and with ``by_number``
        also) every document whose number it is in any spelling. Numbers repeat between issuers:
        the first "32/KH-UBND" has that id, another one "32/KH-UBND~xxxxxx"."""
        ids = [ref] if self.store.source_of(ref) is not None else []
        if not ids or by_number:
            refs = find_refs(ref) or ([parse_key(ref)] if parse_key(ref) else [])
            ids += [d for r in refs for d in self.resolve(r)]
        return list(dict.fromkeys(ids))

    def remove(self, ref: str, by_number: bool = False) -> list[str]:
        """Delete the documents ``matching`` names everywhere (SQLite, vectors, BM25): an id removes
        that document only (an admin page's delete button never takes its namesakes along)."""
        with self._writer, self._lock:
            ids = self.matching(ref, by_number)
            for doc_id in ids:
                chunk_ids = self.store.chunk_ids(doc_id)
                self.store.delete(doc_id)
                if self._vectors is not None or self.index_vectors:  # else reconcile drops them when opened
                    self.vectors.delete(chunk_ids)
        if ids:
            self.snapshot()
            self._prune_embeddings()
        return ids

    def _prune_embeddings(self) -> None:
        """Cached vectors of texts no chunk holds any more go (replaced or removed documents)."""
        dropped = self.embedder.prune(dense_text(c) for c, _ in self.store.iter_chunks())
        if dropped:
            log.info("dropped %d cached embeddings no chunk uses", dropped)

    # --- reading ---------------------------------------------------------------------------
    def documents(self) -> list[Document]:
        return [d for d in (self.store.get(i) for i in self.store.doc_ids()) if d is not None]

    def get(self, doc_id: str) -> Document | None:
        return self.store.get(doc_id)

    def count(self) -> int:
        return self.store.count()

    def resolve(self, ref: DocRef) -> list[str]:
        """Ids of the documents whose own number is ``ref`` (a partial ref matches any issuer)."""
        return sorted(d for d, key in self.store.keys().items() if key and ref.matches(key))

    def assignments(self, doc_id: str | None = None) -> list[tuple[str, Assignment]]:
        return self.store.assignments(doc_id)

    def search(self, query: str, k: int = 5, doc_ids: list[str] | None = None,
               by_document: bool | None = None) -> list[Hit]:
        """The ``k`` best chunks; one per document when ``by_document`` (``None``: when the
        question asks which documents)."""
        snap = self.snapshot()
        dense = self._dense if self.dense_weight > 0 else None
        return search(snap, query, k, doc_ids, dense=dense, dense_weight=self.dense_weight, by_document=by_document)

    def _dense(self, query: str, n: int, doc_ids: Sequence[str] | None) -> list[tuple[str, float]]:
        try:
            emb = self._query_vectors.get(query)
            if emb is None:
                emb = self.encoder.encode([query])[0]
                if len(self._query_vectors) >= 512:  # a small cache: people repeat questions
                    self._query_vectors.clear()
                self._query_vectors[query] = emb
            return self.vectors.query(emb, n, doc_ids)
        except Exception as exc:  # the lexical side still answers
            log.warning("dense search unavailable: %s", exc)
            return []
