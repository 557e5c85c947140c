"""Document numbers: one key for every spelling.

Party numbers read ``{n}-{TYPE}/{ISSUER}`` (57-NQ/TW, 114-KH/HU); State numbers read
``{n}/{TYPE}-{ISSUER}`` (03/NQ-CP, 32/KH-UBND) and sometimes carry a year
(30/2020/NĐ-CP). People write ``57/NQ-TW``, ``57NQ/TW``, ``57 -NQ/TW``, ``NQ57``,
``nghị quyết 57``. The key keeps the canonical form of the family the issuer belongs to:
``57-NQ/TW`` for the Party, ``32/KH-UBND`` for the State. Loose mentions ("nghị quyết 57")
become a *partial* key ``57-NQ`` that matches any issuer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from troly.vn.text import fold, fold_chars

# Type abbreviations and the words people use for them (folded).
TYPE_WORDS: dict[str, str] = {
    "NQ": "nghi quyet",
    "KL": "ket luan",
    "KH": "ke hoach",
    "HD": "huong dan",
    "TB": "thong bao",
    "CT": "chi thi",
    "CTR": "chuong trinh",
    "QD": "quyet dinh",
    "ND": "nghi dinh",
    "TT": "thong tu",
    "QC": "quy che",
    "QDI": "quy dinh",
    "BC": "bao cao",
    "CV": "cong van",
    "CD": "cong dien",
}
TYPE_NAMES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "KL": "Kết luận",
    "KH": "Kế hoạch",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "CT": "Chỉ thị",
    "CTR": "Chương trình",
    "QD": "Quyết định",
    "ND": "Nghị định",
    "TT": "Thông tư",
    "QC": "Quy chế",
    "QDI": "Quy định",
    "BC": "Báo cáo",
    "CV": "Công văn",
    "CD": "Công điện",
}
_WORD_TO_TYPE = {v: k for k, v in TYPE_WORDS.items()}
_WORD_TO_TYPE["chuong trinh hanh dong"] = "CTR"
_WORD_TO_TYPE["ke hoach hanh dong"] = "KH"

# State issuers: the number's issuer part names a State body (the rest are Party bodies).
_STATE_ISSUERS = {"CP", "TTG", "UBND", "BTTTT", "BKHCN", "QH", "UBTVQH", "HDND", "BNV", "BCA", "BQP"}

# A full number: digits, optional year, type, issuer, in either family, with the
# spacing and separators OCR and typists produce. Folded input (no Đ) is expected.
_NUM = re.compile(
    r"(?<![\w/])(?P<n>\d{1,6})\s*(?:/\s*(?P<year>(?:19|20)\d{2}))?\s*[-/]?\s*"
    r"(?P<type>[A-Za-z]{1,5})\s*[-/]\s*(?P<iss>[A-Za-z&][A-Za-z0-9&]{0,11}(?:-[A-Za-z][A-Za-z0-9]{0,7})?)(?![\w])"
)
_LOOSE_WORD = re.compile(
    r"\b(?P<word>" + "|".join(sorted(_WORD_TO_TYPE, key=len, reverse=True)) + r")\s+(?:so\s+)?(?P<n>\d{1,6})\b"
)
# A bare number followed by a unit of time and no figure ("Nghị quyết 57 năm 2024", "... tháng
# 12/2024" name a document and its date).
_DURATION = re.compile(r"\s+(?:nam|thang|ngay|tuan|gio)\b(?!\s*\d)")
_NUMBERED = re.compile(r"\bso\s")  # "kế hoạch số 05 ..." names a document whatever follows
_LOOSE_ABBR = re.compile(r"\b(?P<type>" + "|".join(sorted(TYPE_WORDS, key=len, reverse=True)) + r")\s*-?\s*(?P<n>\d{1,6})\b", re.I)


_KEY_YEAR = re.compile(r"\d+/((?:19|20)\d{2})/")


@dataclass(frozen=True)
class DocRef:
    """A reference to a document found in free text."""

    key: str  # "57-NQ/TW" (full) or "57-NQ" (partial: issuer unknown)
    number: int
    type: str  # "NQ"
    issuer: str = ""  # "TW", "" for partial
    start: int = 0
    end: int = 0

    @property
    def partial(self) -> bool:
        return not self.issuer

    @property
    def year(self) -> str:
        """The year a State number carries ("76/2006/QĐ-UBND" -> "2006"), "" when none."""
        m = _KEY_YEAR.match(self.key)
        return m.group(1) if m else ""

    def matches(self, key: str) -> bool:
        """Whether a stored full key is this reference (partial references match any issuer)."""
        other = parse_key(key)
        if other is None:
            return False
        if other.number != self.number or other.type != self.type:
            return False
        return self.partial or other.issuer == self.issuer


def canonical(n: int, type_: str, issuer: str, year: str = "") -> str:
    type_, issuer = type_.upper(), issuer.upper()
    if issuer.split("-")[0] in _STATE_ISSUERS or year:
        return f"{n:02d}/{year + '/' if year else ''}{type_}-{issuer}" if n < 10 else f"{n}/{year + '/' if year else ''}{type_}-{issuer}"
    return f"{n:02d}-{type_}/{issuer}" if n < 10 else f"{n}-{type_}/{issuer}"


def _type_ok(t: str) -> bool:
    return t.upper() in TYPE_WORDS


def find_numbers(text: str) -> list[DocRef]:
    """Every full document number in ``text`` (any spelling), in order."""
    folded = fold_chars(text)  # same length as ``text``: offsets stay valid
    out: list[DocRef] = []
    for m in _NUM.finditer(folded):
        t, iss = m.group("type").upper(), m.group("iss").upper()
        if not _type_ok(t):
            # State form "32/KH-UBND" parses as type=KH iss=UBND; Party "57/NQ-TW" the same.
            continue
        n = int(m.group("n"))
        out.append(DocRef(canonical(n, t, iss, m.group("year") or ""), n, t, iss, m.start(), m.end()))
    return out


def find_refs(text: str) -> list[DocRef]:
    """Full numbers plus loose mentions ("nghị quyết 57", "NQ57", "nq 57")."""
    refs = find_numbers(text)
    taken = [(r.start, r.end) for r in refs]
    folded = fold_chars(text)

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for rx, kind in ((_LOOSE_WORD, "word"), (_LOOSE_ABBR, "abbr")):
        for m in rx.finditer(folded):
            if not free(m.start("n"), m.end("n")):
                continue
            if _DURATION.match(folded, m.end()) and not _NUMBERED.search(m.group()):
                continue  # "kế hoạch 05 năm", "chương trình 3 tháng": a span of time, not a number
            t = _WORD_TO_TYPE[m.group("word")] if kind == "word" else m.group("type").upper()
            n = int(m.group("n"))
            refs.append(DocRef(f"{n:02d}-{t}" if n < 10 else f"{n}-{t}", n, t, "", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(refs, key=lambda r: r.start)


def as_written(number: str) -> str:
    """A number as its text spells it, without "số" or spaces at its separators: "76/2006/QĐ-UBND",
    "67-CTr/TU" (a key is folded: "QD", "CTR")."""
    return re.sub(r"\s*([-/])\s*", r"\1", re.sub(r"^\s*số\s*", "", number, flags=re.I)).strip()


def normalize(number: str) -> str:
    """The key of one written number, or "" when it is not a number (e.g. ``-HD/BTG``)."""
    refs = find_numbers(number)
    return refs[0].key if refs else ""


_OWN = re.compile(r"^(?P<n>\d{1,6})[A-Za-z]?\s*[-/]\s*(?:(?P<year>(?:19|20)\d{2})\s*/\s*)?(?P<a>[A-Za-z&]{1,10})"
                  r"\s*[-/]\s*(?P<b>[A-Za-z0-9&.]{1,12}(?:\s*-\s*[A-Za-z0-9&.]{1,10})?)$")


def own_key(number: str, type_name_: str = "") -> str:
    """The key of a document's own number, as its "Số:" line gives it. A Công văn's number names
    its issuer and unit, not a type ("11654/VPCP-CN", "5348/CT-CS"): the type is the document's.
    A code that is no known type (a Công điện's before "CĐ" was one) is kept as the type."""
    m = _OWN.match(fold(number).upper().replace(" ", ""))
    if not m:
        return normalize(number)
    n, a, b, year = int(m.group("n")), m.group("a"), m.group("b").replace(".", ""), m.group("year") or ""
    code = type_code(type_name_)
    if code == "CV" and a != "CV":
        return canonical(n, "CV", f"{a}-{b}", year)
    return canonical(n, a, b, year)


def parse_key(key: str) -> DocRef | None:
    refs = find_numbers(key)
    if refs:
        return refs[0]
    m = re.fullmatch(r"(\d{1,4})-([A-Z]{1,5})", key)
    if m:
        return DocRef(key, int(m.group(1)), m.group(2), "")
    return None


def type_name(code: str) -> str:
    return TYPE_NAMES.get(code.upper(), code)


def type_code(name: str) -> str:
    """"Kế hoạch" -> "KH"; "" when unknown."""
    return _WORD_TO_TYPE.get(fold(name), "")


def aliases(key: str) -> list[str]:
    """Ways people say a key, folded: ["57-nq/tw", "nq 57", "nghi quyet 57", "nq57"]."""
    ref = parse_key(key)
    if ref is None:
        return [fold(key)]
    word = TYPE_WORDS.get(ref.type, ref.type.lower())
    t = ref.type.lower()
    return [fold(key), f"{t} {ref.number}", f"{t}{ref.number}", f"{word} {ref.number}", f"{word} so {ref.number}"]
