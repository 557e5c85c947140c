"""Does a sentence speak to the topic asked, and what to suggest when no document does.

A topic is split into content phrases (``post_material.parse_topic``, abbreviations expanded:
"KH&CN" is "khoa học và công nghệ"). A phrase people type as one run of words ("khoa học công
nghệ nông nghiệp") is split where the documents split it: into the longest runs some sentence
contains ("khoa học công nghệ" + "nông nghiệp"). A point is on the topic when each phrase is
in the sentence or in what frames it (its document's title, its section headings), and at least
one is in the sentence itself. A topic no sentence is on is declined, with the phrases the
documents do cover that are nearest to it (shared words first, then the most common).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from troly.bot.posts import material as M
from troly.bot.posts.lexicon import BODY_HEADS, starts
from troly.bot.posts.phrases import contains, genitive, marks_agree, near, together
from troly.models import Document
from troly.vn.docnum import TYPE_NAMES, find_refs
from troly.vn.text import collapse_ws, fold, has_diacritics, marked_key, syllables

MAX_NGRAM = 8


def ngrams(sentences: list[list[str]], n: int = MAX_NGRAM) -> set[tuple[str, ...]]:
    """Every run of up to ``n`` words of the sentences (folded content words)."""
    out: set[tuple[str, ...]] = set()
    for s in sentences:
        for i in range(len(s)):
            for k in range(1, min(n, len(s) - i) + 1):
                out.add(tuple(s[i:i + k]))
    return out


# Words allowed between two pieces of a phrase typed as one ("khắc phục hậu quả do mưa lũ"); more
# and they are about different things ("môi trường kinh doanh ... vốn đăng ký"): heldout26.
PIECES_GAP = 3


def split_phrases(topic: M.Topic, grams: set[tuple[str, ...]]) -> M.Topic:
    """Phrases no sentence holds whole, split into the longest runs some sentence holds
    ("khắc phục hậu quả mưa lũ" -> "khắc phục hậu quả", "mưa lũ").

    A word no run holds stays as a phrase of its own, so that the topic is not covered; it is
    ``stranded`` with its whole phrase, which a sentence must then hold or be framed by
    (``on_topic``): one syllable ("số" of "kinh tế số") is in sentences on anything.
    """
    out: list[tuple[str, ...]] = []
    stranded: dict[tuple[str, ...], tuple[str, ...]] = {}
    split: dict[tuple[str, ...], tuple[str, ...]] = {}
    typed = " ".join(re.findall(r"[^\W_]+|[^\w\s]", fold(topic.text)))  # its words and its commas
    for p in topic.phrases:
        if p in grams or len(p) < 2:
            out.append(p)
            continue
        one = " ".join(p) in typed  # typed as one phrase, no comma inside ("buôn lậu, hàng giả" is two)
        i = 0
        while i < len(p):
            k = next((k for k in range(min(len(p) - i, MAX_NGRAM), 1, -1) if p[i:i + k] in grams), 1)
            out.append(p[i:i + k])
            if one:
                split[p[i:i + k]] = p
            if k == 1:
                stranded[p[i:i + 1]] = p
            i += k
    return M.Topic(topic.text, out, topic.refs, stranded, split)


def context_words(doc: Document, path: list[str]) -> list[str]:
    """What frames a sentence: its document's title and its section headings (content words)."""
    return M.content_words(" ".join([doc.facts.title, *path]))


def on_topic(unit: M.Unit, context: list[str], topic: M.Topic, about: bool, titled: bool = False,
             context_text: str = "") -> bool:
    """Each phrase in the sentence or its frame, one at least in the sentence (see module doc).

    A topic that names a document (``about``: the sentence's document is, or implements, it)
    is satisfied by that document's sentences, and so is a topic the document's title names
    whole (``titled``: a decision on internet points' hours is on "trò chơi điện tử" in each
    of its articles, which do not repeat the words). ``context_text``: the title and headings as
    written, for their marks.
    """
    if topic.refs and not (about or M.mentions_ref(unit, topic.refs)):
        return False
    if not topic.phrases:
        return True
    inside = [p for p in topic.phrases if M.has_phrase(unit, p) and marks_agree(unit.text, topic.text, p)]
    if not inside and not (about and topic.refs) and not titled:
        return False
    for p, whole in topic.stranded.items():
        # with the marks the topic was typed with: "cơ sở vật chất" is no "cổ vật"
        said = near(unit.folded, whole) and marks_agree(unit.text, topic.text, whole)
        framed = near(context, whole) and marks_agree(context_text, topic.text, whole)
        if not (said or framed):
            return False  # "số" alone, with "kinh tế" elsewhere, is no sentence on "kinh tế số"
    for whole in dict.fromkeys(topic.split.values()):
        # pieces of a phrase typed as one, all in the sentence, stand near one another in it, either
        # way round: "đăng ký kinh doanh" is not "môi trường kinh doanh ... vốn đăng ký" (heldout26)
        pieces = [p for p, w in topic.split.items() if w == whole]
        if all(p in inside for p in pieces) and not together(unit.folded, pieces, PIECES_GAP):
            return False
    # a title naming the topic's nouns with "của" between ("Đại hội lần thứ XIV của Đảng") names it
    return titled or all(p in inside or contains(context, p) for p in topic.phrases)


@dataclass
class Candidate:
    words: tuple[str, ...]  # folded content words
    shown: str  # as written


_SPLIT = re.compile(r"(?i)\s*(?:[,;:“”\"()]|\bvề\b|\bvà\b|\bcủa\b|\btrong\b|\bthực hiện\b|\bnhằm\b|"
                    r"\btuyên truyền\b|\bquán triệt\b|\btriển khai\b|\bgiai đoạn\b|\bđến năm\b|"
                    r"\bngày\b|\bsố(?=\s*\d)|\btrên địa bàn\b|\bđịnh hướng\b|\btầm nhìn\b)\s*")


_SUBJECT = re.compile(r"(?i)\s*(?:[;“”\"()]|\bvề\b|\bcủa\b|\bthực hiện\b|\bngày\b|\bsố(?=\s*\d)|"
                      r"\btrên địa bàn\b|\bgiai đoạn\b|\bđến năm\b)\s*")
_LEADING = re.compile(r"(?i)^(?:việc|v/v)\s+")
_TRAILING = re.compile(r"(?i)(?:\s+(?:và|của|cho|với|trong|các|những|để|theo))+$")
_TYPE_WORDS = {tuple(fold(n).split()) for n in TYPE_NAMES.values()}


def candidates(docs: list[Document]) -> list[Candidate]:
    """Phrases the documents are about: their titles' and cited subjects' whole subjects
    ("đột phá phát triển khoa học, công nghệ ...") and the pieces of those subjects."""
    seen: dict[tuple[str, ...], Candidate] = {}
    for d in docs:
        texts = [d.facts.title] + [c.subject for c in d.facts.cites]
        for t in texts:
            t = t.lower() if t.isupper() else (t or "")
            for piece in _SUBJECT.split(t) + _SPLIT.split(t):
                piece = _TRAILING.sub("", collapse_ws(piece).strip(" .,-–")).strip(" .,-–")
                piece = _LEADING.sub("", piece)  # "(về) việc chính sách thuế ...": the subject after it
                words = tuple(M.content_words(piece))
                if words in _TYPE_WORDS:
                    continue
                if 2 <= len(words) <= 14 and not any(ch.isdigit() for ch in piece) and words not in seen:
                    seen[words] = Candidate(words, piece[:1].lower() + piece[1:] if not piece[:2].isupper() else piece)
    return list(seen.values())


def suggestions(topic: M.Topic, docs: list[Document], counts: Counter,
                covered: Callable[[str], bool], n: int = 3, tries: int = 12) -> tuple[list[str], bool]:
    """Up to ``n`` phrases nearest to the topic that a post could be written on (``covered``,
    tried on the best ``tries`` only), and whether they are near: most shared words, else (none
    shares enough) what the documents say most."""
    asked = {w for p in topic.phrases for w in p}
    pairs = {p[i:i + 2] for p in topic.phrases for i in range(len(p) - 1)}
    syllable_count = len(syllables(topic.text))
    phrases = candidates(docs)
    key = _marked(topic.text)
    df = Counter(w for c in phrases for w in {key(x) for x in syllables(c.shown)})
    # the topic's own word: its syllable the documents' subjects name least ("lũ" of "phòng chống
    # lũ", "lương" of "lương cơ sở"); a phrase is near only if it names it
    own = min(syllables(topic.text), key=lambda w: df.get(key(w), 0) or len(phrases) + 1, default="")
    scored = []
    for c in phrases:
        shared = len(asked & set(c.words)) + 2 * sum(1 for i in range(len(c.words) - 1)
                                                     if c.words[i:i + 2] in pairs)
        if any(ch.isupper() for ch in c.shown[1:]) or starts(list(c.words), 0, BODY_HEADS):
            continue  # a body's or a place's name, not a subject ("ủy ban nhân dân cấp xã")
        said = counts.get(c.words, 0)
        if syllable_count >= 2 and (_in_common(topic.text, c.shown) < 2 or not _in_common(own, c.shown)):
            shared = 0  # one syllable in common is chance: "quyền hạn" is nothing near "hạn hán"; and
            # "bạo lực trên cơ sở giới" shares only "cơ sở" with "lương cơ sở", the common part
        if shared:  # shared words first, then the longer phrase
            scored.append((-shared, -len(c.words), -said, c.shown))
        elif len(c.words) >= 3:  # else what the documents say most, in phrases that name a subject
            scored.append((0, -said * min(len(c.words), 6), 0, c.shown))
    scored.sort()
    near_found = False
    out: list[str] = []
    for neg_shared, *_, shown in scored[:tries]:
        if out and not neg_shared and near_found:
            break  # the near ones only: what the documents say most is no nearer for being listed after them
        f = fold(shown)
        if f == fold(topic.text) or any(f in fold(o) or fold(o) in f for o in out):
            continue
        if covered(shown):
            out.append(shown)
            near_found = near_found or bool(neg_shared)
        if len(out) >= n:
            break
    return out, near_found


def _marked(topic: str) -> Callable[[str], str]:
    """How syllables are compared: with their marks when the topic has them."""
    return marked_key if has_diacritics(topic) else fold


def _in_common(topic: str, shown: str) -> int:
    """How many of the topic's syllables a phrase holds, with their marks where both have them
    (folded, "hạn hán" is one syllable twice)."""
    key = marked_key if has_diacritics(topic) and has_diacritics(shown) else fold
    return len({key(w) for w in syllables(topic)} & {key(w) for w in syllables(shown)})


def phrase_counts(sentences: list[list[str]], docs: list[Document]) -> Counter:
    """How many sentences hold each candidate phrase (to rank suggestions)."""
    postings: dict[str, set[int]] = {}
    for i, s in enumerate(sentences):
        for w in s:
            postings.setdefault(w, set()).add(i)
    counts: Counter = Counter()
    for words in {c.words for c in candidates(docs)}:
        ids = set.intersection(*(postings.get(w, set()) for w in words))
        counts[words] = sum(1 for i in ids if contains(sentences[i], words))
    return counts


def own_subject(doc: Document, t: M.Topic) -> bool:
    """Whether the title names every phrase of the topic before it names another document."""
    refs = find_refs(doc.facts.title)
    head = doc.facts.title[:refs[0].start] if refs else doc.facts.title
    words = M.content_words(head)
    return all(contains(words, p) or genitive(head, p) for p in t.phrases)


def touches(words: list[str], t: M.Topic, text: str = "") -> bool:
    """Whether ``words`` hold at least half of the topic's words; with ``text`` (the words as
    written), each with the marks the topic was typed with ("tôn giáo" holds no "giao thông")."""
    asked = {w for p in t.phrases for w in p}
    held = {w for w in asked & set(words) if not text or marks_agree(text, t.text, (w,))}
    return bool(asked) and 2 * len(held) >= len(asked)
