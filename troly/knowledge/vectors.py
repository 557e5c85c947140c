"""Chroma: the dense vectors of the chunks, keyed by chunk id.

Embedded (``data_dir/chroma``) by default, or a Chroma server when ``CHROMA_HOST`` is set.
Chroma never embeds anything itself (its default embedding function downloads a model): the
collection has no embedding function and every call passes embeddings. Each model gets its
own collection (vectors of two models do not mix), whose metadata records only the model's
display name, never a path on this machine.
"""
from __future__ import annotations

import logging
import os
import re
from typing import Sequence

import numpy as np

from troly.config import Settings

log = logging.getLogger(__name__)

MAX_BATCH = 5000
MAX_WHERE_IN = 50  # documents named in a Chroma filter before filtering moves here


def _forget_cached_system(path: str) -> None:
    """Chroma keeps one system per path for the whole process; when the folder was deleted (a lost
    vector store rebuilt from SQLite) that system points at files that no longer exist."""
    try:
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient._identifier_to_system.pop(path, None)  # private, but no public per-path reset
    except (ImportError, AttributeError):  # other Chroma versions: nothing cached that way
        pass


def collection_name(model_name: str) -> str:
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", model_name).strip("-").lower()[:40] or "default"
    return f"troly-chunks-{slug}"


class VectorStore:
    def __init__(self, settings: Settings, model_name: str):
        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        if settings.chroma_host:
            self.client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                              settings=chroma_settings)
        else:
            path = settings.data_dir / "chroma"
            if not (path / "chroma.sqlite3").exists():
                _forget_cached_system(str(path))
            path.mkdir(parents=True, exist_ok=True)
            self.client = chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        self.collection = self.client.get_or_create_collection(
            collection_name(model_name),
            embedding_function=None,
            metadata={"hnsw:space": "cosine", "embedding_model": model_name},
        )

    def count(self) -> int:
        return self.collection.count()

    def ids(self) -> set[str]:
        out: set[str] = set()
        total, offset, page = self.count(), 0, 20000
        while offset < total:
            got = self.collection.get(include=[], limit=page, offset=offset)
            out.update(got["ids"])
            offset += page
        return out

    def upsert(self, ids: Sequence[str], embeddings: np.ndarray, doc_ids: Sequence[str]) -> None:
        for i in range(0, len(ids), MAX_BATCH):
            self.collection.upsert(
                ids=list(ids[i:i + MAX_BATCH]),
                embeddings=embeddings[i:i + MAX_BATCH].tolist(),
                metadatas=[{"doc_id": d} for d in doc_ids[i:i + MAX_BATCH]],
            )

    def delete(self, ids: Sequence[str]) -> None:
        ids = list(ids)
        for i in range(0, len(ids), MAX_BATCH):
            self.collection.delete(ids=ids[i:i + MAX_BATCH])

    def query(self, embedding: np.ndarray, n: int, doc_ids: Sequence[str] | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the ``n`` nearest chunks, best first."""
        if n <= 0:
            return []
        where = None
        wanted = None
        if doc_ids is not None:
            if not doc_ids:
                return []
            if len(doc_ids) <= MAX_WHERE_IN:
                where = {"doc_id": doc_ids[0]} if len(doc_ids) == 1 else {"doc_id": {"$in": list(doc_ids)}}
            else:
                # A long $in list makes Chroma filter slowly; ask for more and filter here instead.
                wanted, n = set(doc_ids), n * 4
        include = ["distances", "metadatas"] if wanted is not None else ["distances"]
        res = self.collection.query(query_embeddings=[embedding.tolist()], n_results=n, where=where, include=include)
        rows = zip(res["ids"][0], res["distances"][0], (res.get("metadatas") or [[{}] * len(res["ids"][0])])[0])
        return [(cid, 1.0 - float(d)) for cid, d, meta in rows
                if wanted is None or (meta or {}).get("doc_id") in wanted]
