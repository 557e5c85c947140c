"""Beam (Viterbi with pruning) search for the most likely syllable sequence.

Each position offers candidates (an LM id, the text to write, a channel cost); a fixed token
offers one. The score is ``sum log P_LM(w | u v) - weight * cost``. States are the last two
ids, so hypotheses ending alike are merged as in exact trigram Viterbi; only the best ``beam``
states survive each step. A local posterior per position (the chosen neighbours held fixed)
gives the confidence figure.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from troly.ingest.repair.lm import KneserNeyLM

BOS_ID, EOS_ID = 0, 1
RESCUE_MARGIN = 10.0  # an option's best state is kept beyond the beam if within this of the top


@dataclass(frozen=True)
class Option:
    wid: int
    text: str
    cost: float
    wid2: int = -1  # a second syllable when the OCR merged two into one token ("Tramy" = Trạm y)


class Decoder:
    def __init__(self, lm: KneserNeyLM, weight: float = 1.5, beam: int = 12) -> None:
        self.lm = lm
        self.weight = weight
        self.beam = beam
        self._lp: dict[tuple[int, int, int], float] = {}

    def lp(self, u: int, v: int, w: int) -> float:
        key = (u, v, w)
        val = self._lp.get(key)
        if val is None:
            if len(self._lp) > 500_000:
                self._lp.clear()
            val = self._lp[key] = math.log(self.lm.prob(u, v, w))
        return val

    def best(self, positions: list[list[Option]]) -> list[int]:
        """Index of the chosen option at every position."""
        beams: dict[tuple[int, int], float] = {(BOS_ID, BOS_ID): 0.0}
        backs: list[dict[tuple[int, int], tuple[tuple[int, int], int]]] = []
        wcost = self.weight
        for opts in positions:
            new: dict[tuple[int, int], float] = {}
            back: dict[tuple[int, int], tuple[tuple[int, int], int]] = {}
            for (u, v), sc in beams.items():
                for j, o in enumerate(opts):
                    s = sc + self.lp(u, v, o.wid) - wcost * o.cost
                    key = (v, o.wid)
                    if o.wid2 >= 0:
                        s += self.lp(v, o.wid, o.wid2)
                        key = (o.wid, o.wid2)
                    if s > new.get(key, -math.inf):
                        new[key] = s
                        back[key] = ((u, v), j)
            if len(new) > self.beam:
                # the best states, plus the best state of every option here: a candidate with a
                # high channel cost must survive until its right context can vouch for it
                ranked = sorted(new, key=new.__getitem__, reverse=True)
                keep = set(ranked[: self.beam])
                floor = new[ranked[0]] - RESCUE_MARGIN
                seen = {k[1] for k in keep}
                for k in ranked[self.beam:]:
                    if new[k] < floor:
                        break
                    if k[1] not in seen:
                        seen.add(k[1])
                        keep.add(k)
                new = {k: new[k] for k in keep}
            beams = new
            backs.append(back)
        final = max(beams, key=lambda k: beams[k] + self.lp(k[0], k[1], EOS_ID))
        choice: list[int] = []
        state = final
        for back in reversed(backs):
            state, j = back[state]
            choice.append(j)
        return choice[::-1]

    def posteriors(self, positions: list[list[Option]], choice: list[int]) -> list[float]:
        """Local posterior of each chosen option (1.0 where there was no choice)."""
        # a merged two-syllable option stands here by its last syllable (what its right sees)
        ids = [BOS_ID, BOS_ID] + [_last(positions[i][j]) for i, j in enumerate(choice)] + [EOS_ID, EOS_ID]
        out: list[float] = []
        for i, opts in enumerate(positions):
            if len(opts) == 1:
                out.append(1.0)
                continue
            u, v, x, y = ids[i], ids[i + 1], ids[i + 3], ids[i + 4]
            scores = []
            for o in opts:
                w = _last(o)
                s = self.lp(u, v, w) + self.lp(v, w, x) - self.weight * o.cost
                if x != EOS_ID:
                    s += self.lp(w, x, y)
                scores.append(s)
            top = max(scores)
            z = sum(math.exp(s - top) for s in scores)
            out.append(math.exp(scores[choice[i]] - top) / z)
        return out


def _last(o: Option) -> int:
    return o.wid2 if o.wid2 >= 0 else o.wid
