"""A content-addressed embedding cache: each distinct text is embedded once per model.

District copies of a directive repeat most of its paragraphs (four chunks in five of the
synthetic 2,000-document corpus are exact repeats), an edited document keeps most of its
chunks, and a lost vector store is rebuilt from SQLite. In each case the vectors are looked up
instead of recomputed, and embedding is most of the cost of an ingest. The cache is derived
data in the knowledge base's SQLite file (table ``embedding_cache``), keyed like the vector
collection by the encoder's name, and by a hash of the text; deleting it only costs time.
It holds the texts the knowledge base holds: ``prune`` drops the rest after an update or a
removal, so it does not grow with every edit.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Sequence

import numpy as np

from troly.knowledge.embeddings import Encoder
from troly.knowledge.store import Store


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class CachedEncoder:
    """Wraps an ``Encoder`` for ingest; queries use the bare encoder (their texts rarely repeat)."""

    def __init__(self, encoder: Encoder, store: Store):
        self.encoder = encoder
        self.store = store
        self.hits = 0  # texts served from the cache, for tests and benchmarks
        self.misses = 0

    @property
    def name(self) -> str:
        return self.encoder.name

    def prune(self, live_texts: Iterable[str]) -> int:
        """Keep only this model's vectors of ``live_texts``; -> rows dropped."""
        return self.store.prune_vectors(self.name, {text_hash(t) for t in live_texts})

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self.encoder.encode([])
        keys = [text_hash(t) for t in texts]
        cached = self.store.cached_vectors(self.name, sorted(set(keys)))
        found = {h: np.frombuffer(v, dtype=np.float32) for h, v in cached.items()}
        todo = {k: t for k, t in zip(keys, texts) if k not in found}  # each distinct text once
        if todo:
            fresh = np.asarray(self.encoder.encode(list(todo.values())), dtype=np.float32)
            new = dict(zip(todo, fresh))
            self.store.cache_vectors(self.name, [(k, v.tobytes()) for k, v in new.items()])
            found.update(new)
        self.hits += len(texts) - len(todo)
        self.misses += len(todo)
        return np.stack([found[k] for k in keys])
