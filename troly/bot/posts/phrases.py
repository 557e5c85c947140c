"""Whether folded words hold a topic's phrase: whole, in the words people use for it instead,
or with a qualifier between two of its words; and whether a topic typed with its marks agrees
with a sentence's marks. Pure functions over folded syllables."""
from __future__ import annotations

import functools
import re

from troly.vn.text import fold, folded_syllables, has_diacritics, marked_key, syllables


def contains(seq: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether folded words hold a phrase (or the words people use for it instead)."""
    return has(seq, phrase)


NEAR_GAP = 2  # words allowed between two syllables of a phrase ("sóng viễn thông 5G" for "sóng 5G")


def near(seq: list[str], phrase: tuple[str, ...], gap: int = NEAR_GAP) -> bool:
    """The phrase's syllables in order, at most ``gap`` other words between two of them."""
    return _in_order(seq, [(syl,) for syl in phrase], gap)


def together(seq: list[str], parts: list[tuple[str, ...]], gap: int) -> bool:
    """The parts (runs of syllables) in any order within one window of ``seq`` that leaves at most
    ``gap`` other words per join ("đơn vị hành chính cấp xã sau sắp xếp" holds "sắp xếp" and "đơn vị
    hành chính"; Vietnamese puts a phrase's nouns either way round). A part found only in another
    form ("khoa học và công nghệ" for "khoa học công nghệ") is not judged: True."""
    width = sum(len(p) for p in parts) + gap * (len(parts) - 1)
    starts = [[i for i in range(len(seq) - len(p) + 1) if tuple(seq[i:i + len(p)]) == p] for p in parts]
    if not all(starts):
        return True
    for i in sorted({i for s in starts for i in s}):
        # a window from i: each part starts in it and ends in it
        if all(any(i <= j and j + len(p) <= i + width for j in s) for p, s in zip(parts, starts)):
            return True
    return False


# Words that, between two words of a phrase, turn it into its opposite.
_NEGATING = {"phi", "khong", "chua", "ngoai"}


def _in_order(seq: list[str], parts: list[tuple[str, ...]], gap: int, budget: int | None = None) -> bool:
    """The parts in order, each found at most ``gap`` words after the one before it (the nearest
    such place), and at most ``budget`` words skipped in all when a budget is given."""
    first = parts[0]
    for i in range(len(seq) - len(first) + 1):
        if tuple(seq[i:i + len(first)]) != first:
            continue
        at, spent, ok = i + len(first), 0, True
        for part in parts[1:]:
            limit = gap if budget is None else min(gap, budget - spent)
            skip = next((k for k in range(limit + 1) if tuple(seq[at + k:at + k + len(part)]) == part), -1)
            if skip < 0 or _NEGATING & set(seq[at:at + skip]):  # "đất phi nông nghiệp" is no "đất nông nghiệp"
                ok = False
                break
            spent += skip
            at += skip + len(part)
        if ok:
            return True
    return False


# Words people use for one another in topics and in documents: the everyday word and the legal
# term ("rác thải" is what the law calls "chất thải rắn"; "người già", "người cao tuổi").
_SAME = {("nguoi", "dan"): [("nhan", "dan")], ("nhan", "dan"): [("nguoi", "dan")],
         ("rac", "thai"): [("chat", "thai", "ran")], ("nguoi", "gia"): [("nguoi", "cao", "tuoi")],
         # the tree and its fruit, in the North's and the South's words
         ("cay", "an", "qua"): [("trai", "cay"), ("cay", "an", "trai")],
         ("trai", "cay"): [("cay", "an", "qua"), ("cay", "an", "trai")],
         # "xuất nhập cảnh" is written out as "nhập cảnh, xuất cảnh"; so is "xuất nhập khẩu"
         ("xuat", "nhap", "canh"): [("nhap", "canh"), ("xuat", "canh")],
         ("xuat", "nhap", "khau"): [("xuat", "khau"), ("nhap", "khau")]}


def variants(phrase: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The phrase and the words people use for it instead."""
    return [phrase] + _SAME.get(phrase, [])


def has(seq: list[str], phrase: tuple[str, ...]) -> bool:
    return any(_contains(seq, p) or _gapped(seq, p) for p in [phrase] + _SAME.get(phrase, []))


def _gapped(seq: list[str], phrase: tuple[str, ...], gap: int = NEAR_GAP) -> bool:
    """A phrase of several words with a qualifier between two of them, at most ``gap``
    syllables in all ("ứng dụng tiến bộ khoa học và công nghệ" for "ứng dụng khoa học công
    nghệ"). Only between words (syllable pairs, the usual Vietnamese word), never inside one,
    and only for phrases of two words or more: a single word is matched whole."""
    if len(phrase) < 4:
        return False
    words = [phrase[i:i + 2] for i in range(0, len(phrase) - 1, 2)]
    if len(phrase) % 2:
        words[-1] = words[-1] + phrase[-1:]
    return _in_order(seq, words, gap, budget=gap)


# Names of bodies that contain a phrase without being about it: "Ủy ban nhân dân" is not the people.
_NOT_AFTER = {("nhan", "dan"): {"ban", "dong", "an", "sat", "doi"}}


def _contains(seq: list[str], phrase: tuple[str, ...]) -> bool:
    n, bad = len(phrase), _NOT_AFTER.get(phrase, set())
    return any(tuple(seq[i:i + n]) == phrase and not (i and seq[i - 1] in bad)
               for i in range(len(seq) - n + 1))


def marks_agree(text: str, topic: str, phrase: tuple[str, ...]) -> bool:
    """A topic typed with its marks matches a sentence with marks only where they agree: "điện"
    is not "diễn biến", "sổ đỏ" not "sơ đồ". Folded matching stands where either has no marks (a
    scan read without them, a topic typed without) or the match came through an abbreviation or
    another word for the phrase ("CĐS", "nhân dân")."""
    if not has_diacritics(topic) or not has_diacritics(text):
        return True
    if not _has_plain(folded_syllables(text), phrase):
        return True  # matched through an abbreviation or a word people use instead
    typed = {fold(w): marked_key(w) for w in syllables(topic)}
    present = {marked_key(w) for w in syllables(text)}
    return all(typed.get(w, "") in present for w in phrase if w in typed)


def _has_plain(words: list[str], phrase: tuple[str, ...]) -> bool:
    """The phrase's own syllables in the text, together or apart (no abbreviation, no variant)."""
    return _contains(words, phrase) or all(w in words for w in phrase)


# A noun's modifiers before "của": "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng" (seven
# syllables) is "đại hội đảng". Set on heldout15's "đại hội đảng" (stop 24); every earlier set's
# posts were compared before and after.
GENITIVE_GAP = 8


@functools.lru_cache(maxsize=4096)
def _genitive_rx(phrase: tuple[str, ...]) -> re.Pattern[str] | None:
    """"A B" said "A ... của B": a compound of two nouns is the first one's "của" the second,
    with the first noun's modifiers between (never across punctuation)."""
    if len(phrase) < 3:
        return None
    splits = [(" ".join(phrase[:k]), " ".join(phrase[k:])) for k in range(2, len(phrase))]
    alts = "|".join(rf"\b{re.escape(h)}(?:\s+[^\W_]+){{0,{GENITIVE_GAP}}}?\s+cua\s+{re.escape(t)}\b" for h, t in splits)
    return re.compile(alts)


def genitive(text: str, phrase: tuple[str, ...]) -> bool:
    rx = _genitive_rx(phrase)
    return bool(rx and rx.search(fold(text)))

