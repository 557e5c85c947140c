"""The sentences a post may use, read once per state of the knowledge base.

Every readable document gives its usable sentences (``post_material.units``), each with its
section path and the audience its structure says it speaks to (``post_audience.read``).
Clean text only: a sentence of a machine-repaired scan is kept when the repair is sure of the
document (``Settings.post_repair_min_confidence``), the sentence reads as written
(``post_repaired.publishable``), every document number in it is one a clean document or the
facts also give, and no clean document says the same (then the clean sentence stands for it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from troly.bot.posts import audience as A
from troly.bot.posts import material as M
from troly.bot.posts.bodies import MAX_BODY_HEADING_WORDS, heading_body
from troly.vn.case import word_forms
from troly.bot.posts.lexicon import predicate_start
from troly.bot.posts.repaired import publishable, text_pairs
from troly.bot.posts.segments import MARKER, items
from troly.bot.posts.topic import ngrams
from troly.ingest.procedures import Procedure, procedures
from troly.models import Document
from troly.vn.abbreviations import defined_in
from troly.vn.docnum import find_refs
from troly.vn.text import fold

SIMILAR = 0.8  # share of content words two sentences share to say "the same"


@dataclass
class Entry:
    unit: M.Unit
    path: list[str]  # section headings, outermost first
    reading: A.Reading
    words: frozenset = frozenset()  # the sentence's folded content words (a quick filter)
    lead: str = ""  # the body its item names outside the sentence (``item_leads``)


@dataclass
class Library:
    docs: list[Document]
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    grams: set[tuple[str, ...]] = field(default_factory=set)
    defined: dict[str, dict[str, str]] = field(default_factory=dict)  # doc id -> abbreviations it defines
    sentences: list[list[str]] = field(default_factory=list)
    procedures: dict[str, list[Procedure]] = field(default_factory=dict)  # doc id -> its procedure rows


def clean(doc: Document) -> bool:
    """Text as the office wrote it: neither damaged nor machine-repaired."""
    return not M.scanned(doc)


def readable(doc: Document) -> bool:
    """Damaged documents that repair did not fix read badly; leave them out of posts."""
    return not (doc.facts.damaged >= 0.2 and not doc.facts.repaired)


def section_path(doc: Document, pos: int) -> list[str]:
    inner = [s for s in doc.sections if s.start <= pos < s.end]
    return list(max(inner, key=lambda s: s.level).path) if inner else []


def announced_list(doc: Document, pos: int) -> tuple[int, int] | None:
    """The span of the section whose lead-in announces the list the item at ``pos`` belongs to
    ("Điều 1. Điều chỉnh giảm lãi suất ... như sau:" over "1. ...", "2. ...", "3. ..."); None when
    the item's parent does not end its own text in ":" (a heading over tasks, say)."""
    inner = sorted((s for s in doc.sections if s.start <= pos < s.end), key=lambda s: s.level)
    if len(inner) < 2:
        return None
    parent, item = inner[-2], inner[-1]
    first = min((x.start for x in doc.sections if parent.start < x.start <= item.start and x.level > parent.level),
                default=item.start)
    return (parent.start, parent.end) if doc.text[parent.start:first].rstrip().endswith(":") else None


def similar(a: list[str], b: list[str]) -> bool:
    """Near-duplicate sentences (content words, folded): documents repeat each other."""
    wa, wb = set(a), set(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) > SIMILAR


def _known_refs(docs: list[Document]) -> set[tuple[int, str]]:
    """(number, type) of every document number a clean text or the facts give."""
    out: set[tuple[int, str]] = set()
    for d in docs:
        if d.facts.key:
            out |= {(r.number, r.type) for r in find_refs(d.facts.key)}
        if clean(d):
            out |= {(r.number, r.type) for r in find_refs(d.text)}
    return out


def _scan_ok(unit: M.Unit, known_pairs: set, known_refs: set, clean_words: list[list[str]]) -> bool:
    if not publishable(unit.text, known_pairs, edge_ok=True):
        return False
    if any((r.number, r.type) not in known_refs for r in find_refs(unit.text)):
        return False  # "06-KH/PU": an OCR slip in a number no clean text confirms
    return not any(similar(unit.folded, c) for c in clean_words)


# An attachment that lists administrative procedures by name ("PHỤ LỤC I / DANH MỤC THỦ TỤC HÀNH
# CHÍNH ..."): its items name procedures ("Đăng ký đất đai, ... lần đầu đối với hộ gia đình"), read
# alone they sound like orders, and they state nothing a post could say.
_CATALOGUE = re.compile(r"^(?:phu luc\s*[ivxlc\d]*\s*)?(?:danh muc\b.{0,20}?)?(?:cac\s+)?(?:thu tuc hanh chinh|tthc)\b")
CATALOGUE_HEAD_CHARS = 200  # an attachment's heading lines, before its first item


def catalogues(doc: Document) -> list[tuple[int, int]]:
    """The spans of a document's attachments that list procedures by name."""
    return [(s.start, s.end) for s in doc.sections if s.level == 0
            and _CATALOGUE.match(fold(" ".join(doc.text[s.start:s.start + CATALOGUE_HEAD_CHARS].split())))]


_HEAD_MARK = re.compile(r"^(?:[ivxlc]+|\d+(?:\.\d+)*|[a-z])\s*[.)]\s*")


def _names_procedures(path: list[str]) -> bool:
    """Under a catalogue's own heading, or one that names procedures ("I. Thủ tục hành chính cấp
    tỉnh", "A. Danh mục thủ tục ..."): a procedure's name; under "1. Trình tự thực hiện" it is
    what the procedure asks of people."""
    return len(path) <= 1 or bool(_CATALOGUE.match(_HEAD_MARK.sub("", fold(path[-1]))))


_ITEM_MARK = re.compile(r"^\(?[a-zđ0-9ivx]{1,4}\)\s")  # "(v) là ...", "c) ..." left by the layout


def _received(words: str, sent_to: set[str]) -> bool:
    """A sentence that is (part of) an item of the "Nơi nhận" list."""
    return len(words.split()) >= 3 and any(words in r or r in words for r in sent_to if len(r.split()) >= 3)


def _label_only(text: str) -> bool:
    """An item that still carries its list mark: it leans on the list it came from."""
    return bool(_ITEM_MARK.match(text.lower()))


# How to fill in a form ("Sinh ngày: Ghi đúng ngày, tháng, năm sinh trong giấy khai sinh", "Ghi rõ
# họ tên ..."): the verb "ghi" (write) opening the sentence, not "ghi nhận", "ghi nhớ", "ghi danh".
_NOT_WRITING = {"nhan", "nho", "danh", "chep", "am", "hinh"}


# How a form or card is printed: "Tổng Kiểm toán nhà nước, chữ in hoa, cỡ chữ 8" (heldout29).
_PRINT_SPEC = re.compile(r"\b(?:co chu|phong chu|chu in (?:hoa|thuong|dam|nghieng))\b")


def form_note(folded: list[str]) -> bool:
    """A note on filling in a form or on how it is printed: nothing a post can say (heldout26: a
    certificate's "Cách ghi" posted as a rule on birth registration)."""
    if len(folded) > 1 and folded[0] == "ghi" and folded[1] not in _NOT_WRITING:
        return True
    return bool(_PRINT_SPEC.search(" ".join(folded)))


_WORDS = re.compile(r"\S+")


NAME_USES = 2  # a capitalized pair the text writes this often mid-sentence is a name it uses


def merged_label(text: str, forms: dict, doc_text: str = "") -> bool:
    """A heading run into its sentence by the layout ("... tiểu thủ công nghiệp Tổng giá trị ..."):
    mid-sentence, after two lower-case words and no punctuation, a capital opens a lower-case run
    on a word the document writes in lower case. Names ("Sở Khoa học và Công nghệ", "tỉnh An
    Hòa") do not: a capital or "và" before, a capital after; nor a name whose first word alone is
    capital, when ``doc_text`` writes it so mid-sentence again ("chào mừng Đại hội lần thứ XIV")."""
    words = _WORDS.findall(text)
    for i in range(2, len(words) - 1):
        prev2, prev, w, nxt = words[i - 2], words[i - 1], words[i], words[i + 1]
        if not w[:1].isupper() or w.isupper() or not nxt[:1].islower():
            continue
        run_on = (prev[-1:].isalpha() and prev[:1].islower()) or prev.isdigit()  # "... 2026 - 2030 Kiểm soát"
        if not run_on or prev2[:1].isupper() or prev == "và":
            continue
        usual = forms.get((w.strip(_PUNCT).lower(),))
        if usual and usual[0][:1].islower() and not _named(w, nxt, doc_text):
            return True
    return False


_PUNCT = ".,;:!?()“”\"'"


_LEADS = re.compile(r"\bchủ trì\b")
_DASH = re.compile(r"^[-–+•]\s*")
_OFFICE = re.compile(r"^(?:Bộ trưởng|Chủ tịch|Giám đốc|Thủ trưởng|Trưởng ban|Cục trưởng)\s+")  # its holder's body
ITEM_SUBJECT_WORDS = 8  # "Bộ trưởng Bộ Quốc phòng", "Ủy ban nhân dân các tỉnh, thành phố"; longer is no name


def item_leads(text: str) -> list[tuple[int, int, str]]:
    """Items whose body is named outside the sentence a point quotes, as (start, end, body): on the
    next line ("5. Huy động nguồn lực ..." then "- UBND huyện chủ trì, phối hợp với ..."), else at
    the item's opening ("2. Bộ trưởng Bộ Quốc phòng chỉ đạo ... Bố trí máy bay trực thăng ...")."""
    spans = items(text)
    out = []
    for i, (a, b, head) in enumerate(spans):
        if head:
            continue
        nxt = text[spans[i + 1][0]:spans[i + 1][1]].strip() if i + 1 < len(spans) else ""
        body = _named_next(nxt) or _opening_body(text, text[a:b])
        if body:
            out.append((a, b, body))
    return out


def _named_next(line: str) -> str:
    """"- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp ..." -> "Sở Nội vụ"; "" when the line names none."""
    m = _LEADS.search(line)
    if not _DASH.match(line) or not m:
        return ""
    return heading_body(_DASH.sub("", line[:m.end()]).rsplit(":", 1)[-1].strip())


def _opening_body(text: str, item: str) -> str:
    """The body an item opens with, followed by a verb the lexicon knows. A short name ("Bộ Quốc
    phòng") or one the text uses again: "Sở Xây dựng chấp thuận phương án" is a name run into a verb
    the lexicon lacks; a label ("- Đoàn Kiểm tra giám sát bầu cử của tỉnh: 01 cá nhân") is no task."""
    first_line = MARKER.sub("", item, count=1).split("\n", 1)[0]
    opening = " ".join(first_line.split()[:MAX_BODY_HEADING_WORDS])
    start, _ = predicate_start(opening)
    body = heading_body(opening) if start else ""
    if not body or not opening.startswith(body + " ") or "(" in body or ":" in opening[:len(body) + 40]:
        return ""
    if not 2 <= len(body.split()) <= ITEM_SUBJECT_WORDS:
        return ""
    return body if len(_OFFICE.sub("", body).split()) <= 3 or text.count(body) >= 2 else ""


_CACHE: dict[tuple, Library] = {}


def _named(word: str, nxt: str, doc_text: str) -> bool:
    pair = re.escape(f"{word.strip(_PUNCT)} {nxt.strip(_PUNCT)}")
    return len(re.findall(rf"[a-zà-ỹđ,] {pair}\b", doc_text)) >= NAME_USES


# A company or a person as a document's addressee, or as the writer of the letter it answers.
_PARTY = r"(?:Công ty|Chi nhánh|Tổng công ty|Doanh nghiệp|Hợp tác xã|Ông|Bà)\b"
_ANSWERS = re.compile(r"(?:nhận được|trả lời|phúc đáp)\s+(?:công văn|văn bản|đơn|thư|phiếu\s+\S+|kiến nghị|phản ánh)"
                      r"[^.]{0,200}?\bcủa\s+" + _PARTY, re.I)
ANSWER_HEAD_CHARS = 4000  # the letter it answers is named in its opening paragraph


def for_one_party(doc: Document) -> bool:
    """A document addressed to one company or person ("Kính gửi: Công ty TNHH ...", a customs
    ruling on one firm's goods), or answering its letter ("Cục Thuế nhận được công văn số ... của
    Công ty ..."): that party's case, not news for people (heldout24: a post made of a tax reply
    to one brewery)."""
    first = doc.facts.recipients[:1]
    return bool(first and re.match(_PARTY, first[0])) or bool(_ANSWERS.search(doc.text[:ANSWER_HEAD_CHARS]))


def build(docs: list[Document], min_repair_confidence: float) -> Library:
    """The library of ``docs`` (cached by their ids and hashes)."""
    key = (min_repair_confidence,) + tuple(sorted((d.id, d.sha256 or str(len(d.text))) for d in docs))
    if key in _CACHE:
        return _CACHE[key]
    usable = [d for d in docs if readable(d)]
    known_pairs: set = set()
    for d in usable:
        if clean(d):
            known_pairs |= text_pairs(d.text)
    known_refs = _known_refs(usable)
    lib = Library(usable)
    units = {d.id: [u for u in M.units(d) if not u.heading] for d in usable}
    clean_words = [u.folded for d in usable if not d.facts.repaired for u in units[d.id]]
    for d in usable:
        if d.facts.repaired and d.facts.repair_confidence < min_repair_confidence:
            continue
        entries = []
        forms = word_forms(d.text)
        # the "Nơi nhận" list's items: who receives the document, never what it says
        sent_to = {" ".join(M.content_words(r)) for r in d.facts.recipients if len(r.split()) >= 2}
        # a body's charter, or a letter to one company or person: for cadre posts only
        internal = A.internal_document(d.facts.title) or for_one_party(d)
        public_doc = A.for_public(d.facts.title)
        leads = item_leads(d.text)
        names = catalogues(d)
        for u in units[d.id]:
            if d.facts.repaired and not _scan_ok(u, known_pairs, known_refs, clean_words):
                continue
            if _label_only(u.text) or _received(" ".join(u.folded), sent_to) or form_note(u.folded):
                continue
            path = section_path(d, u.start)
            if any(a <= u.start < b for a, b in names) and _names_procedures(path):
                continue
            if merged_label(u.text, forms, d.text):
                continue  # a table's label run into its cell ("... tài chính Người dân, doanh nghiệp tra cứu")
            lead = next((body for a, b, body in leads if a <= u.start < b), "")
            reading = A.read(u.text, path, public_doc)
            if internal:
                reading = replace(reading, kind=A.INTERNAL, gain=False)
            entries.append(Entry(u, path, reading, frozenset(u.folded), lead))
        lib.entries[d.id] = entries
        lib.procedures[d.id] = procedures(d.text)
        lib.defined[d.id] = defined_in(d.text)
        lib.sentences += [e.unit.folded for e in entries]
    lib.grams = ngrams(lib.sentences)
    _CACHE.clear()
    _CACHE[key] = lib
    return lib
