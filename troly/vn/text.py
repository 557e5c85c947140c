"""Vietnamese text helpers: the one place where text is normalized and folded.

Users type in NFC or NFD, with or without diacritics, sometimes with Telex leftovers
("nghij quyeets"). Every comparison in troly goes through ``fold`` so that all of these
meet on one key, and every stored text goes through ``nfc``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
# A syllable: letters (with combining marks once NFC'd) and digits, plus inner joiners of
# numbers and document numbers are handled by tokenizers that need them.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Telex tone/shape keys left at a word's end ("quyeets", "nghij"): only stripped when the
# remaining word is a plausible unaccented syllable, see ``strip_telex``.
_TELEX_TAIL = re.compile(r"^([a-z]*[aeiouy][a-z]*?)([sfrxj])$")
_TELEX_DOUBLES = (("aa", "a"), ("ee", "e"), ("oo", "o"), ("dd", "d"), ("aw", "a"), ("ow", "o"), ("uw", "u"))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    s = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn").lower()


def fold(text: str) -> str:
    """Lower-case, drop every diacritic (đ -> d), collapse white space."""
    s = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return _WS.sub(" ", s).lower().strip()


def has_diacritics(text: str) -> bool:
    return fold(text) != _WS.sub(" ", text).lower().strip()


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng


@lru_cache(maxsize=65536)
def marked_key(syllable: str) -> str:
    """A syllable with its marks, whichever vowel carries the tone ("hoà" and "hòa" meet), so
    that "điện" and "diễn", "sổ" and "sơ", folded alike, stay apart."""
    s = unicodedata.normalize("NFD", syllable.lower())
    tones = "".join(c for c in s if c in _TONES)
    return unicodedata.normalize("NFC", "".join(c for c in s if c not in _TONES)) + tones


def syllables(text: str) -> list[str]:
    """Lower-cased syllables (words of letters/digits) in NFC."""
    return [w.lower() for w in _WORD.findall(nfc(text))]


def folded_syllables(text: str) -> list[str]:
    return [_fold_word(w) for w in _WORD.findall(text)]


def strip_telex(word: str) -> str:
    """Undo Telex leftovers on one folded word: "quyeets" -> "quyet", "nghij" -> "nghi"."""
    w = word
    m = _TELEX_TAIL.match(w)
    if m and len(w) > 2:
        w = m.group(1)
    for a, b in _TELEX_DOUBLES:
        w = w.replace(a, b)
    return re.sub(r"(?<=[aeiouy])w", "", w)  # "thoiw" (thời) -> "thoi"


_WORD_ASCII = re.compile(r"\b[a-zA-Z]+\b")


def detelex(text: str) -> str:
    """Undo Telex leftovers in words typed without diacritics: "nghij quyeets" -> "nghi quyet".

    Only words ending in a Telex tone key (s f r x j) after a vowel are touched: no Vietnamese
    syllable ends in those letters, so real words are safe.
    """
    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        return strip_telex(w.lower()) if _TELEX_TAIL.match(w.lower()) and len(w) > 2 and not w.isupper() else w

    return _WORD_ASCII.sub(fix, text)


def normalize_query(text: str) -> str:
    """NFC, collapsed white space, no control characters: what a user typed, made tidy."""
    text = "".join(c for c in nfc(text) if c == "\n" or unicodedata.category(c)[0] != "C")
    return _WS.sub(" ", text).strip()


def is_caps(text: str, min_letters: int = 2) -> bool:
    """Written in capitals: every letter upper-case, and at least ``min_letters`` of them."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= min_letters and all(c.isupper() for c in letters)


# The capital letters of Vietnamese (with A-Z), for a regular expression's class: "[" + UPPER + "]".
# A range such as "À-Ỹ" also takes in the small letters between its ends (đ, ố, ư ...), and then
# reads "... lệ phí, ... đối với" as a new sentence.
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA))
                        if c.isupper() and unicodedata.name(c, "").startswith("LATIN"))
LOWER = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA))
                        if c.islower() and unicodedata.name(c, "").startswith("LATIN"))


def collapse_ws(text: str) -> str:
    return _WS.sub(" ", text).strip()



def _fold_char(c: str) -> str:
    f = _fold_word(c) if c.isalpha() else c.lower()
    return f if len(f) == 1 else c


# Every character below U+3000 (all Latin, Vietnamese, Greek, Cyrillic, ...), folded once: a
# ``str.translate`` over a 2,000-document base is a hundred times faster than a Python loop.
_BEYOND_TABLE = re.compile("[^\x00-\u2fff]")
_FOLD_TABLE = {i: f for i in range(0x3000) if (f := _fold_char(chr(i))) != chr(i)}


def fold_chars(text: str) -> str:
    """Fold character by character, keeping the length: offsets into the result are offsets into ``text``."""
    text = text.translate(_FOLD_TABLE)
    if text.isascii() or not _BEYOND_TABLE.search(text):
        return text
    return "".join(c if ord(c) < 0x3000 else _fold_char(c) for c in text)  # rare scripts: one by one
