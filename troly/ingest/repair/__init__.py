"""Repair of OCR-damaged and legacy-encoded Vietnamese text.

``Repairer.run`` converts legacy encodings (TCVN3, VNI) to Unicode, finds damaged paragraphs
(``detect``), turns each damaged token into candidate syllables (``candidates``) and picks the
most likely sequence with a Kneser-Ney trigram model (``lm``, ``decode``) trained on clean
documents and an offline inventory shipped by underthesea (``inventory``). Proper names (places
from underthesea's offline gazetteer, signers' names) are resolved per document first and fixed
for the decoder (``names``), one spelling per name; so are the fixed formulas every directive
carries, such as the motto and the country name (``formulas``). Clean paragraphs,
numbers, dates, document numbers and abbreviations are never touched.
"""
from __future__ import annotations

import logging
import unicodedata
from pathlib import Path
from dataclasses import dataclass, replace
from typing import Iterable

from troly.ingest.repair.candidates import EDIT_COST, CandidateIndex
from troly.ingest.repair.decode import Decoder, Option
from troly.ingest.repair.formulas import FormulaMatcher
from troly.ingest.repair.detect import DamageStats, damage_share, paragraphs, stats, token_status
from troly.ingest.repair.inventory import build_inventory_lm
from troly.ingest.repair.legacy import convert_legacy
from troly.ingest.repair.lm import KneserNeyLM
from troly.ingest.repair.names import NameLexicon, NameResolver
from troly.ingest.repair.syllable import is_syllable
from troly.ingest.repair.tokens import Token, segments, tokenize, training_sentences

__all__ = ["RepairResult", "Repairer", "damage_share", "convert_legacy"]

log = logging.getLogger(__name__)

CLEAN_WEIGHT = 2.0  # in-domain clean documents count more than the general inventory
DOC_DAMAGED = 0.15  # a document this damaged: repair every paragraph with any evidence
PARA_DAMAGED = 0.2
KEEP_LETTER = 0.5  # a lone letter may be a label ("điểm b"), not a syllable that lost its vowel
LETTER_DIGITS = set("016")  # digits an OCR reads for letters (6 = ô/đ, 0 = o, 1 = l/i)
LOOSE_COST = 1.0  # on top of the channel cost: a digit run is a number unless the context insists
SPLIT_COST = 1.0  # on top of both halves' channel costs: a lost space is rarer than a lost mark
SPLIT_MIN_LEN, SPLIT_TOP = 4, 3  # split only tokens this long; the best few readings of each half
DOMAIN_PHRASES = Path(__file__).resolve().parent / "data" / "domain_phrases.txt"  # otherwise a paragraph needs this share of damaged tokens


@dataclass
class RepairResult:
    text: str  # repaired text, same paragraph/line structure as input
    repaired: bool  # anything changed by OCR repair
    confidence: float  # 0..1, mean local posterior of the restored syllables
    damaged_share: float  # share of damaged tokens in the input (before repair)
    paragraphs_repaired: int
    legacy_encoding: str  # "" | "tcvn3" | "vni"


class Repairer:
    """Trained once (inventory LM cached under ``$TROLY_DATA/cache``), then reused per text."""

    def __init__(self, clean_texts: Iterable[str] = (), lm: KneserNeyLM | None = None,
                 weight: float = 2.5, beam: int = 12, names: NameLexicon | None = None) -> None:
        self.lm = lm if lm is not None else build_inventory_lm()
        self._names = names  # None: the shipped gazetteer and name list (loaded on first damaged text)
        if DOMAIN_PHRASES.is_file():
            lines = DOMAIN_PHRASES.read_text(encoding="utf-8").splitlines()
            self.add_clean("\n\n".join(ln for ln in lines if ln.strip() and not ln.startswith("#")))
        else:
            log.warning("repair domain phrase file missing: %s", DOMAIN_PHRASES)
        for text in clean_texts:
            self.add_clean(text)
        self._weight, self._beam = weight, beam
        self._index: CandidateIndex | None = None

    def add_clean(self, text: str) -> None:
        """Add a clean document to the model (its syllables become candidates too)."""
        self.lm.add_all(training_sentences(unicodedata.normalize("NFC", text)), weight=CLEAN_WEIGHT)
        self._index = None

    @property
    def index(self) -> CandidateIndex:
        if self._index is None:
            syl = {w: self.lm.count1.get(i, 0.0) for w, i in self.lm.ids.items() if is_syllable(w)}
            self._index = CandidateIndex(syl)
        return self._index

    def run(self, text: str) -> RepairResult:
        text, legacy = convert_legacy(text)
        text = unicodedata.normalize("NFC", text)
        parts = paragraphs(text)
        all_tokens = [tokenize(p) for p in parts]
        doc = DamageStats()
        for toks in all_tokens:
            st = stats(toks)
            doc.counted += st.counted
            doc.damaged += st.damaged
            doc.toneless += st.toneless
        decoder = Decoder(self.lm, weight=self._weight, beam=self._beam)
        names = NameResolver(self._names).resolve(parts, all_tokens) if doc.damaged else [{} for _ in parts]
        if doc.damaged:
            matcher = FormulaMatcher(self.index)
            for part, toks, forced in zip(parts, all_tokens, names):
                forced.update(matcher.match(part, toks, taken=forced))
        out, repaired_paras, confs = [], 0, []
        for part, toks, forced in zip(parts, all_tokens, names):
            if not self._is_damaged(toks, doc):
                out.append(part)
                continue
            new, conf = self._repair_paragraph(part, toks, decoder, forced)
            if new != part:
                repaired_paras += 1
            confs.extend(conf)
            out.append(new)
        result = "".join(out)
        return RepairResult(
            text=result,
            repaired=result != text,
            confidence=sum(confs) / len(confs) if confs else 1.0,
            damaged_share=doc.share,
            paragraphs_repaired=repaired_paras,
            legacy_encoding=legacy,
        )

    def _is_damaged(self, toks: list[Token], doc: DamageStats) -> bool:
        st = stats(toks)
        if st.damaged == 0 and not (doc.share >= DOC_DAMAGED and st.toneless_share >= 0.5):
            return False
        repairable = sum(1 for t in toks if token_status(t) == "damaged" and self.index.candidates(t.text))
        if st.damaged and repairable < 0.5 * st.damaged:
            return False  # foreign words, not OCR debris
        if doc.share >= DOC_DAMAGED:
            return True
        return st.share >= PARA_DAMAGED

    def _candidates(self, tok: Token) -> tuple:
        """Candidates for a token; a loose digit run gets some only if it can spell a syllable."""
        if tok.loose:
            if len(tok.text) < 2 or not set(tok.text) <= LETTER_DIGITS:
                return ()
            return tuple(replace(c, cost=c.cost + LOOSE_COST) for c in self.index.candidates(tok.text))
        return () if tok.fixed else self.index.candidates(tok.text)

    def _split_options(self, tok: Token, cands: tuple) -> list[Option]:
        """Two-syllable readings of a token the OCR made of two ("Tramy" = Trạm y).

        Only for a token that is no syllable and that no reading fits without an edit: a lost
        space costs ``SPLIT_COST`` on top of both halves' channel costs; the LM judges the pair.
        """
        word = tok.text
        if tok.loose or len(word) < SPLIT_MIN_LEN or not word.isalpha() or is_syllable(word) \
                or min((c.cost for c in cands), default=EDIT_COST) < EDIT_COST:
            return []
        out: list[Option] = []
        for i in range(2, len(word)):
            left = self.index.candidates(word[:i])[:SPLIT_TOP]
            right = self.index.candidates(word[i:])[:SPLIT_TOP] if left else ()
            for a in left:
                for b in right:
                    out.append(Option(self.lm.id(a.word), f"{a.text} {b.text}", a.cost + b.cost + SPLIT_COST,
                                      self.lm.id(b.word)))
        return out

    def _context_id(self, tok: Token) -> int:
        """LM id of a token kept as written; an abbreviation whose Đ the OCR read as D ("HDND")
        is looked up in its commoner spelling, so it still gives its neighbours context."""
        form = tok.lm_form
        if "d" in form and tok.text.isupper():
            variants = [form[:i] + "đ" + form[i + 1:] for i, c in enumerate(form) if c == "d"]
            known = max(variants, key=self.lm.unigram_count)
            if self.lm.unigram_count(known) > self.lm.unigram_count(form):
                return self.lm.ids[known]
        return self.lm.id(form)

    def _repair_paragraph(self, text: str, toks: list[Token], decoder: Decoder,
                          forced: dict[int, str] | None = None) -> tuple[str, list[float]]:
        """Decode every run of the paragraph; ``forced`` fixes name tokens (``names``) beforehand."""
        replace: dict[int, str] = {}
        confs: list[float] = []
        forced = forced or {}
        for run in segments(text, toks):
            positions: list[list[Option]] = []
            for tok in run:
                cands = self._candidates(tok)
                if tok.start in forced:
                    word = forced[tok.start]
                    positions.append([Option(self.lm.id(word.lower()), word, 0.0)])
                elif cands:
                    opts = [Option(self.lm.id(c.word), c.text, c.cost) for c in cands]
                    if tok.loose or (len(tok.text) == 1 and tok.text.isascii()):
                        opts.append(Option(self.lm.id(tok.lm_form), tok.text, 0.0 if tok.loose else KEEP_LETTER))
                    positions.append(opts + self._split_options(tok, cands))
                else:
                    positions.append([Option(self._context_id(tok), tok.text, 0.0)])
            choice = decoder.best(positions)
            post = decoder.posteriors(positions, choice)
            for tok, opts, j, p in zip(run, positions, choice, post):
                if len(opts) > 1:
                    confs.append(p)
                if opts[j].text != tok.text:
                    replace[tok.start] = opts[j].text
        if not replace:
            return text, confs
        pieces, pos = [], 0
        for tok in toks:
            if tok.start in replace:
                pieces.append(text[pos:tok.start])
                pieces.append(replace[tok.start])
                pos = tok.end
        pieces.append(text[pos:])
        return "".join(pieces), confs
