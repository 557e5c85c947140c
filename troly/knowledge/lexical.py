"""BM25 over Vietnamese syllables, robust to missing diacritics.

A chunk is indexed under three kinds of tokens: its exact lower-cased syllables ("hạn"),
its folded syllables ("~han") and its folded syllable bigrams ("~han bao"). A query typed
with diacritics uses all three (an exact match ranks above a folded one); a query typed
without uses only the folded kinds, so ``han bao cao nghi quyet 57`` finds what
``hạn báo cáo nghị quyết 57`` finds. Bigrams keep Vietnamese compounds ("báo cáo") apart
from their syllables scattered through a text.

The index is derived from SQLite: it is saved under ``data_dir/bm25`` with the generation
it was built from and rebuilt whenever the store's generation moved on.
"""
from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import bm25s  # noqa: F401  (imported here so the level below sticks)
import numpy as np

from troly.knowledge.abbrev import expansions, query_expansions
from troly.vn import folded_syllables, has_diacritics, nfc, syllables
from troly.vn.questions import FUNCTION_WORDS, FUNCTION_WORDS_FOLDED

log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG on import

FOLD = "~"


def _folded_tokens(folded: list[str], query: bool = False) -> list[str]:
    out = [FOLD + f for f in folded]
    out += [f"{FOLD}{a} {b}" for a, b in zip(folded, folded[1:])]
    for words in (query_expansions if query else expansions)(folded):  # "ubnd" = "uy ban nhan dan"
        out += [FOLD + f for f in words] + [f"{FOLD}{a} {b}" for a, b in zip(words, words[1:])]
    return out


def doc_tokens(text: str) -> list[str]:
    text = nfc(text)
    return syllables(text) + _folded_tokens(folded_syllables(text))


def query_tokens(query: str) -> list[str]:
    """A query's tokens; its function words count only inside syllable pairs."""
    text = nfc(query)
    exact = [w for w in syllables(text) if w not in FUNCTION_WORDS] if has_diacritics(text) else []
    folded = [t for t in _folded_tokens(folded_syllables(text), query=True)
              if t[len(FOLD):] not in FUNCTION_WORDS_FOLDED]
    return exact + folded


@dataclass
class LexicalIndex:
    """BM25 scores for every chunk at once (a numpy array in ``ids`` order)."""

    ids: list[str] = field(default_factory=list)
    generation: int = -1
    retriever: object | None = None

    @classmethod
    def build(cls, ids: list[str], texts: list[str], generation: int) -> "LexicalIndex":
        import bm25s

        index = cls(list(ids), generation)
        if ids:
            retriever = bm25s.BM25()
            retriever.index([doc_tokens(t) for t in texts], show_progress=False)
            index.retriever = retriever
        return index

    def scores(self, query: str) -> np.ndarray:
        if self.retriever is None:
            return np.zeros(len(self.ids), dtype=np.float32)
        tokens = [t for t in query_tokens(query) if t in self.retriever.vocab_dict]
        if not tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self.retriever.get_scores(tokens), dtype=np.float32)

    # --- persistence -----------------------------------------------------------------
    def save(self, directory: Path) -> None:
        """Write to a fresh directory, then swap it in (a reader never sees half an index)."""
        tmp = directory.with_name(directory.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.retriever is not None:
            self.retriever.save(str(tmp), show_progress=False)
        (tmp / "troly.json").write_text(json.dumps({"generation": self.generation, "ids": self.ids}))
        old = directory.with_name(directory.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if directory.exists():
            directory.rename(old)
        tmp.rename(directory)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, directory: Path) -> "LexicalIndex | None":
        meta_path = directory / "troly.json"
        if not meta_path.exists():
            return None
        try:
            meta = json.loads(meta_path.read_text())
            index = cls(meta["ids"], int(meta["generation"]))
            if index.ids:
                import bm25s

                index.retriever = bm25s.BM25.load(str(directory), show_progress=False)
            return index
        except Exception as exc:  # a damaged index is rebuilt from SQLite
            log.warning("BM25 index at %s unreadable (%s); it will be rebuilt", directory, exc)
            return None
