"""Is a sentence of a machine-repaired (OCR) document safe to publish in a post?

OCR repair restores diacritics syllable by syllable. A sentence it left with debris is easy
to spot (``damage_share`` > 0, stray marks). The dangerous case is a restored syllable that
is a real Vietnamese syllable but the wrong word: "Bảo đảm chửi quyền quốc gia" for "chủ
quyền", "Nhà nước gắt vai trò" for "giữ vai trò". A post goes out under the office's name,
so a repaired sentence is used only when every word also fits its neighbours: a word is
suspect when neither the syllable pair it forms with the word before nor the one with the
word after is known. Known pairs come from clean documents of the knowledge base, the
repair's own domain phrases and the offline Vietnamese inventory underthesea ships (its word
list and tagged text; files are only read). Bare numbers are refused too: an OCR may read
letters as digits ("cột 15" for "cột sống") and no check can tell such a number from a real
one, while document numbers, dates and percentages keep their own shapes.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from troly.ingest.repair.detect import damage_share
from troly.vn.dates import find_dates
from troly.vn.docnum import find_numbers

log = logging.getLogger(__name__)

_DOMAIN = Path(__file__).resolve().parents[1] / "ingest" / "repair" / "data" / "domain_phrases.txt"
# Characters a restored sentence may contain besides letters, digits and spaces.
_ALLOWED = set(".,;:!?()-–/%\"“”'’")
_RUN = re.compile(r"[^\w\s]+|_")  # pairs are never counted across punctuation
_WORD = re.compile(r"[^\W\d_]+|\d+")
# Function words OCR sometimes leaves capitalised mid-sentence ("toàn thể Nhân dân Về đột phá").
_LOWER_ONLY = {"về", "và", "của", "các", "những", "cho", "với", "trong", "trên", "là", "được", "có",
               "để", "tại", "từ", "đến", "mới", "theo", "như", "thì", "mà", "hay", "nhằm"}

_INVENTORY: set[tuple[str, str]] | None = None


def inventory_pairs() -> set[tuple[str, str]]:
    """Syllable pairs of the offline inventory and the domain phrases (read once per process)."""
    global _INVENTORY
    if _INVENTORY is None:
        pairs: set[tuple[str, str]] = set()
        try:
            from troly.ingest.repair.inventory import inventory_files, tagged_sentences, wordlist_sentences

            files = inventory_files()
            if files["wordlist"]:
                for s in wordlist_sentences(files["wordlist"]):
                    pairs.update(zip(s, s[1:]))
            if files["tagged"]:
                for s in tagged_sentences(files["tagged"]):
                    pairs.update(zip(s, s[1:]))
        except (ImportError, OSError) as exc:  # then only clean documents vouch for words
            log.warning("repair inventory unavailable for post checks: %s", exc)
        if _DOMAIN.is_file():
            for line in _DOMAIN.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    pairs |= text_pairs(line)
        _INVENTORY = pairs
    return _INVENTORY


def _runs(text: str) -> list[list[str]]:
    """Word runs between punctuation marks, as written (case kept)."""
    return [ws for piece in _RUN.split(text) if (ws := _WORD.findall(piece))]


def text_pairs(text: str) -> set[tuple[str, str]]:
    """Adjacent lower-case syllable pairs of a text, never across punctuation."""
    out: set[tuple[str, str]] = set()
    for run in _runs(text):
        low = [w.lower() for w in run]
        out.update(zip(low, low[1:]))
    return out


def suspect_words(text: str, known: set[tuple[str, str]], edge_ok: bool = False) -> list[str]:
    """Words of a restored sentence that fit neither neighbour (likely the wrong syllable).

    ``edge_ok``: a word with one neighbour only (before a comma, at the end) is not suspect for
    lack of that one pair; used when the repair itself is sure of the document.
    """
    inventory = inventory_pairs()
    out = []
    first = True
    for run in _runs(text):
        low = [w.lower() for w in run]
        for i, w in enumerate(run):
            if _opaque(w):
                continue  # numbers and abbreviations are never restored
            capital = w[:1].isupper() and not (first and i == 0)
            if capital and low[i] in _LOWER_ONLY:
                out.append(w)
                continue
            in_name = capital and any(0 <= j < len(run) and run[j][:1].isupper() for j in (i - 1, i + 1))
            if in_name or len(run) == 1:
                continue  # proper names ("Kinh Môn") are not in any word list
            sides = [(low[i - 1], low[i])] if i > 0 else []
            sides += [(low[i], low[i + 1])] if i + 1 < len(run) else []
            if any(_opaque(run[j]) for j in (i - 1, i + 1) if 0 <= j < len(run)):
                continue  # "ngày 22", "NQ/TW ngày": a number or abbreviation vouches for nothing
            if edge_ok and len(sides) == 1:
                continue
            if not any(p in known or p in inventory for p in sides):
                out.append(w)
        first = False
    return out


def _opaque(word: str) -> bool:
    return word.isdigit() or (len(word) > 1 and word.isupper())


def bare_numbers(text: str) -> bool:
    """A digit outside a document number, a date, a percentage or a year."""
    spans = [(r.start, r.end) for r in find_numbers(text)] + [(d.start, d.end) for d in find_dates(text, years=True)]
    spans += [m.span() for m in re.finditer(r"\d+(?:[.,]\d+)?\s*%", text)]
    for m in re.finditer(r"\d+", text):
        if not any(a <= m.start() < b for a, b in spans):
            return True
    return False


def publishable(text: str, known: set[tuple[str, str]], edge_ok: bool = False) -> bool:
    """Whether a sentence of a repaired document reads as the office wrote it (see module doc)."""
    if damage_share(text) > 0:
        return False
    if any(not (c.isalnum() or c.isspace() or c in _ALLOWED) for c in text):
        return False  # "cơ sở&", "đề\\y", "ý ‘hiện"
    if text.count("“") != text.count("”") or "‘" in text:
        return False
    if bare_numbers(text):
        return False
    return not suspect_words(text, known, edge_ok)
