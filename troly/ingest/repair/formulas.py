"""Fixed formulas of administrative documents, matched through the OCR channel and fixed.

Every directive carries a few formulas word for word: the country name, the motto ("Độc lập -
Tự do - Hạnh phúc"), signing mandates ("KT. CHỦ TỊCH"), "Nơi nhận". They stand on their own line
between punctuation, so a trigram model has no context to restore them and picks the commonest
look-alike ("Tu do" -> "Từ đó"). A run of tokens on one line whose every token can stand for the
formula's syllable (same folded letters, or a candidate of the OCR channel) is written as the
formula, like a proper name (``names``). Formulas of two syllables must match their folded
letters exactly; longer ones may carry OCR damage, within a mean channel cost.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from troly.ingest.repair.candidates import CandidateIndex, apply_case
from troly.ingest.repair.tokens import Token
from troly.vn.text import fold

log = logging.getLogger(__name__)

FORMULAS = Path(__file__).resolve().parent / "data" / "formulas.txt"
MAX_MEAN_COST = 0.8  # mean channel cost per syllable of a damaged formula
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Formula:
    words: tuple[str, ...]  # lower-case syllables, as the formula spells them

    @property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold(w) for w in self.words)


def read_formulas(path: Path) -> list[Formula]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        words = tuple(w.lower() for w in _WORD.findall(line))
        if len(words) >= 2:
            out.append(Formula(words))
    return sorted(out, key=lambda f: -len(f.words))  # longest first: "TM. ỦY BAN" over "ỦY BAN"


@lru_cache(maxsize=1)
def load_formulas() -> tuple[Formula, ...]:
    if not FORMULAS.is_file():
        log.warning("repair formula list missing: %s", FORMULAS)
        return ()
    return tuple(read_formulas(FORMULAS))


class FormulaMatcher:
    """Finds fixed formulas in one paragraph's tokens."""

    def __init__(self, index: CandidateIndex, formulas: tuple[Formula, ...] | None = None) -> None:
        self.index = index
        self.formulas = load_formulas() if formulas is None else formulas

    def _cost(self, tok: Token, word: str) -> float | None:
        if tok.fixed:
            return None
        if fold(tok.text) == fold(word):
            return 0.0
        for cand in self.index.candidates(tok.text):
            if cand.word == word:
                return cand.cost
        return None

    def match(self, text: str, toks: list[Token], taken: dict[int, str] | None = None) -> dict[int, str]:
        """``{token start: text to write}`` for every formula found (tokens in ``taken`` are skipped)."""
        taken = taken or {}
        out: dict[int, str] = {}
        i = 0
        while i < len(toks):
            hit = None
            for f in self.formulas:
                window = toks[i:i + len(f.words)]
                if len(window) < len(f.words) or any(t.start in taken or t.start in out for t in window):
                    continue
                if any("\n" in text[a.end:b.start] for a, b in zip(window, window[1:])):
                    continue
                if len(f.words) == 2 and tuple(fold(t.text) for t in window) != f.folded:
                    continue
                costs = [self._cost(t, w) for t, w in zip(window, f.words)]
                if any(c is None for c in costs) or sum(costs) > MAX_MEAN_COST * len(costs):
                    continue
                hit = (window, f)
                break
            if hit is None:
                i += 1
                continue
            window, f = hit
            for tok, word in zip(window, f.words):
                out[tok.start] = apply_case(tok.text, word)
            i += len(window)
        return out
