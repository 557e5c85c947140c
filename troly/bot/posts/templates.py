"""Template posts: the chosen sentences laid out for Zalo, Facebook or a loudspeaker.

Pure functions from (hook, points, documents) to text. The wording around the points
comes from ``troly.prompts.posts``; the hook and the points are built from the documents, and
the caller checks the result with the grounding gate before it is returned. Channel budgets: Zalo ≤ 2,000
characters, Facebook 600–1,200, loa 150–220 spoken words (60–90 seconds).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from troly.vn.case import lower_first
from troly.bot.posts.spoken import spoken
from troly.models import Document
from troly.prompts import posts as P
from troly.vn.docnum import find_refs, type_name
from troly.vn.text import collapse_ws, fold

CHANNELS = ("zalo", "facebook", "loa")
LIMITS = {"zalo": (300, 2000), "facebook": (600, 1200)}  # characters
LOA_WORDS = (150, 220)
POINT_CHARS = {"zalo": 300, "facebook": 240, "loa": 300}


@dataclass
class Point:
    """A sentence chosen for a post, with the document it comes from."""

    text: str
    doc: Document
    quote: str
    section: str = ""


def sentence_case(topic: str) -> str:
    """Capital first letter; an ALL-CAPS topic is lowered first (headings must not shout)."""
    t = collapse_ws(topic).strip(" .")
    letters = [c for c in t if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        t = t.lower()
    return t[:1].upper() + t[1:]


def source_label(doc: Document) -> str:
    """"Kế hoạch số 114-KH/HU ngày 03 tháng 4 năm 2025 của Ban Thường vụ Huyện ủy".

    Documents without a number are named by type, issuer and the head of their title, the
    issuer first so that "của ..." is never read as the issuer of a document the title cites.
    """
    from troly.vn.case import issuer_phrase
    from troly.bot.posts.hook import acting_body, written_number

    f = doc.facts
    kind = f.type or "Văn bản"
    head = f"{kind} số {written_number(doc)}" if f.key else kind
    date = _written_date(f.date_text, f.date)
    if date:
        head += f" {date}"
    body = acting_body(doc)  # the body the opening line names, so that the two lines agree
    if body and fold(body) not in fold(head):
        head += f" của {issuer_phrase(body, doc.text)}"
    if not f.key:  # the title after the issuer: "của X" never reads as the cited document's
        title = _short_title(f.title)
        head += f" {lower_first(title)}" if title else ""
    return collapse_ws(head)


def _short_title(title: str) -> str:
    """A title cut before its dates and recitals: "Thực hiện Kết luận số 69-KL/TW"."""
    t = collapse_ws(title).strip(" *")
    for sep in (", ngày", " ngày ", "; ", " của ", " về ", ", "):
        i = t.find(sep)
        if 15 <= i:
            t = t[:i]
    if len(t) > 90:
        t = t[:90].rsplit(" ", 1)[0]
    return t.rstrip(" ,;:")


def _written_date(date_text: str, iso: str) -> str:
    """The date as the document writes it; a blank day reads "tháng 5 năm 2024"."""
    parts = iso.split("-") if iso else []
    if len(parts) == 2:
        return f"tháng {int(parts[1])} năm {parts[0]}"
    dt = collapse_ws(date_text)
    if dt:
        return dt if fold(dt).startswith(("ngay", "thang")) else f"ngày {dt}"
    if len(parts) == 3:
        return f"ngày {int(parts[2]):02d}/{int(parts[1]):02d}/{parts[0]}"
    return ""


def display_topic(topic: str) -> str:
    """The topic as a headline shows it: no leading "tuyên truyền (về)", sentence case."""
    t = collapse_ws(topic)
    m = re.match(r"(?i)^(?:bài\s+(?:viết\s+)?)?(?:tuyên truyền|giới thiệu|phổ biến)(?:\s+về)?\s+", t)
    if m and len(t) > m.end() + 3:
        t = t[m.end():]
    return sentence_case(t)


MAX_TAG_WORDS = 6  # a longer phrase makes an unreadable tag
# Words that join a topic's phrases, compared with their marks ("tại" joins, "tai" of "thiên tai"
# does not; "từ" joins, "tử" of "điện tử" does not).
_JOINERS = {"của", "trong", "về", "và", "với", "cho", "các", "những", "tại", "từ", "đến", "theo",
            "đối", "trên", "là", "để", "ở", "bài", "viết", "tuyên", "truyền"}


def _camel(words: list[str]) -> str:
    return "#" + "".join(w[:1].upper() + w[1:] for w in words)


def topic_tags(topic: str) -> list[str]:
    """The topic's phrases as tags: "vai trò của người dân trong chuyển đổi số" -> #VaiTro,
    #NguoiDan, #ChuyenDoiSo; "phòng chống thiên tai" -> #PhongChongThienTai."""
    rest = topic
    for r in sorted(find_refs(topic), key=lambda r: -r.start):
        rest = rest[:r.start] + " , " + rest[r.end:]
    tags, cur = [], []
    for w in re.findall(r"[^\W_]+|,", rest.lower()) + [","]:
        if w in _JOINERS or w == ",":
            if cur and len(cur) <= MAX_TAG_WORDS and len("".join(cur)) > 3:
                tags.append(_camel(fold(" ".join(cur)).split()))
            cur = []
        else:
            cur.append(w)
    return [t for t in dict.fromkeys(tags) if t.lower() not in P.GENERIC_TAGS]


def hashtags(topic: str, points: list[Point], docs: list[Document]) -> list[str]:
    """2–3 tags from what the post is about, never from what its sentences happen to cite:
    the document the topic names (#KetLuan69), else the one the main document's title carries
    out (#NghiQuyet57 for a plan implementing Nghị quyết 57), then the topic's own words
    (#BinhDangGioi). A title that amends or repeals the document it names gives no tag for it."""
    tags: list[str] = []
    refs = find_refs(topic) or (_carried_out(docs[0].facts.title) if docs else [])
    for ref in refs[:1]:
        if ref.type in {"NQ", "KL", "CT", "QD", "TB"}:
            tags.append(_camel(fold(type_name(ref.type)).split()) + str(ref.number))
    tags += [t for t in topic_tags(topic) if t not in tags]
    if len(tags) < 2:
        tags.append(P.HASHTAG_FALLBACK)
    return tags[:3]


# What a title does to the document it names first: carry it out (a tag for it), not amend or
# repeal it ("Sửa đổi, bổ sung một số điều của Nghị quyết số 11/2022" is no post on Nghị quyết 11).
_AMENDS = ("sua doi", "bo sung", "bai bo", "thay the", "dinh chinh")


def _carried_out(title: str) -> list:
    refs = find_refs(title)
    if refs and any(a in fold(title[:refs[0].start]) for a in _AMENDS):
        return []
    return refs


def _pick(options: list[str], variant: int) -> str:
    return options[variant % len(options)]


def _sources_line(docs: list[Document]) -> str:
    """The source line as people read it. That a source was restored from a damaged scan is the
    officer's to know (the post's JSON and the admin page say so), not the reader's."""
    return P.SOURCE_LINE.format(sources="; ".join(source_label(d) for d in docs))


def social(channel: str, hook: str, points: list[Point], docs: list[Document], variant: int,
           audience: str, topic: str, calls: str = "") -> str:
    """A Zalo or Facebook post: the hook, the points, a call to action (``calls``: another set
    than the audience's, "thu_tuc" for a post on procedures), source line, hashtags."""
    bullet = _pick(P.BULLETS[channel], variant)
    lines = [f"📢 {hook}", ""]
    lines += [f"{bullet} {p.text}" for p in points]
    lines += ["", _pick(P.CALLS_TO_ACTION[calls or audience][channel], variant), "", _sources_line(docs),
              " ".join(hashtags(topic, points, docs))]
    return "\n".join(lines).strip()


def fits(channel: str, text: str) -> bool:
    if channel == "loa":
        return len(text.split()) <= LOA_WORDS[1]
    return len(text) <= LIMITS[channel][1]


def long_enough(channel: str, text: str) -> bool:
    if channel == "loa":
        return len(text.split()) >= LOA_WORDS[0]
    return len(text) >= LIMITS[channel][0]


# --- Loudspeaker --------------------------------------------------------------------

def loa_parts(topic: str, variant: int, audience: str, show_topic: bool, calls: str = "") -> tuple[str, str]:
    """(greeting, closing) as local stations say them (``calls`` as in ``social``)."""
    greetings = P.LOA_GREETINGS[audience]
    greet = _pick(greetings, variant).format(topic=fold_topic(topic)) if show_topic else P.LOA_GREETING_PLAIN
    return greet, _pick(P.LOA_CLOSINGS[calls or audience], variant)


def loa(greet: str, hook: str, points: list[Point], closing: str) -> str:
    """A written script (digits kept, for the grounding check): greeting, hook, points, closing.

    A script shorter than a bulletin's minimum names its sources again, with their dates, before
    the closing, as stations sign off a bulletin ("Bản tin được biên soạn theo Quyết định số ...
    ngày ..."). It never repeats a point: every reader of heldout23 and heldout25 (stop 27) called
    "Đài Truyền thanh xin nhắc lại: ..." filler.
    """
    body, named = [hook], {points[0].doc.id} if points else set()
    for i, p in enumerate(points):
        conn = P.LOA_CONNECTORS[(i + 1) % len(P.LOA_CONNECTORS)]
        if p.text.startswith(P.LISTENERS):
            conn = ""  # a sentence already said to the listeners ("Bà con có thể nộp hồ sơ ...") needs no link
        if p.doc.id not in named:  # a second document is named as it is read, never heard as the first's
            named.add(p.doc.id)
            conn = P.LOA_OTHER_DOCUMENT.format(what=_named(p.doc))
        body.append(conn + (_lower_first(p.text) if conn else p.text))
    script = " ".join([greet] + body + [closing])
    if points and len(spoken(script).split()) < LOA_WORDS[0]:
        docs = list({p.doc.id: p.doc for p in points}.values())
        body.append(P.LOA_SOURCES.format(sources="; ".join(source_label(d) for d in docs)))
        script = " ".join([greet] + body + [closing])
    return script


def _named(doc: Document) -> str:
    """A document as a bulletin names it: "Kế hoạch số 32/KH-UBND của ...", or, without a number,
    its type and what its title says it carries out ("Kế hoạch ... về việc thực hiện Thông báo số
    730-TB/TU"), or what it is about, cut where a phrase ends, never inside one."""
    from troly.bot.posts.hook import about, what

    head = what(doc)
    return head if doc.facts.key else f"{head} {about(doc, with_issuer=False, brief=True)}".rstrip(" ,;.")


def _lower_first(sentence: str) -> str:
    """Lower the first letter after a connector, unless a name starts the sentence
    ("Kết luận số 69 ...", "Ban Tuyên giáo ...", "Ủy ban nhân dân ..."); "Tỷ lệ số ngày" is none."""
    words = sentence.split(" ", 2)
    if len(words) > 1 and (words[1][:1].isupper() or (len(words) > 2 and re.match(r"số \d", words[2]))):
        return sentence
    if fold(" ".join(words[:2])) in _NAMES:
        return sentence
    return lower_first(sentence)


_NAMES = {"uy ban", "mat tran", "ban chap", "bo chinh", "huyen uy", "tinh uy", "thanh uy", "dang uy",
          "thu tuong", "pho thu", "bo truong", "chinh phu", "quoc hoi"}  # offices are names too


def fold_topic(topic: str) -> str:
    """The topic inside a sentence: lower-case start unless it begins with a proper name."""
    t = display_topic(topic)
    first = t.split(" ", 1)[0]
    proper = first in {"Nghị", "Kết", "Chỉ", "Kế", "Chương", "Hướng", "Quyết", "Thông"} and any(
        ch.isdigit() for ch in t)
    return t if proper else lower_first(t)
