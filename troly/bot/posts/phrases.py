"""Whether folded words hold a topic's phrase: whole, in the words people use for it instead,
or with a qualifier between two of its words. Pure functions over folded syllables."""
from __future__ import annotations


def contains(seq: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether folded words hold a phrase (or the words people use for it instead)."""
    return has(seq, phrase)


NEAR_GAP = 2  # words allowed between two syllables of a phrase ("sóng viễn thông 5G" for "sóng 5G")


def near(seq: list[str], phrase: tuple[str, ...], gap: int = NEAR_GAP) -> bool:
    """The phrase's syllables in order, at most ``gap`` other words between two of them."""
    for i, w in enumerate(seq):
        if w != phrase[0]:
            continue
        at, ok = i, True
        for syl in phrase[1:]:
            nxt = next((j for j in range(at + 1, min(len(seq), at + gap + 2)) if seq[j] == syl), -1)
            if nxt < 0:
                ok = False
                break
            at = nxt
        if ok:
            return True
    return False


# Words people use for one another in topics and in documents.
_SAME = {("nguoi", "dan"): [("nhan", "dan")], ("nhan", "dan"): [("nguoi", "dan")]}


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
    first = words[0]
    for i in range(len(seq) - len(first) + 1):
        if tuple(seq[i:i + len(first)]) != first:
            continue
        at, spent, ok = i + len(first), 0, True
        for w in words[1:]:
            skip = next((k for k in range(gap - spent + 1) if tuple(seq[at + k:at + k + len(w)]) == w), -1)
            if skip < 0:
                ok = False
                break
            spent += skip
            at += skip + len(w)
        if ok:
            return True
    return False


# Names of bodies that contain a phrase without being about it: "Ủy ban nhân dân" is not the people.
_NOT_AFTER = {("nhan", "dan"): {"ban", "dong", "an", "sat", "doi"}}


def _contains(seq: list[str], phrase: tuple[str, ...]) -> bool:
    n, bad = len(phrase), _NOT_AFTER.get(phrase, set())
    return any(tuple(seq[i:i + n]) == phrase and not (i and seq[i - 1] in bad)
               for i in range(len(seq) - n + 1))
