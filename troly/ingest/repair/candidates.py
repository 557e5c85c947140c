"""OCR confusions -> candidate syllables, each with a channel cost (lower = more likely).

Two steps. (1) Every observed character (or pair, ``ir``) stands for one or more plain letters
with a cost: ``6`` -> o, ``w`` -> ư/ươ, ``1`` -> l, ``P`` at a word start -> Đ, ``¢ § )`` -> a
vowel whose mark was lost; real scans add strokes for a toned ư ("it", "img", ``_horn_units``).
A search over the token, pruned by the prefixes of known folded
syllables, yields the folded spellings the token can stand for. (2) Every known syllable with that
folded spelling is scored letter by letter against what the unit said about it (``6`` wants ô/ơ,
``w`` wants ư, ``é`` wants ê or é). The language model chooses among the survivors.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from troly.ingest.repair.syllable import split_tone
from troly.ingest.repair.tokens import DAMAGE_CHARS, STRAY_CHARS
from troly.vn.text import fold

MAX_COST = 3.0
EXTRA, EXTRA_MAX_COST = 4, 1.5  # frequent candidates kept beyond the limit
CAPITAL_I = 0.3
EDIT_COST = 1.0  # a lost vowel or a stray character (only when nothing else fits)
_SHAPED = set("ăâêôơưđ")
_VOWELS = "aeiouy"


@dataclass(frozen=True)
class Candidate:
    text: str  # as it will be written (case applied)
    word: str  # lower-case syllable (the LM's unit)
    cost: float


def _units(s: str, i: int, initial_p: bool, caps: bool) -> list[tuple[int, str, float, str]]:
    """(length consumed, folded letters, cost, check) for the observed text at ``s[i]``."""
    c = s[i]
    first, last = i == 0, i == len(s) - 1
    out: list[tuple[int, str, float, str]] = []
    pair = s[i:i + 2]
    if pair == "ir":
        out.append((2, "u", 0.2, "horn"))
    if pair in ("ii", "ti", "tu", "iu") and not first:
        out.append((2, "u", 0.6, "hoi"))  # ủ read as two strokes ("ciia", "ctia" = của)
    if not caps:
        out += _horn_units(s, i, first, last)
    if caps:  # an all-capital token: only what is written (abbreviations stay as they are)
        if first and initial_p:
            return [(1, "d", 0.1, "stroke"), (1, "p", 0.8, "any")]
        if c.isalpha():
            return [(1, fold(c), 0.0, "any" if c.isascii() else "exact:" + c)]
        return []
    if c in STRAY_CHARS:  # a mark drawn apart from its letter: nothing to spell
        return [(1, "", 0.3, "any")]
    if c in DAMAGE_CHARS or c == ")":
        out += [(1, v, 0.3, "toned") for v in _VOWELS]
        return out
    if first and initial_p:
        return out + [(1, "d", 0.1, "stroke"), (1, "p", 0.8, "any")]
    if c == "6":  # a marked o: ô/ơ mostly, a toned plain o (có, đó) sometimes
        out.append((1, "o", 0.0, "marked"))
        if first:
            out.append((1, "d", 1.0, "stroke"))
        return out
    if c == "0":
        return out + [(1, "o", 0.3, "marked")]
    if c == "1":  # l cannot end a syllable, so a non-initial 1 is cheaply i
        return out + [(1, "l", 0.0, "any"), (1, "i", 0.8 if first else 0.3, "any")]
    if c in "34":  # ă/â/á; 4 is also a marked o ("T4 chức" = tổ)
        out.append((1, "a", 0.8, "any"))
        return out + [(1, "o", 0.8, "marked")] if c == "4" else out
    if c == "w":
        return out + [(1, "u", 0.1, "horn"), (1, "uo", 0.3, "horn")]
    if c == "j":
        return out + [(1, "i", 0.2, "dot")]
    if c in "éèêë":
        # é is what an English-only OCR makes of most marked vowels: ê/é, ô/ơ, and á/ă/â too
        return out + [(1, "e", 0.0, "e_acute"), (1, "o", 0.5, "shaped"), (1, "a", 0.8, "a_acute")]
    if not c.isascii() and c.isalpha():
        return out + [(1, fold(c), 0.0, "exact:" + c)]
    if not c.isalpha():
        return out
    out.append((1, c, 0.0, "plain_e" if c == "e" else "any"))
    if c == "e" and last and not first:
        out.append((1, "c", 1.0, "any"))
    if c == "l":
        out.append((1, "i", 0.8, "any"))
    if c == "y":
        out.append((1, "u", 0.8, "dot"))
    if not first:
        if c == "d":  # ă/â, ê, or a marked o ("rd" = rõ, "lidu" = liệu)
            out += [(1, "a", 0.6, "shaped"), (1, "o", 0.9, "marked"), (1, "e", 0.9, "shaped")]
        elif c == "b":
            out.append((1, "o", 1.0, "shaped"))
        elif c == "i":
            out += [(1, "a", 0.6, "shaped"), (1, "u", 0.9, "hoi"), (1, "l", 0.8, "any")]
        elif c == "g":  # ơ, or ệ whose dot joined the hook ("nghg", "ligt")
            out += [(1, "o", 1.2, "horn"), (1, "e", 0.6, "dot_e")]
        elif c == "m" and s[i + 1:i + 2] == "g":  # "ng" read as "mg" ("img" = ứng)
            out.append((1, "n", 0.3, "any"))
        elif c == "a" and s[i - 1].isalpha() and fold(s[i - 1]) not in _VOWELS:  # ơ read as a ("vai" = với)
            out.append((1, "o", 0.9, "horn"))
        elif c == "t" and not last and s[i + 1] in "aeiou":
            out.append((1, "u", 1.0, "hoi"))
    return out


def _horn_units(s: str, i: int, first: bool, last: bool) -> list[tuple[int, str, float, str]]:
    """What this OCR makes of a toned ư (and of ủ, ó at a syllable's end), seen on real scans.

    The hook and the tone of ư/ữ/ứ come out as an extra stroke: "it", "ft", "tt", "irt"
    ("nhitng" = những, "gift" = giữ), "i" or "t" before the final consonant ("img", "tng" = ứng,
    "stc" = sức); the hook of ủ as a final "l" ("phtl" = phủ, "chul" = chủ); an acute over o as a
    final "d" ("khod" = khó).
    """
    out: list[tuple[int, str, float, str]] = []
    c, nxt = s[i], s[i + 1:i + 2]
    if s[i:i + 3] == "irt":
        out.append((3, "u", 0.5, "horn"))
    if not first:
        pair = s[i:i + 2]
        if pair in ("it", "ft"):  # the tilde drawn as a stroke: ữ most of all
            out.append((2, "u", 0.5, "horn_tilde"))
        elif pair == "tt":
            out.append((2, "u", 0.6, "horn"))
        if i + 2 == len(s):
            if pair in ("tl", "ul"):
                out.append((2, "u", 0.3, "hoi"))
            elif pair == "od":
                out.append((2, "o", 0.5, "marked"))
    ng_next = nxt in ("n", "m") and s[i + 2:i + 3] == "g"  # "ing", "tmg": ứng; "tm" is tâm
    if c == "i" and (not first or ng_next) and not last:
        out.append((1, "u", 0.7, "horn"))
    if c == "t" and not last and nxt not in _VOWELS and nxt not in ("h", "r") and (not first or ng_next):
        out.append((1, "u", 0.6, "horn"))
    return out


def _check_cost(check: str, orig: str) -> float:
    if check == "any":
        return 0.0
    base, tone = split_tone(orig)
    if check == "shaped":
        return 0.0 if base in _SHAPED else 1.0
    if check == "a_acute":  # é for an a: the acute stays visible (á, ấ, ắ); ă/â lose it less often;
        # a hook or tilde above it is read as the acute too ("sén" = sản); a grave is
        # not, or every "vé" (về) could be the far commoner "và"
        if tone == "s":
            return 0.0
        return 0.3 if base in _SHAPED else (0.7 if tone in ("r", "x") else 1.0)
    if check == "marked":
        return 0.0 if base in _SHAPED else (0.4 if tone else 1.0)
    if check == "horn":
        return 0.0 if base in "ươ" else 1.0
    if check == "stroke":
        return 0.0 if base == "đ" else 2.0
    if check == "toned":
        return 0.0 if tone else 0.5
    if check == "dot":
        return 0.0 if tone == "j" else 0.8
    if check == "horn_tilde":
        return 0.0 if (base, tone) == ("ư", "x") else (0.4 if base == "ư" else 1.0)
    if check == "dot_e":
        return 0.0 if (base, tone) == ("ê", "j") else (0.4 if base == "ê" or tone == "j" else 1.0)
    if check == "hoi":
        return 0.0 if tone == "r" else 0.8
    if check == "plain_e":
        return 0.8 if orig == "é" else 0.0
    if check == "e_acute":
        if base == "ê" or orig == "é":
            return 0.0
        return 1.0 if base == "e" else 0.0
    if check.startswith("exact:"):
        return 0.0 if orig == check[6:] else 0.7
    return 0.0


def apply_case(token: str, word: str) -> str:
    letters = [c for c in token if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if len(letters) >= 2 and upper == len(letters) or len(letters) >= 3 and upper == len(letters) - 1 \
            and letters[0].isupper():
        return word.upper()  # all capitals, or all but one misread letter ("PiCH")
    first = next((c for c in token if c.isalpha() or c.isdigit() or c in DAMAGE_CHARS), "")
    if letters and (letters[0].isupper() and (first.isupper() or not first.isalpha())):
        return word[:1].upper() + word[1:]
    return word


class CandidateIndex:
    """Known syllables by folded spelling, with the prefix set that prunes the search."""

    def __init__(self, syllables: dict[str, float]) -> None:
        self.by_fold: dict[str, list[str]] = {}
        self.prefixes: set[str] = set()
        for syl in syllables:
            f = fold(syl)
            self.by_fold.setdefault(f, []).append(syl)
            for k in range(1, len(f) + 1):
                self.prefixes.add(f[:k])
        self.counts = syllables
        self._skeletons: dict[str, list[str]] | None = None

    def known(self, word: str) -> bool:
        return word in self.counts

    @lru_cache(maxsize=50_000)
    def candidates(self, token: str, limit: int = 14) -> tuple[Candidate, ...]:
        """Candidates for one token; empty when nothing Vietnamese fits (keep the token)."""
        tok = unicodedata.normalize("NFC", token)
        initial_p = tok[:1] == "P" and tok[1:2].lower() != "h"
        s = tok.lower()
        letters = [c for c in tok if c.isalpha()]
        caps = len(letters) >= 2 and all(c.isupper() for c in letters) and tok.isalpha()
        found = self._search(s, initial_p, caps)
        lowered: set[str] = set()
        if tok[:1] == "I" and tok[1:2].islower():  # a capital I for l ("Iy luận" = lý luận)
            for syl, cost in self._search("l" + s[1:], False, False).items():
                if cost + CAPITAL_I < found.get(syl, 1e9):
                    found[syl] = cost + CAPITAL_I
                    lowered.add(syl)
        if not found and not caps and any(c.isalpha() for c in s):
            found = self._edited(s, initial_p)
        ranked = sorted(found.items(), key=lambda kv: (kv[1], -self.counts.get(kv[0], 0.0)))
        # many rare zero-cost readings ("d6": đô dở đỡ ...) must not crowd out a frequent one
        # that costs a little more ("đó"): the most frequent of the rest get extra places
        extra = sorted((kv for kv in ranked[limit:] if kv[1] <= EXTRA_MAX_COST),
                       key=lambda kv: -self.counts.get(kv[0], 0.0))[:EXTRA]
        ranked = ranked[:limit] + extra
        return tuple(Candidate(apply_case("l" + tok[1:] if w in lowered else tok, w), w, c) for w, c in ranked)

    def _search(self, s: str, initial_p: bool, caps: bool) -> dict[str, float]:
        """Known syllables the lower-cased token ``s`` can stand for, by unit-by-unit reading."""
        found: dict[str, float] = {}
        stack: list[tuple[int, str, float, tuple[tuple[str, int], ...]]] = [(0, "", 0.0, ())]
        while stack:
            i, prefix, cost, align = stack.pop()
            if i == len(s):
                if prefix in self.by_fold:
                    self._score(prefix, cost, align, found)
                continue
            for n, letters, c, check in _units(s, i, initial_p, caps):
                nxt = prefix + letters
                if cost + c <= MAX_COST and nxt in self.prefixes:
                    stack.append((i + n, nxt, cost + c, align + ((check, len(letters)),)))
        return found

    def _edited(self, s: str, initial_p: bool) -> dict[str, float]:
        """Last resort for a token nothing fits: a lost vowel or one stray character.

        A token of consonants only lost its vowel to the scan ("nhn" = nhận, a lone "B" = Bộ):
        every syllable with that consonant skeleton is offered. Otherwise one character is
        dropped ("céac" = các). Both cost ``EDIT_COST`` on top; the language model decides.
        """
        found: dict[str, float] = {}
        plain = fold(s)
        if plain.isalpha() and not any(v in plain for v in _VOWELS):
            for key in self.skeletons.get(plain, ()):
                for syl in self.by_fold[key]:
                    found[syl] = EDIT_COST
            return found
        for i in range(1, len(s)):
            for syl, cost in self._search(s[:i] + s[i + 1:], initial_p, False).items():
                if cost + EDIT_COST < found.get(syl, 1e9):
                    found[syl] = cost + EDIT_COST
        return found

    @property
    def skeletons(self) -> dict[str, list[str]]:
        """Folded spellings by their consonants (vowels removed), built on first use."""
        if self._skeletons is None:
            self._skeletons = {}
            for key in self.by_fold:
                skel = "".join(c for c in key if c not in _VOWELS)
                if skel:
                    self._skeletons.setdefault(skel, []).append(key)
        return self._skeletons

    def _score(self, folded: str, cost: float, align: tuple[tuple[str, int], ...], found: dict[str, float]) -> None:
        for syl in self.by_fold[folded]:
            total, pos = cost, 0
            for check, n in align:
                for k in range(n):
                    total += _check_cost(check, syl[pos + k])
                pos += n
            if total <= MAX_COST + 1.0 and total < found.get(syl, 1e9):
                found[syl] = total
