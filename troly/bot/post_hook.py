"""The opening line of a post: what the document is and what it aims at, from its own facts.

"Kế hoạch số 114-KH/HU của Ban Thường vụ Huyện ủy về việc quán triệt, tuyên truyền Nghị quyết
số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ ..., với mục tiêu: phấn
đấu đến năm 2030 ...". Built from the facts (type, number, issuer), the title (the action and the
document it carries out, the subject after "về") and a target the document sets. Several
versions are offered, richest first: the caller keeps the first one the grounding gate passes.
"""
from __future__ import annotations

import re

from troly.models import Document
from troly.prompts import posts as P
from troly.vn.docnum import find_refs
from troly.vn.text import collapse_ws, fold, fold_chars

MAX_ABOUT_WORDS = 34
MAX_TARGET_WORDS = 30
_DATE = re.compile(r",?\s*ngày\s+(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})")
_VERB_LED = ("quan triet", "tuyen truyen", "thuc hien", "trien khai", "hoc tap", "to chuc",
             "day manh", "tang cuong", "nang cao", "phat trien", "xay dung", "ho tro", "bao dam")


def what(doc: Document) -> str:
    """"Kế hoạch số 114-KH/HU của Ban Thường vụ Huyện ủy" (no date: the source line has it)."""
    f = doc.facts
    kind = f.type or P.DOCUMENT_WORD
    number = f.number if f.number and not any(c.isspace() for c in f.number) else f.key
    head = f"{kind} số {number}" if f.key else kind  # as the document writes it: "44/2025/QĐ-TTg"
    if issuer_attested(doc):
        head += f" của {issuer_phrase(f.issuer, doc.text)}"
    return head


HEADER_CHARS = 800  # the header block (issuer, number, place and date) sits in the first lines


_NAME_RUN = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)+")


def _recase(title: str, text: str) -> str:
    """An ALL-CAPS title in lower case, with document numbers kept and the names the
    document writes with capitals ("Cần Thơ", "Bộ Chính trị") written as it writes them."""
    low = title.lower()
    for r in find_refs(title):
        low = low[:r.start] + title[r.start:r.end] + low[r.end:]
    names: dict[str, str] = {}
    for m in _NAME_RUN.finditer(text):
        words = m.group().split()
        run: list[str] = []
        for w in words + [""]:
            if w[:1].isupper() and not w.isupper():
                run.append(w)
                continue
            if len(run) >= 2:
                names.setdefault(fold(" ".join(run)), " ".join(run))
            run = []
    folded = fold_chars(low)
    for key in sorted(names, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(key) + r"(?!\w)", folded):
            low = low[:m.start()] + names[key] + low[m.end():]
    return low[:1].lower() + low[1:]


def _written_in(name: str, text: str) -> str:
    """The name as ``text`` writes it in mixed case, or ""."""
    words = [re.escape(w) for w in fold(name).split()]
    if not words or not text:
        return ""
    for m in re.finditer(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", fold_chars(text)):
        found = " ".join(text[m.start():m.end()].split())
        if not found.isupper() and found[:1].isupper():
            return found
    return ""


def issuer_attested(doc: Document) -> bool:
    """Whether the issuer the facts give is written in the document's header block: a post
    names a document's issuer only where its own text does."""
    if not doc.facts.issuer:
        return False
    words = " ".join(fold(doc.facts.issuer).split())
    return words in " ".join(fold(doc.text[:HEADER_CHARS]).split())


# Common nouns inside agency names, lower-case after the name's first word once an ALL-CAPS
# header line is title-cased ("HUYỆN ỦY" -> "Huyện ủy", "ỦY BAN NHÂN DÂN" -> "Ủy ban nhân dân").
_INNER_LOWER = {"ủy", "uỷ", "ban", "nhân", "dân", "đồng", "vụ", "trận", "quốc", "giáo", "hành",
                "chính", "trị", "thường", "vận", "nước", "xã", "hội"}
_LEVELS = {"huyện", "tỉnh", "xã", "phường", "quận", "thị", "thành", "trấn", "phố"}
_KEEP_CAPITAL = {"Thường", "Tổ", "Chấp", "Tuyên", "Dân", "Chính", "Mặt"}


def issuer_phrase(issuer: str, text: str = "") -> str:
    """An issuer as a sentence writes it. An ALL-CAPS header line takes the spelling the
    document's own text uses for the same name ("Bộ Khoa học và Công nghệ"), else name case."""
    if not issuer.isupper():
        return issuer
    written = _written_in(issuer, text)
    if written:
        return written
    words = [w.capitalize() for w in issuer.lower().split()]
    out = words[:1]
    for i, w in enumerate(words[1:], 1):
        prev = out[-1]
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if w.lower() in _LEVELS and nxt not in {"ủy", "uỷ"}:
            out.append(w.lower())  # "Ủy ban nhân dân huyện Hòa Bình", but "Huyện ủy"
            continue
        if w.lower() in _INNER_LOWER and not (w in _KEEP_CAPITAL and prev in {"Ban", "Trận"}):
            out.append(w.lower() if not (prev == "Ban" and w in _KEEP_CAPITAL) else w)
        else:
            out.append(w)
    return " ".join(out)


# Where a long subject may end: before its place, its setting or its purpose.
_TAILS = (" trên địa bàn ", " trong điều kiện ", " phục vụ ", " nhằm ", " trong giai đoạn ", " gắn với ")


def _cut(text: str, max_words: int) -> str:
    """At most ``max_words`` words: cut before a tail phrase, else at a semicolon; "" if neither."""
    text = text.rstrip(" ,;:.")
    if len(text.split()) <= max_words:
        return text
    for tail in _TAILS:
        i = text.find(tail)
        if 0 < i and len(text[:i].split()) <= max_words:
            return _cut(text[:i], max_words)
    head = " ".join(text.split()[:max_words])
    cut = head.rfind(";")
    return head[:cut].rstrip(" ,;:.") if cut > len(head) // 3 else ""


def _subject(title: str) -> str:
    """The last "về ..." of a title: what the chain of documents is finally about."""
    i = fold(title).rfind(" ve ")
    if i < 0:
        return ""
    s = re.sub(r"[“”\"]", "", _DATE.sub("", title[i + 1:])).strip()
    return _cut(s, MAX_ABOUT_WORDS - 6)


def about(doc: Document, with_issuer: bool = True) -> str:
    """What the document does: the title's action up to the document it carries out, that
    document's issuer (from the citations) and the final subject; the head of a plain title."""
    title = collapse_ws(doc.facts.title).strip(" *.")
    if title.isupper():  # an ALL-CAPS title line does not shout in a sentence
        title = _recase(title, doc.text)
    if len(title.split()) < 3:
        return ""  # a title cut to a word or two says nothing
    refs = find_refs(title)
    if not refs:
        return _joined(_cut(_DATE.sub("", title), MAX_ABOUT_WORDS))
    first = refs[0]
    action = _DATE.sub("", title[:first.end]).strip(" ,")
    cite = next((c for c in doc.facts.cites if c.key == first.key), None)
    if with_issuer and cite and cite.issuer:
        action += f" của {issuer_phrase(cite.issuer, doc.text)}"
    subject = _subject(title[first.end:]) or (_cut(cite.subject, MAX_ABOUT_WORDS - 6) if cite and cite.subject else "")
    return _joined(collapse_ws(re.sub(r"[“”\"]", "", f"{action} {subject}").strip()))


def _joined(text: str) -> str:
    """The title's words joined to "<document> của <issuer>": "về ...", "về việc <action>"."""
    if not text or fold(text).startswith("ve "):
        return text
    low = text[:1].lower() + text[1:]
    template = P.HOOK_ABOUT_ACTION if fold(text).startswith(_VERB_LED) else P.HOOK_ABOUT
    return template.format(action=low)


def target(text: str) -> str:
    """A target sentence as the end of the hook: short enough, full stop dropped, lower-cased."""
    t = _cut(text.rstrip(" ."), MAX_TARGET_WORDS)
    if not t or len(t.split()) < 5:
        return ""
    return t[:1].lower() + t[1:]


def hooks(doc: Document, target_text: str = "") -> list[str]:
    """Opening lines, richest first: with the cited issuer and the target, then without."""
    from troly.bot.post_material import balance_quotes

    head = what(doc)
    aim = target(target_text) if target_text else ""
    out = []
    for with_issuer in (True, False):
        body = balance_quotes(collapse_ws(f"{head} {about(doc, with_issuer)}"))
        if aim:
            out.append(P.HOOK_WITH_TARGET.format(what=body, target=aim))
        out.append(P.HOOK.format(what=body))
    out.append(P.HOOK.format(what=head))
    seen: list[str] = []
    for h in out:
        if h not in seen:
            seen.append(h)
    return seen
