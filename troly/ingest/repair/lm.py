"""Syllable trigram language model with interpolated Kneser-Ney smoothing.

Counts are updated incrementally (``add``), so a model trained once on the offline inventory can
be cached to a file and extended at start-up with the knowledge base's clean documents without a
rebuild. Keys are packed integers (three 21-bit ids), which keeps the tables small and the pickle
fast to load.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Sequence

BOS, EOS, NUM = "<s>", "</s>", "<num>"
_BITS = 21
_MASK = (1 << _BITS) - 1


def _k2(a: int, b: int) -> int:
    return (a << _BITS) | b


def _k3(a: int, b: int, c: int) -> int:
    return (((a << _BITS) | b) << _BITS) | c


@dataclass
class KneserNeyLM:
    """Interpolated Kneser-Ney trigram model over syllable ids."""

    discount: float = 0.9
    ids: dict[str, int] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)
    c3: dict[int, float] = field(default_factory=dict)  # c(u,v,w)
    ctx2_total: dict[int, float] = field(default_factory=dict)  # c(u,v,.)
    ctx2_types: dict[int, int] = field(default_factory=dict)  # N1+(u,v,.)
    cc2: dict[int, int] = field(default_factory=dict)  # N1+(.,v,w)
    ctx1_total: dict[int, int] = field(default_factory=dict)  # sum_w N1+(.,v,w)
    ctx1_types: dict[int, int] = field(default_factory=dict)  # N1+(v,.) among continuation bigrams
    cc1: dict[int, int] = field(default_factory=dict)  # N1+(.,w)
    total_cc1: int = 0
    count1: dict[int, float] = field(default_factory=dict)  # raw unigram counts (for candidates)

    def __post_init__(self) -> None:
        for tok in (BOS, EOS, NUM):
            self.id(tok)

    def id(self, word: str) -> int:
        i = self.ids.get(word)
        if i is None:
            i = self.ids[word] = len(self.words)
            self.words.append(word)
        return i

    def add(self, tokens: Sequence[str], weight: float = 1.0) -> None:
        """Add one sentence (no boundary tokens: they are added here)."""
        if not tokens:
            return
        seq = [0, 0] + [self.id(t) for t in tokens] + [1]
        for i in range(2, len(seq)):
            u, v, w = seq[i - 2], seq[i - 1], seq[i]
            self.count1[w] = self.count1.get(w, 0.0) + weight
            k3, k2ctx = _k3(u, v, w), _k2(u, v)
            if k3 not in self.c3:
                self.c3[k3] = 0.0
                self.ctx2_types[k2ctx] = self.ctx2_types.get(k2ctx, 0) + 1
                k2 = _k2(v, w)
                seen_bigram = k2 in self.cc2
                self.cc2[k2] = self.cc2.get(k2, 0) + 1
                self.ctx1_total[v] = self.ctx1_total.get(v, 0) + 1
                if not seen_bigram:
                    self.ctx1_types[v] = self.ctx1_types.get(v, 0) + 1
                    self.cc1[w] = self.cc1.get(w, 0) + 1
                    self.total_cc1 += 1
            self.c3[k3] += weight
            self.ctx2_total[k2ctx] = self.ctx2_total.get(k2ctx, 0.0) + weight

    def add_all(self, sentences: Iterable[Sequence[str]], weight: float = 1.0) -> None:
        for s in sentences:
            self.add(s, weight)

    def prob(self, u: int, v: int, w: int) -> float:
        """P(w | u v), interpolated Kneser-Ney with a uniform floor for unseen words."""
        d = self.discount
        vocab = len(self.words)
        p = (self.cc1.get(w, 0) + 0.1) / (self.total_cc1 + 0.1 * vocab)
        tot1 = self.ctx1_total.get(v)
        if tot1:
            p = (max(self.cc2.get(_k2(v, w), 0) - d, 0.0) + d * self.ctx1_types[v] * p) / tot1
        tot2 = self.ctx2_total.get(_k2(u, v))
        if tot2:
            p = (max(self.c3.get(_k3(u, v, w), 0.0) - d, 0.0) + d * self.ctx2_types[_k2(u, v)] * p) / tot2
        return p

    def logprob(self, u: int, v: int, w: int) -> float:
        return math.log(self.prob(u, v, w))

    def unigram_count(self, word: str) -> float:
        i = self.ids.get(word)
        return self.count1.get(i, 0.0) if i is not None else 0.0

    def state(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @classmethod
    def from_state(cls, state: dict) -> "KneserNeyLM":
        lm = cls.__new__(cls)
        for k, v in state.items():
            setattr(lm, k, v)
        return lm
