"""The layout of a directive, read from its clean text.

Directives follow one fixed format: a header block (issuer on the left, motto on the
right, ``Số: ...``, place and date), the type line (``KẾ HOẠCH``) and the title (trích yếu),
an introduction (``Căn cứ ...``, ``Thực hiện ...``), the body (``I.``, ``1.``, ``1.1.``, dashes),
``Nơi nhận:`` with its list, and the signature block (``T/M``, ``K/T``, title, name). This
module cuts the clean text into those zones as paragraph spans; facts and sections are read
from the zones, so no rule needs to know any particular document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from troly.ingest.cleanup import (AUTHORITY_RUN, STRUCT_START, ends_open, is_recital, is_type_line, opens_authority,
                                  recipient_item)
from troly.ingest.header import Header, read_header
from troly.vn.text import fold, is_caps  # noqa: F401  (is_caps: read by facts and sections)

_SIGN_MODE = re.compile(r"^\s*(T/M|TM\.?|K/T|KT\.?|KT:|Q\.|TL\.|TUQ\.|T\.U\.Q)\s*", re.I)
_TITLE_WORDS = (
    "bi thu", "pho bi thu", "truong ban", "pho truong ban", "chu tich", "pho chu tich", "giam doc",
    "pho giam doc", "chanh van phong", "pho chanh van phong", "thuong truc", "uy vien",
)
_ROMAN = re.compile(r"^\s*([IVXLC]{1,5})\s*[.\-–)]\s*(.*)$")
_ARABIC = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]?\s+(.*)$")
_LETTER = re.compile(r"^\s*([a-zđ])\)\s*(.*)$")
_DASH = re.compile(r"^\s*([-–—•+*·])\s*(.*)$")


@dataclass
class Para:
    text: str
    start: int
    end: int

    @property
    def folded(self) -> str:
        return fold(self.text)


@dataclass
class Part:
    """What a document carries after its signature: a plan or rules it issues ("ban hành kèm
    theo"), an appendix (Phụ lục), a list (Danh mục). It keeps its own title and section tree."""

    kind: str  # the heading word as printed: "PHỤ LỤC I", "QUY ĐỊNH", "KẾ HOẠCH"
    title: str  # the title lines under it, joined
    heading: list[Para] = field(default_factory=list)  # the heading, title and "(Kèm theo ...)" lines
    body: list[Para] = field(default_factory=list)


@dataclass
class Layout:
    text: str
    header: list[Para] = field(default_factory=list)  # before the type line
    type_line: Para | None = None
    title: list[Para] = field(default_factory=list)
    intro: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    recipients: list[Para] = field(default_factory=list)  # "Nơi nhận:" and its items
    signature: list[Para] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)  # attachments and appendices, in order
    head: Header = field(default_factory=Header)  # the header's facts


def paragraphs(text: str) -> list[Para]:
    out: list[Para] = []
    for m in re.finditer(r"[^\n]+", text):
        s = m.group(0)
        if s.strip():
            lead = len(s) - len(s.lstrip())
            out.append(Para(s.strip(), m.start() + lead, m.start() + lead + len(s.strip())))
    return out


def is_signature_line(p: Para) -> bool:
    """``T/M BAN THƯỜNG VỤ``, ``PHÓ BÍ THƯ``, ``KT. CHỦ TỊCH``: capitals naming a mandate or title."""
    if _SIGN_MODE.match(p.text) and (is_caps(p.text) or len(p.text) < 60):
        return True
    f = p.folded.strip(" .,:")
    return is_caps(p.text) and any(f == w or f.startswith(w + " ") for w in _TITLE_WORDS)


_CHAPTER = re.compile(r"^\s*(Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC)\s+([IVXLC]{1,5}|\d{1,2})\b\s*[.:\-–]?\s*(.*)$")
_ARTICLE = re.compile(r"^\s*(Điều|ĐIỀU)\s+(\d{1,3}[a-z]?)\s*[.:]\s*(.*)$")


def marker(text: str) -> tuple[str, int, str] | None:
    """(label, level, rest) for a structural line; level 1 roman or chapter, 2 "1." or article,
    3 "1.1.", 4 "1.1.1.", 5 "a)", 6 dash."""
    m = _CHAPTER.match(text)
    if m:
        return f"{m.group(1).capitalize()} {m.group(2)}", 1, m.group(3)
    m = _ARTICLE.match(text)
    if m:
        return f"Điều {m.group(2)}", 2, m.group(3)
    m = _ROMAN.match(text)
    if m and m.group(2):
        return m.group(1), 1, m.group(2)
    m = _ARABIC.match(text)
    if m and m.group(2) and STRUCT_START.match(text):
        label = m.group(1)
        return label, 2 + label.count("."), m.group(2)
    m = _LETTER.match(text)
    if m and m.group(2):
        return m.group(1) + ")", 5, m.group(2)
    m = _DASH.match(text)
    if m and m.group(2):
        return "-", 6, m.group(2)
    return None


_PART_HEAD = re.compile(r"^(PHỤ LỤC|Phụ lục|DANH MỤC|BIỂU MẪU|MẪU SỐ|BẢNG)\b")
_ANNEX_NOTE = re.compile(r"^\(?\s*(?:Ban hành\s+)?kèm theo\b", re.I)


def _is_part_head(p: Para) -> bool:
    """A line that opens an attachment: a type line ("QUY ĐỊNH", "KẾ HOẠCH") or an appendix head."""
    return is_type_line(p.text) or (bool(_PART_HEAD.match(p.text)) and len(p.text) < 160 and
                                    (is_caps(p.text) or bool(re.match(r"^Phụ lục\s*[IVXLC\d]*\s*$", p.text))))


def _parts(paras: list[Para]) -> list[Part]:
    """Split what follows the signature into parts, each at its heading."""
    parts: list[Part] = []
    for p in paras:
        # a part opens at its heading; "PHỤ LỤC" / "DANH MỤC ..." is one heading and its title
        if not parts or (_is_part_head(p) and parts[-1].body):
            parts.append(Part(kind=p.text, title="", heading=[p]))
            continue
        part = parts[-1]
        in_heading = not part.body and not marker(p.text) and (is_caps(p.text) or _ANNEX_NOTE.match(p.text))
        if in_heading:
            part.heading.append(p)
            if is_caps(p.text):
                part.title = (part.title + " " + p.text).strip()
        else:
            part.body.append(p)
    for part in parts:  # an untitled part (its first line is text) is its own title
        if not is_caps(part.kind) and not _PART_HEAD.match(part.kind):
            part.title, part.kind = part.kind, ""
    return parts


def _recipients_end(paras: list[Para], start: int) -> int:
    """The paragraph after the "Nơi nhận" list that starts at ``start``."""
    k = start + 1
    while k < len(paras):
        t = paras[k].text
        if recipient_item(t) or t.rstrip().endswith(";"):
            k += 1
            continue
        break
    return k


MAX_TITLE_WORDS = 300  # a repeal may list its documents over 230 words; a bound, not a length


def _authority_line(paras: list[Para], i: int, issuer: str) -> bool:
    """Paragraph ``i`` states the authority before the recitals ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
    "BỘ TRƯỞNG BỘ NỘI VỤ", "CHÍNH PHỦ" above "Căn cứ ..."): it opens with a signing title or
    the issuer's own name. A title's last line above "Căn cứ" ("SẢN") does neither."""
    p = paras[i].text
    core = " ".join(issuer.lower().split()[:3])
    if not (opens_authority(p) or core and p.lower().startswith(core)):
        return False
    nxt = next((q.text for q in paras[i + 1:i + 1 + AUTHORITY_RUN] if not is_caps(q.text)), "")
    return is_recital(nxt)


def _caps_title_goes_on(title: list[Para], paras: list[Para], i: int, issuer: str) -> bool:
    """Whether paragraph ``i`` continues a title written in capitals and wrapped over lines."""
    first, last, p = title[0].text, title[-1].text.rstrip(), paras[i].text
    if not (is_caps(first, 1) and is_caps(p)) or marker(p) or is_type_line(p):
        return False
    if last.endswith((".", ":")) or p.rstrip().endswith(":"):
        return False  # "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:" open the body
    if sum(len(t.text.split()) for t in title) + len(p.split()) > MAX_TITLE_WORDS:
        return False
    return len(last.split()) <= 2 or ends_open(last) \
        or not _authority_line(paras, i, issuer)


def read_layout(text: str) -> Layout:
    from troly.ingest.header import header_end
    from troly.ingest.signature import find_blocks, pick

    paras = paragraphs(text)
    texts = [p.text for p in paras]
    lay = Layout(text=text)
    type_idx = next((k for k, p in enumerate(paras[:30]) if is_type_line(p.text)), None)
    i = 0
    if type_idx is not None:
        lay.header = paras[:type_idx]
        lay.head = read_header([p.text for p in lay.header], end=len(lay.header))
        lay.type_line = paras[type_idx]
        i = type_idx + 1
        # Title (trích yếu): the paragraph after the type line, its capital continuations when
        # it is in capitals (a wrapped title line, "VỀ" / "VIỆC CÔNG BỐ ..."), and its
        # lower-case continuations.
        if i < len(paras) and not marker(paras[i].text):
            lay.title.append(paras[i])
            i += 1
            while i < len(paras) and _caps_title_goes_on(lay.title, paras, i, lay.head.issuer):
                lay.title.append(paras[i])
                i += 1
            while i < len(paras) and paras[i].text[:1].islower() and not marker(paras[i].text):
                lay.title.append(paras[i])
                i += 1
    else:
        i = header_end(texts)
        lay.header = paras[:i]
        lay.head = read_header([p.text for p in lay.header], end=len(lay.header))
    # Introduction: until the first structural item.
    while i < len(paras) and not (marker(paras[i].text) and marker(paras[i].text)[1] <= 2):  # type: ignore[index]
        if paras[i].folded.startswith(("noi nhan", "noi nhn")) or is_signature_line(paras[i]):
            break
        lay.intro.append(paras[i])
        i += 1
    # Tail: the "Nơi nhận" list and the signature block, in either order; what follows is parts.
    tail_start = next((k for k in range(i, len(paras)) if paras[k].folded.startswith(("noi nhan", "noi nhn"))), None)
    sig = pick(find_blocks(texts, i), tail_start)
    ends = [x for x in (tail_start, sig.start if sig else None) if x is not None]
    body_end = min(ends) if ends else len(paras)
    lay.body = paras[i:body_end]
    after = body_end
    if tail_start is not None:
        rec_end = sig.start if sig and sig.start > tail_start else _recipients_end(paras, tail_start)
        lay.recipients = paras[tail_start:rec_end]
        after = max(after, rec_end)
    if sig is not None:
        lay.signature = paras[sig.start:sig.end]
        after = max(after, sig.end)
        if tail_start is not None and tail_start >= sig.end:  # signature first, then "Nơi nhận"
            after = max(after, _recipients_end(paras, tail_start))
    else:  # no whole block (a damaged scan): capitals naming a mandate, from the end, as before
        old = next((k for k in range(len(paras) - 1, after - 1, -1) if is_signature_line(paras[k])), None)
        if old is not None:
            while old - 1 >= after and is_signature_line(paras[old - 1]):
                old -= 1
            lay.signature = paras[old:]
        elif tail_start is not None:  # the list runs to the end, a damaged tail in it
            lay.recipients = paras[tail_start:]
        after = len(paras)
    lay.parts = _parts(paras[after:])
    return lay
