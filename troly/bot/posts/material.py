"""Material for posts: readable sentences of the documents, scored against a topic.

A post may only say what the documents say, so its points are whole sentences (or whole
clauses) of a document's clean text, each kept with its verbatim span for the source
quote. Directives are full of things that read badly in a post: list markers ("- ",
"2.1."), markdown, ALL-CAPS headings, hard-wrapped lines, citation boilerplate ("Căn cứ
Chương trình số 67-CTr/TU ..."), OCR damage. This module finds the sentences, cleans them
and rejects the ones that would read badly; choosing among them is the caller's job.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field

from troly.bot.posts.asides import without_asides
from troly.bot.posts.frames import framed, framing, scope, scoped
from troly.bot.posts.phrases import genitive, has as _has, marks_agree
from troly.bot.posts.segments import MARKER, clauses, is_caps, items, mark_shape, quoted_spans, sentences
from troly.bot.posts.sentences import (  # noqa: F401  (shorten: M.shorten)
    ENUMERATING, bare_name, completes_lead_in, continues, drop_stops, fragment, names_person, next_clause,
    points_at_document, shorten, without_label)
from troly.ingest.cleanup import is_recital
from troly.ingest.repair.detect import damage_share
from troly.models import Document
from troly.vn.abbreviations import expand_abbreviations
from troly.vn.docnum import DocRef, find_numbers, find_refs
from troly.vn.text import collapse_ws, fold, folded_syllables, has_diacritics

_MD = re.compile(r"\*\*|__|(?<!\w)\*(?!\w)|#{1,6}\s*")
_ODD = re.compile(r"[¢€£¥§©®ﬁﬂ|{}\[\]<>=~^]")
_MIXED = re.compile(r"\b(?=\w*\d)(?=\w*[^\W\d_])\w+\b")  # a word mixing digits and letters
_BOILERPLATE = ("can cu", "xet ", "theo de nghi", "tren co so de nghi", "noi nhan", "tren day la", "luu:", "luu vt", "v/v", "kinh gui", "thuc hien huong dan so",
                "thuc hien ke hoach so", "thuc hien chuong trinh so", "trong qua trinh to chuc thuc hien")
# Words that say nothing about a topic ("tuyên truyền Kết luận 69": the content is "69").
_STOP = {"cua", "trong", "ve", "va", "voi", "cho", "cac", "nhung", "mot", "la", "de", "tai", "o",
         "tu", "den", "theo", "nhu", "thi", "ma", "hay", "gi", "nao", "the", "bai", "viet"}
_GENERIC = {("tuyen", "truyen"), ("vai", "tro"), ("thuc", "hien"), ("trien", "khai"), ("noi", "dung"),
            ("cong", "tac"), ("quan", "triet"), ("nhiem", "vu"), ("giai", "phap"), ("y", "nghia"),
            ("van", "de"), ("bai", "viet"), ("pho", "bien"), ("van", "ban")}
_PUBLIC = ("nguoi dan", "nhan dan", "can bo, dang vien", "doanh nghiep", "cong dong")

MIN_WORDS, MAX_WORDS = 8, 90
# "Bổ sung các cửa khẩu sau vào danh sách ...": the list it announces is not in the sentence.
_ANNOUNCED = re.compile(r"\b(?:cac|nhung)(?: [a-z]+){1,3} sau (?:day|vao)\b")
# A run of three words or more said twice in a row ("Người nộp lệ phí Người nộp lệ phí"): a table's
# label run into its cell.
_REPEATED = re.compile(r"\b((?:\w+\s+){2,6}\w+)\s+\1\b")
# The closing lines of a legal text: its adoption by the council, a recipients' line of abbreviations.
_ADOPTED = re.compile(r"^(?:nghi quyet|quyet dinh|thong tu|quy dinh) nay (?:da )?duoc .{0,120}thong qua")
_DEFERS = re.compile(r"\b(?:thuc hien|ap dung|giai quyet|xu ly) theo (?:cac )?(?:quy dinh|phan cap)\b[^.;]*"
                     r"(?:phap luat|hien hanh|co lien quan)[^.;]*\.?$")
_FOOTNOTE = re.compile(r"\s*\[\d{1,3}\]")
_FORM_BLANK = re.compile(r"(?:…\s*){2,}|\.{5,}|_{4,}")  # dots or rules left blank for the applicant
_CONCLUDING = re.compile(r"^(?:Căn cứ|Theo) (?:các |những )?(?:quy định|nội dung|hướng dẫn|căn cứ)(?: pháp lý)? (?:nêu |nói )?trên,\s*")
_NUMBERED = re.compile(r"\s\((?:\d{1,2}|i{1,3}|iv|vi{0,3}|ix)\)\s")  # "... cấp tỉnh (1) Đăng ký ...", "... VNeID. (ii) Chỉ đạo ..."
_INLINE_LIST = re.compile(r":\s*\(?(?:1|a|i)\)\s")  # an enumeration run into the sentence


@dataclass
class Unit:
    """One sentence of a document: verbatim span and the cleaned text a post shows."""

    doc_id: str
    start: int
    end: int
    quote: str  # Document.text[start:end], stripped
    text: str  # one line, no markers/markdown, capitalized, ends with a full stop
    heading: bool = False
    folded: list[str] = field(default_factory=list)
    detail: bool = False  # a sub-case read with its list's label (``framed``): the rule comes first


@dataclass
class Topic:
    """What a topic asks for: content phrases (folded syllables) and document references."""

    text: str
    phrases: list[tuple[str, ...]]
    refs: list[DocRef]
    # A syllable left alone by splitting a phrase no sentence holds whole ("số" of "kinh tế số"),
    # with that phrase: the syllable alone is in sentences on anything.
    stranded: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    # Each piece of a phrase split so ("khắc phục hậu quả", "mưa lũ"), with the phrase it was typed in.
    split: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)

    @property
    def weight(self) -> float:
        return sum(len(p) for p in self.phrases) + 2.0 * len(self.refs)


def parse_topic(topic: str) -> Topic:
    """Split a topic into content phrases at generic words; references apart.

    "vai trò của người dân trong chuyển đổi số" -> phrases ("nguoi","dan"),
    ("chuyen","doi","so"); "tuyên truyền Kết luận 69" -> ref 69-KL, no phrase.
    """
    refs = find_refs(topic)
    rest = topic
    for r in sorted(refs, key=lambda r: -r.start):
        rest = rest[: r.start] + " | " + rest[r.end:]
    marked = has_diacritics(topic)
    if marked:  # function words known by their marks: "thị", "tử", "tai", "ma" stay, "thì", "từ", "tại", "mà" go
        rest = drop_stops(rest, " | ")
    rest = fold(rest)
    phrases: list[tuple[str, ...]] = []
    for piece in rest.split("|"):
        # "và" joins the words of one phrase ("khoa học và công nghệ"), as content_words reads it
        words = [w for w in folded_syllables(expand_abbreviations(piece)) if w != "va"]
        drop = {i for i, w in enumerate(words) if w in _STOP and not marked}
        for i in range(len(words) - 1):
            if (words[i], words[i + 1]) in _GENERIC:
                drop |= {i, i + 1}
        cur: list[str] = []
        for i, w in enumerate(words + [""]):
            if w and i not in drop:
                cur.append(w)
            elif cur:
                phrases.append(tuple(cur))
                cur = []
    if not phrases and not refs:
        words = [w for w in folded_syllables(rest) if w not in _STOP]
        phrases = [tuple(words)] if words else []
    return Topic(topic, phrases, refs)


def content_words(text: str) -> list[str]:
    """Folded syllables without stop words, abbreviations spelled out: "khoa học và công nghệ"
    matches "khoa học công nghệ" and "KH&CN". A text with its marks loses its function words by
    their marks ("thị thực", "điện tử", "thiên tai", "ma túy" keep every syllable)."""
    return [w for w in bounded_words(text) if w != BOUNDARY]


BOUNDARY = "|"  # where a function word stood: no phrase runs across it


@functools.lru_cache(maxsize=65536)
def bounded_words(text: str) -> tuple[str, ...]:
    """content_words with a BOUNDARY token where a function word was dropped: "quốc gia về đất
    đai" holds "gia", "đất" side by side as content words, yet no "giá đất" (the topic's phrases
    are split at the same words, parse_topic)."""
    if has_diacritics(text):
        out: list[str] = []
        for piece in fold(drop_stops(text, f" {BOUNDARY} ")).split(BOUNDARY):
            out += folded_syllables(expand_abbreviations(piece)) + [BOUNDARY]
        return tuple(out[:-1])
    words = folded_syllables(expand_abbreviations(fold(text)))
    return tuple(BOUNDARY if w in _STOP else w for w in words if w != "va")


def mentions_ref(unit: "Unit", refs: list[DocRef]) -> bool:
    return _ref_in(refs, unit.quote)


def _ref_in(refs: list[DocRef], text: str) -> bool:
    found = find_refs(text)
    return any(r.matches(f.key) or f.matches(r.key) or (f.number, f.type) == (r.number, r.type)
               for r in refs for f in found)


def doc_about(doc: Document, refs: list[DocRef]) -> bool:
    """Whether a document is, or implements, a referenced document (its own number or title)."""
    if not refs:
        return False
    if doc.facts.key and any(r.matches(doc.facts.key) for r in refs):
        return True
    head = " ".join([doc.facts.title, doc.text[:800]])
    return _ref_in(refs, head)


def title_phrases(doc: Document, topic: Topic) -> tuple[tuple[str, ...], ...]:
    """The topic phrases a document's title names."""
    words = content_words(doc.facts.title)
    return tuple(p for p in topic.phrases if (_has(words, p) or genitive(doc.facts.title, p))
                 and marks_agree(doc.facts.title, topic.text, p))


def phrase_weights(topic: Topic, sentences: list[list[str]]) -> dict[tuple[str, ...], float]:
    """How distinctive each topic phrase is among the documents' sentences (folded), mean 1.

    Inverse sentence frequency: in a corpus on digital transformation "chuyển đổi số" is in
    every other sentence and "người dân" in a few, so a sentence naming the people says more
    about "vai trò của người dân trong chuyển đổi số" than one more sentence on the transformation.
    """
    if not topic.phrases:
        return {}
    n = len(sentences)
    idf = {p: math.log(1.0 + n / (1.0 + sum(1 for f in sentences if _has(f, p)))) for p in topic.phrases}
    mean = sum(idf.values()) / len(idf) or 1.0
    return {p: v / mean for p, v in idf.items()}


def lead_phrase(topic: Topic, weights: dict[tuple[str, ...], float],
                sentences: list[list[str]]) -> tuple[str, ...] | None:
    """The most distinctive phrase some sentence contains (the first point must carry it)."""
    found = [p for p in topic.phrases if any(_has(f, p) for f in sentences)]
    if len(topic.phrases) < 2 or not found:
        return None
    return max(found, key=lambda p: (weights.get(p, 1.0), len(p)))


def has_phrase(unit: Unit, phrase: tuple[str, ...]) -> bool:
    return says(unit.text, phrase)


def says(text: str, phrase: tuple[str, ...]) -> bool:
    """Whether a (shortened) point still carries the phrase, whole or its nouns joined by "của"."""
    return bool(text) and (_has(list(bounded_words(text)), phrase) or genitive(text, phrase))


def score(unit: Unit, topic: Topic, about: bool, weights: dict[tuple[str, ...], float] | None = None,
          given: tuple[tuple[str, ...], ...] = ()) -> float:
    """How well a sentence serves the topic; 0 when it does not touch it at all.

    ``weights`` rate phrases by rarity (``phrase_weights``); ``given`` are phrases the
    document's title already names (a plan on digital transformation need not repeat the
    words in each sentence), worth part of a phrase found in the sentence itself.
    """
    weights = weights or {}
    s, touched = 0.0, False
    for p in topic.phrases:
        w = weights.get(p, 1.0)
        if _has(unit.folded, p) or genitive(unit.text, p):
            s += w * (1.0 + 0.5 * len(p))
            touched = True
            if len(topic.phrases) > 1 and w > 1.0 and _starts_with(unit.folded, p):
                s += w  # the sentence is about it: "Người dân ... là chủ thể"
        else:
            share = sum(1 for x in p if x in unit.folded) / len(p)
            if share >= 0.5:
                s += 0.3 * share * w  # a hint, never enough on its own
            if p in given:
                s += 0.6 * w * (1.0 + 0.5 * len(p))
    if topic.refs and _ref_in(topic.refs, unit.quote):
        s += 1.0
        touched = True
    if about:
        s += 1.0
        touched = True
    if topic.phrases and len(given) == len(topic.phrases):
        touched = True  # the title names the whole topic: its sentences need not repeat it
    if not touched:
        return 0.0
    joined = " ".join(unit.folded)
    if any(w in joined for w in _PUBLIC):
        s += 0.3
    n = len(unit.folded)
    if n > 45:
        s -= 0.02 * (n - 45)
    s -= 0.4 * len(find_numbers(unit.quote))  # citation-heavy sentences read as boilerplate
    return s


def _starts_with(seq: list[str], phrase: tuple[str, ...]) -> bool:
    head = seq[:len(phrase) + 3]
    return _has(head, phrase)


_CACHE: dict[tuple[str, str], list[Unit]] = {}


def units(doc: Document) -> list[Unit]:
    """The usable sentences of a document, in text order (cached by content hash)."""
    key = (doc.id, doc.sha256 or str(hash(doc.text)))
    if key not in _CACHE:
        out = []
        lead_in, kind = "", ""  # the sentence ending in ":" that the list below completes
        frame = ""
        quoted = quoted_spans(doc.text)  # another text's provisions, quoted: not this document's word
        for a, b, heading in items(doc.text):
            item = doc.text[a:b]
            mark = MARKER.match(item)
            shape = mark_shape(mark.group()) if mark else ""
            labels = item.rstrip().endswith(":")
            if heading or not mark or labels or (kind and shape != kind):
                lead_in, kind = ("", "") if heading else (item, "")  # a new list, or none
                frame = framing(clean(item)) if labels else ""  # the label its items complete
            elif completes_lead_in(lead_in, clean(item)):
                kind = shape  # the list's items share the lead-in above the first
                continue  # "- Tên hoặc tên viết tắt ..." under "... các nội dung sau:"
            else:
                kind = shape
            item_scope = ""  # "Tại thành phố Hà Nội": where the item's first sentence says it holds
            for n, (s, e) in enumerate(clauses(doc.text, sentences(doc.text, a, b))):
                quote = doc.text[s:e].strip()
                s += len(doc.text[s:e]) - len(doc.text[s:e].lstrip())
                bare = clean(quote)
                if n == 0:
                    item_scope = scope(bare)
                else:
                    bare = scoped(item_scope, bare)
                text = framed(frame, bare, doc.text)
                u = Unit(doc.id, s, s + len(quote), quote, text, heading, content_words(text), text != bare)
                line = doc.text[doc.text.rfind("\n", 0, s) + 1:s]
                if _FOOTNOTE.match(line + quote) or is_recital(line) and not _CONCLUDING.match(line):
                    continue  # "[1] Bộ Chính trị phân công ...", "Căn cứ Luật ...; Luật sửa đổi ...": not what it orders
                if quote[:1].islower() and not line.strip() and not next_clause(doc.text[:s], quote):
                    continue  # a wrapped line cut off its sentence ("2. Nâng" / "cao năng lực")
                if any(qa <= s < qb for qa, qb in quoted):
                    continue
                if heading or usable(u, scan=scanned(doc)):
                    out.append(u)
        _CACHE[key] = out
    return _CACHE[key]


def balance_quotes(text: str) -> str:
    """Quotation marks that open or close nothing (a sentence cut from a quote) are dropped."""
    if text.count("“") != text.count("”") or text.count('"') % 2:
        text = re.sub(r'\s*[“”"]\s*', " ", text).strip()
        text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    return text


def clean(quote: str) -> str:
    """One readable line: no markers, markdown, wraps or stray quotation marks; capital first,
    full stop last."""
    t = MARKER.sub("", quote, count=1)
    t = _MD.sub("", t)
    t = balance_quotes(collapse_ws(t.replace("\n", " ")))
    t = re.sub(r"\s+”", "”", re.sub(r"“\s+", "“", t))  # "phục vụ ”": a space inside the quotes
    t = _CONCLUDING.sub("", t.strip(" -–;,"))  # "Căn cứ các quy định nêu trên, X": the answer is X
    m = _INLINE_LIST.search(t)
    if m and len(t[:m.start()].split()) >= MIN_WORDS // 2:
        t = t[:m.start()]  # "Đẩy mạnh cắt giảm ...: (1) Các bộ, ngành, ...": the head is the point
    t = without_label(without_asides(_REPEATED.sub(r"\1", t)))
    t = re.sub(r",\s*(?:\.{3,}|…)$", ".", t)  # "... minh bạch, an toàn,...": "and so on" at a list's end
    t = re.sub(r",\s*(?:\.{3,}|…)\s*(?=[^\W\d_])", " ", t)  # "... lệ phí, ... đối với": and inside it
    if t.endswith(":"):
        t = t[:-1].rstrip() + "."
    if t and t[-1] not in ".!?…”\"":
        t += "."
    return t[:1].upper() + t[1:]


CLEAN_DAMAGE = 0.05  # the share of damaged words under which a document reads as the office wrote it


def scanned(doc: Document) -> bool:
    """Text a machine read or repaired, not as the office wrote it: repaired, or damaged enough."""
    return bool(doc.facts.repaired or doc.facts.damaged >= CLEAN_DAMAGE)


# A header's place and date, alone in its sentence: a place of a few words, then the date.
_PLACE_DATE = re.compile(r"^[^\d,.;:]{2,40}, ngay \d{1,2} thang \d{1,2} nam \d{4}\W*$")


def usable(unit: Unit, scan: bool = True) -> bool:
    """Reject what would read badly in a post: short bits, boilerplate, OCR damage."""
    t, f = unit.text, fold(unit.text)
    n = len(unit.folded)
    if not MIN_WORDS <= n <= MAX_WORDS or is_caps(t):
        return False
    if f.rstrip(" .:").endswith(("nhu sau", " sau", "sau day", " gom")) or unit.quote.rstrip(" *").endswith(":"):
        return False  # announces a list the post does not show
    if f.startswith(_BOILERPLATE) or "./" in t or "(b/c)" in f or "(bao cao)" in f:
        return False
    if bare_name(t):
        return False  # "Luật Quản lý và đầu tư vốn nhà nước tại doanh nghiệp.": a name from a list
    if t.startswith("(") and t.rstrip(" .").endswith(")") and t.count("(") == 1:
        return False  # "(Kèm theo Nghị quyết số ...)": a line in brackets under a title, no sentence
    if _ADOPTED.match(f) or _abbreviation_share(t) >= MAX_ABBREVIATIONS or "kinh gui" in f \
            or "sau day goi" in f:  # ... or a definition ("(sau đây gọi là khách hàng)")
        return False  # ... or a form's address line ("Kính gửi: ...") in an appendix
    if "http" in t or "www." in t or _NUMBERED.search(t) or _ANNOUNCED.search(f):
        return False  # a link run into a table cell's text; a numbered list flattened into a line
    if _ODD.search(t) or "..." in t and t.count("...") > 1 or t.rstrip(".").endswith("…"):
        return False
    if re.search(r"\s[a-zđ]\.$", t):
        return False  # "Đối với vùng nuôi trồng thủy sản nước ngọt a.": a heading run into its list's "a)"
    if _DEFERS.search(f) and not re.search(r"\d", f):
        return False  # "... thực hiện theo quy định ... của pháp luật về xây dựng": sends to other law, says nothing
    if _PLACE_DATE.match(f):
        return False  # "Hà Nội, ngày 25 tháng 11 năm 2025.": the header's place and date line
    if _FORM_BLANK.search(t) or f.startswith(("toi ", "chung toi ")):
        return False  # a form's line to fill in ("Tôi đại diện cho hộ gia đình gồm ……… nhân khẩu")
    if t.count("(") != t.count(")"):
        return False  # a bracket opened in one sentence and closed in another
    nums = {r.start for r in find_numbers(t)}
    mixed = [m for m in _MIXED.finditer(t) if not any(abs(m.start() - s) < 4 for s in nums)]
    if mixed:
        return False  # "d6i", "s6": OCR read letters as digits
    if scan and damage_share(t) > 0:
        return False  # a word that is not a Vietnamese syllable: OCR damage
    if _accented_share(t) < 0.35:
        return False  # OCR lost the diacritics ("Ky nguyén vuon minh cta dan toc")
    if fragment(f, t) or continues(t) or points_at_document(t) or names_person(t):
        return False
    return len(find_numbers(t)) <= 3


MAX_ABBREVIATIONS = 0.4  # "TT HĐND, UBND, UBMTTQVN các xã, phường": a recipients' line, not a sentence


def _abbreviation_share(text: str) -> float:
    words = re.findall(r"[^\W\d_]+", text)
    return sum(len(w) > 1 and w.isupper() for w in words) / len(words) if words else 0.0


def _accented_share(text: str) -> float:
    """Share of words with a diacritic: about two thirds in Vietnamese prose."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if not w.isupper()]
    return sum(has_diacritics(w) for w in words) / len(words) if words else 0.0
