"""Answers on an administrative procedure a decision announces: how long it takes, what it
costs, where and how to file it, from the decision's procedure table (``troly.ingest.procedures``).

Such a table is one row a procedure, one column a fact, so "cấp phép hoạt động liên quan đến đê
điều giải quyết trong bao lâu" has its answer in one cell; passages of the row read as text
("| 01 | 1.013644 | Cấp phép ... | Trong thời hạn ...") answer it badly. The procedure is told
by the words of its name the question holds; the decision by the place the question names when
several provinces announce the same procedure, else each one's answer is given.
"""
from __future__ import annotations

import functools
import re

from troly.bot.answer.context import Context
from troly.bot.answer.quotes import label, source
from troly.ingest import procedure_cells as C
from troly.ingest.procedures import Procedure
from troly.models import Answer, Document
from troly.prompts import answers as msg
from troly.vn.case import issuer_phrase, lower_first
from troly.vn.text import fold, folded_syllables

# What is asked of a procedure, by the question's folded words.
_ASKS = (
    ("time", re.compile(r"\b(bao lau|may ngay|bao nhieu ngay|thoi han giai quyet|thoi gian giai quyet|"
                        r"mat bao lau|trong bao lau|bao gio (co|nhan) ket qua|lau khong)\b")),
    ("fee", re.compile(r"\b(le phi|phi|bao nhieu tien|mat tien|ton (bao nhieu|tien)|mien phi|tra tien)\b")),
    ("place", re.compile(r"\b(o dau|(nop|gui) (ho so )?((o|tai|den) )?dau|noi nop|dia diem|nop truc tuyen|"
                         r"nop online|cach thuc|nop (nhu )?the nao|nop qua)\b")),
)
# Words that ask or join, never a procedure's name ("chứng thực" keeps its "thực", "bản sao" its "bản").
_ASKING = frozenset("a ai bao nhieu may mat co khong la gi nao the nhu o tai den cho cua ve va voi thi minh toi em "
                    "xin hoi biet muon can phai duoc nhe vay a oi thu tuc tthc cac nhung doi trong hoac dau "
                    "giai quyet".split())
# Share of the question's own word pairs a procedure's name must hold, and how many at least:
# set on the 25 procedure decisions of ../shared/corpus/real (stop 27) and the development
# questions of bench/real_dev.jsonl, where a question naming a procedure by its usual words
# ("cấp phép hoạt động liên quan đến đê điều") holds 70-100% of its pairs in the name, and one
# on something else ("học phí đại học công lập") none: single words meet by chance ("đại học",
# "đại diện", "khoa học"), pairs do not.
# Besides, four in five of its words: "đăng ký kết hôn" shares "đăng ký kết" with "Đăng ký kết quả
# thực hiện nhiệm vụ khoa học" but not "hôn".
MATCH_SHARE, MATCH_PAIRS, MATCH_WORDS = 0.5, 2, 0.8
MAX_DECISIONS = 3  # the same procedure in many provinces' decisions: this many answers at most


def asks(folded: str) -> list[str]:
    """What the question asks of a procedure: "time", "fee", "place" (in that order)."""
    return [name for name, rx in _ASKS if rx.search(folded)]


def _words(text: str) -> list[str]:
    """Folded syllables, a word that asks or joins left as a break ("")."""
    return ["" if w in _ASKING or w.isdigit() else w for w in folded_syllables(text)]


def _pairs(words: list[str]) -> set[str]:
    return {f"{a} {b}" for a, b in zip(words, words[1:]) if a and b}


def _named(folded: str) -> list[str]:
    """The question's words less its asking phrases ("mất bao lâu", "nộp ở đâu")."""
    for _, rx in _ASKS:
        folded = rx.sub(" , ", folded)
    return _words(folded.replace(",", " dau "))  # an asking phrase breaks the pairs around it


@functools.lru_cache(maxsize=4096)
def _name(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """A procedure's name as words and word pairs (asides left out), read once."""
    words = _words(C.strip_asides(name))
    return frozenset(w for w in words if w), frozenset(_pairs(words))


def _where(doc: Document) -> set[str]:
    return set(folded_syllables(f"{doc.facts.place} {doc.facts.issuer}"))


def find(ctx: Context) -> list[tuple[Document, Procedure]]:
    """The procedures the question names: the best match, in each decision that announces it.
    A place the question names is no word of a procedure's name, and the decision of that place
    is the only one whose words all count ("ở Bình Sơn": Bình Sơn's decision)."""
    asked = _named(ctx.q.folded)
    scored = []
    for doc, p in ctx.lib.procedures():
        if p.internal:
            continue
        where = _where(doc)
        own = ["" if w in where else w for w in asked]  # "ở Đắk Lắk" names the decision, not the procedure
        own_pairs, own_words = _pairs(own), {w for w in own if w}
        name, name_pairs = _name(p.name)
        hit = own_pairs & name_pairs
        if not own_pairs or len(hit) < min(MATCH_PAIRS, len(own_pairs)) or len(hit) < MATCH_SHARE * len(own_pairs):
            continue
        words_share = len(own_words & name) / len(own_words)
        if words_share < MATCH_WORDS:
            continue
        scored.append(((len(hit) / len(own_pairs), words_share, -len(name_pairs - own_pairs)), doc.id, doc, p))
    if not scored:
        return []
    scored.sort(key=lambda s: (tuple(-x for x in s[0]), s[1]))
    best = scored[0][0]
    out, seen = [], set()
    for key, doc_id, doc, p in scored:
        if key == best and doc_id not in seen:
            seen.add(doc_id)
            out.append((doc, p))
    return out[:MAX_DECISIONS]


def answer(ctx: Context) -> Answer | None:
    """The asked facts of the procedure the question names; None when it names none."""
    wanted = asks(ctx.q.folded)
    found = find(ctx) if wanted else []
    lines, sources = [], []
    for doc, p in found:
        parts = [part for part in (_part(kind, p) for kind in wanted) if part]
        if not parts:
            continue
        sources.append(source(doc, p.start, p.end))
        name = C.strip_asides(p.name)
        named = lower_first(name) if fold(name).startswith("thu tuc") else msg.PROCEDURE_NAMED.format(name=name)
        lines.append(msg.PROCEDURE_ANSWER.format(label=label(doc), issuer=issuer_phrase(doc.facts.issuer, doc.text),
                                                 name=named, facts="; ".join(parts), n=len(sources)))
    if not lines:
        return None
    ctx.trace.composer = "procedures"
    text = lines[0] if len(lines) == 1 else "\n".join([msg.PROCEDURE_MANY] + [f"- {ln}" for ln in lines])
    elsewhere = _place_not_found(ctx, [doc for doc, _ in found])
    if elsewhere:  # "... ở Cà Mau" answered from Cao Bằng's decision: said first, never implied
        text = msg.PROCEDURE_ELSEWHERE.format(place=elsewhere) + "\n" + text
    return Answer(text, False, ctx.q.intent, sources, [s.doc_id for s in sources])


def _place_not_found(ctx: Context, docs: list[Document]) -> str:
    """The place the question names (one the documents know) when no decision answering is of it."""
    asked = f" {' '.join(folded_syllables(ctx.q.folded))} "
    named = [pl for pl in sorted(ctx.lib.places) if f" {pl} " in asked]
    if not named or any(" ".join(folded_syllables(d.facts.place)) in named for d in docs):
        return ""
    return next((d.facts.place for d in ctx.lib.docs.values() if " ".join(folded_syllables(d.facts.place)) == named[0]),
                named[0])


def _part(kind: str, p: Procedure) -> str:
    if kind == "time":
        cases = C.time_cases(p.time)
        span = "" if cases else C.time_range(p.time)
        return msg.PROCEDURE_TIME.format(time="; ".join(cases) if cases else msg.PROCEDURE_TIME_RANGE.format(span=span)) \
            if cases or span else ""
    if kind == "fee":
        free, amount = C.fee(p.fee)
        return msg.PROCEDURE_NO_FEE if free else msg.PROCEDURE_FEE.format(fee=amount) if amount else ""
    where = C.place(p.place, p.way)
    return msg.PROCEDURE_PLACE.format(place=where) if where else ""
