"""What the answer engine knows of the knowledge base, kept in memory per KB generation.

- documents by id and by own number;
- every cited document (number -> where it is cited and what is said of it);
- a profile of each document (type, number, place, issuer, title, introduction) as an
  inverted index of folded syllable bigrams, so that "kế hoạch của phường Kinh Môn" or
  "hướng dẫn của Từ Sơn" picks the document without a number;
- the corpus vocabulary (folded syllables and bigrams), to tell an out-of-scope question.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from troly.bot.answer.query import bigrams
from troly.ingest.procedures import Procedure, procedures
from troly.models import Citation, Document
from troly.vn.docnum import DocRef, as_written, parse_key, type_name
import re

from troly.vn.text import fold, fold_chars, folded_syllables

_NAME_PAIR = re.compile(r"(?<![\w])([A-ZÀ-ỸĐ][a-zà-ỹđ]+)\s+(?=([A-ZÀ-ỸĐ][a-zà-ỹđ]+)(?![\w]))")


def _near(a: str, b: str) -> bool:
    """Issuer codes at most one letter apart (a misread letter)."""
    if len(a) != len(b):
        return False
    return sum(x != y for x, y in zip(a, b)) <= 1


def _years_of(ref: DocRef | None, dates: list[str]) -> set[str]:
    """The year a number carries, else the years of its dates (ISO, "YYYY-MM" or "")."""
    if ref is not None and ref.year:
        return {ref.year}
    return {d[:4] for d in dates if d[:4].isdigit()}


@dataclass
class Library:
    docs: dict[str, Document]
    cited: dict[str, list[tuple[str, Citation]]] = field(default_factory=dict)  # key -> [(doc_id, citation)]
    profile_index: dict[str, set[str]] = field(default_factory=dict)  # bigram -> doc ids
    vocab: set[str] = field(default_factory=set)
    gram_df: dict[str, int] = field(default_factory=dict, repr=False)  # bigram -> documents whose text has it
    facts_words: dict[str, set[str]] = field(default_factory=dict)  # bigram of facts and title -> doc ids
    generation: int = -1
    rows: list = field(default_factory=list, repr=False)  # every (doc id, Assignment)
    topic_words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)  # title + opening: words, bigrams
    places: set[str] = field(default_factory=set, repr=False)  # the documents' places, folded ("my tu")
    _procedures: list | None = field(default=None, repr=False)
    _own_idx: dict = field(default_factory=dict, repr=False)
    _folded: dict = field(default_factory=dict, repr=False)
    _cited_idx: dict = field(default_factory=dict, repr=False)
    _years: dict = field(default_factory=dict, repr=False)  # doc id or cited key -> the years it bears

    @classmethod
    def build(cls, documents: list[Document], generation: int = -1) -> "Library":
        lib = cls({d.id: d for d in documents}, generation=generation)
        cited: dict[str, list[tuple[str, Citation]]] = defaultdict(list)
        prof: dict[str, set[str]] = defaultdict(set)
        text_df: dict[str, int] = defaultdict(int)
        names_of: dict[str, list[str]] = {}
        for d in documents:
            for c in d.facts.cites:
                cited[c.key].append((d.id, c))
            f = d.facts
            if f.place.strip():
                lib.places.add(" ".join(folded_syllables(f.place)))
            intro = d.text[: min(len(d.text), 1500)]
            opening = folded_syllables(f.title + " " + intro)
            lib.topic_words[d.id] = frozenset(opening) | frozenset(bigrams(opening))
            fw = folded_syllables(" ".join([f.type, f.number, f.place, f.issuer, f.title, f.signer]))
            for g in set(bigrams(fw)):
                lib.facts_words.setdefault(g, set()).add(d.id)
            # Who and where tell documents apart: type, number, place, issuer, signer, and the
            # names in the title and introduction ("Tỉnh ủy Lâm Đồng", "phường Kinh Môn"). Topic
            # words of the title are left to retrieval: they would pull duty questions astray.
            words = folded_syllables(" ".join([f.type, f.number, f.key, f.place, f.issuer, f.signer]))
            names_of[d.id] = [fold(f"{a} {b}") for a, b in _NAME_PAIR.findall(f.title + "\n" + intro)]
            for g in set(bigrams(words)) | set(words):
                prof[g].add(d.id)
            body = folded_syllables(d.text)
            grams = set(bigrams(body))
            lib.vocab.update(body)
            lib.vocab.update(grams)
            for g in grams:
                text_df[g] += 1
        # A capitalised pair is a name only if few documents use those words at all ("Lâm Đồng"
        # yes; "Mục Đích" from a damaged heading no).
        limit = max(1, len(documents) // 2)
        for doc_id, names in names_of.items():
            for g in names:
                if text_df.get(g, 0) <= limit:
                    prof[g].add(doc_id)
        lib.cited = dict(cited)
        lib.gram_df = dict(text_df)
        lib.profile_index = dict(prof)
        lib.rows = [(d.id, a) for d in documents for a in d.assignments]
        lib._index()
        lib.procedures()  # read with the rest, never on a question's time
        return lib

    def procedures(self) -> list[tuple[Document, Procedure]]:
        """Every procedure row of the documents' procedure tables, read once."""
        if self._procedures is None:
            self._procedures = [(self.docs[doc_id], p) for doc_id in sorted(self.docs)
                                for p in procedures(self.docs[doc_id].text)]
        return self._procedures

    def folded(self, doc_id: str) -> str:
        """The document's text folded character by character (offsets unchanged), cached."""
        got = self._folded.get(doc_id)
        if got is None:
            got = self._folded[doc_id] = fold_chars(self.docs[doc_id].text)
        return got

    # --- documents by number ---------------------------------------------------------------
    def _index(self) -> None:
        """(number, type) -> [(issuer, doc id)] for own numbers and [(issuer, key)] for cited ones."""
        own: dict[tuple[int, str], list[tuple[str, str]]] = defaultdict(list)
        years: dict[str, set[str]] = {}
        for d in sorted(self.docs.values(), key=lambda x: x.id):
            ref = parse_key(d.facts.key) if d.facts.key else None
            years[d.id] = _years_of(ref, [d.facts.date])
            if ref is not None:
                own[(ref.number, ref.type)].append((ref.issuer, d.id))
            # the number as written, read as a question would read it ("5529/CT-CS" of a Công văn,
            # whose key carries its type): typed in full, it names this document too
            typed = parse_key(d.facts.number) if d.facts.number else None
            if typed is not None and (ref is None or (typed.number, typed.type, typed.issuer)
                                      != (ref.number, ref.type, ref.issuer)):
                own[(typed.number, typed.type)].append((typed.issuer, d.id))
        cited: dict[tuple[int, str], list[tuple[str, str]]] = defaultdict(list)
        for key in self.cited:
            ref = parse_key(key)
            if ref is not None:
                cited[(ref.number, ref.type)].append((ref.issuer, key))
                years[key] = _years_of(ref, [c.date for _, c in self.cited[key]])
        self._own_idx, self._cited_idx, self._years = dict(own), dict(cited), years

    def _same_year(self, ref: DocRef, id_or_key: str) -> bool:
        """A year the question writes ("76/2025/QĐ-UBND") must be the document's: State bodies
        number their decisions afresh each year, so 76/2006/QĐ-UBND is another decision."""
        have = self._years.get(id_or_key)
        return not ref.year or not have or ref.year in have

    def own(self, ref: DocRef) -> list[str]:
        return [d for iss, d in self._own_idx.get((ref.number, ref.type), [])
                if (ref.partial or iss == ref.issuer) and self._same_year(ref, d)]

    def citations(self, ref: DocRef) -> list[tuple[str, Citation]]:
        keys = [k for iss, k in self._cited_idx.get((ref.number, ref.type), [])
                if (ref.partial or iss == ref.issuer) and self._same_year(ref, k)]
        return [row for k in keys for row in self.cited[k]]

    def loose_citations(self, ref: DocRef) -> list[tuple[str, Citation]]:
        """Same number and type, an issuer one letter off: OCR and typists mangle issuers (06-KH/ĐU
        read as 06-KH/PU); "2530/QĐ-UBND" is not "2530/QĐ-TTg"."""
        return [row for iss, k in self._cited_idx.get((ref.number, ref.type), [])
                if _near(iss, ref.issuer) and self._same_year(ref, k) for row in self.cited[k]]

    def loose_own(self, ref: DocRef) -> list[str]:
        return [d for iss, d in self._own_idx.get((ref.number, ref.type), [])
                if _near(iss, ref.issuer) and self._same_year(ref, d)]

    def other_years(self, ref: DocRef) -> list[str]:
        """Documents with ``ref``'s number, type and issuer but another year, held or cited, by
        name: "Quyết định số 76/2006/QĐ-UBND" for a question on 76/2025/QĐ-UBND."""
        if not ref.year:
            return []
        written = [self.docs[d].facts.number or self.docs[d].facts.key
                   for iss, d in self._own_idx.get((ref.number, ref.type), [])
                   if iss == ref.issuer and not self._same_year(ref, d)]
        written += [as_written(self.cited[k][0][1].number) or k for iss, k in self._cited_idx.get((ref.number, ref.type), [])
                    if iss == ref.issuer and not self._same_year(ref, k)]
        return [f"{type_name(ref.type)} số {w}" for w in dict.fromkeys(written)][:3]

    def same_number(self, ref: DocRef) -> list[str]:
        """Documents with ``ref``'s number but another type, held or cited, by name: "Thông báo số
        730-TB/TU" for "kế hoạch 730" (people name a plan by the notice it implements)."""
        keys = [self.docs[d].facts.key for (n, t), rows in self._own_idx.items() if n == ref.number and t != ref.type
                for _, d in rows]
        keys += [k for (n, t), rows in self._cited_idx.items() if n == ref.number and t != ref.type for _, k in rows]
        out = []
        for key in dict.fromkeys(keys):
            other = parse_key(key)
            if other is not None and (ref.partial or other.issuer == ref.issuer):
                out.append(f"{type_name(other.type)} số {key}")
        return out[:3]

    def citing(self, ref: DocRef) -> list[str]:
        return sorted({doc_id for doc_id, _ in self.citations(ref)})

    # --- documents by description ---------------------------------------------------------
    def profile_scores(self, words: list[str]) -> dict[str, float]:
        """IDF-weighted overlap of the question's bigrams with each document's profile. A pair
        weighs by how few documents' texts use it, not only their profiles: "xây dựng" in "Bộ Xây
        dựng" names that ministry in a few profiles but is a verb in most texts."""
        n = max(len(self.docs), 1)
        scores: dict[str, float] = defaultdict(float)
        for g in dict.fromkeys(bigrams(words)):  # in the question's order, never hash order
            ids = self.profile_index.get(g)
            if not ids or len(ids) >= n:
                continue
            idf = math.log(n / max(len(ids), self.gram_df.get(g, 0)))
            for d in sorted(ids):
                scores[d] += idf
        return dict(scores)

    def coverage_of(self, folded: str, content: set[str], named: set[str], asking: set[str] = frozenset()) -> float:
        """Share of the question's own word pairs (two adjacent content words, not only naming a
        document, not touching the words that ask, like "hạn chót") that occur in the corpus: low
        for "lãi suất tiết kiệm", "thời tiết"."""
        words = folded_syllables(folded)
        grams = [(a, b) for a, b in zip(words, words[1:])
                 if a in content and b in content and not (a in named and b in named)
                 and a not in asking and b not in asking]
        if not grams:
            return 1.0
        return sum(f"{a} {b}" in self.vocab for a, b in grams) / len(grams)
