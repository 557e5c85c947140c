"""Names and titles in the case a sentence writes them, learned from the document itself
(posts and answers both name documents in running text).

Headers are ALL CAPS ("ỦY BAN NHÂN DÂN TỈNH SƠN LA", "VỀ VIỆC PHÁT ĐỘNG ... QUỐC HỘI KHÓA
XVI"), and some extracted issuers come out in odd case ("Thủ Tướng chính Phủ"). A post writes
them as the document's own running text does: each word takes the form the text uses most
often away from a sentence start ("Quốc hội", "XVI", "HĐND", "Cần Thơ", "phường"); a whole
name takes the spelling the text gives it ("Bộ Khoa học và Công nghệ"). Pure functions.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from troly.vn.bodies import LEVEL_WORDS
from troly.vn.docnum import find_refs
from troly.vn.text import fold, fold_chars

_TOKEN = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=64)  # a document's text, asked of again and again: its forms read once
def word_forms(text: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Lower-case words and word pairs -> the form the text writes them in most often
    mid-sentence (a pair decides for its words: "Cần Thơ" but "cần thiết")."""
    counts: dict[tuple[str, ...], Counter] = {}
    prev: str | None = None
    prev_start = False
    for m in _TOKEN.finditer(text):
        w = m.group()
        if w.isupper() and len(w) > 1 and _in_caps_run(text, m):
            prev = None  # a heading line in capitals says nothing about case
            continue
        before = text[max(0, m.start() - 3):m.start()].rstrip(" *")
        start = not before or before[-1] in ".!?:\n-+•(“\""  # any word is capitalized there
        if not start:
            counts.setdefault((w.lower(),), Counter())[(w,)] += 1  # "trong" and "trọng": two words
        # a pair says how its first word is written too when its second is a capital ("An Hòa, ngày")
        if prev is not None and text[m.start() - 1] == " " and (not prev_start or w[:1].isupper()):
            counts.setdefault((prev.lower(), w.lower()), Counter())[(prev, w)] += 1
        elif prev is not None and text[m.start() - 1] == " ":
            # after a sentence's capital, the second word's own case still holds ("Ban hành kèm theo"
            # says "hành", whatever "Phục vụ Hành chính công" says): for that word only
            counts.setdefault(("^", prev.lower(), w.lower()), Counter())[(w,)] += 1
        prev, prev_start = w, start
    return {k: c.most_common(1)[0][0] for k, c in counts.items()
            if c.most_common(1)[0][1] > sum(c.values()) / 2}


def _in_caps_run(text: str, m: re.Match) -> bool:
    """Whether an ALL-CAPS word stands among other ALL-CAPS words (a heading line)."""
    around = _TOKEN.findall(text[max(0, m.start() - 30):m.end() + 30])
    return sum(1 for w in around if w.isupper() and len(w) > 1) >= 3


def truecase(caps: str, text: str, unknown=str.lower) -> str:
    """An ALL-CAPS line in the case the document's running text uses; document numbers kept.
    Words the text never writes mid-sentence take ``unknown`` (lower case; a name's words
    are capitalized)."""
    forms = word_forms(text)
    words = [m.group().lower() for m in _TOKEN.finditer(caps)]
    chosen = []
    for i, w in enumerate(words):
        pair = forms.get((words[i - 1], w)) if i else None
        nxt = forms.get((w, words[i + 1])) if i + 1 < len(words) else None
        after_start = forms.get(("^", words[i - 1], w)) if i else None
        chosen.append(pair[1] if pair else nxt[0] if nxt else after_start[0] if after_start
                      else forms.get((w,), (unknown(w),))[0])
    it = iter(chosen)
    out = _TOKEN.sub(lambda m: next(it), caps)
    for r in find_refs(caps):
        out = out[:r.start] + caps[r.start:r.end] + out[r.end:]
    return out


def _written_in(name: str, text: str) -> str:
    """The name as ``text`` writes it in mixed case, or ""."""
    words = [re.escape(w) for w in fold(name).split()]
    if not words or not text:
        return ""
    for m in re.finditer(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", fold_chars(text)):
        found = " ".join(text[m.start():m.end()].split())
        if not found.isupper() and found[:1].isupper():
            return found
    return ""


def issuer_phrase(issuer: str, text: str = "") -> str:
    """An issuer as a sentence writes it: the spelling the document's text gives the name, else
    (an ALL-CAPS header line) its words in the text's usual case, the first one capitalized."""
    written = _written_in(issuer, text)
    if written:
        return written
    if not issuer.isupper():
        return issuer
    # "ỦY BAN NHÂN DÂN | TỈNH AN HÒA": words the text never writes mid-sentence are a body's own
    # words (lower case) before its level, a place's name (capitalized) after it
    level = _LEVEL.search(fold(issuer))
    if level is None:
        cased = truecase(issuer, text, str.capitalize) if text else issuer.lower()
    else:
        cased = truecase(issuer[:level.end()], text) + truecase(issuer[level.end():], text, str.capitalize)
    return cased[:1].upper() + cased[1:]


_LEVEL = re.compile(rf"(?<=\s){LEVEL_WORDS}\s(?!uy\b)")


def lower_first(text: str) -> str:
    """A sentence start lowered to run on after a connector or a label, unless its first word
    is an abbreviation ("CSDL quốc gia ..." never reads "cSDL"; "TP.HCM", "KH&CN", "UBND")."""
    first = text.split(" ", 1)[0]
    if sum(c.isupper() for c in first) > 1:
        return text
    return text[:1].lower() + text[1:]
