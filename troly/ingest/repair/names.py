"""Proper names in damaged text: places from an offline gazetteer, people, one spelling per name.

A syllable language model cannot restore names: "Kinh Mon" becomes the frequent "Kính Mến", and a
signer's given name gets whatever tone is commonest. Names are therefore resolved before decoding
and handed to the decoder as fixed choices:

* Places. underthesea ships the 2025 list of Vietnamese administrative units
  (``address/data/mapping.json``, read as a file, never through underthesea's code). A run of
  capitalised tokens right after an administrative word (phường, xã, huyện, tỉnh, quận, thị xã,
  thị trấn, thành phố; damaged or all-capital forms too) is matched against it through the OCR
  channel (the same candidate search as for common words). The evidence of every occurrence in the
  document is pooled, one spelling is chosen per name, and that spelling is then also written
  wherever else the document has a capitalised run the OCR letters allow it for ("Kinh Mén, ngày").
* People. A line holding only two to four capitalised tokens whose first can be a surname is a
  person's name (the signature block). Surnames and common middle names take their spelling from
  ``data/person_names.txt`` when the OCR letters fit; any other syllable the OCR wrote as a valid
  unmarked syllable is kept as written: inventing a tone on a given name ("Tinh" -> "Tính") is
  worse than leaving it bare.
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from troly.ingest.repair.candidates import CandidateIndex, apply_case
from troly.ingest.repair.inventory import package_file
from troly.ingest.repair.syllable import has_vietnamese_marks, is_syllable
from troly.ingest.repair.tokens import Token, segments
from troly.vn.text import fold

log = logging.getLogger(__name__)

GAZETTEER = ("underthesea", "address/data/mapping.json")
PERSON_NAMES = Path(__file__).resolve().parent / "data" / "person_names.txt"
_UNIT_PREFIXES = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã")
ADMIN_WORDS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("phuong",): ("phường",), ("xa",): ("xã",), ("huyen",): ("huyện",), ("tinh",): ("tỉnh",),
    ("quan",): ("quận",), ("thi", "xa"): ("thị", "xã"), ("thi", "tran"): ("thị", "trấn"),
    ("thanh", "pho"): ("thành", "phố"),
}
MAX_NAME_COST = 1.0  # mean channel cost per syllable for a gazetteer match
MAX_ADMIN_COST = 1.0


@dataclass
class NameLexicon:
    places: dict[tuple[str, ...], Counter] = field(default_factory=dict)  # folded -> spellings
    surnames: set[str] = field(default_factory=set)  # lower-case spellings
    middle: set[str] = field(default_factory=set)
    index: CandidateIndex | None = None  # over every name syllable and administrative word
    admin_index: CandidateIndex | None = None

    @classmethod
    def build(cls, places: dict[tuple[str, ...], Counter], surnames: set[str], middle: set[str]) -> "NameLexicon":
        """A lexicon with its candidate indexes (syllables weighted by how often names use them)."""
        lex = cls(places=places, surnames=surnames, middle=middle)
        counts: Counter = Counter()
        for spellings in places.values():
            for syls, n in spellings.items():
                for s in syls:
                    counts[s] += n
        for s in surnames | middle:
            counts[s] += 1
        lex.index = CandidateIndex(dict(counts))
        lex.admin_index = CandidateIndex({w: 1.0 for words in ADMIN_WORDS.values() for w in words})
        return lex

    def options(self, token: str) -> dict[str, float]:
        """Name syllables the OCR token can stand for, with their channel cost."""
        if self.index is None:
            return {}
        return {c.word: c.cost for c in self.index.candidates(token, limit=80)}


def _place_name(full: str) -> tuple[str, ...] | None:
    low = full.strip().lower()
    for prefix in _UNIT_PREFIXES:
        if low.startswith(prefix + " "):
            low = low[len(prefix) + 1:]
            break
    syls = tuple(low.split())
    if 2 <= len(syls) <= 4 and all(s.isalpha() for s in syls):
        return syls
    return None


def read_gazetteer(path: Path) -> dict[tuple[str, ...], Counter]:
    """Place names (2-4 syllables, unit word stripped) by folded spelling, with their counts."""
    data = json.loads(path.read_text(encoding="utf-8"))
    places: dict[tuple[str, ...], Counter] = {}
    names: Counter = Counter()
    for row in data.get("ward_mapping", []):
        names.update(row.get(k, "") for k in ("old_ward", "new_ward", "old_district", "old_province", "new_province"))
    for table in ("province_names", "old_province_names"):
        names.update(v.get("name", "") for v in data.get(table, {}).values())
    folded: dict[str, str] = {}
    for name, n in names.items():
        syls = _place_name(name)
        if syls:
            key = tuple(folded.get(s) or folded.setdefault(s, fold(s)) for s in syls)
            places.setdefault(key, Counter())[syls] += n
    return places


def read_person_names(path: Path) -> tuple[set[str], set[str]]:
    sections: dict[str, set[str]] = {"surnames": set(), "middle": set()}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        if current in sections:
            sections[current].update(w.lower() for w in line.split())
    return sections["surnames"], sections["middle"]


@lru_cache(maxsize=1)
def load_lexicon() -> NameLexicon:
    """The name lexicon (read once per process); empty parts when a file is missing."""
    places: dict[tuple[str, ...], Counter] = {}
    gaz = package_file(*GAZETTEER)
    if gaz is None:
        log.warning("repair gazetteer missing: %s/%s; place names are left to the language model", *GAZETTEER)
    else:
        try:
            places = read_gazetteer(gaz)
        except (OSError, ValueError) as exc:
            log.warning("repair gazetteer %s unreadable: %s", gaz, exc)
    surnames: set[str] = set()
    middle: set[str] = set()
    if PERSON_NAMES.is_file():
        surnames, middle = read_person_names(PERSON_NAMES)
    else:
        log.warning("repair person-name list missing: %s", PERSON_NAMES)
    return NameLexicon.build(places, surnames, middle)


def _capitalised(tok: Token) -> bool:
    first = next((c for c in tok.text if c.isalpha()), "")
    return not tok.fixed and first.isupper()


class NameResolver:
    """Finds the proper names of one document and the spelling every name token should get."""

    def __init__(self, lexicon: NameLexicon | None = None) -> None:
        self.lex = lexicon if lexicon is not None else load_lexicon()

    def resolve(self, parts: list[str], all_tokens: list[list[Token]]) -> list[dict[int, str]]:
        """Per paragraph, ``{token start: text to write}`` for the name tokens found."""
        forced: list[dict[int, str]] = [{} for _ in parts]
        runs = [(p, run) for p, (text, toks) in enumerate(zip(parts, all_tokens)) if toks
                for run in segments(text, toks)]
        evidence: dict[tuple[str, ...], Counter] = {}
        hits: list[tuple[int, list[Token], list[Token], tuple[str, ...], tuple[str, ...]]] = []
        for p, run in runs:
            for admin, name_toks, spelling, admin_words in self._admin_names(run):
                key = tuple(fold(s) for s in spelling)
                evidence.setdefault(key, Counter())[spelling] += 1
                hits.append((p, admin, name_toks, key, admin_words))
        chosen = {key: c.most_common(1)[0][0] for key, c in evidence.items()}
        for p, admin, name_toks, key, admin_words in hits:
            for tok, word in zip(admin, admin_words):
                forced[p][tok.start] = apply_case(tok.text, word)
            for tok, word in zip(name_toks, chosen[key]):
                forced[p][tok.start] = apply_case(tok.text, word)
        if chosen:
            for p, run in runs:
                self._spread(run, list(chosen.values()), forced[p])
        for p, (text, toks) in enumerate(zip(parts, all_tokens)):
            for line in _lines(text, toks):
                forced[p].update(self._person(line))
        return forced

    # places -------------------------------------------------------------------------------
    def _match(self, toks: list[Token]) -> tuple[float, tuple[str, ...]] | None:
        """Best gazetteer spelling for these tokens (cost, lower-case syllables), or None."""
        opts = [self.lex.options(t.text) for t in toks]
        if not all(opts):
            return None
        keys: list[tuple[str, ...]] = [()]
        for o in opts:
            keys = [k + (f,) for k in keys for f in {fold(w) for w in o}]
            if len(keys) > 64:
                return None
        best: tuple[float, int, tuple[str, ...]] | None = None
        for key in keys:
            for spelling, n in self.lex.places.get(key, {}).items():
                if not all(s in o for s, o in zip(spelling, opts)):
                    continue
                cost = sum(o[s] for s, o in zip(spelling, opts))
                if cost <= MAX_NAME_COST * len(toks) and (best is None or (cost, -n) < best[:2]):
                    best = (cost, -n, spelling)
        return (best[0], best[2]) if best else None

    def _admin_at(self, run: list[Token], i: int) -> tuple[int, tuple[str, ...]] | None:
        """(tokens used, spelling) of an administrative word starting at ``run[i]``."""
        for n in (2, 1):
            toks = run[i:i + n]
            if len(toks) < n or any(t.fixed for t in toks):
                continue
            opts = [{c.word: c.cost for c in self.lex.admin_index.candidates(t.text)} for t in toks]
            for words in ADMIN_WORDS.values():
                if len(words) == n and all(w in o and o[w] <= MAX_ADMIN_COST for w, o in zip(words, opts)):
                    return n, words
        return None

    def _admin_names(self, run: list[Token]):
        for i in range(len(run)):
            found = self._admin_at(run, i)
            if found is None:
                continue
            n, admin_words = found
            j = i + n
            cap = 0
            while j + cap < len(run) and cap < 4 and _capitalised(run[j + cap]):
                cap += 1
            for k in range(cap, 1, -1):
                m = self._match(run[j:j + k])
                if m:
                    yield run[i:j], run[j:j + k], m[1], admin_words
                    break

    def _spread(self, run: list[Token], names: list[tuple[str, ...]], forced: dict[int, str]) -> None:
        """Write a chosen name wherever a capitalised run's letters allow it."""
        i = 0
        while i < len(run):
            done = False
            for spelling in sorted(names, key=len, reverse=True):
                toks = run[i:i + len(spelling)]
                if len(toks) < len(spelling) or not all(_capitalised(t) for t in toks):
                    continue
                if any(t.start in forced for t in toks):
                    continue
                opts = [self.lex.options(t.text) for t in toks]
                if all(s in o for s, o in zip(spelling, opts)) and \
                        sum(o[s] for s, o in zip(spelling, opts)) <= MAX_NAME_COST * len(toks):
                    for tok, word in zip(toks, spelling):
                        forced[tok.start] = apply_case(tok.text, word)
                    i += len(spelling)
                    done = True
                    break
            if not done:
                i += 1

    # people -------------------------------------------------------------------------------
    def _person(self, line: list[Token]) -> dict[int, str]:
        if not 2 <= len(line) <= 4 or not all(_capitalised(t) and _title(t.text) for t in line):
            return {}
        first = self.lex.options(line[0].text)
        surnames = {w: c for w, c in first.items() if w in self.lex.surnames and c <= 0.5}
        if not surnames:
            return {}
        out = {line[0].start: apply_case(line[0].text, min(surnames, key=surnames.get))}
        for tok in line[1:]:
            opts = self.lex.options(tok.text)
            known = {w: c for w, c in opts.items() if (w in self.lex.middle or w in self.lex.surnames)
                     and c <= MAX_NAME_COST}
            if known:
                out[tok.start] = apply_case(tok.text, min(known, key=known.get))
            elif tok.text.isascii() and is_syllable(tok.text) and not has_vietnamese_marks(tok.text):
                out[tok.start] = tok.text  # no evidence for a tone: keep what the OCR read
        return out


def _title(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper() and all(not c.isupper() for c in letters[1:])


def _lines(text: str, toks: list[Token]) -> list[list[Token]]:
    """Tokens of each line that holds nothing but word tokens and spaces."""
    out: list[list[Token]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        inside = [t for t in toks if pos <= t.start and t.end <= end]
        rest = line
        for t in sorted(inside, key=lambda t: t.start, reverse=True):
            rest = rest[:t.start - pos] + rest[t.end - pos:]
        if inside and not rest.strip():
            out.append(inside)
        pos = end + 1
    return out
