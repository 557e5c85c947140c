"""Hybrid retrieval: BM25 and dense scores fused, plus document-number boosts.

Both sides are normalized to [0, 1] (BM25 by its best score, cosine by min-max over the
dense candidates) and mixed ``(1 - w) * lexical + w * dense``. The dense model (MiniLM) is
English-only, so ``w`` is small; it was tuned on the dev questions with
``bench/retrieval_eval.py`` (one weight for all questions). A document number in the query
("Kế hoạch 114", "57/NQ-TW") boosts the chunks of the documents that carry that number and,
less, the chunks that mention it. Both sides read the question's topic, without its frame
(``troly.vn.questions``); a question asking which documents gets one hit per document.
Everything is numpy over all chunks, so the warm path costs one BM25 pass, one query encoding
and one Chroma query.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

from troly.knowledge.lexical import LexicalIndex
from troly.models import Chunk, Facts, Hit
from troly.vn import find_refs, parse_key
from troly.vn.questions import asks_for_documents, topic_text
from troly.vn.text import detelex

log = logging.getLogger(__name__)

DEFAULT_DENSE_WEIGHT = 0.05
# The shipped MiniLM drops Vietnamese diacritics: measured on the dev questions it adds nothing
# to lexical recall (0.949 with or without it) and costs a query encoding, so by default it is
# indexed but not queried. A configured model (TROLY_EMBEDDING_MODEL) gets DEFAULT_DENSE_WEIGHT.
SHIPPED_MODEL_DENSE_WEIGHT = 0.0
DOC_BOOST = 0.35  # chunks of a document whose own number the query names
REF_BOOST = 0.05  # chunks that mention a number the query names
DESCRIBED_BOOST = 0.3  # ... and more where the mention says what that document is about
DENSE_CANDIDATES = 60


def _head(facts: Facts) -> str:
    return " ".join(x for x in (facts.type, facts.number, facts.place, facts.issuer, facts.title) if x)


def index_text(chunk: Chunk, facts: Facts) -> str:
    """What a chunk is indexed under: its document's header, its section path and its text.

    The header (type, number, place, issuer, title) lets "kế hoạch của phường Kinh Môn" reach a
    chunk that does not itself name the ward.
    """
    return f"{_head(facts)}\n{chunk.section}\n{chunk.text}"


def dense_text(chunk: Chunk) -> str:
    """What a chunk is embedded as: its section heading and text, without the long document
    header (which would fill the model's short window with the same words for every chunk)."""
    return f"{chunk.section}\n{chunk.text}"


@dataclass
class Snapshot:
    """Everything a search reads, built for one store generation and kept in memory."""

    generation: int
    chunks: list[Chunk]
    facts: dict[str, Facts]
    keys: dict[str, str]  # doc id -> own normalized number
    lexical: LexicalIndex
    row_of: dict[str, int] = field(default_factory=dict)
    doc_rows: dict[str, np.ndarray] = field(default_factory=dict)
    # (number, type) -> [(issuer, rows)] for own numbers and for numbers mentioned in chunks
    own_numbers: dict[tuple[int, str], list[tuple[str, np.ndarray]]] = field(default_factory=dict)
    mentioned: dict[tuple[int, str], list[tuple[str, np.ndarray]]] = field(default_factory=dict)
    described: dict[tuple[int, str], list[tuple[str, np.ndarray]]] = field(default_factory=dict)
    row_doc: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # row -> document index

    @classmethod
    def build(cls, generation: int, chunks: list[tuple[Chunk, str]], facts: dict[str, Facts],
              keys: dict[str, str], lexical: LexicalIndex) -> "Snapshot":
        snap = cls(generation, [c for c, _ in chunks], facts, keys, lexical)
        snap.row_of = {c.id: i for i, c in enumerate(snap.chunks)}
        by_doc: dict[str, list[int]] = defaultdict(list)
        by_ref: dict[str, list[int]] = defaultdict(list)
        for i, (c, refs) in enumerate(chunks):
            by_doc[c.doc_id].append(i)
            for key in refs.split():
                by_ref[key].append(i)
        snap.doc_rows = {d: np.asarray(rows, dtype=np.int64) for d, rows in by_doc.items()}
        snap.row_doc = np.zeros(len(snap.chunks), dtype=np.int64)
        for j, rows in enumerate(snap.doc_rows.values()):
            snap.row_doc[rows] = j
        own: dict[str, list[np.ndarray]] = defaultdict(list)  # numbers repeat between issuers: rows of all
        for d, k in sorted(keys.items()):
            if k:
                own[k].append(snap.doc_rows.get(d, np.zeros(0, np.int64)))
        snap.own_numbers = _by_number({k: np.concatenate(rows) for k, rows in own.items()})
        snap.mentioned = _by_number({k: np.asarray(r, dtype=np.int64) for k, r in by_ref.items()})
        snap.described = _by_number(_described_rows(snap.chunks, snap.doc_rows, facts))
        return snap


def _described_rows(chunks: list[Chunk], doc_rows: dict[str, np.ndarray],
                    facts: dict[str, Facts]) -> dict[str, np.ndarray]:
    """Rows of the chunks holding a citation that gives its subject ("Nghị quyết 20 ... về ...")."""
    out: dict[str, list[int]] = defaultdict(list)
    for doc_id, rows in doc_rows.items():
        for cite in facts.get(doc_id, Facts()).cites:
            if not (cite.key and cite.subject):
                continue
            for r in rows:
                if chunks[r].start <= cite.start < chunks[r].end:
                    out[cite.key].append(int(r))
                    break
    return {k: np.asarray(sorted(set(v)), dtype=np.int64) for k, v in out.items()}


def _by_number(rows_by_key: dict[str, np.ndarray]) -> dict[tuple[int, str], list[tuple[str, np.ndarray]]]:
    out: dict[tuple[int, str], list[tuple[str, np.ndarray]]] = defaultdict(list)
    for key, rows in rows_by_key.items():
        ref = parse_key(key)
        if ref is not None:
            out[(ref.number, ref.type)].append((ref.issuer, rows))
    return out


def _matching_rows(table: dict[tuple[int, str], list[tuple[str, np.ndarray]]], number: int, type_: str,
                   issuer: str) -> list[np.ndarray]:
    return [rows for iss, rows in table.get((number, type_), []) if not issuer or iss == issuer]


def _normalized(scores: np.ndarray, allowed: np.ndarray, n: int) -> np.ndarray:
    """Scores divided by the best allowed one (0 where not allowed)."""
    if len(scores) != n:  # cannot happen with a consistent snapshot; be safe, not wrong
        log.warning("lexical index out of step with the store (%d vs %d rows)", len(scores), n)
        return np.zeros(n, dtype=np.float32)
    scores = np.where(allowed, scores, 0.0)
    top = float(scores.max())
    return scores / top if top > 0 else scores


DenseFn = Callable[[str, int, Sequence[str] | None], list[tuple[str, float]]]


def search(snap: Snapshot, query: str, k: int = 5, doc_ids: Sequence[str] | None = None,
           dense: DenseFn | None = None, dense_weight: float = DEFAULT_DENSE_WEIGHT,
           by_document: bool | None = None) -> list[Hit]:
    """The ``k`` best chunks for ``query``; ``doc_ids`` restricts to those documents.

    ``by_document`` returns one hit per document instead (its best chunk): what "có những văn bản
    nào về ..." wants, where five chunks of one document would hide the other documents.
    ``None`` decides from the question.
    """
    n = len(snap.chunks)
    if n == 0 or k <= 0 or not query.strip():
        return []
    query = detelex(query)  # "nghij quyeets 57" reads as "nghi quyet 57"
    allowed = np.ones(n, dtype=bool)
    if doc_ids is not None:
        allowed[:] = False
        for d in doc_ids:
            rows = snap.doc_rows.get(d)
            if rows is not None:
                allowed[rows] = True
        if not allowed.any():
            return []

    # Both sides read the topic only: "được các văn bản xác định là gì" would outweigh it.
    topic = topic_text(query)
    lex_n = _normalized(snap.lexical.scores(topic), allowed, n)

    dense_n = np.zeros(n, dtype=np.float32)
    if dense is not None and dense_weight > 0:
        found = [(snap.row_of[cid], s) for cid, s in dense(topic, DENSE_CANDIDATES, doc_ids) if cid in snap.row_of]
        if found:
            rows = np.asarray([r for r, _ in found])
            sims = np.asarray([s for _, s in found], dtype=np.float32)
            lo, hi = float(sims.min()), float(sims.max())
            dense_n[rows] = (sims - lo) / (hi - lo) if hi > lo else 1.0
    w = min(max(dense_weight, 0.0), 1.0)
    fused = (1.0 - w) * lex_n + w * dense_n

    boosted = np.zeros(n, dtype=bool)
    for ref in {r.key: r for r in find_refs(query)}.values():  # each number once
        for table, boost in ((snap.own_numbers, DOC_BOOST), (snap.mentioned, REF_BOOST),
                             (snap.described, DESCRIBED_BOOST)):
            for rows in _matching_rows(table, ref.number, ref.type, ref.issuer):
                fused[rows] += boost
                boosted[rows] = True

    # Dense similarity alone is no evidence (MiniLM finds *something* near any query): it only
    # re-ranks chunks that share words or a number with the query, unless it is all we use.
    evidence = (lex_n > 0) | boosted if w < 1.0 else dense_n > 0
    fused = np.where(allowed & evidence, fused, -np.inf)
    if by_document is None:
        by_document = asks_for_documents(query)
    picks = _best_documents(snap, fused, k) if by_document else _best_rows(fused, k)
    hits: list[Hit] = []
    for i, score in picks:
        c = snap.chunks[i]
        hits.append(Hit(chunk=c, document=snap.facts.get(c.doc_id, Facts()), doc_id=c.doc_id, score=score,
                        lexical=float(lex_n[i]), dense=float(dense_n[i])))
    return hits


def _best_rows(fused: np.ndarray, k: int) -> list[tuple[int, float]]:
    kk = min(k, len(fused))
    best = np.argpartition(-fused, kk - 1)[:kk]
    best = best[np.argsort(-fused[best], kind="stable")]
    return [(int(i), float(fused[i])) for i in best if np.isfinite(fused[i]) and fused[i] > 0]


def _best_documents(snap: Snapshot, fused: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The best row of each of the ``k`` best documents (a document ranks by its best row)."""
    order = np.argsort(-fused, kind="stable")
    seen: set[int] = set()
    picks: list[tuple[int, float]] = []
    for i in order:
        score = float(fused[i])
        if not np.isfinite(score) or score <= 0 or len(picks) >= k:
            break
        doc = int(snap.row_doc[i])
        if doc not in seen:
            seen.add(doc)
            picks.append((int(i), score))
    return picks
