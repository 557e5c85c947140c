"""Asides a point reads without: the law a sentence follows, where its details are, whose
proposal it was, an amount said again in words. The listener needs the rule, not its pedigree:
"Bổ sung ... 2.615 tỷ đồng (hai nghìn sáu trăm mười lăm tỷ đồng) ... theo quy định tại Điều 2
Nghị quyết số 196/2025/QH15 ngày ... của Quốc hội để sửa chữa ... (chi tiết theo Phụ lục đính
kèm)" reads "Bổ sung ... 2.615 tỷ đồng ... để sửa chữa ...". Pure functions.
"""
from __future__ import annotations

import re

from troly.bot.posts.spoken import SPELLED

# A reference inside the document itself ("quy định tại điểm a khoản 2 Điều 1 Nghị quyết này"):
# the point reads without it ("Đối tượng trẻ em được hưởng mức hỗ trợ ...").
_INTERNAL_REF = re.compile(r"\s*(?:theo\s+)?(?:được\s+)?(?:quy định|nêu|quy)\s+tại\s+(?:(?:điểm|khoản|Điều)\s+[\w.]+\s*,?\s*)+"
                           r"(?:của\s+)?(?:Nghị quyết|Quyết định|Thông tư|Nghị định|Quy định|Quy chế|Luật|Kế hoạch)\s+này")
# A thing named by where this document lists it ("các chương trình tín dụng chính sách tại Điều 1
# Quyết định này"): the points above list it, so it is "nêu trên". Dropped, the restriction would
# be lost ("các chương trình tín dụng chính sách" would read as every one).
_LISTED_AT = re.compile(r"\s+tại\s+(?:(?:điểm|khoản|Điều|mục|Phụ lục)\s+[\w.]+\s*,?\s*)+(?:của\s+)?"
                        r"(?:Nghị quyết|Quyết định|Thông tư|Nghị định|Quy định|Quy chế|Kế hoạch)\s+này")
# Asides a point reads without: where details are ("(chi tiết theo Phụ lục đính kèm)"), whose
# proposal it was ("như đề nghị của Bộ Tài chính tại văn bản nêu trên"), the law it follows
# ("theo quy định tại Điều 2 Nghị quyết số 196/2025/QH15 ngày ... của Quốc hội"); an amount said
# again in words is dropped with ``SPELLED``.
_DETAILS = re.compile(r"\s*\((?:chi tiết|có phụ lục|theo phụ lục|kèm theo)[^()]{0,80}\)", re.I)
_PROPOSED = re.compile(r"\s*(?:như|theo) đề nghị của [^,;()]{2,80}? tại (?:văn bản|tờ trình)[^,;()]{0,60}?nêu trên", re.I)
_FOLLOWS = re.compile(r"\s*theo quy định tại (?:(?:điểm|khoản|Điều)\s+[\w.]+\s*,?\s*)*(?:của\s+)?"
                      r"(?:Nghị quyết|Nghị định|Quyết định|Thông tư|Luật)\s+(?:số\s+)?\d+/\d{4}/[\wĐđ-]+"
                      r"(?:\s+ngày\s+\d{1,2}(?:\s+tháng\s+|/)\d{1,2}(?:\s+năm\s+|/)\d{4})?"
                      r"(?:\s+của\s+(?:Quốc hội|Chính phủ|Thủ tướng Chính phủ|Ủy ban Thường vụ Quốc hội))?"
                      # only where the citation ends: "... của Hội đồng nhân dân tỉnh X" left behind would dangle
                      r"(?=\s*(?:[,;.)]|$|để\b|nhằm\b|và\b))")
# An aside that only cites the law a term comes from ("(theo Quyết định số 157/2007/QĐ-TTg ngày
# 27 tháng 9 năm 2007 của Thủ tướng Chính phủ)", "(quy định tại Nghị định 81/2021/NĐ-CP)"):
# the point reads without it, and no listener needs the number.
_CITED_ASIDE = re.compile(r"\s*\((?:theo|quy định tại|tại|được quy định tại)\s+[^()]{0,160}?\d+/[^()]{0,160}\)")


# Nouns that say nothing without the reference that follows them: "không thuộc các trường hợp quy
# định tại Điều 6 Quy định này" cut to "không thuộc các trường hợp." (heldout29). Such a sentence keeps
# its reference, and points inside its document (``points_at_document``): no point.
_BARE = ("trường hợp", "đối tượng", "nội dung", "điều kiện", "tiêu chuẩn", "hồ sơ", "thủ tục", "mức")


def _bare(m: re.Match) -> bool:
    return m.string[:m.start()].rstrip().lower().endswith(_BARE)


def without_asides(text: str) -> str:
    for rx in (SPELLED, _CITED_ASIDE, _DETAILS, _PROPOSED, _FOLLOWS):
        text = rx.sub("", text)
    if any(_bare(m) for m in _INTERNAL_REF.finditer(text)):
        return text  # the reference is what the noun means: kept whole, the sentence a pointer
    return _LISTED_AT.sub(" nêu trên", _INTERNAL_REF.sub("", text))
