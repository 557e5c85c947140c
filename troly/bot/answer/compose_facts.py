"""Answers from document facts: date, signer, issuer, recipients, number, subject.

Every answer quotes the place in the document where the fact is written.
"""
from __future__ import annotations

import re

from troly.bot.answer.quotes import label, repaired_note, sentence_at, sentences, source, trim
from troly.ingest.signature import MANDATE
from troly.models import Answer, Citation, Document, Source
from troly.prompts import answers as msg
from troly.vn.case import issuer_phrase, truecase
from troly.vn.dates import display
from troly.vn.docnum import as_written, parse_key, type_code, type_name
from troly.vn.issuers import full_name
from troly.vn.text import fold_chars


def _line_span(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


def _find(text: str, needle: str, last: bool = False) -> int:
    if not needle:
        return -1
    return text.rfind(needle) if last else text.find(needle)


def _answer(intent: str, text: str, doc: Document, spans: list[tuple[int, int]]) -> Answer:
    sources = [source(doc, a, b) for a, b in spans if b > a]
    return Answer(text + repaired_note(doc), False, intent, sources, [doc.id])


def doc_date(doc: Document) -> Answer:
    f = doc.facts
    if not f.date:
        return Answer(msg.DOC_NO_DATE.format(label=label(doc)), False, "doc_date",
                      [source(doc, *_title_span(doc))], [doc.id])
    pos = _find(doc.text, f.date_text)
    span = _line_span(doc.text, pos) if pos >= 0 else _title_span(doc)
    when = re.sub(r"^ngày\s*", "", f.date_text.strip()) if len(f.date) == 10 else display(f.date)
    template = msg.DOC_DATE if len(f.date) == 10 else msg.DOC_DATE_BLANK_DAY
    date_words = f"ngày {when}" if len(f.date) == 10 else when
    return _answer("doc_date", template.format(label=label(doc), date=date_words), doc, [span])


def doc_effective(doc: Document) -> Answer:
    """"Có hiệu lực từ ngày nào?": the sentence that says so; plans rarely have one, and then the
    answer says that, with the date of issue (which is not the same thing)."""
    folded = fold_chars(doc.text)
    spans = [s for m in re.finditer(r"\b(?:co hieu luc|hieu luc (?:thi hanh|ke tu|tu ngay))\b", folded)  # not "hiệu lực quản lý"
             for s in [sentence_at(doc.text, m.start())] if s]
    # the sentence that says from when ("kể từ ngày ký", "từ ngày 01/01/2026"), not an article's heading
    # ("Điều 3. Hiệu lực thi hành"); the first mention when none does
    # ("... ngày 30 tháng 11 năm 2020 ... trước ngày Thông tư này có hiệu lực thì ...": a date far from
    # "hiệu lực" is another document's)
    when = r"\b(?:ke tu|tu ngay|ngay \d|\d{1,2}/\d{1,2}/\d{4})"
    span = next((s for s in spans if re.search(r"hieu luc\b.{0,30}?" + when, folded[s[0]:s[1]])),
                next((s for s in spans if re.search(when, folded[s[0]:s[1]])), spans[0] if spans else None))
    if span:
        return _answer("doc_effective", msg.DOC_EFFECTIVE.format(label=label(doc), said=doc.text[span[0]:span[1]]),
                       doc, [span])
    issued = doc_date(doc)
    issued.answer = f"{msg.DOC_NO_EFFECTIVE.format(label=label(doc))} {issued.answer}"
    issued.intent = "doc_effective"
    return issued


def doc_signer(doc: Document) -> Answer:
    f = doc.facts
    if not f.signer:
        return Answer(msg.DOC_NO_SIGNER.format(label=label(doc)), False, "doc_signer", [], [doc.id])
    end_pos = _find(doc.text, f.signer, last=True)
    chain = [t for t in f.signer_title.split(" / ") if t]  # "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    first = chain[0].split()[0] if chain else f.sign_mode  # the chain's lines may be wrapped in the text
    start = min([p for p in (_find(doc.text[:end_pos], first, True),) if 0 <= p <= end_pos] or [end_pos])
    # the person's own title is the chain's last line, unless that line is a mandate ("T/M BAN BÍ THƯ"
    # and the name under it): then the whole chain says on whose behalf
    own = chain[-1:] if chain and not MANDATE.match(chain[-1]) else []
    behalf = chain[: len(chain) - len(own)]
    title = f"{own[0].capitalize()} " if own else ""
    mode = f" ({' / '.join(behalf)})" if behalf else (f" ({f.sign_mode})" if f.sign_mode and not chain else "")
    text = msg.DOC_SIGNER.format(label=label(doc), title=title, name=f.signer, mode=mode)
    return _answer("doc_signer", text, doc, [(start, end_pos + len(f.signer))])


def signed_by(name: str, docs: list[Document]) -> Answer:
    """"Đồng chí X ký những văn bản nào?": each document the person signed, quoting its signature."""
    lines, sources = [msg.SIGNED_BY_HEAD.format(name=name, n=len(docs))], []
    for n, doc in enumerate(docs[:6], 1):
        f = doc.facts
        date = f", {'ngày ' if len(f.date) == 10 else ''}{display(f.date)}" if f.date else ""  # or just the month
        title = f": {trim(f.title, 160)}" if f.key and f.title else ""  # an unnumbered label holds its title
        lines.append(msg.SIGNED_BY_LINE.format(label=label(doc), date=date, title=title, n=n))
        sources += doc_signer(doc).sources[:1]
    return Answer("\n".join(lines), False, "signed_by", sources, [d.id for d in docs[:6]])


def doc_issuer(doc: Document) -> Answer:
    f = doc.facts
    spans = []
    for para_end in (doc.text.find("\nI", 0), len(doc.text)):
        pos = _find(doc.text[: para_end if para_end > 0 else len(doc.text)], f.issuer)
        if pos >= 0:
            span = sentence_at(doc.text, pos)
            spans = [span] if span else []
            break
    place = f" ({f.place})" if f.place else ""
    issuer = full_name(f.issuer, f.issuer_parents)  # "Ban Tổ chức" of the Central Committee, not a province's
    text = msg.DOC_ISSUER.format(label=label(doc), issuer=issuer or "(không ghi)", place=place)
    return _answer("doc_issuer", text, doc, spans[:1] or [_title_span(doc)])


def doc_recipients(doc: Document) -> Answer:
    f = doc.facts
    start = max(fold_chars(doc.text).rfind("noi nhan"), 0)
    last = f.recipients[-1] if f.recipients else ""
    end = doc.text.find(last, start) + len(last) if last and doc.text.find(last, start) >= 0 else start + 400
    items = "; ".join(f.recipients) if f.recipients else "(không ghi)"
    return _answer("doc_recipients", msg.DOC_RECIPIENTS.format(label=label(doc), items=items), doc, [(start, end)])


def doc_number(doc: Document) -> Answer:
    f = doc.facts
    pos = _find(doc.text, f.number) if f.number else -1
    span = _line_span(doc.text, pos) if pos >= 0 else _title_span(doc)
    if f.key:
        text = msg.DOC_NUMBER.format(number=f.key, type=f.type, title=trim(f.title, 160))
    else:
        text = msg.DOC_NO_NUMBER.format(label=label(doc), number=f.number or "")
    return _answer("doc_number", text, doc, [span])


def _about(doc: Document) -> str:
    """What the document is and its subject, in running text: a header's ALL-CAPS issuer and
    title take the case the document's own text uses (the quote below keeps them as written)."""
    f = doc.facts
    date = f" ({display(f.date)})" if f.date else ""
    issuer = f" của {issuer_phrase(f.issuer, doc.text)}" if f.issuer else ""
    title = truecase(f.title, doc.text) if f.title.isupper() else f.title
    return msg.DOC_ABOUT.format(label=label(doc), date=date, issuer=issuer, subject=trim(title[:1].upper() + title[1:], 400))


def doc_about(doc: Document) -> Answer:
    return _answer("doc_about", _about(doc), doc, [_title_span(doc)])


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def doc_summary(doc: Document) -> Answer:
    """"Tóm tắt kế hoạch 32": what it is, its parts (the top-level headings), and its purpose."""
    parts = [s for s in doc.sections if s.level == 1][:len(_ROMAN)]
    lines, spans = [_about(doc)], [_title_span(doc)]
    if parts:
        names = []
        for n, s in zip(_ROMAN, parts):
            name = re.sub(r"^[IVXLl]+\s*[.:]\s*", "", s.heading).strip(" .:")  # "IL." is an OCR'd "II."
            names.append(f"{n}. {name[:1] + name[1:].lower() if name.isupper() else name}")
        lines.append(msg.DOC_PARTS.format(n=len(parts), parts="; ".join(names)))
    purpose = next((s for s in doc.sections if "muc dich" in fold_chars(s.heading)), None)
    if purpose is not None:
        body = purpose.start + len(doc.text[purpose.start:purpose.end].split("\n", 1)[0])  # past the heading line
        first = next(iter(sentences(doc.text, body, purpose.end)), None)
        if first is not None:
            lines.append(msg.DOC_PURPOSE.format(purpose=trim(doc.text[first[0]:first[1]], 300)))
            spans.append(first)
    return _answer("doc_about", "\n".join(lines), doc, spans)


def _title_span(doc: Document) -> tuple[int, int]:
    """The title's span: its words in order, across the lines a wrapped title spans."""
    if doc.facts.title:
        words = doc.facts.title.split()
        m = re.search(r"\s+".join(re.escape(w) for w in words), doc.text)
        if m:
            return m.start(), m.end()
        pos = doc.text.find(doc.facts.title[:60])
        if pos >= 0:
            return _line_span(doc.text, pos)
    return 0, min(len(doc.text), 300)


# --- documents known only because others cite them -----------------------------------------
def citation_span(doc: Document, c: Citation) -> tuple[int, int]:
    """From the type word before the number to the end of what the text says of it."""
    text = doc.text
    a = c.start
    back = fold_chars(text[max(0, c.start - 30):c.start])
    m = re.search(r"(nghi quyet|ket luan|ke hoach hanh dong|ke hoach|huong dan|thong bao|chuong trinh hanh dong|"
                  r"chuong trinh|chi thi|quyet dinh|nghi dinh|thong tu)\s*(so\s*)?$", back)
    if m:
        a = c.start - (len(back) - m.start())
    end_target = c.end + 40
    tail = text[c.end:c.end + 400]
    for piece in (c.subject, c.issuer, c.date_text):
        if piece:
            k = tail.find(piece[:80])
            if k >= 0:
                end_target = max(end_target, c.end + k + min(len(piece), 300))
                break
    b = min(len(text), end_target)
    while b < len(text) and text[b].isalnum():
        b += 1
    for stop in ("\n", ";"):  # the mention ends with its clause
        k = text.find(stop, c.end)
        if 0 <= k < b:
            b = k
    return a, b


def doc_cites(doc: Document) -> Answer:
    """"Kế hoạch 114 căn cứ (thực hiện) những văn bản nào?": each document it cites, first mention."""
    first: dict[str, Citation] = {}
    for c in doc.facts.cites:
        first.setdefault(c.key, c)
    if not first:
        return _answer("doc_cites", msg.DOC_NO_CITES.format(label=label(doc)), doc, [])
    lines, spans = [msg.DOC_CITES_HEAD.format(label=label(doc), n=len(first))], []
    for n, c in enumerate(list(first.values())[:8], 1):
        ref = parse_key(c.key)
        # the number's own type wins over a type word read off the sentence around it
        kind = type_name(ref.type) if ref and type_code(c.type) != ref.type else (c.type or "Văn bản")
        date = f", ngày {c.date_text}" if c.date_text else ""
        issuer = f" của {c.issuer}" if c.issuer else ""
        written = as_written(c.number)
        lines.append(f"{n}. {kind} số {written or c.key}{date}{issuer} [{n}]")  # "67-CTr/TU" as the text has it
        spans.append(citation_span(doc, c))
    return _answer("doc_cites", "\n".join(lines), doc, spans)


# "sửa đổi, bổ sung / thay thế / bãi bỏ ... Thông tư số 07/2019/TT-BCT": what a document does to the one
# it names; not "được sửa đổi, bổ sung bởi ..." (what another did to it) nor a legal basis ("Căn cứ ...",
# whose titles amend others)
_AMENDS = re.compile(r"\b(?:sua doi, bo sung|sua doi|bo sung|thay the|bai bo|huy bo)\b")
_PASSIVE = re.compile(r"\b(?:duoc|da duoc|bi)\s+$")
_BASIS = re.compile(r"^\W*(?:can cu|theo de nghi|xet de nghi)\b")
_ENDS = re.compile(r"\b(?:het hieu luc|bi bai bo|bi thay the)\b")


def doc_amends(doc: Document) -> Answer:
    """"Thông tư 55 sửa đổi (thay thế, bãi bỏ) văn bản nào?": each document it names after such a verb."""
    folded = fold_chars(doc.text).lower()
    found: dict[str, tuple[str, Citation, tuple[int, int]]] = {}
    for c in doc.facts.cites:  # each number once; every place the text names it
        for m in re.finditer(re.escape(c.number), doc.text) if c.number else ():
            span = sentence_at(doc.text, m.start())
            if span is None or c.key in found or _BASIS.match(folded[span[0]:span[1]]):
                continue
            verbs = list(_AMENDS.finditer(folded, max(span[0], m.start() - 120), m.start()))
            if verbs and not _PASSIVE.search(folded[max(0, verbs[-1].start() - 12):verbs[-1].start()]) and \
                    not re.search(r"\bboi\s*$", folded[verbs[-1].end():m.start()]):
                found[c.key] = (doc.text[verbs[-1].start():verbs[-1].end()].lower() + " ", c, span)
            elif _ENDS.search(folded, m.end(), span[1]):  # "Thông tư số 40/2020/TT-BTTTT ... hết hiệu lực từ ..."
                found[c.key] = ("", c, span)
    if not found:
        return _answer("doc_amends", msg.DOC_NO_AMENDS.format(label=label(doc)), doc, [])
    lines, spans = [msg.DOC_AMENDS_HEAD.format(label=label(doc))], []
    for n, (verb, c, span) in enumerate(list(found.values())[:6], 1):
        ref = parse_key(c.key)
        kind = type_name(ref.type) if ref else (c.type or "văn bản")
        date = f" ngày {c.date_text.lower()}" if c.date_text else ""  # a title's capitals ("19 THÁNG 4 NĂM 2019")
        what = f"{kind} số {as_written(c.number) or c.key}{date}"
        lines.append(f"{n}. {verb}{what} [{n}]" if verb else f"{n}. {what}: {msg.DOC_ENDS} [{n}]")
        spans.append(span)
    return _answer("doc_amends", "\n".join(lines), doc, spans)


def _best_citation(cited: list[tuple[str, Citation]], docs: dict[str, Document], want: str) -> tuple[Document, Citation] | None:
    def rank(item: tuple[str, Citation]) -> int:
        _, c = item
        return bool(getattr(c, want, "")) * 8 + bool(c.date) * 4 + bool(c.issuer) * 2 + bool(c.subject)

    for doc_id, c in sorted(cited, key=rank, reverse=True):
        if doc_id in docs:
            return docs[doc_id], c
    return None


def cited_answer(intent: str, cited: list[tuple[str, Citation]], docs: dict[str, Document]) -> Answer | None:
    """Date, issuer or subject of a document the base only cites; None when it is not said."""
    want = {"doc_date": "date", "doc_issuer": "issuer"}.get(intent, "subject")
    found = _best_citation(cited, docs, want)
    if found is None:
        return None
    doc, c = found
    name = f"{c.type} số {c.number}".strip()
    issuer = f" của {c.issuer}" if c.issuer else ""
    if intent == "doc_date":
        if not c.date:
            return None
        text = msg.CITED_DATE.format(label=name, date=c.date_text, issuer=issuer, source=label(doc))
    elif intent == "doc_issuer":
        if not c.issuer:
            return None
        text = msg.CITED_ISSUER.format(label=name, issuer=c.issuer, source=label(doc))
    else:
        date = f", ngày {c.date_text}" if c.date_text else ""
        subject = c.subject or ""
        if not subject:
            return None
        text = msg.CITED_ABOUT.format(label=name, date=date, issuer=issuer, subject=subject)
        if intent in ("doc_signer", "doc_recipients"):  # asked for what no citation tells: say so first
            text = msg.CITED_FACT_UNKNOWN.format(label=name, what=msg.FACT_NAMES[intent]) + text
    a, b = citation_span(doc, c)
    src: Source = source(doc, a, b)
    return Answer(text + repaired_note(doc), False, intent, [src], [doc.id])
