"""Points of a post on administrative procedures: what each is, how long it takes, what it
costs and where to file, from the decision's procedure table (``troly.ingest.procedures``).

A decision announcing procedures says in its articles only that it announces them ("Công bố
kèm theo Quyết định này Danh mục ... chi tiết tại Phụ lục"); a post quoting that tells people
nothing. What they need is in the table's rows, and those are what the points say, cell by
cell, in the labels of ``prompts.posts``. Cells are quoted, never reworded, except that asides in
brackets ("(cắt giảm 01/03 ngày làm việc, tỷ lệ 33,33%)") are dropped and a cell with many cases
is left out rather than cut mid-list.
"""
from __future__ import annotations

import re

from troly.bot.posts import material as M
from troly.bot.posts import templates as T
from troly.bot.posts.phrases import contains, marks_agree
from troly.ingest import procedure_cells as C
from troly.ingest.procedures import Procedure
from troly.models import Document
from troly.prompts import posts as P
from troly.vn.text import fold, folded_syllables

# How many procedures one post tells, by channel: a Facebook post is the shortest (1,200 characters).
MAX_PROCEDURES = {"zalo": 3, "facebook": 2, "loa": 2}


def matching(procs: list[Procedure], topic: M.Topic, titled: bool, internal: bool = False) -> list[Procedure]:
    """The procedures a topic names, with the marks it was typed with ("hạn hán" is no "gia hạn"),
    in their name or their group ("LĨNH VỰC QUẢN LÝ ĐÊ ĐIỀU ..."); all of them when only the
    decision's title names it (``titled``). A topic that only says "thủ tục hành chính" names
    none. Procedures between state bodies only with ``internal`` (a post for cadres)."""
    phrases = _own_phrases(topic)
    if not phrases:
        return []
    public = [p for p in procs if internal or not p.internal]
    # a name's asides say who settles it ("(thẩm quyền của Sở Xây dựng)"), not what it is
    named = [p for p in public if all(_says(C.strip_asides(f"{p.name} {p.group}"), ph, topic.text) for ph in phrases)]
    return named or (public if titled else [])


def _own_phrases(topic: M.Topic) -> list[tuple[str, ...]]:
    """The topic's phrases less those every procedure decision's title says ("thủ tục hành chính").
    Syllables no sentence holds in their phrase, side by side in it (``stranded``), stay side by
    side: "khai sinh" is never "khai" of "khai thác" and "sinh" of "sinh hoạt" (heldout26)."""
    runs: list[tuple[str, ...]] = []
    for ph in topic.phrases:
        whole = topic.stranded.get(ph)
        if whole and runs and topic.stranded.get(runs[-1][-1:]) == whole and _adjacent(whole, runs[-1], ph):
            runs[-1] = runs[-1] + ph
        else:
            runs.append(ph)
    return [ph for ph in dict.fromkeys(runs) if not set(ph) <= C.PROCEDURE_WORDS]


def _adjacent(whole: tuple[str, ...], run: tuple[str, ...], nxt: tuple[str, ...]) -> bool:
    """Whether ``nxt`` follows ``run`` in the phrase ``whole``."""
    both = run + nxt
    return any(whole[i:i + len(both)] == both for i in range(len(whole) - len(both) + 1))


def _says(text: str, phrase: tuple[str, ...], topic: str) -> bool:
    return contains(folded_syllables(text), phrase) and marks_agree(text, topic, phrase)


def choose(docs: list[Document], procs: dict[str, list[Procedure]], topic: M.Topic,
           top: Document | None = None, internal: bool = False) -> tuple[Document, list[Procedure]] | None:
    """The decision whose procedures a post tells, with those procedures; None for a post of
    sentences. ``top``: the document the sentences on the topic would speak for. Its procedures
    take its place when the topic names them, or names its field in the title; another
    decision's never do: on "du lịch" a plan for eco-tourism is no poorer post than a card of
    permits for tourist boats. With no sentence on the topic (``top`` None), the decision whose
    procedures the topic names most: a topic the documents cover is never declined."""
    found = []
    for d in [top] if top is not None else docs:
        named = matching(procs.get(d.id, []), topic, _titled(d, topic), internal)
        if named and points(d, named, "zalo"):
            # rows that say how long, what it costs or where to file before a list of names alone
            detailed = any(p.time or p.fee or p.place or p.way for p in named)
            found.append((not detailed, -len(named), d.id, d, named))
    if not found:
        return None
    *_, doc, named = min(found, key=lambda f: f[:3])
    return doc, named


# Where a procedure decision's title turns from the field to the body that settles it ("... lĩnh
# vực tài nguyên nước thuộc thẩm quyền giải quyết của Sở Nông nghiệp và Môi trường").
_TITLE_BODY = re.compile(r"\s(?:thuộc|của)\s", re.I)


def _titled(doc: Document, topic: M.Topic) -> bool:
    """The topic names the document (its number), or every phrase of the topic is in the title
    before the body it names: "nông nghiệp" in "Sở Nông nghiệp và Môi trường" is no field."""
    if M.doc_about(doc, topic.refs):
        return True
    field = _TITLE_BODY.split(doc.facts.title or "", maxsplit=1)[0]
    phrases = _own_phrases(topic)
    return bool(phrases) and all(contains(folded_syllables(field), ph) for ph in phrases)


def turn(procs: list[Procedure], variant: int) -> list[Procedure]:
    """Another variant tells the next procedures of a long list, the same ones of a short list."""
    start = variant * MAX_PROCEDURES["facebook"]
    return procs[start:] + procs[:start] if start < len(procs) else procs


def points(doc: Document, procs: list[Procedure], channel: str) -> list[T.Point]:
    """One point per procedure (name, time, fee), then where to file when they share the place."""
    chosen: list[Procedure] = []
    for p in procs:
        if fold(p.name) not in {fold(c.name) for c in chosen}:
            chosen.append(p)
    chosen = chosen[:MAX_PROCEDURES.get(channel, 2)]
    speech = channel == "loa"
    places = _places(chosen, speech)
    shared = len(set(places)) == 1 and places[0] != ""
    out: list[T.Point] = []
    named: list[Procedure] = []  # procedures whose table gives neither time nor fee: named together
    for p, place in zip(chosen, places):
        details = [d for d in (_time(p.time, speech), _fee(p.fee, speech)) if d]
        if place and not shared:
            details.append(_filing(place, P.PROCEDURE_PLACE_OF))
        if details:
            form = P.PROCEDURE_POINT_SPOKEN if speech else P.PROCEDURE_POINT
            out.append(_point(doc, p, form.format(name=name_of(p), details=_joined(details, speech))))
        elif shared or not place:  # the place said once below, or a list of names alone (the
            named.append(p)  # decision's title says what they share: "thực hiện phi địa giới hành chính")
    named = named[:1] if speech else named  # aloud, one name and where to file fit a bulletin
    if named:  # one sentence, also aloud ("Theo đó, thủ tục “...”." is none)
        names = "; ".join(f"“{C.strip_asides(p.name).rstrip(' .;')}”" for p in named)
        told = len(named) + len(out)
        if told < len({fold(p.name) for p in procs}):
            form = P.PROCEDURE_NAMES_AMONG  # a list cut to the post's length is never said to be all
        else:
            form = P.PROCEDURE_NAMES if len(named) > 1 else P.PROCEDURE_NAME_ONLY
        out.insert(0, _point(doc, named[0], form.format(names=names)))
    if out and shared:
        if speech:  # said second: a bulletin cut to its length keeps where to go
            out.insert(1, _point(doc, chosen[0], _filing(places[0], P.PROCEDURE_PLACE_SPOKEN)))
        else:
            out.append(_point(doc, chosen[0], _filing(places[0], P.PROCEDURE_PLACE)))
    return out


def _joined(details: list[str], speech: bool) -> str:
    """A written point lists its details after a colon; read aloud they run on as one sentence
    ("... được giải quyết trong 02 ngày làm việc. Mức phí, lệ phí là ..."), never cell by cell."""
    if not speech:
        return "; ".join(details)
    rest = [d[:1].upper() + d[1:] for d in details[1:]]  # each further detail a sentence of its own
    return ". ".join([details[0]] + rest)


# How a way of filing is said after "nộp hồ sơ" (folded openings): how, already ("trực tiếp tại
# ...", "qua ..."); by a channel, after "qua" ("Dịch vụ bưu chính"); else a place, after "tại".
_HOW = ("truc tiep", "truc tuyen", "qua ", "nop ", "gui ", "tai ")
_CHANNEL = ("dich vu buu chinh", "buu chinh", "duong buu chinh", "cong dich vu cong", "he thong")


def _filing(place: str, form: str) -> str:
    """Where to file as a sentence: the places, then the ways, "hoặc" before the last ("tại Trung
    tâm Phục vụ hành chính công cấp xã, theo hình thức trực tiếp, qua dịch vụ bưu chính hoặc trực
    tuyến ..."), never the table's cells with their semicolons, ways listed as if places."""
    places, ways = [], []
    for item in place.split("; "):
        item = item.strip(" ,;.")
        f = fold(item)
        if f.startswith(_HOW):
            ways.append(item[:1].lower() + item[1:])
        elif f.startswith(_CHANNEL):
            ways.append(P.PROCEDURE_BY.format(way=item[:1].lower() + item[1:]))
        elif item:
            places.append(item)
    said = P.PROCEDURE_AT.format(place=_either(places)) if places else ""
    if ways and said:  # the places, then how: "tại A hoặc B, theo hình thức trực tiếp, qua ... hoặc ..."
        joined = P.PROCEDURE_WAYS if fold(ways[0]).startswith("truc tiep") else P.PROCEDURE_WAYS_BY
        said = joined.format(places=said, ways=_either(ways))
    elif ways:
        said = _either(ways)
    return form.format(place=said)


def _either(items: list[str]) -> str:
    """"A, B hoặc C"; ", hoặc" when an item has its own ("tỉnh/cấp xã" is read "tỉnh hoặc cấp xã")."""
    if len(items) < 2:
        return "".join(items)
    inner = any("/" in i or P.PROCEDURE_OR in i for i in items[:-1])
    return ", ".join(items[:-1]) + ("," if inner else "") + P.PROCEDURE_OR + items[-1]


def name_of(p: Procedure) -> str:
    name = p.name.rstrip(" .;")
    return name if fold(name).startswith("thu tuc") else P.PROCEDURE_NAMED.format(name=name)


def _point(doc: Document, p: Procedure, text: str) -> T.Point:
    return T.Point(text, doc, doc.text[p.start:p.end].strip(), p.group)


def _time(cell: str, speech: bool = False) -> str:
    """The time limit as the point says it; read aloud, as the predicate of the procedure's name
    ("được giải quyết trong ...", "có thời hạn giải quyết là ...")."""
    cases = C.time_cases(cell)
    if not cases:
        span = C.time_range(cell)  # "từ 6 đến 24 giờ làm việc", by case
        return (P.PROCEDURE_TIME_SPOKEN if speech else P.PROCEDURE_TIME).format(
            time=P.PROCEDURE_TIME_RANGE.format(span=span)) if span else ""
    text, f = "; ".join(cases), fold(cases[0])
    within = len(cases) == 1 and f.startswith("trong")
    if len(cases) == 1 and (f[:1].isdigit() or re.match(r"(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\b", f)):
        text, within = P.PROCEDURE_TIME_WITHIN.format(time=text), True
    if within:
        return (P.PROCEDURE_TIME_SPOKEN if speech else P.PROCEDURE_TIME).format(time=text)
    if f.startswith("thoi han"):  # "Thời hạn thực hiện yêu cầu chứng thực là ngay trong ngày ..."
        return P.PROCEDURE_TIME_OWN_SPOKEN.format(time=text[:1].lower() + text[1:]) if speech else text
    return (P.PROCEDURE_TIME_LABEL_SPOKEN if speech else P.PROCEDURE_TIME_LABEL).format(time=text)


# A case and its amount: "Từ ngày ...: 30.000 đồng", "Đối với ...: ..."; a label ("Phí thẩm định: ...") is none.
_CASE = re.compile(r"^((?:từ|kể từ|trước|sau|đối với|trường hợp)\b[^:]{2,120}?):\s*(\S.*)$", re.I)


def _fee(cell: str, speech: bool = False) -> str:
    free, amount = C.fee(cell)
    if free:
        return P.PROCEDURE_NO_FEE
    if fold(amount).startswith(("khong quy dinh", "khong qui dinh")):
        return ""  # "phí: không quy định" tells a reader nothing (heldout33); answers still quote it
    if amount:  # "Từ ngày 01/7/2025 đến ...: 30.000 đồng/bộ; từ ...: 60.000 đồng" -> the amount, then when
        amount = "; ".join(_CASE.sub(lambda m: f"{m[2]} {m[1][:1].lower()}{m[1][1:]}", c.strip())
                           for c in amount.split("; "))
    return (P.PROCEDURE_FEE_SPOKEN if speech else P.PROCEDURE_FEE).format(fee=amount) if amount else ""


def _places(procs: list[Procedure], speech: bool) -> list[str]:
    return [C.place(p.place, p.way, speech) for p in procs]  # "Như trên" was read as the row above
