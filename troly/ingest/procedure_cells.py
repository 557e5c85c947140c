"""What the cells of a procedure row say, cleaned for a reader (a post, an answer): the time it
takes, the fee, where and how to file.

Cells are quoted, never reworded, except that asides in brackets ("(cắt giảm 01/03 ngày làm
việc, tỷ lệ 33,33%)") and footnote marks are dropped, a time is cut before what the office does
in it, and a cell too long to read whole (many cases, rules cited) gives nothing rather than a
cut mid-list. Pure functions; wording around them lives in ``troly.prompts``.
"""
from __future__ import annotations

import re

from troly.vn.case import lower_first
from troly.vn.text import collapse_ws, fold

# Longest cell quoted whole, in characters; longer cells list many cases or cite rules.
# Set on the 25 decisions of ../shared/corpus/real with procedure tables (stop 27): single-case
# times run 15-130 characters, fees with an amount 10-110, a place with its ways 60-220.
# A place runs longer where a province lists every way of filing (heldout24, stop 27: Nghệ An's
# three ways, 300 characters once their addresses are dropped, were cut to the first).
TIME_CHARS, FEE_CHARS, PLACE_CHARS = 160, 120, 320

# What every procedure decision's title says ("công bố danh mục thủ tục hành chính"): no topic.
PROCEDURE_WORDS = frozenset({"thu", "tuc", "hanh", "chinh", "tthc", "danh", "muc", "cong", "bo"})
_NO_FEE = {"khong", "khong co", "mien phi", "0 dong", "khong thu"}  # "Không quy định" is shown as written
# An aside in brackets: who settles it, a figure restated, a cut ("(cắt giảm 01/03 ngày làm việc)").
_PARENS = re.compile(r"\s*\([^()]{0,120}\)")
_ITEM = re.compile(r"(?:^|(?<=[.;:])|\s)\s*(?:[-–+•]|\d\.(?:\d\.)?)\s+(?=\S)")
# A web address the export broke at a dot or a slash ("https:// dichvucong. gov.vn").
_URL_GAPS = ((re.compile(r"(?<=https://)\s+|(?<=http://)\s+"), ""), (re.compile(r"(?<=[a-z])\.\s+(?=(?:vn|gov|com)\b)"), "."),
             # a host name broken by a space ("https://dichvu cong.gov.vn"): the pieces run on to the domain
             (re.compile(r"(?<=//)([a-z0-9-]+)\s+(?=[a-z0-9-]+\.(?:gov\.vn|vn|com)\b)"), r"\1"))
# An address read aloud helps no one: "(địa chỉ: https://dichvucong.gov.vn)" goes in a script.
_URL = re.compile(r",?\s*\(?\s*(?:địa chỉ(?: truy cập)?\s*:?\s*)?(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*"
                  r"\.(?:vn|com)\b/?\)?", re.I)
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
# A leading label of a place item ("Địa điểm:", "Cơ quan tiếp nhận và trả kết quả:"): the point says it.
_PLACE_LABEL = re.compile(r"^[^:]{0,60}\b(?:địa điểm|cách thức|tiếp nhận|nơi)\b[^:]{0,60}:\s*(?=\S)"
                          # a way's name before the sentence that says it again: "Trực tuyến: Nộp trực tuyến trên ..."
                          r"|^[^:]{1,30}:\s*(?=nộp\b)", re.I)
# A fee cell's own label ("Phí: 10.000 đồng/trường hợp").
_FEE_LABEL = re.compile(r"^(?:phí|lệ phí|phí, lệ phí|mức thu)\s*:\s*", re.I)
# Words that open a filing item as an adverb, lowered inside the sentence; a name keeps its capital.
_FILING_OPENERS = ("truc tiep", "truc tuyen", "qua ", "nop ", "thong qua", "gui ")
# What says where or how a form is filed; an item saying only who settles it is left out.
_FILING = ("truc tiep", "truc tuyen", "buu chinh", "buu dien", "tiep nhan", "phuc vu hanh chinh", "mot cua",
           "dich vu cong", "nop ")
_WHO_DECIDES = re.compile(r"^(?:co quan|don vi)(?!.*tiep nhan)")
# "Nộp hồ sơ trực tiếp ...": the label and the sentence around it say "nộp hồ sơ" already.
_FILE_VERB = re.compile(r"^(?:nộp hồ sơ|nộp)\s+(?=(?:trực|qua|tại|đến)\b)", re.I)
_AMOUNT = re.compile(r"\d[\d.,]*\s*(?:đồng|%)", re.I)
_RULE_NUMBER = re.compile(r"\d+/\d{4}/")  # "Thông tư số 10/2024/TT-BTC": a rule cited, not an amount


# Phrases of filing an export runs together ("bưuchínhcông ích"), folded; their word breaks are put back.
_RUN_TOGETHER = ("buu chinh cong ich", "dich vu cong truc tuyen", "truc tuyen toan trinh", "truc tuyen mot phan",
                 "truc tiep")


_ADDRESS = re.compile(r",\s*địa chỉ\s*:.*$", re.I)  # a place's street address, after its name
_ADDRESS_AFTER = re.compile(r"\s*;\s*địa chỉ\s*:", re.I)


def unglued(text: str) -> str:
    """Words of a filing phrase the export ran together, apart again ("qua dịch vụ bưuchínhcông
    ích" -> "qua dịch vụ bưu chính công ích"): a run of letters that folds to two words or more
    of such a phrase, read off the folded phrase (folding keeps one letter for one letter)."""
    def split(m: re.Match) -> str:
        run = m.group(0)
        f = fold(run)
        if len(f) != len(run) or run.isascii():
            return run  # not one letter for one letter (decomposed marks), or a web address's host
        for phrase in _RUN_TOGETHER:
            words = phrase.split()
            for n in range(len(words), 1, -1):
                if "".join(words[:n]) == f or "".join(words[-n:]) == f:
                    part = words[:n] if "".join(words[:n]) == f else words[-n:]
                    out, at = [], 0
                    for w in part:
                        out.append(run[at:at + len(w)])
                        at += len(w)
                    return " ".join(out)
        return run
    return re.sub(r"[^\W\d_]{6,}", split, text)


def strip_asides(text: str) -> str:
    """Without its asides in brackets: "Cấp biển hiệu ... (thẩm quyền của Sở Xây dựng)"."""
    return _PARENS.sub("", text)


def lower_filing(text: str) -> str:
    """A filing item opening with an adverb ("Trực tiếp tại ...") lowered inside a sentence."""
    return text[:1].lower() + text[1:] if fold(text).startswith(_FILING_OPENERS) else text


def _items(cell: str) -> list[str]:
    return [i.strip(" .,;") for i in _ITEM.split(cell) if i and i.strip(" .,;")]


_TIME_WORD = re.compile(r"\b(?:ngay|gio|thang|tuan|nam|phut)\b")
_NEW_SUBJECT = re.compile(r",\s+(?=[A-ZĐ][a-zà-ỹđ]*\s+[A-ZĐ]?[a-zà-ỹđ])")


def _core(case: str) -> str:
    """The time a case states, without what the office does in it: "Trong thời hạn 10 ngày, kể từ
    ngày nhận được hồ sơ hợp lệ, Chủ tịch Ủy ban nhân dân tỉnh xem xét ..." -> up to "hợp lệ"."""
    first = re.split(r"\.\s+(?=[A-ZĐ])", case, maxsplit=1)[0]
    cut = _NEW_SUBJECT.search(first)
    if cut and any(ch.isdigit() for ch in first[:cut.start()]):
        return first[:cut.start()]
    return first


def time_cases(cell: str) -> list[str]:
    """The time limit, one string a case (lowered first letter); [] when the cell states no time
    a reader can take whole (a code under the column, a long list of cases)."""
    cases = [_core(c) for c in _items(_PARENS.sub("", _FOOTNOTE.sub("", cell)))]
    cases = [lower_first(c) for c in dict.fromkeys(cases)]  # the same case for two ways of filing: once
    text = "; ".join(cases)
    if not cases or len(text) > TIME_CHARS or not _TIME_WORD.search(fold(text)):
        return []
    return cases


_DURATION = re.compile(r"(?<![\d.,/])(\d{1,3})\s+(giờ|ngày)(\s+làm việc)?\b", re.I)
_CASE_WORDS = ("truong hop", "doi voi")  # what opens a case of a cell ("Đối với trường hợp hồ sơ ...")


def time_range(cell: str) -> str:
    """A cell of cases too long to tell whole, as the span of its time limits: "từ 6 đến 24 giờ làm
    việc" when every case states one in the same unit ("Đối với trường hợp ... điện tử: Trong thời
    hạn 6 giờ làm việc ...; ... nộp trực tiếp ...: 8 giờ làm việc ..."); "" otherwise."""
    items = _items(_PARENS.sub("", _FOOTNOTE.sub("", cell)))
    if len(items) < 2 or not all(fold(i).startswith(_CASE_WORDS) for i in items):
        return ""
    found = [_DURATION.search(i) for i in items]
    if not all(found):
        return ""
    units = {(m[2].lower(), bool(m[3])) for m in found}
    values = sorted({int(m[1]) for m in found})
    if len(units) != 1 or len(values) < 2:
        return ""
    unit, working = units.pop()
    return f"từ {values[0]} đến {values[-1]} {unit}{' làm việc' if working else ''}"


def fee(cell: str) -> tuple[bool, str]:
    """(no fee, the fee as written): (True, "") for "Không", "Miễn phí"; (False, "50.000 đồng/hồ sơ"),
    (False, "không quy định"); (False, "") when the cell cites a rule or lists cases."""
    text = _FEE_LABEL.sub("", _PARENS.sub("", collapse_ws(cell))).strip(" .;")
    if text and fold(text).strip(" .") in _NO_FEE:
        return True, ""
    if text and fold(text).startswith(("khong quy dinh", "khong qui dinh")) and len(text) <= FEE_CHARS:
        return False, lower_first(text)  # no fee set: said as the table says it
    if text and len(text) <= FEE_CHARS and any(ch.isdigit() for ch in text) and not _RULE_NUMBER.search(text):
        return False, lower_first(text)  # an amount, not a rule's number
    # amounts by case ("- Từ ngày 01/7/2025 đến ngày 31/12/2026: 30.000 đồng/bộ. - Từ ngày 01/01/2027
    # trở đi: 60.000 đồng/bộ. - Thu phí tại thời điểm nộp hồ sơ"): the items that state one
    amounts = [i for i in _items(text) if _AMOUNT.search(i) and not _RULE_NUMBER.search(i)]
    joined = "; ".join(lower_first(i) for i in amounts)
    return False, (joined if amounts and len(joined) <= FEE_CHARS else "")


def same_as_above(place: str) -> bool:
    """"Như trên": the place of the row above."""
    return fold(place).strip(" .") == "nhu tren"


def place(place_cell: str, way: str, speech: bool = False) -> str:
    """Where and how to file, its items joined with "; " (the first as written): places and ways
    of filing only, never who settles it; web addresses mended, or left out for ``speech``."""
    items: list[str] = []
    for cell in (place_cell, way):
        cell = collapse_ws(cell)
        for gap, joined in _URL_GAPS:
            cell = gap.sub(joined, cell)
        if speech:
            cell = _URL.sub("", cell)
        parts = _items(cell)
        for k, item in enumerate(parts):
            if item.endswith(":") and k + 1 < len(parts):  # "Trực tiếp:" over its places
                parts[k + 1] = f"{item} {parts[k + 1]}"
                continue
            item = unglued(_FILE_VERB.sub("", _PLACE_LABEL.sub("", item)).strip(" .,;:"))
            item = _ADDRESS_AFTER.sub(", địa chỉ:", item)  # "Chi nhánh số 1 ...; Địa chỉ: 258 ...": the branch's own
            f = fold(item)
            glued = f.replace(" ", "")  # "Qua dịch vụ bưuchínhcông ích": words run together by the export
            if any(w.replace(" ", "") in glued for w in _FILING) and not _WHO_DECIDES.match(f) \
                    and f not in map(fold, items):
                items.append(item)
    if len("; ".join(items)) > PLACE_CHARS:  # every way said, their addresses left to the office
        items = [strip_asides(_ADDRESS.sub("", i)) for i in items]
    text = ""
    for item in items:
        more = f"{text}; {lower_filing(item)}" if text else item[:1].upper() + item[1:]
        if len(more) > PLACE_CHARS:
            break
        text = more
    return text
