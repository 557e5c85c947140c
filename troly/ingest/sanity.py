"""Is a text language at all? Refuse binary junk before it becomes a document.

Two measurable properties, both cheap and independent of the topic:

- ``printable``: share of characters that are printable or ordinary white space. Text files,
  even OCR output, are ~1.0; bytes of a binary file read as 8-bit text carry C0/C1 control
  characters (about one in eight of random bytes).
- ``wordlike``: share of letter runs (two letters or more) that look like words: a Vietnamese
  syllable (toned or not), or a run in one consistent case (``word``, ``WORD``, ``Word``) that
  holds a vowel and no more than four consonant letters in a row, which is how words of the
  Latin-script languages look (English, French, names, abbreviations); other cased scripts are
  judged by case alone, caseless ones pass. OCR damage
  breaks some syllables but leaves most runs word-shaped; random letters rarely are.

The thresholds live in ``Settings`` (``min_printable_share``, ``min_wordlike_share``) with a note
of how they were set; ``bench/text_sanity.py`` prints the measurements they rest on.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from troly.ingest.errors import IngestError
from troly.ingest.repair.syllable import is_syllable

_RUN = re.compile(r"[^\W\d_]{2,}")
_SPACE = frozenset("\t\n\r\f\v \u00a0\u2028\u2029")
_VOWELS = frozenset("aeiouy")
_CONSONANTS_5 = re.compile(r"[bcdfghjklmnpqrstvwxz]{5,}")
MIN_RUNS = 8  # fewer letter runs than this say too little about the words (a very short file)
SAMPLE_CHARS = 200_000  # the share is stable long before this: a longer text is sampled evenly


@dataclass(frozen=True)
class TextShape:
    chars: int
    printable: float  # share of printable or white-space characters
    runs: int  # letter runs of two letters or more
    wordlike: float  # share of those runs that look like words (1.0 when there are none)


def _base(ch: str) -> str:
    return unicodedata.normalize("NFD", ch)[0].lower()


def looks_like_word(run: str) -> bool:
    """A Vietnamese syllable, or a Latin-script word shape (see the module docstring)."""
    if is_syllable(run):
        return True
    if not any(c.islower() or c.isupper() for c in run):
        return True  # a caseless script (Chinese, Thai ...): nothing here to judge it by
    if not (run.islower() or run.isupper() or run.istitle()):
        return False
    bases = "".join(_base(c) for c in run)
    if not bases.isascii():  # letters of another script: judged by case alone
        return True
    return any(c in _VOWELS for c in bases) and not _CONSONANTS_5.search(bases)


def _sample(text: str) -> str:
    """The text itself, or evenly spaced slices of it when it is long (same input, same sample)."""
    if len(text) <= SAMPLE_CHARS:
        return text
    step, part = len(text) // 20, SAMPLE_CHARS // 20
    return "\n".join(text[i:i + part] for i in range(0, step * 20, step))


def measure(text: str) -> TextShape:
    sample = unicodedata.normalize("NFC", _sample(text))
    if not sample:
        return TextShape(0, 1.0, 0, 1.0)
    printable = sum(1 for c in sample if c.isprintable() or c in _SPACE) / len(sample)
    runs = _RUN.findall(sample)
    wordlike = sum(looks_like_word(r) for r in runs) / len(runs) if runs else 1.0
    return TextShape(len(text), printable, len(runs), wordlike)


def check_language(text: str, source: str, min_printable: float, min_wordlike: float) -> TextShape:
    """The text's shape; raises IngestError when it is not text in a language."""
    shape = measure(text)
    reasons = []
    if shape.printable < min_printable:
        reasons.append(f"{1 - shape.printable:.0%} control characters")
    if shape.runs >= MIN_RUNS and shape.wordlike < min_wordlike:
        reasons.append(f"only {shape.wordlike:.0%} of its letter runs look like words")
    if reasons:
        raise IngestError(source, "not text in a language: " + ", ".join(reasons)
                          + " (a binary file, or a text in an encoding that cannot be read)")
    return shape
