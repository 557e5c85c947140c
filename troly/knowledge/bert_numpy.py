"""A BERT sentence encoder in numpy, for mean-pooled sentence-transformers models on disk.

Why: importing torch, transformers and sentence-transformers takes 7-10 s on a 2-core machine,
half of the cold-ingest budget, while the forward pass of a 6-layer MiniLM is a dozen matrix
products that numpy does as fast. The vectors match sentence-transformers' to float rounding
(tests compare both). Models this runtime does not cover (another architecture, CLS pooling,
a hub name) go through sentence-transformers; see ``troly.knowledge.embeddings``.
"""
from __future__ import annotations

import json
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

log = logging.getLogger(__name__)

_ST_TRANSFORMER = "sentence_transformers.models.Transformer"
_ST_POOLING = "sentence_transformers.models.Pooling"
_ST_NORMALIZE = "sentence_transformers.models.Normalize"
BATCH = 8


def _json(path: Path) -> dict | list:
    return json.loads(path.read_text(encoding="utf-8"))


def supports(model_dir: str | Path) -> bool:
    """True for a local BERT model with safetensors weights, a fast tokenizer and mean pooling."""
    d = Path(model_dir)
    try:
        modules = [m["type"] for m in _json(d / "modules.json")]
        pooling = _json(d / "1_Pooling" / "config.json")
        config = _json(d / "config.json")
    except (OSError, ValueError, KeyError, TypeError):
        return False
    mean_only = pooling.get("pooling_mode_mean_tokens") and not any(
        pooling.get(k) for k in ("pooling_mode_cls_token", "pooling_mode_max_tokens",
                                 "pooling_mode_mean_sqrt_len_tokens"))
    return (modules[:2] == [_ST_TRANSFORMER, _ST_POOLING] and set(modules[2:]) <= {_ST_NORMALIZE}
            and bool(mean_only) and config.get("model_type") == "bert"
            and config.get("hidden_act") == "gelu"
            and config.get("position_embedding_type", "absolute") == "absolute"
            and (d / "model.safetensors").exists() and (d / "tokenizer.json").exists())


@contextmanager
def _single_threaded_blas() -> Iterator[None]:
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - it comes with scikit-learn; without it BLAS threads compete
        yield
        return
    with threadpool_limits(1, user_api="blas"):
        yield


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x), in float32 and in place where it can be.

    erf by Abramowitz & Stegun 7.1.26 (error < 1.5e-7): scipy's erf is several times slower
    here, and the tanh approximation moves vectors by 1e-3.
    """
    a = np.minimum(np.abs(x), np.float32(10.0))  # Phi(-10) = 0 in float32; larger |x| gives slow denormals
    t = a * np.float32(0.3275911 / np.sqrt(2.0))
    t += 1
    np.reciprocal(t, out=t)
    p = t * np.float32(1.061405429)
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        p += np.float32(c)
        p *= t
    a *= a
    a *= np.float32(-0.5)
    np.exp(a, out=a)
    p *= a  # 1 - erf(|x| / sqrt 2)
    p *= np.float32(0.5)  # Phi(-|x|)
    return np.where(x >= 0, x - x * p, x * p)


class NumpyBert:
    """Mean-pooled, L2-normalized BERT embeddings of a sentence-transformers model directory."""

    def __init__(self, model_dir: str | Path, max_tokens: int = 128):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        d = Path(model_dir)
        cfg = _json(d / "config.json")
        self.heads = int(cfg["num_attention_heads"])
        self.layers = int(cfg["num_hidden_layers"])
        self.eps = float(cfg.get("layer_norm_eps", 1e-12))
        self.normalize = any(m["type"] == _ST_NORMALIZE for m in _json(d / "modules.json"))
        # weights saved from BertModel have no prefix; from a task model they carry "bert."
        self.w = {k.removeprefix("bert."): v for k, v in load_file(str(d / "model.safetensors")).items()}
        for i in range(self.layers):  # one (in, out) matrix per dense layer; Q, K and V side by side
            p = f"encoder.layer.{i}."
            qkv = [p + f"attention.self.{m}" for m in ("query", "key", "value")]
            self.w[p + "qkv.weight"] = np.ascontiguousarray(np.concatenate([self.w[n + ".weight"] for n in qkv]).T)
            self.w[p + "qkv.bias"] = np.concatenate([self.w[n + ".bias"] for n in qkv])
            for n in ("attention.output.dense", "intermediate.dense", "output.dense"):
                self.w[p + n + ".weight"] = np.ascontiguousarray(self.w[p + n + ".weight"].T)
        self.dim = int(self.w["embeddings.word_embeddings.weight"].shape[1])
        limit = min(max_tokens, int(cfg.get("max_position_embeddings", 512)))
        self.tokenizer = Tokenizer.from_file(str(d / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=limit)
        self.tokenizer.enable_padding(pad_id=int(cfg.get("pad_token_id", 0)))  # to the batch's longest
        log.info("numpy BERT runtime: %d layers, %d dims, %s", self.layers, self.dim, d.name)

    def get_sentence_embedding_dimension(self) -> int:
        return self.dim

    def encode(self, texts: Sequence[str], batch_size: int = BATCH, normalize_embeddings: bool = False,
               **_st_options) -> np.ndarray:
        """One row per text, as ``SentenceTransformer.encode`` gives them (same call).

        Texts are batched by length so little padding is computed, in batches of at most
        ``BATCH`` (small arrays stay in cache), one thread per core with single-threaded BLAS:
        numpy's element-wise steps use one core each, so this is what keeps both busy.
        """
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        size = max(1, min(batch_size, BATCH))
        batches = [order[i:i + size] for i in range(0, len(order), size)]

        def run(idx: list[int]) -> None:
            enc = self.tokenizer.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.float32)
            out[idx] = self._pool(self._forward(ids, mask), mask)

        workers = min(len(batches), os.cpu_count() or 1, 4)
        if workers <= 1:
            for idx in batches:
                run(idx)
        else:
            with _single_threaded_blas(), ThreadPoolExecutor(workers, thread_name_prefix="bert") as pool:
                list(pool.map(run, batches))
        if normalize_embeddings and not self.normalize:
            out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w, (b, n) = self.w, ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]  # padded keys get no attention
        hd = self.dim // self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def dense(h: np.ndarray, name: str) -> np.ndarray:  # one 2-D product: BLAS at its best
                return (h.reshape(b * n, -1) @ w[p + name + ".weight"] + w[p + name + ".bias"]).reshape(b, n, -1)

            q, k, v = dense(x, "qkv").reshape(b, n, 3, self.heads, hd).transpose(2, 0, 3, 1, 4)
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(hd)) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            ctx = scores @ v
            ctx = ctx.transpose(0, 2, 1, 3).reshape(b, n, self.dim)
            x = _layer_norm(dense(ctx, "attention.output.dense") + x,
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"],
                            self.eps)
            h = dense(_gelu(dense(x, "intermediate.dense")), "output.dense")
            x = _layer_norm(h + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps)
        return x

    def _pool(self, x: np.ndarray, mask: np.ndarray) -> np.ndarray:
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        if self.normalize:
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return pooled.astype(np.float32)
