"""Grounding check: which facts in a written answer no source contains.

A model may word an answer better than a template, but it must not add facts. The facts
that matter in directive documents are checkable tokens: document numbers, dates and other
numbers (counts, percentages, years). ``unsupported`` finds each one in the answer and
looks for it in the sources, comparing meaning rather than spelling: ``15/5/2025``,
``15-5-2025`` and ``ngày 15 tháng 5 năm 2025`` are one date; ``57/NQ-TW`` and ``57-NQ/TW``
one document number; ``1.000`` and ``1000`` one number. Pure functions, no I/O.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from troly.vn.dates import find_dates
from troly.vn.docnum import DocRef, find_refs
from troly.vn.text import fold

# Citation markers: "[1]", "[1, 3]", "[1][2]" (each bracket read on its own).
_MARKER = re.compile(r"\[\s*(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\s*\]")
# List markers at a line start: "1.", "2.1.", "3)", possibly after a bullet or bold "**".
_LIST_MARKER = re.compile(r"(?m)^[ \t]*(?:[-*•+][ \t]+)?(?:\*\*)?\d{1,3}(?:\.\d{1,3})*[.)](?=\s|\*\*|$)")
# Month and year without a day: "tháng 5/2025", "5/2025", "tháng 5 năm 2025" (folded text).
_MONTH_YEAR = re.compile(
    r"(?:thang\s*(?P<m1>\d{1,2})\s*(?:/|-|nam)\s*(?P<y1>(?:19|20)\d{2}))"
    r"|(?:(?<![\d/.,-])(?P<m2>\d{1,2})/(?P<y2>(?:19|20)\d{2})(?![\d/]))"
)
# A number with optional thousand/decimal separators: "2025", "1.000", "2,5".
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_FILL = "\x00"


@dataclass
class _Facts:
    """The checkable facts of a text, in comparable form."""

    keys: set[str] = field(default_factory=set)  # full document-number keys
    partial: set[tuple[int, str]] = field(default_factory=set)  # (number, type) of every reference
    dates: set[str] = field(default_factory=set)  # ISO "YYYY-MM-DD" and "YYYY-MM"
    numbers: set[str] = field(default_factory=set)  # digits, no separators or leading zeros


def markers(text: str) -> set[int]:
    """Citation markers ``[n]`` in ``text`` (``[1, 3]`` counts as 1 and 3)."""
    return {int(n) for m in _MARKER.finditer(text) for n in re.split(r"\s*[,;]\s*", m.group(1))}


def renumber(text: str, mapping: dict[int, int]) -> str:
    """Rewrite citation markers through ``mapping`` (old -> new); unmapped numbers stay."""

    def one(m: re.Match[str]) -> str:
        nums = [int(n) for n in re.split(r"\s*[,;]\s*", m.group(1))]
        return "[" + ", ".join(str(mapping.get(n, n)) for n in nums) + "]"

    return _MARKER.sub(one, text)


def _digits(token: str) -> str:
    """``"1.000"`` -> ``"1000"``; ``"05"`` -> ``"5"``: numbers compared as digits."""
    d = re.sub(r"\D", "", token)
    return d.lstrip("0") or ("0" if d else "")


def _month_years(folded: str) -> list[tuple[str, int, int]]:
    out = []
    for m in _MONTH_YEAR.finditer(folded):
        mo, y = (m.group("m1"), m.group("y1")) if m.group("m1") else (m.group("m2"), m.group("y2"))
        if 1 <= int(mo) <= 12:
            out.append((f"{int(y):04d}-{int(mo):02d}", m.start(), m.end()))
    return out


def _same_length_fold(text: str) -> str:
    """Fold letter by letter, keeping offsets (``fold`` alone collapses white space)."""
    return "".join(f if len(f := fold(c)) == 1 else c for c in text)


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Blank out ``spans`` keeping offsets (NUL, not space: a blanked fact joins no neighbour)."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = _FILL * (b - a)
    return "".join(chars)


def _facts(text: str) -> _Facts:
    """Everything a source states, so that an answer's facts can be looked up in it."""
    f = _Facts()
    for ref in find_refs(text):
        f.partial.add((ref.number, ref.type))
        if not ref.partial:
            f.keys.add(ref.key)
    for d in find_dates(text):
        f.dates.add(d.iso)
        f.dates.add(d.iso[:7])  # a full date also supports its month
    f.dates.update(iso for iso, _, _ in _month_years(_same_length_fold(text)))
    for m in _NUMBER.finditer(text):
        f.numbers.add(_digits(m.group()))
        f.numbers.update(_digits(part) for part in re.findall(r"\d+", m.group()))
    return f


def unsupported(text: str, source_texts: Iterable[str]) -> list[str]:
    """Numbers, dates and document numbers in ``text`` that no source contains.

    Returns them as written in ``text``, in order, without repeats; empty means every
    checkable fact is grounded. Citation markers ``[n]`` and list markers ("1." at a line
    start) are not facts and are ignored.
    """
    src = _Facts()
    for s in source_texts:
        one = _facts(s)
        src.keys |= one.keys
        src.partial |= one.partial
        src.dates |= one.dates
        src.numbers |= one.numbers

    spans = [(m.start(), m.end()) for m in _MARKER.finditer(text)]
    spans += [(m.start(), m.end()) for m in _LIST_MARKER.finditer(text)]
    masked = _mask(text, spans)  # offsets of ``masked`` are offsets of ``text``
    found: list[tuple[int, str]] = []  # (position, as written) of unsupported facts

    for ref in find_refs(masked):
        ok = ref.key in src.keys if not ref.partial else (ref.number, ref.type) in src.partial
        if not ok:
            found.append((ref.start, text[ref.start:ref.end]))
        spans.append((ref.start, ref.end))
    masked = _mask(text, spans)

    for d in find_dates(masked):
        if d.iso not in src.dates:
            found.append((d.start, d.text))
        spans.append((d.start, d.end))
    masked = _mask(text, spans)

    for iso, a, b in _month_years(_same_length_fold(masked)):
        if iso not in src.dates:
            found.append((a, text[a:b]))
        spans.append((a, b))
    masked = _mask(text, spans)

    for m in _NUMBER.finditer(masked):
        if _digits(m.group()) not in src.numbers:
            found.append((m.start(), m.group()))

    out: list[str] = []
    for _, written in sorted(found):
        if written not in out:
            out.append(written)
    return out


# --- issuer attributions -----------------------------------------------------------------

# Lower-case words that end an issuer's name ("... của Ban Thường vụ Tỉnh ủy về ...").
_NAME_ENDS = {"ve", "thuc", "nham", "trong", "tai", "den", "ban", "da", "va", "de", "voi", "cho",
              "theo", "la", "duoc", "tiep", "phuc", "doi", "tren", "ngay", "so", "quy", "dinh"}
_CLAUSE_END = re.compile(r"[.;:!?\n“”\"()]")
ATTRIBUTION_GAP = 12  # words allowed between a document number and "của" (a date, "về kết luận")


@dataclass
class Attribution:
    """"<document number> ... của <issuer>" as a text states it."""

    number: int
    type: str
    issuer: str  # folded words of the issuer's name
    written: str  # the span as written
    after: str = ""  # the span after the number ("về ... của nhà máy thủy điện tích năng")


def _issuer_words(after: str) -> list[str]:
    """The issuer's name at the start of ``after`` (folded words, up to 8)."""
    words: list[str] = []
    for w in re.findall(r"[^\W_]+|\S", after):
        if _CLAUSE_END.fullmatch(w) or w == "," or w.isdigit():
            break
        f = fold(w)
        if words and w[:1].islower() and f in _NAME_ENDS:
            break
        words.append(f)
        if len(words) >= 8:
            break
    return words


def attributions(text: str) -> list[Attribution]:
    """Each document number the text ties to an issuer with "của" in the same clause."""
    out = []
    refs = find_refs(text)
    for ref in refs:
        tail = text[ref.end:ref.end + 160]
        stop = _CLAUSE_END.search(tail)
        clause = tail[:stop.start()] if stop else tail
        m = re.search(r"(?i)(?<!\w)của\s+", clause)
        if not m or len(clause[:m.start()].split()) > ATTRIBUTION_GAP or find_refs(clause[:m.start()]):
            continue
        # "... Thông báo số 730-TB/TU, đẩy mạnh ... của các doanh nghiệp": after the comma the name
        # has ended ("số 69-KL/TW, ngày 24/01/2024 của Bộ Chính trị" goes on with its date)
        if re.match(r"\s*,(?!\s*ngày\b)", clause):
            continue
        words = _issuer_words(clause[m.end():])
        if words and words[0][:1].isalpha():
            written = (text[ref.start:ref.end + m.end()] + " ".join(clause[m.end():].split()[:len(words)])).rstrip(",")
            out.append(Attribution(ref.number, ref.type, " ".join(words), written, written[ref.end - ref.start:]))
    return out + _issued(text, refs)


# "<issuer> đã ban hành Quy định số 383-QĐ/TW": the issuer opens the sentence, the verb ties it to
# the number (a script read aloud says it so). Where the sentence opens with more than a name, the
# words before the verb are taken whole and match no source: the gate takes the plainer hook.
_ISSUED = re.compile(r"(?:^|[.!?]\s+)([^\W\d_][^.;:!?\n“”\"()]{1,120}?)\s+(?:đã\s+|vừa\s+)?ban hành\s+"
                     r"(?:[^\W\d_]+\s+){0,3}(?:số\s+)?$")


ISSUED_SPAN = 200  # characters before a number where its sentence's issuer and verb are looked for


def _issued(text: str, refs: list[DocRef]) -> list[Attribution]:
    """Each of the document numbers ``refs`` (found in ``text`` once, by ``attributions``) that a
    sentence ties to its issuer with "đã ban hành" (``_ISSUED``)."""
    out = []
    for ref in refs:
        before = max(0, ref.start - ISSUED_SPAN)
        m = _ISSUED.search(text[before:ref.start])
        if m:
            out.append(Attribution(ref.number, ref.type, fold(m.group(1)), text[before + m.start(1):ref.end]))
    return out


def unsupported_attributions(text: str, source_texts: Iterable[str]) -> list[str]:
    """Issuer attributions in ``text`` ("Thông báo số 730 ... của Ban Thường vụ Huyện ủy") that no
    source makes for the same document: the sources must tie that number to that issuer."""
    source_texts = list(source_texts)
    made: dict[tuple[int, str], list[str]] = {}
    for s in source_texts:
        for a in attributions(s):
            made.setdefault((a.number, a.type), []).append(a.issuer)
    out = []
    folded = None
    for a in attributions(text):
        said = made.get((a.number, a.type), [])
        if any(i.startswith(a.issuer) or a.issuer.startswith(i) for i in said):
            continue
        subject = _subject_phrase(a.after)
        if subject:
            folded = folded if folded is not None else [" ".join(fold(s).split()) for s in source_texts]
            if any(subject in f for f in folded):
                continue  # "về quy định ... của nhà máy thủy điện": the title's own words, no issuer
        out.append(a.written)
    return out


# A subject phrase this long, found word for word in a source, is its title's: a judgment, not fitted
# (long enough that a bare "của <issuer>" cannot pass for one); set at stop 28 on 58/2025/TT-BCT's hook.
TITLE_PHRASE_WORDS = 5


def _subject_phrase(after: str) -> str:
    """The subject phrase after "về" ("về quy định ... của nhà máy ...", folded), when it is long
    enough to be told from a bare "của <issuer>" that any source might hold; else ""."""
    words = fold(after).split()
    if not words or words[0] not in {"ve", "v/v"}:
        return ""
    words = words[2:] if words[1:2] == ["viec"] else words[1:]
    return " ".join(words) if len(words) >= TITLE_PHRASE_WORDS else ""


def ungrounded(text: str, source_texts: Iterable[str]) -> list[str]:
    """Everything in ``text`` the sources do not support: facts (``unsupported``) and issuer
    attributions (``unsupported_attributions``)."""
    sources = list(source_texts)
    return unsupported(text, sources) + unsupported_attributions(text, sources)
