"""People a text names: "đồng chí Nguyễn Văn Phúc", "ông Lê Minh", "Nguyễn Thị Thanh Hương".

A person's name is three or four capitalised syllables that open with a surname, or two to four
after a form of address ("đồng chí", "ông", "bà"). Agency names ("Ủy ban nhân dân") do not open
with a surname; places ("huyện Châu Thành", "Thành phố Hồ Chí Minh") follow a place word or are
two syllables. The surname list is the caller's (the repair ships one).
"""
from __future__ import annotations

import re
from typing import Collection

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ADDRESS_RX = re.compile(r"(?:đồng chí|đ/c|ông|bà)\s+$", re.I)
_PLACE_RX = re.compile(r"(?:tỉnh|huyện|xã|phường|quận|thị xã|thị trấn|thành phố|TP\.?|ấp|thôn|bản|làng)\s+$", re.I)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() or (len(word) == 1 and word.isupper())


def person_names(text: str, surnames: Collection[str]) -> list[str]:
    """Names of people in ``text``, as written, in order."""
    words = list(_WORD.finditer(text))
    out: list[str] = []
    i = 0
    while i < len(words):
        run = []
        j = i
        while j < len(words) and len(run) < 4 and _capitalised(words[j].group()) and \
                (not run or text[words[j - 1].end():words[j].start()].strip() == ""):
            run.append(words[j])
            j += 1
        before = text[max(0, words[i].start() - 12):words[i].start()]
        addressed = bool(_ADDRESS_RX.search(before))
        named = len(run) >= 3 and run[0].group().lower() in surnames and not _PLACE_RX.search(before)
        if len(run) >= 2 and (addressed or named):
            out.append(text[run[0].start():run[-1].end()])
            i = j
        else:
            i += 1
    return out
