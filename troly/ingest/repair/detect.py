"""Is a text (or a paragraph) OCR-damaged? Token-level evidence, no model needed.

A word token counts as damaged when it is not a well-formed Vietnamese syllable (``Tuyén``,
``qudc``), carries marks Vietnamese does not use (``¢ § ¥``), or mixes digits into letters
(``s6``, ``1a``). All-capital non-syllables are abbreviations (UBND, MTTQ) and are not counted.
Toneless-but-valid syllables (``cong``) are reported separately: in a damaged document they are
damage too, in a clean one they are rare.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from troly.ingest.repair.syllable import has_vietnamese_marks, is_syllable
from troly.ingest.repair.tokens import DAMAGE_CHARS, Token, tokenize

PARAGRAPH_SPLIT = re.compile(r"(\n[ \t]*\n+)")


@dataclass
class DamageStats:
    counted: int = 0  # word tokens that are not abbreviations or numbers
    damaged: int = 0
    toneless: int = 0  # valid syllables written with plain ASCII letters only

    @property
    def share(self) -> float:
        return self.damaged / self.counted if self.counted else 0.0

    @property
    def toneless_share(self) -> float:
        return self.toneless / self.counted if self.counted else 0.0


def token_status(tok: Token) -> str:
    """"skip" | "damaged" | "toneless" | "ok" for one token."""
    if tok.fixed:
        return "skip"
    word = tok.text
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return "damaged" if any(c in DAMAGE_CHARS for c in word) else "skip"
    if any(c in DAMAGE_CHARS or c == ")" for c in word) or any(c.isdigit() for c in word):
        return "damaged"
    if is_syllable(word):
        if word.isascii() and not has_vietnamese_marks(word):
            return "toneless"
        return "ok"
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "skip"  # abbreviation
    if len(letters) == 1 and word.isascii():
        return "skip"  # an initial or a list letter
    return "damaged"


def stats(tokens: list[Token]) -> DamageStats:
    st = DamageStats()
    for tok in tokens:
        status = token_status(tok)
        if status == "skip":
            continue
        st.counted += 1
        st.damaged += status == "damaged"
        st.toneless += status == "toneless"
    return st


def damage_share(text: str) -> float:
    """Share of word tokens in ``text`` that are not Vietnamese syllables (0 for clean text)."""
    return stats(tokenize(text)).share


def paragraphs(text: str) -> list[str]:
    """Paragraphs and the blank-line separators between them, in order (joins back to ``text``)."""
    return PARAGRAPH_SPLIT.split(text)
