"""Answers from assignment rows and from the document list: duties, leads, deadlines, lists."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from troly.bot.answer.library import Library
from troly.bot.answer.query import LIST_TYPE, Query, bigrams, content_words, frame_words
from troly.bot.answer.quotes import label, overlap, repaired_note, source, terms, trim
from troly.models import Answer, Assignment
from troly.prompts import answers as msg
from troly.vn.abbreviations import expand_abbreviations, spell_out_initials
from troly.vn.docnum import TYPE_WORDS, type_code
from troly.vn.organisations import member_of_collective
from troly.vn.text import fold, folded_syllables

_AGENCY_Q = re.compile(
    r"^(?:theo .{0,80}?,\s*)?"
    # "Công văn 11414 yêu cầu UBND tỉnh Đồng Nai làm gì": the document that asks is not who
    r"(?:(?:" + "|".join(sorted(TYPE_WORDS.values(), key=len, reverse=True)) + r"|van ban)\s+(?:so\s+)?\S*\d\S*\s+"
    r"(?:yeu cau|giao cho|giao|de nghi|chi dao)\s+)?"
    r"(?P<agency>.+?)\s+(?:co nhiem vu|phai lam|lam gi|co trach nhiem|can lam|duoc giao|"
    # "Bộ Công Thương chủ trì (những) nhiệm vụ nào": the role it plays is not its name
    r"(?:chu tri|phoi hop|thuc hien)\s+(?:nhung\s+|cac\s+)?(?:nhiem vu|viec|cong viec)|"
    r"nhiem vu|bao cao)\b"
)
ANSWER_LIMIT = 780


def agency_in_question(q: Query, places: Iterable[str] = ()) -> list[str]:
    """Folded words of the agency a duty question names ("ban tuyen giao huyen uy").

    ``places`` (folded place names of the documents) are dropped: in "Mặt trận Tổ quốc huyện Mỹ
    Tú" the place says which document, not who; it is matched as a whole name, so "Văn hóa"
    keeps its word in a base with a place called "Hòa An"."""
    m = _AGENCY_Q.search(q.folded)
    if not m:
        return []
    # "... của huyện ở Lâm Đồng", "... theo kế hoạch ...": where and under which plan is not who.
    agency = " ".join(folded_syllables(re.split(r"\s+(?:o|theo|trong|voi)\s+", m.group("agency"))[0]))
    for place in [p for p in places if p in agency]:
        agency = re.sub(rf"\b{re.escape(place)}\b", " ", agency)
    return folded_syllables(expand_abbreviations(agency))


@lru_cache(maxsize=16384)
def _agency_words(agency: str) -> tuple[str, ...]:
    return tuple(folded_syllables(expand_abbreviations(fold(agency))))


@lru_cache(maxsize=16384)
def _levels(words: tuple[str, ...]) -> frozenset[str]:
    """The administrative levels an agency's folded words name: tỉnh, huyện, xã, thành (phố/ủy), ...
    ("xã hội" and "thanh niên" are no level)."""
    out = set()
    for w, nxt in zip(words, words[1:] + ("",)):
        if w in ("tinh", "huyen", "quan", "phuong") or (w == "xa" and nxt != "hoi") or \
                (w == "thanh" and nxt in ("uy", "pho")) or (w == "thi" and nxt in ("uy", "xa", "tran")):
            out.add(w)
    return frozenset(out)


def agency_match(words: list[str], agency: str) -> float:
    """How well an assignment's agency matches the asked one (share of the asked words it has).

    Abbreviations no table lists ("Phòng VH&TT") are read by the initials of this agency's name."""
    if not words:
        return 0.0
    words = spell_out_initials(words, list(_agency_words(agency)))
    asked, given = _levels(tuple(words)), _levels(_agency_words(agency))
    if asked and given and asked.isdisjoint(given):
        return 0.0  # "Ban Tuyên giáo Thành ủy" is not the Huyện ủy's, however alike the names
    hs, hg = terms(agency)
    uni = sum(w in hs for w in words) / len(words)
    grams = [f"{a} {b}" for a, b in zip(words, words[1:])]
    bi = sum(g in hg for g in grams) / len(grams) if grams else uni
    return 0.4 * uni + 0.6 * bi


def _rows(kb_rows: list[tuple[str, Assignment]], docs: list[str] | None) -> list[tuple[str, Assignment]]:
    if docs is None:
        return kb_rows
    wanted = set(docs)
    return [(d, a) for d, a in kb_rows if d in wanted]


def _matches(words: list[str], rows: list[tuple[str, Assignment]]) -> list[tuple[float, str, Assignment]]:
    """Rows whose agency matches ``words`` (≥ 0.6), each distinct agency name scored once: district
    copies repeat them across thousands of rows."""
    score = {name: agency_match(words, name) for name in {a.agency for _, a in rows}}
    return [(score[a.agency], d, a) for d, a in rows if score[a.agency] >= 0.6]


def _best(scored: list[tuple[float, str, Assignment]], threshold: float) -> tuple[str, Assignment] | None:
    """The best-scoring row when it clears ``threshold``."""
    if not scored:
        return None
    s, d, a = max(scored, key=lambda x: x[0])
    return (d, a) if s >= threshold else None


def _duty_rows(words: list[str], lib: Library,
               scored: list[tuple[float, str, Assignment]]) -> tuple[str, list[Assignment]] | None:
    """(document, the agency's tasks there) for the agency best matching ``words`` (``scored``: its
    ``_matches``)."""
    if not scored:
        return None
    top = max(s for s, _, _ in scored)
    # The best-matching agency in the best document; of equal matches, the one with the fewest
    # words the question did not name ("Ủy ban nhân dân huyện" before "UBND huyện, các cấp ủy").
    best = sorted(((d, a) for s, d, a in scored if s >= top - 1e-9),
                  key=lambda x: len(terms(x[1].agency)[0] - set(words)))
    doc_id, agency = best[0][0], best[0][1].agency
    same = terms(agency)[0]
    # All the agency's tasks in that document, under any spelling ("UBND huyện" = "Ủy ban nhân dân huyện").
    tasks = [a for a in lib.docs[doc_id].assignments if terms(a.agency)[0] == same] or \
        [a for d, a in best if d == doc_id]
    return doc_id, tasks


def duty(q: Query, lib: Library, rows: list[tuple[str, Assignment]], docs: list[str]) -> Answer | None:
    words = agency_in_question(q, lib.places)
    if not words:
        return None
    rows = _rows(rows, docs or None)
    found, member = _duty_rows(words, lib, _matches(words, rows)), None
    if found is None and (collective := member_of_collective(words)):
        # "Hội Nông dân có nhiệm vụ gì": no row names it; the rows of "các tổ chức chính trị - xã hội" bind it
        member, words = collective
        found = _duty_rows(words, lib, _matches(words, rows))
    if found is None:
        return None
    doc_id, tasks = found
    doc = lib.docs[doc_id]
    # "... trách nhiệm gì trong tổ chức thực hiện": the tasks under the section the question names first
    named = set(words) | {w for r in q.refs for w in fold(q.text[r.start:r.end]).replace("/", " ").replace("-", " ").split()}
    extra = [w for w in q.content if w not in named and w not in ("trach", "nhiem", "vu", "lam", "thong", "bao")]
    if extra:
        tasks.sort(key=lambda a: -int(overlap(extra, a.section.split("›")[0]) >= 0.5))
    agency = re.sub(r"^(Các|Những)\b", lambda m: m.group(1).lower(), tasks[0].agency)  # mid-sentence
    head = msg.DUTY_HEAD.format(label=label(doc), agency=agency)
    if member:
        head = msg.DUTY_VIA_COLLECTIVE.format(member=member, label=label(doc), agency=agency)
    lines, sources, used = [head], [], len(head)
    shown = tasks[:6]
    for n, a in enumerate(shown, 1):
        suffix = (msg.TASK_DEADLINE.format(deadline=a.deadline_text) if a.deadline_text else "") + f" [{n}]"
        # share what is left between this task and the ones after it
        room = (ANSWER_LIMIT - used) // (len(shown) - n + 1) - len(suffix) - 4
        if room < 80 and n > 1:
            break
        line = f"{n}. {trim(a.task, max(room, 80))}{suffix}"
        lines.append(line)
        used += len(line) + 1
        sources.append(source(doc, a.start, a.end, a.section))
    return Answer("\n".join(lines) + repaired_note(doc), False, "duty", sources, [doc_id])


# Words of "giao ai làm gì", "phân công những nhiệm vụ nào", "cơ quan nào chịu trách nhiệm": they
# ask for the assignments, and name no task (folded).
ASKING_WORDS = frozenset("giao nhiem vu lam cong viec phan trach chiu phu co quan don vi thuc hien nhung nao "
                         "cac ai gi".split())


def overview(lib: Library, doc_id: str) -> Answer | None:
    """"Công văn 11414 giao ai làm gì?": each body the document tasks (in its order), with its first
    task and deadline; ``None`` when it assigns nothing."""
    doc = lib.docs[doc_id]
    groups: dict[frozenset[str], list[Assignment]] = {}
    for a in sorted(doc.assignments, key=lambda a: a.start):
        groups.setdefault(terms(a.agency)[0], []).append(a)  # "UBND huyện" = "Ủy ban nhân dân huyện"
    if not groups:
        return None
    head = msg.OVERVIEW_HEAD.format(label=label(doc), n=len(groups))
    lines, sources, used = [head], [], len(head)
    shown = list(groups.values())[:6]
    for n, tasks in enumerate(shown, 1):
        a = tasks[0]
        suffix = (msg.TASK_DEADLINE.format(deadline=a.deadline_text) if a.deadline_text else "") + \
            (msg.OVERVIEW_TASKS_MORE.format(n=len(tasks) - 1) if len(tasks) > 1 else "") + f" [{n}]"
        # share what is left between this body and the ones after it; each keeps a clause of its task
        room = (ANSWER_LIMIT - used) // (len(shown) - n + 1) - len(suffix) - len(a.agency) - 6
        line = f"{n}. {a.agency}: {trim(a.task.lstrip(' ,;:'), max(room, 40))}{suffix}"
        if n > 1 and used + len(line) > ANSWER_LIMIT:
            break
        lines.append(line)
        used += len(line) + 1
        sources.append(source(doc, a.start, a.end, a.section))
    if len(groups) > len(sources):
        lines.append(msg.OVERVIEW_MORE.format(n=len(groups) - len(sources)))
    return Answer("\n".join(lines) + repaired_note(doc), False, "duty", sources, [doc_id])


def duty_elsewhere(q: Query, lib: Library, docs: list[str], rows: list[tuple[str, Assignment]]) -> Answer | None:
    """"UBND huyện có nhiệm vụ gì theo KH 114?" when KH 114 tasks it with nothing: say so, and
    which documents do task it (an abstention that points on). ``rows``: the candidates elsewhere."""
    words = agency_in_question(q, lib.places)
    if not (words and docs):
        return None
    asked = set(docs)
    scored = _matches(words, [(d, a) for d, a in rows if d not in asked])
    found = _duty_rows(words, lib, scored)
    if found is None:
        return None
    doc_id, tasks = found
    best = {}
    for sc, d, _ in scored:
        best[d] = max(best.get(d, 0.0), sc)
    # the document found first, then the best-matching ones (ids break ties: never set order)
    others = sorted(best, key=lambda d: (d != doc_id, -best[d], d))
    text = msg.DUTY_NOT_IN_DOC.format(label=" và ".join(label(lib.docs[d]) for d in docs[:2]), agency=tasks[0].agency,
                                      others="; ".join(label(lib.docs[d]) for d in others[:3]))
    return Answer(text, True, "abstain", [], others[:3])


def who_leads(q: Query, lib: Library, rows: list[tuple[str, Assignment]], docs: list[str]) -> Answer | None:
    """"Ai chủ trì X?": the assignment whose task best matches X; leads before partners."""
    asking = frame_words(q)  # "ai chủ trì", "giao cho ai": they ask, X is the rest
    words = [w for w in q.content if w not in asking]
    scored = []
    for d, a in _rows(rows, docs or None):
        s = overlap(words, a.task)
        if a.role in ("chủ trì", "phối hợp") or a.coordinators:
            s += 0.05
        scored.append((s, d, a))
    best = _best(scored, 0.4)  # below, "xây dựng" alone would pick a task for "xây dựng kho dữ liệu"
    if best is None:
        return None
    d, a = best
    doc = lib.docs[d]
    partners = msg.LEAD_PARTNERS.format(who=", ".join(a.coordinators)) if a.coordinators else ""
    deadline = msg.DEADLINE_SUFFIX.format(deadline=a.deadline_text) if a.deadline_text else ""
    role = a.role if a.role != "thực hiện" else "được giao thực hiện"
    text = msg.LEAD_ANSWER.format(agency=a.agency, role=role, partners=partners, deadline=deadline)
    text += f" Nhiệm vụ: {trim(a.task, 260)} [1]"
    return Answer(text + repaired_note(doc), False, "who_leads", [source(doc, a.start, a.end, a.section)], [d])


def deadline(q: Query, lib: Library, rows: list[tuple[str, Assignment]], docs: list[str]) -> Answer | None:
    """"Hạn báo cáo ... khi nào?": the dated assignment that best matches the question."""
    words = q.content

    def match(d: str, a: Assignment) -> float:
        # the whole paragraph (the task is trimmed; "báo cáo ... trước ngày 15/5" may be past the cut)
        said = lib.docs[d].text[a.start:a.end] if d in lib.docs else a.task
        return overlap(words, f"{said} {a.agency}")

    # a row must match the task asked; among those, a day before a year ("hạn chót ... ngày nào" asks
    # for a date). The date's bonus ranks the matches and never makes one.
    matched = [(m, d, a) for d, a in _rows(rows, docs or None) if a.deadline_text and (m := match(d, a)) >= 0.2]
    cands = [(m + (0.2 if len(a.deadline_date) == 10 else 0.1 if a.deadline_date else 0), d, a) for m, d, a in matched]
    best = _best(cands, 0.2)
    if best is None:
        return None
    d, a = best
    doc = lib.docs[d]
    text = f"Thời hạn: {a.deadline_text} — {a.agency}: {trim(a.task, 300)} [1]"
    return Answer(text + repaired_note(doc), False, "deadline", [source(doc, a.start, a.end, a.section)], [d])


def deadline_list(lib: Library, rows: list[tuple[str, Assignment]], docs: list[str]) -> Answer | None:
    dated = [(d, a) for d, a in _rows(rows, docs or None) if len(a.deadline_date) == 10]
    if not dated:
        return None
    dated.sort(key=lambda x: x[1].deadline_date)
    lines, sources = [msg.DEADLINES_HEAD], []
    for n, (d, a) in enumerate(dated[:6], 1):
        doc = lib.docs[d]
        lines.append(f"{n}. " + msg.DEADLINE_ITEM.format(date=a.deadline_text, agency=a.agency, task=trim(a.task, 140),
                                                        label=label(doc)) + f" [{n}]")
        sources.append(source(doc, a.start, a.end, a.section))
    return Answer("\n".join(lines), False, "deadline_list", sources, sorted({d for d, _ in dated}))


# Words of a list question that name no topic: "liệt kê các văn bản hướng dẫn trong cơ sở dữ liệu".
_LIST_WORDS = frozenset("van ban nao du lieu co so liet ke danh sach tat ca hien gi khong".split()) | \
    frozenset(w for name in TYPE_WORDS.values() for w in name.split())


def doc_list(q: Query, lib: Library, heading: str | None = None, only: list[str] | None = None) -> Answer | None:
    """The documents (on the question's topic, if it names one; None when none is on it)."""
    docs = [lib.docs[d] for d in (only or lib.docs)]
    asked_type = LIST_TYPE.search(q.folded) if only is None else None
    if asked_type:  # "có những kế hoạch nào"
        code = type_code(asked_type.group("type"))
        docs = [d for d in docs if type_code(d.facts.type) == code]
        if not docs:
            return None
    topic = [w for w in content_words(q.folded) if w not in _LIST_WORDS]
    if topic and only is None:
        # "về giá xăng dầu": pairs of words, not syllables ("giá" and "dầu" are in every plan)
        units = set(bigrams(topic)) or set(topic)
        need = max(1, round(0.6 * len(units)))
        docs = [d for d in docs if len(lib.topic_words.get(d.id, frozenset()) & units) >= need]
        if not docs:
            return None
    docs.sort(key=lambda d: (d.facts.date or "0000", d.id), reverse=True)
    head = heading or msg.DOC_LIST_HEAD.format(n=len(docs))
    lines, sources = [head], []
    share = (ANSWER_LIMIT - len(head)) // max(len(docs[:8]), 1)
    for n, d in enumerate(docs[:8], 1):
        when = re.sub(r"^ngày\s+(?=tháng)", "", d.facts.date_text or d.facts.date)  # a blank day
        name = f"{n}. {label(d)}" + (f" ({when})" if d.facts.date else "")
        if d.facts.key:  # a document without a number is already named by its title
            name += f": {trim(d.facts.title, max(60, share - len(name) - 8))}"
        lines.append(f"{name} [{n}]")
        pos = d.text.find(d.facts.title[:50]) if d.facts.title else -1
        a = pos if pos >= 0 else 0
        sources.append(source(d, a, min(len(d.text), a + max(len(d.facts.title), 80))))
    if len(docs) > 8:
        lines.append(msg.DOC_LIST_MORE.format(n=len(docs) - 8))
    return Answer("\n".join(lines), False, "doc_list", sources, [d.id for d in docs[:8]])


def implements(q: Query, lib: Library) -> Answer | None:
    """"Văn bản nào thực hiện / nhắc đến NQ 57?": the documents that cite it."""
    ref = q.subject or (q.refs[0] if q.refs else None)  # "văn bản nào thực hiện NQ 57": the ref follows "thực hiện"
    if ref is None:
        return None
    ids = lib.citing(ref)
    if not ids:
        return None
    name = q.text[ref.start:ref.end] if ref.end <= len(q.text) else ref.key
    head = msg.MENTIONS_HEAD if q.intent == "mentions" else msg.IMPLEMENTS_HEAD
    ans = doc_list(q, lib, heading=head.format(ref=name), only=ids)
    assert ans is not None  # a given list is never filtered by topic
    ans.intent = q.intent
    return ans

