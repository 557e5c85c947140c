"""Facts of a directive, read from its layout: type, number, place and date, issuer,
title, signer, recipients and every cited document.

Each fact comes from the zone where the format puts it (the header block, the type line,
the signature block ...), with the introduction as a fallback where a copy lost its header.
"""
from __future__ import annotations

import re

from troly.ingest.cleanup import LIST_MARKS
from troly.ingest.layout import Layout, is_caps, is_signature_line
from troly.ingest.signature import find_blocks
from troly.models import Citation, Facts
from troly.vn import docnum
from troly.vn.dates import find_dates
from troly.vn.text import UPPER, collapse_ws, fold

_NUMBER_LINE = re.compile(r"(?:^|\s)S[ốo6ô]\s*:?\s*(?P<num>\d{0,4}\s*[-/]?\s*[A-Za-zĐđ]{1,6}\s*[-/]\s*[A-Za-zĐđ&\-]{1,14})")
_PLACE_DATE = re.compile(r"(?P<place>[^\d,:;]{2,40}?),\s*(?P<date>ngày\s*\d{0,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})", re.I)
_ORG_START = re.compile(
    r"\b(Ban Thường vụ|Ban Chấp hành|Ban Tuyên giáo|Ban Chỉ đạo|Ban Dân vận|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|"
    r"Huyện ủy|Thành ủy|Tỉnh ủy|Đảng ủy|Quận ủy|Thị ủy|Văn phòng|Sở|Phòng|Ban)\b"
)
_ISSUE_VERB = re.compile(
    r"(?P<org>(?:Ban|Ủy ban|Uỷ ban|UBND|Huyện ủy|Thành ủy|Tỉnh ủy|Đảng ủy|Sở|Phòng|Văn phòng)[^,;:.()]{2,70}?)\s+"
    r"(?:ban hành|xây dựng|hướng dẫn|thông báo|triển khai)\b"
)
_CITE_TYPE = re.compile(
    r"(Nghị quyết|Kết luận|Kế hoạch hành động|Kế hoạch|Hướng dẫn|Thông báo|Chương trình hành động|Chương trình|"
    r"Chỉ thị|Quyết định|Nghị định|Thông tư|Quy định|Công văn)\s*(?:số\s*)?$",
    re.I,
)
_ISSUER_END = re.compile(r"\s+(?:trên|tại|trong|nhằm|để|đến|cho|với|theo)\s+(\w)")
_ISSUER_VERB = re.compile(r"\s+(?:ban hành|phê duyệt|đã ban hành)\s")  # a verb ends a body's name
_CITE_TAIL = re.compile(
    r"^\s*,?\s*(?:ngày\s*(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}))?"
    r"\s*,?\s*(?:của\s+(?P<issuer>[^,;()“”\"]{3,80}?))?(?=\s*(?:về|thực hiện|”|“|\(|,|;|\.|$))"
    r"\s*(?P<subject>(?:“\s*)?về\s[^;()”\n]{5,300})?",
    re.I,
)
# "Ngày 26/6/2024, Tỉnh ủy ban hành Thông báo số 730-TB/TU ...": date and issuer told before the number
_CITE_LEAD = re.compile(
    # a sentence's start, or a capitalised "Ngày" run into the line before it
    r"(?:(?:^|[.;:\n])\s*ngày|\s(?-i:Ngày))\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}),?"
    r"\s+(?P<issuer>[^,.;:\n]{2,80}?)\s+(?:đã\s+)?(?:ký\s+)?ban hành\s+[^,.;:\n]{0,40}?$",
    re.I,
)
_NAME = re.compile(r"^[A-ZÀ-ỸĐ][\wÀ-ỹ'’]*(?:\s+[A-ZÀ-ỸĐ][\wÀ-ỹ'’]*){1,5}$")


def _iso(text: str) -> tuple[str, str]:
    found = find_dates(text)
    return (found[0].iso, found[0].text) if found else ("", "")


def extract_number(lay: Layout) -> str:
    """The number as written (``Số: -HD/BTG`` gives "-HD/BTG"); its key needs the type: see extract_facts."""
    written = lay.head.number
    if not written:
        for p in lay.header[:8] + lay.intro[:1]:  # a copy that lost its header layout
            m = _NUMBER_LINE.search(p.text)
            if m:
                written = collapse_ws(m.group("num"))
                break
    return written


def extract_place_date(lay: Layout) -> tuple[str, str, str]:
    hdr = lay.head
    if hdr.date:
        return hdr.place, hdr.date, hdr.date_text
    for p in lay.header[:8]:
        m = _PLACE_DATE.search(p.text)
        if m:
            iso, written = _iso(m.group("date"))
            place = m.group("place").strip(" .-")
            tail = re.search(r"((?:[A-ZÀ-ỸĐ][a-zà-ỹđ'’]+\s*){1,4})$", place)
            return (tail.group(1).strip() if tail else place), iso, written
    return "", "", ""


def _pretty_org(caps: str) -> str:
    """``ỦY BAN NHÂN DÂN PHƯỜNG KINH MÔN`` -> ``Ủy ban nhân dân phường Kinh Môn`` (best effort)."""
    words = caps.split()
    known = {"ủy", "uỷ", "ban", "nhân", "dân", "thường", "vụ", "huyện", "tỉnh", "thành", "phường", "xã", "tuyên",
             "giáo", "chấp", "hành", "đảng", "bộ", "văn", "phòng", "và", "vận", "quận", "thị", "trấn"}
    out = []
    for k, w in enumerate(words):
        lw = w.lower()
        out.append(w.capitalize() if k == 0 else (lw if lw in known else w.capitalize()))
    return " ".join(out)


def extract_issuer(lay: Layout) -> str:
    # 1. The header's issuer column, as printed.
    issuer = lay.head.issuer
    if issuer and len(issuer) >= 4:
        return issuer
    # 2. The body says who issues it ("Ban Thường vụ Huyện ủy ban hành Kế hoạch ...").
    for p in lay.intro + lay.title:
        matches = list(_ISSUE_VERB.finditer(p.text))
        if matches:
            org = matches[-1].group("org")
            # Keep from the last organisation word: "..., trên cơ sở ..., Ban Thường vụ Huyện ủy".
            starts = [m.start() for m in _ORG_START.finditer(org)]
            return collapse_ws(org[starts[0]:] if starts else org)
    # 3. The signature mandate ("T/M BAN THƯỜNG VỤ").
    for p in lay.signature:
        m = re.match(r"^\s*(?:T/M|TM\.?)\s+(.+)$", p.text)
        if m:
            return _pretty_org(m.group(1))
    return ""


def extract_title(lay: Layout) -> str:
    title = collapse_ws(" ".join(p.text for p in lay.title)).strip(" .")
    return title or lay.head.subject  # a Công văn's title is its "V/v" subject


# Document types as their type line opens (folded); a longer line ("THÔNG BÁO KẾT LUẬN",
# "KẾ HOẠCH HÀNH ĐỘNG") is of the type its first words name.
_TYPES = ("thong tu lien tich", "thong tu", "thong bao", "ke hoach", "huong dan", "chuong trinh", "nghi quyet",
          "nghi dinh", "ket luan", "quyet dinh", "chi thi", "bao cao", "cong van", "cong dien", "quy dinh", "quy che",
          "to trinh", "de an", "dieu le")


def extract_type(lay: Layout) -> str:
    if lay.type_line is None:
        return "Công văn" if lay.head.subject else ""
    line = lay.type_line.text.strip(" :")
    f = fold(line)
    for t in _TYPES:
        if f == t or f.startswith(t + " "):
            words = line.split()[: len(t.split())]
            return " ".join(words).capitalize()
    return line.capitalize()


_TITLES_DISPLAY = {
    "chu tich": "CHỦ TỊCH", "pho chu tich": "PHÓ CHỦ TỊCH", "bi thu": "BÍ THƯ", "pho bi thu": "PHÓ BÍ THƯ",
    "truong ban": "TRƯỞNG BAN", "pho truong ban": "PHÓ TRƯỞNG BAN", "giam doc": "GIÁM ĐỐC",
    "pho giam doc": "PHÓ GIÁM ĐỐC", "uy ban nhan dan": "ỦY BAN NHÂN DÂN", "ban thuong vu": "BAN THƯỜNG VỤ",
}
_MODE_IN_TEXT = re.compile(r"\b(KT|TM|K/T|T/M)\s*[.:]?\s*,?\s*([" + UPPER + "][" + UPPER + " ,]{2,40})")


def _damaged_mode(lay: Layout) -> str:
    """"KT: CHU, TICH" in a flattened, damaged tail -> "KT. CHỦ TỊCH" (known titles only)."""
    for p in reversed(lay.recipients + lay.signature):
        for m in _MODE_IN_TEXT.finditer(p.text):
            words = re.sub(r"[^a-z ]", " ", fold(m.group(2))).split()
            for n in range(min(len(words), 4), 1, -1):
                title = _TITLES_DISPLAY.get(" ".join(words[:n]))
                if title:
                    return f"{m.group(1).replace('/', '').upper()}. {title}" if "/" not in m.group(1) else \
                        f"{m.group(1)} {title}"
    return ""


def extract_signature(lay: Layout) -> tuple[str, str, str]:
    """(signer, signing chain "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", mandate)."""
    blocks = find_blocks([p.text for p in lay.signature])
    if blocks:
        return blocks[0].name, blocks[0].title, blocks[0].mode
    zone = lay.signature or lay.recipients[-3:]
    if not zone:
        return "", "", ""
    name = ""
    last = zone[-1].text.strip(" .,")
    if _NAME.match(last) and not is_signature_line(zone[-1]) and not last.startswith("-"):
        name = last
    titles = [p.text for p in zone if is_signature_line(p)]
    mode = next((t for t in titles if re.match(r"^\s*(T/M|TM\.?|K/T|KT\.?)", t)), "")
    plain = [t for t in titles if t != mode]
    title = plain[-1] if plain else ""
    if not title and mode:
        # "K/T TRƯỞNG BAN" alone: the signer acts for that title.
        title = re.sub(r"^\s*(T/M|TM\.?|K/T|KT\.?)\s*", "", mode)
    if not mode and not title and name:
        mode = _damaged_mode(lay)
    return name, title, mode


def extract_recipients(lay: Layout) -> list[str]:
    out: list[str] = []
    # In a list whose items open with a dash, a line without one goes on with the item above it
    # ("- Phó CTr. Đặng Ngọc" / "Minh (để bc);"), unless that item ended with ";" or ".".
    dashed = any(p.text.lstrip().startswith(LIST_MARKS) for p in lay.recipients)
    ended, comma = True, False
    for p in lay.recipients:
        text = p.text
        if fold(text).startswith(("noi nhan", "noi nhn")):
            text = re.sub(r"^[^:]*:\s*", "", text)
            if not text.startswith(("-", "+")):
                continue
        if dashed and out and not ended and not text.lstrip().startswith(LIST_MARKS) and not fold(text).startswith("luu"):
            out[-1] = collapse_ws(f"{out[-1]}{',' if comma else ''} {_item(text)}").strip(" ,;.")
            ended, comma = text.rstrip().endswith((";", ".")), text.rstrip().endswith(",")
            continue
        ended, comma = text.rstrip().endswith((";", ".")), text.rstrip().endswith(",")
        for part in re.split(r"(?<=[,;])\s*(?=[-+])|^[-+]\s*", text):
            item = _item(part)
            if len(item) >= 3 and not item.lower().startswith("lưu") and not is_caps(item):
                out.append(collapse_ws(item))
    # "Như trên": the letter's addressees, named
    at = next((i for i, r in enumerate(out) if fold(r) == "nhu tren"), None)
    named = addressees(lay.text) if at is not None else []
    return out[:at] + [collapse_ws(a) for a in named] + out[at + 1:] if named else out


_ADDRESSED = re.compile(r"Kính\s+gửi\s*:?[ \t]*(?P<line>[^\n]*)(?P<items>(?:\s*\n\s*[-+–•][^\n]*)*)")
ADDRESS_CHARS = 160  # a "Kính gửi" line longer than this has run into the body (a joined wrap): not read


def addressees(text: str) -> list[str]:
    """Who a letter is addressed to ("Kính gửi: - Bộ trưởng Bộ Xây dựng; - Chủ tịch ..."), as the
    "Như trên" of its recipients list means them; [] when the line cannot be read cleanly."""
    m = _ADDRESSED.search(text)
    if not m:
        return []
    line = m.group("line").strip()
    # (a line that announces more, "... có ý kiến như sau:", has run into the body)
    if len(line) > ADDRESS_CHARS or line.endswith(":") or (line and m.group("items").strip()):
        return []
    parts = [line] if line else re.findall(r"[-+–•]\s*([^\n]+)", m.group("items"))
    return [x for x in (_item(p) for p in parts) if len(x) >= 3]


def _item(part: str) -> str:
    """A recipient as listed, without its note ("(b/c)") or a signature block trailing it."""
    item = re.sub(r"\((?:b/?c|báo cáo|đ/?b|t/?h)\)", "", part.strip(" -+;,."), flags=re.I).strip(" ,;.")
    # Two columns flattened: the signature block ("KT. CHỦ TỊCH") may trail an item.
    return re.sub(r"[\s=,;]*\b(?:KT|TM|T/M|K/T)\s*[.:,]?\s*[" + UPPER + "][" + UPPER + " ,.]*$", "",
                  item).strip(" ,;.=")


def extract_citations(text: str, own_key: str) -> list[Citation]:
    """Every cited document with what the text says of it; one entry a key, richest first."""
    best: dict[str, Citation] = {}
    for ref in docnum.find_numbers(text):
        if ref.key == own_key:
            continue
        before = text[max(0, ref.start - 40):ref.start]
        tm = _CITE_TYPE.search(before)
        type_ = tm.group(1) if tm else docnum.type_name(ref.type)
        after = text[ref.end:ref.end + 400]
        m = _CITE_TAIL.match(after)
        date_text = issuer = subject = ""
        if m:
            date_text = collapse_ws(m.group("date") or "")
            issuer = collapse_ws(m.group("issuer") or "")
            # "của Ban Thường vụ Tỉnh ủy và Chương trình số 50 ...": the issuer stops at the next citation.
            issuer = re.split(r"\s+và\s+(?=[A-ZĐ])|\s+\d", issuer)[0]
            # "... của Ban Thường vụ Tỉnh ủy trên bản tin ...": a name never goes on with a lower-case phrase
            cut = _ISSUER_END.search(issuer)
            if cut and cut.group(1).islower():
                issuer = issuer[:cut.start()]
            issuer = _ISSUER_VERB.split(issuer)[0]  # "của Chính phủ ban hành Chương trình hành động ..."
            subject = collapse_ws((m.group("subject") or "").lstrip("“ "))
            subject = re.split(r"\.\s+(?=[" + UPPER + "])", subject)[0]  # one sentence, not the next
        if not date_text:
            lead = _CITE_LEAD.search(text[max(0, ref.start - 160):ref.start])
            if lead:
                date_text = collapse_ws(lead.group("date"))
                issuer = issuer or collapse_ws(lead.group("issuer"))
        iso = _iso(f"ngày {date_text}")[0] if date_text else ""
        cit = Citation(ref.key, text[ref.start:ref.end], type_[:1].upper() + type_[1:], iso, date_text, issuer,
                       subject.rstrip(" ,."), ref.start, ref.end)
        old = best.get(ref.key)
        score = bool(iso) * 4 + bool(issuer) * 2 + bool(subject)
        if old is None or score > bool(old.date) * 4 + bool(old.issuer) * 2 + bool(old.subject):
            best[ref.key] = cit
    return sorted(best.values(), key=lambda c: c.start)


def extract_facts(lay: Layout) -> Facts:
    number = extract_number(lay)
    type_ = extract_type(lay)
    # its own number: any type code, a Công văn's issuer-unit form ("" for "-HD/BTG")
    key = docnum.own_key(number, type_) if number else ""
    place, iso, date_text = extract_place_date(lay)
    signer, signer_title, mode = extract_signature(lay)
    recipients = [r for r in extract_recipients(lay) if r != signer]
    issuer = extract_issuer(lay)  # a flattened tail ends with the name
    return Facts(
        type=type_,
        number=number,
        key=key,
        date=iso,
        date_text=date_text,
        place=place,
        issuer=issuer,
        issuer_parents=list(lay.head.parents) if issuer == lay.head.issuer else [],
        title=extract_title(lay),
        signer=signer,
        signer_title=signer_title,
        sign_mode=mode,
        recipients=recipients,
        cites=extract_citations(lay.text, key),
    )

