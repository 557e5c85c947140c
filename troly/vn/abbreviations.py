"""Abbreviations of Vietnamese public administration: one table for search and answers.

Directives write "UBND huyện" in one place and "Ủy ban nhân dân huyện" in another, and people
type "ubmttq". Everything that compares agencies or indexes text expands them through here.
"""
from __future__ import annotations

import re

from troly.vn.text import fold, folded_syllables

# folded abbreviation -> expansion (as written)
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "Ủy ban nhân dân",
    "hdnd": "Hội đồng nhân dân",
    "ubmttqvn": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "ubmttq": "Ủy ban Mặt trận Tổ quốc",
    "mttq": "Mặt trận Tổ quốc",
    "ctxh": "chính trị - xã hội",
    "ct-xh": "chính trị - xã hội",
    "bch": "Ban Chấp hành",
    "btv": "Ban Thường vụ",
    "bcd": "Ban Chỉ đạo",
    "btg": "Ban Tuyên giáo",
    "khcn": "khoa học và công nghệ",
    "kh&cn": "khoa học và công nghệ",
    "cntt": "công nghệ thông tin",
    "cds": "chuyển đổi số",
    "dmst": "đổi mới sáng tạo",
    "ktxh": "kinh tế - xã hội",
    "tncs": "Thanh niên Cộng sản",
    "lhpn": "Liên hiệp Phụ nữ",
    "htx": "hợp tác xã",
    "kcn": "khu công nghiệp",
    "bhxh": "bảo hiểm xã hội",
    "bhyt": "bảo hiểm y tế",
    "pccc": "phòng cháy, chữa cháy",
    "attp": "an toàn thực phẩm",
    "dtts": "dân tộc thiểu số",
    "csdl": "cơ sở dữ liệu",
    "tthc": "thủ tục hành chính",
    "nsnn": "ngân sách nhà nước",
    "vbqppl": "văn bản quy phạm pháp luật",
    "atgt": "an toàn giao thông",
    "bvmt": "bảo vệ môi trường",
}
# Everyday names for the same bodies (folded phrase -> folded words a directive uses).
SYNONYMS: dict[str, str] = {
    "doan the": "to chuc chinh tri xa hoi",
}
_EXPANDED = {k: folded_syllables(v) for k, v in ABBREVIATIONS.items()}
_FOLDED = {**{k: " ".join(v) for k, v in _EXPANDED.items()}, **SYNONYMS}
_RX = re.compile(r"(?<![\w&-])(" + "|".join(re.escape(k) for k in sorted(_FOLDED, key=len, reverse=True)) + r")(?![\w&-])")


def expand_abbreviations(folded: str) -> str:
    """"ubmttq va doan the" -> "uy ban mat tran to quoc va to chuc chinh tri xa hoi" (folded in, folded out)."""
    return _RX.sub(lambda m: _FOLDED[m.group(1)], folded)


def expansions(folded: list[str]) -> list[list[str]]:
    """The folded words of every abbreviation among ``folded`` syllables, in order."""
    return [_EXPANDED[w] for w in folded if w in _EXPANDED]


_VOWELS = set("aeiouy")


def _is_initials(word: str) -> bool:
    """A folded token no Vietnamese syllable can be: letters without a vowel ("vh", "tt", "hdnd")."""
    return 2 <= len(word) <= 6 and word.isalpha() and not (_VOWELS & set(word))


def spell_out_initials(words: list[str], name: list[str]) -> list[str]:
    """Abbreviations no table lists, spelled out from a candidate name by syllable initials.

    People shorten names by the first letter of each syllable, "&" standing for "và": "Phòng
    VH&TT" is "Phòng Văn hóa và Thông tin", "Trung tâm VH, TT&TT" is "Trung tâm Văn hóa,
    Thông tin và Thể thao". Folded words in, folded words out; each abbreviation is matched after
    the previous one in ``name``, and a "va" between two of them is kept.
    """
    if not any(_is_initials(w) for w in words):
        return words
    out: list[str] = []
    pos = 0
    for w in words:
        if not _is_initials(w):
            out.append(w)
            continue
        n = len(w)
        at = next((i for i in range(pos, len(name) - n + 1)
                   if all(name[i + k][:1] == w[k] for k in range(n))), -1)
        if at < 0:
            out.append(w)
            continue
        if pos > 0 and name[pos:at] == ["va"]:
            out.append("va")  # "VH&TT": the "và" the ampersand stands for
        out.extend(name[at:at + n])
        pos = at + n
    return out


# "tài khoản an sinh xã hội (ASXH)": a name, then in brackets the capitals that abbreviate it.
_DEFINED = re.compile(r"(?P<name>[^\W\d_][^()\n]{2,160}?)\s*\((?P<abbr>[A-ZĐ]{2,8})\)")


def defined_in(text: str) -> dict[str, str]:
    """The abbreviations a document defines, each with the words it stands for: the words just
    before the brackets whose first letters spell it ("... tổ chức trung gian thanh toán (TGTT)"
    -> {"TGTT": "trung gian thanh toán"}). The first definition of each stands."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        abbr = m.group("abbr")
        letters = fold(abbr)
        words = m.group("name").split()
        tail = words[-len(letters):]
        if len(tail) == len(letters) and all(fold(w)[:1] == c for w, c in zip(tail, letters)):
            out.setdefault(abbr, " ".join(w.strip(",;:") for w in tail))
    return out


def spell_out(text: str, defined: dict[str, str]) -> str:
    """``text`` with the document's own abbreviations written out: a definition's brackets go
    ("an sinh xã hội (ASXH)" -> "an sinh xã hội"), a later "ASXH" reads "an sinh xã hội"."""
    for abbr in sorted(defined, key=len, reverse=True):
        name = defined[abbr]
        text = re.sub(rf"{re.escape(name)}\s*\({re.escape(abbr)}\)", name, text)
        # never inside a document number ("165/2025/QĐ-UBND", "114-KH/HU"): its code stays as written
        text = re.sub(rf"(?<![\w&/-]){re.escape(abbr)}(?![\w&/-])", name, text)
    return text


_TOKEN = re.compile(r"[^\W_][\w&-]*")


_DEFINED_AFTER = re.compile(r"((?:[^\W\d_]+ ){1,6}[^\W\d_]+)\s*\(([^\W\d_][\w&-]{1,9})\)")


_BRACKETED = re.compile(r"\(([^\W\d_][\w&-]{1,9})\)")


def _defines(m: re.Match[str]) -> bool:
    """"khu công nghiệp (KCN)": the brackets give the abbreviation of the words just before."""
    words = ABBREVIATIONS.get(fold(m.group(2)))
    return bool(words) and fold(m.group(1)).endswith(fold(words))


def written_out(text: str) -> str:
    """The table's abbreviations written out for readers who do not know them ("UBND cấp xã" ->
    "Ủy ban nhân dân cấp xã", "CSDL quốc gia" -> "cơ sở dữ liệu quốc gia"). A lower-case
    expansion after a capitalized word is left alone: "Sở KH&CN" is a name, and "Sở khoa học và
    công nghệ" would misspell it."""
    text = _DEFINED_AFTER.sub(lambda m: m.group(1) if _defines(m) else m.group(), text)
    # "tại các (KCN)": brackets around a known abbreviation that defines nothing hold the noun itself
    text = _BRACKETED.sub(lambda m: m.group(1) if fold(m.group(1)) in ABBREVIATIONS else m.group(), text)

    def one(m: re.Match[str]) -> str:
        w = m.group()
        words = ABBREVIATIONS.get(fold(w))
        if not words or w != w.upper() or sum(c.isalpha() for c in w) < 2:
            return w
        before = text[:m.start()].rstrip().rsplit(" ", 1)[-1]
        if words[:1].islower() and before[:1].isupper() and not before.isupper() and before[-1:].isalpha():
            return w
        if not before or before[-1:] in ".!?:" or before == "\n":
            return words[:1].upper() + words[1:]  # a sentence starts with it
        return words
    return _TOKEN.sub(one, text)
