"""Cutting text into tokens the repairer can reason about, with their offsets.

A *word* token may hold OCR debris (``s6``, ``B)``, ``vé¥``); a *fixed* token is never changed:
numbers, dates, document numbers (``32/KH-UBND``), abbreviations joined by ``/`` or ``&``.
The same tokenizer feeds language-model training, so training and decoding see the same units.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

from troly.vn.dates import find_dates
from troly.vn.docnum import find_numbers

DAMAGE_CHARS = "¢§¥€£©®"
STRAY_CHARS = "\\^`~|"  # a tone mark the OCR drew as a separate stroke inside a word ("dé\\y" = đẩy)
_CHUNK = re.compile(r"\S+")
_STRAY = r"(?:[" + re.escape(STRAY_CHARS) + r"](?=[^\W_]))?"  # only between letters
_WORD_PAREN = re.compile(r"(?:(?:[^\W_]|[" + DAMAGE_CHARS + r")])" + _STRAY + ")+")
_WORD = re.compile(r"(?:(?:[^\W_]|[" + DAMAGE_CHARS + r"])" + _STRAY + ")+")
_DIGITS = re.compile(r"^[\d.,]+$")
_ABBR_JOIN = re.compile(r"[A-ZĐ]&[A-ZĐ]|[A-Za-z]/[A-Za-z]|\d[/-]|[/-]\d")


@dataclass
class Token:
    text: str
    start: int
    end: int
    fixed: bool  # never changed by repair
    loose: bool = False  # digits only and not part of a number/date pattern: may be OCR'd letters

    @property
    def lm_form(self) -> str:
        if self.fixed and any(c.isdigit() for c in self.text):
            return "<num>"
        return unicodedata.normalize("NFC", self.text).lower()


def _protected_spans(text: str) -> list[tuple[int, int]]:
    spans = [(r.start, r.end) for r in find_numbers(text)]
    spans += [(d.start, d.end) for d in find_dates(text)]
    return spans


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` in order (punctuation and spaces are left out)."""
    spans = _protected_spans(text)
    out: list[Token] = []
    for chunk in _CHUNK.finditer(text):
        a, b = chunk.start(), chunk.end()
        piece = chunk.group(0)
        has_digit = any(c.isdigit() for c in piece)
        if (has_digit and any(s < b and a < e for s, e in spans)) or _ABBR_JOIN.search(piece):
            core = piece.strip(".,;:!?()[]\"“”'‘’")
            off = a + piece.find(core) if core else a
            out.append(Token(core or piece, off, off + len(core or piece), True))
            continue
        rx = _WORD if "(" in piece else _WORD_PAREN
        for m in rx.finditer(piece):
            word = m.group(0)
            start = a + m.start()
            if ")" in word and not any(c.isalpha() for c in word.replace(")", "")):
                word = word.rstrip(")")
                if not word:
                    continue
            if word.endswith(")") and sum(c.isalnum() for c in word[:-1]) != 1:
                word = word[:-1]  # a closing bracket, unless it follows one lone letter ("B)" = Bộ)
            fixed = bool(_DIGITS.match(word))
            if not fixed and (_list_marker(text, a, piece, word) or _initial(text, start, word)):
                fixed = True
            out.append(Token(word, start, start + len(word), fixed, loose=fixed and word.isdigit()))
    return out


def _list_marker(text: str, chunk_start: int, piece: str, word: str) -> bool:
    """``a)`` / ``b.`` opening a line is a list label, not a syllable that lost its vowel."""
    core = word.rstrip(")")
    if len(core) != 1 or piece not in (core + ")", core + "."):
        return False
    line_start = text.rfind("\n", 0, chunk_start) + 1
    return not text[line_start:chunk_start].strip()


def _initial(text: str, start: int, word: str) -> bool:
    """A lone capital right before a full stop is an initial ("T.Trực", "T.Ư"), not a syllable."""
    end = start + len(word)
    return len(word) == 1 and word.isupper() and text[end:end + 1] == "."


def segments(text: str, tokens: list[Token] | None = None) -> Iterator[list[Token]]:
    """Runs of tokens separated only by white space (punctuation ends an LM sentence)."""
    toks = tokenize(text) if tokens is None else tokens
    run: list[Token] = []
    prev_end = None
    for tok in toks:
        if prev_end is not None and text[prev_end:tok.start].strip():
            if run:
                yield run
            run = []
        if prev_end is not None and text[prev_end:tok.start].count("\n") >= 2:
            if run:
                yield run
            run = []
        run.append(tok)
        prev_end = tok.end
    if run:
        yield run


def training_sentences(text: str) -> Iterator[list[str]]:
    text = unicodedata.normalize("NFC", text)
    for run in segments(text):
        yield [t.lm_form for t in run]
