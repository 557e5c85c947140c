"""Verbatim quotes: sentence spans of a document's clean text, chosen for a question."""
from __future__ import annotations

import re
from functools import lru_cache

from troly.models import Document, Source
from troly.prompts import answers as msg
from troly.vn.abbreviations import expand_abbreviations
from troly.vn.text import fold, folded_syllables

# A full stop inside a number ("5.000", "1.1.") or a code does not end a sentence; a colon at
# the end of a line does ("... những nhiệm vụ sau:" announces the list below it), and so does the
# line's end (never a full stop inside a number before it: "1.000.000" is not cut to "1.000.").
_SENT = re.compile(r"(?:[^.;!?\n]|[.;!?](?=[^\s]))+(?:[.;!?]+|:(?=[ \t]*(?:\n|$))|(?=\n)|$)")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence (and clause-list) spans inside ``text[start:end]``, stripped of spaces and dashes."""
    out = []
    for m in _SENT.finditer(text, start, end):
        a, b = m.start(), m.end()
        while a < b and text[a] in " -–•+\n":
            a += 1
        while b > a and text[b - 1] in " \n":
            b -= 1
        if b - a >= 12:
            out.append((a, b))
    return out


def sentence_at(text: str, pos: int) -> tuple[int, int] | None:
    """The sentence span holding ``pos``, found within its paragraph (sentences never cross a line)."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return next(((a, b) for a, b in sentences(text, lo, len(text) if hi < 0 else hi) if a <= pos < b), None)


@lru_cache(maxsize=16384)
def terms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """A text's folded syllables and syllable pairs ("KHCN" counts as "khoa học công nghệ"); the same
    task rows, agency names and sentences are scored question after question."""
    have = folded_syllables(expand_abbreviations(fold(text)))
    return frozenset(have), frozenset(f"{a} {b}" for a, b in zip(have, have[1:]))


def overlap(words: list[str], text: str) -> float:
    """Share of ``words`` present in ``text`` (folded), counting bigram hits double."""
    if not words:
        return 0.0
    s, grams = terms(text)
    hit = sum(w in s for w in words)
    ghit = sum(f"{a} {b}" in grams for a, b in zip(words, words[1:]))
    return (hit + 2 * ghit) / (len(words) + 2 * max(len(words) - 1, 0) or 1)


def best_spans(text: str, start: int, end: int, words: list[str], limit: int) -> list[tuple[int, int]]:
    """The sentences of a span that best match ``words``, in reading order, within ``limit`` characters."""
    sents = sentences(text, start, end)
    ranked = sorted(sents, key=lambda ab: -overlap(words, text[ab[0]:ab[1]]))
    chosen: list[tuple[int, int]] = []
    used = 0
    for a, b in ranked:
        if used and used + (b - a) > limit:
            continue
        chosen.append((a, b))
        used += b - a
        if used >= limit * 0.7:
            break
    return sorted(chosen)


def trim(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def label(doc: Document) -> str:
    """How an answer names a document: "Kế hoạch số 114-KH/HU", or type, issuer and title."""
    f = doc.facts
    if f.key:
        return f"{f.type} số {f.number.replace(' ', '')}".strip() if f.type else f.key
    desc = f"{f.type or 'Văn bản'}"
    if f.issuer:
        desc += f" của {f.issuer}"
    if f.place:
        desc += f" ({f.place})"
    if f.title:
        desc += f" về {trim(f.title, 70)}" if not f.title.lower().startswith(("về", "thực hiện", "tuyên truyền", "quán triệt")) \
            else f" {trim(f.title, 70)}"
    return desc


def doc_field(doc: Document) -> str:
    """The `document` field of a source: the number as written (471/QĐ-UBND), or the title where
    there is none."""
    number = doc.facts.number.replace(" ", "") if doc.facts.key else ""
    return number or trim(f"{doc.facts.type} {doc.facts.title}".strip(), 120) or doc.id


def source(doc: Document, start: int, end: int, section: str = "") -> Source:
    quote = doc.text[start:end]
    if not section:
        section = section_at(doc, start)
    return Source(doc_field(doc), doc.facts.title, section, quote, doc.id, doc.facts.repaired)


def section_at(doc: Document, pos: int) -> str:
    best = ""
    for s in doc.sections:
        if s.start <= pos < s.end:
            best = s.breadcrumb
    return best


def repaired_note(doc: Document) -> str:
    return msg.REPAIRED_NOTE if doc.facts.repaired else ""
