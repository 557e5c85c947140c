"""How the sentences on a topic rank for a post's audience: a sentence for everyone over a
body's task, a document that says much on the topic over one that names it once, the office's
own text over a restored scan. ``ranked`` gives the candidates a post chooses its points from."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from troly.bot.posts import audience as A
from troly.bot.posts import library as L
from troly.bot.posts import material as M
from troly.bot.posts.bodies import body_of, with_body
from troly.bot.posts.phrases import contains
from troly.models import Document
from troly.vn.abbreviations import spell_out, written_out

MIN_SCORE = 0.5
# A document with this many sentences on the topic gets the full weight over one that names it
# once (about the gain of a public sentence, 1.5, less a target's 0.5): set on the heldout8 verdicts
# (stop 21), where a single passing target outranked a plan with five sentences on the topic.
DOC_FOCUS_SENTENCES = 5
# A body's task naming what people gain ranks below a sentence for everyone at equal merit: news
# of a benefit, but told as a body's work (half a phrase found, as the other weights here).
RESERVE_PENALTY = 0.5
DOC_FOCUS_WEIGHT = 1.0


@dataclass
class Candidate:
    score: float
    entry: L.Entry
    doc: Document
    text: str  # the point as shown: core clause, cleaned


def ranked(found: list[tuple[L.Entry, Document, bool]], t: M.Topic, weights: dict, in_hit: dict,
           audience: str, defined: dict[str, dict[str, str]] | None = None) -> list[Candidate]:
    """The sentences for the audience that score enough; for citizens, when the documents only
    task bodies, the tasks that name what people gain."""
    out: list[Candidate] = []
    reserve: list[Candidate] = []
    per_doc = Counter(d.id for _, d, _ in found)  # sentences on the topic, by document
    for e, d, about in found:
        if not _for(e.reading, audience) and not e.reading.gain:
            continue
        s = M.score(e.unit, t, about, weights, M.title_phrases(d, t)) + _audience_bonus(e.reading, audience)
        if e.unit.start < body_start(d):
            s -= 0.6  # the title block and recitals repeat the document's name
        if d.facts.repaired:
            s -= 0.1  # same merit: the office's own text over a restored scan
        if e.unit.detail:
            s -= 0.2  # same merit: the rule before its sub-cases ("điều chỉnh", "tăng thêm phòng")
        s += _focus(per_doc[d.id], all(contains(M.content_words(" ".join(e.path)), p) for p in t.phrases))
        s += 0.5 * max((w for (di, a, b), w in in_hit.items()
                        if di == d.id and a <= e.unit.start < b), default=0.0)
        reserved = not _for(e.reading, audience)
        if reserved:
            s -= RESERVE_PENALTY
        if s >= MIN_SCORE:
            shown = written_out(spell_out(_subject(A.core_clause(e.unit.text, e.reading), e),
                                          (defined or {}).get(d.id, {})))
            c = Candidate(s, e, d, shown)
            (reserve if reserved else out).append(c)
    return out + reserve  # for citizens, public sentences first (``_material``), else the best


def _focus(n: int, headed: bool) -> float:
    """How much a document says on the topic: a post speaks for one document, the one with the
    most sentences on it (``n``), not one that names it once among other things (a target on
    women directors "of enterprises and co-operatives" is no post on co-operatives). A section
    whose heading names the topic (``headed``: "1. Lãi suất cho vay hộ nghèo, ...") is about it."""
    if headed:
        return DOC_FOCUS_WEIGHT
    return DOC_FOCUS_WEIGHT * min(1.0, (n - 1) / (DOC_FOCUS_SENTENCES - 1))


def _subject(text: str, e: L.Entry) -> str:
    """A task written without its subject under the heading naming its body, given it back
    ("Thẩm duyệt thiết kế ..." under "5. Công an tỉnh" -> "Công an tỉnh thẩm duyệt thiết kế ...")."""
    body = body_of(e.path) or e.lead
    if text != e.unit.text or not body:
        return text
    if text.startswith(body + " "):  # the heading run into its item: "Sở Y tế Hướng dẫn ..."
        text = text[len(body):].strip()
    return with_body(text, body) if A.opens_with_verb(text) else e.unit.text


def body_start(doc: Document) -> int:
    """Where the first section starts: the title block and the recitals stand before it."""
    return min((sec.start for sec in doc.sections), default=0)


def _audience_bonus(reading: A.Reading, audience: str) -> float:
    if audience == "dan":
        # a target's figure or a grant's amount: what the document promises, before how
        return (1.5 if reading.kind == A.PUBLIC else 0.0) + (0.5 if reading.target or reading.grant else 0.0)
    return 0.5 if reading.kind == A.INTERNAL else 0.3 if reading.kind == A.PUBLIC else 0.0


def _for(reading: A.Reading, audience: str) -> bool:
    """Internal procedure is for cadres only."""
    return audience == "canbo" or reading.kind != A.INTERNAL
