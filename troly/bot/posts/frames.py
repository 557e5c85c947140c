"""A list's label read with the items that complete it: "3. Mức thu phí thẩm định điều chỉnh:" /
"a) Giấy phép ... thay đổi chủ sở hữu: 500.000 đồng" states the adjustment fee, which the item
alone, out of its list, would state for the wrong thing; and a goal section's figure said to be a
target ("Mục tiêu: ..."), never a result. Pure functions."""
from __future__ import annotations

import re
from collections.abc import Sequence

from troly.bot.posts.audience import Reading, opens_with_verb, section_kind
from troly.vn.case import lower_first
from troly.bot.posts.lexicon import BODY_HEADS, PUBLIC_WORDS, first_at, predicate_start, starts, tokens
from troly.bot.posts.sentences import ENUMERATING, points_at_document
from troly.prompts import posts as P
from troly.vn.text import fold

FRAME_WORDS = 12  # a label over a list ("Mức thu phí thẩm định điều chỉnh:") is a short noun phrase


def framing(lead_in: str) -> str:
    """The label a list's items complete, from its cleaned line ("Mức thu phí thẩm định điều
    chỉnh." for "3. Mức thu phí thẩm định điều chỉnh:"); "" when that line is a sentence
    announcing its list or a section's heading."""
    label = lead_in.rstrip(" .:")
    if not 3 <= len(label.split()) <= FRAME_WORDS or opens_with_verb(label) or points_at_document(label):
        return ""
    if fold(label).endswith(ENUMERATING):
        return ""  # "Bãi bỏ các Quyết định sau:": a sentence announcing its list, not a label
    if section_kind([label]):
        return ""  # "Mục tiêu cụ thể:", "Nhiệm vụ:": a section's heading, its items stand alone
    return label


_FIGURE = re.compile(r"\d")
_MEASURES = {"muc", "ty", "so", "tong", "gia"}  # nouns that open a measure: "Mức thu", "Tỷ lệ", "Số lượng"


def framed(frame: str, text: str, doc_text: str) -> str:
    """An item that only names a case and its figure ("Giấy phép ... thay đổi chủ sở hữu:
    500.000 đồng/Giấy phép") read with the label it completes ("Mức thu phí thẩm định điều
    chỉnh giấy phép ..."); out of its list it would state a figure for the wrong thing."""
    if not frame or not text or not _FIGURE.search(text) or opens_with_verb(text) or points_at_document(text):
        return text
    first = text.split(" ", 1)[0]
    if fold(first) in _MEASURES or fold(text).startswith(fold(frame)):
        return text  # "Mức thu ...": the item names its own measure
    if ":" not in text and _has_own_subject(text):
        return text  # "Trong 06 tháng trước khi hết thời hạn, cá nhân thực hiện thủ tục cấp đổi thẻ": a sentence
    if f" {first.lower()} " in doc_text:
        text = lower_first(text)  # a common word, not a name
    return f"{frame} {text}"


def _has_own_subject(text: str) -> bool:
    """The item, or its clause after an opening phrase and a comma, opens with the public or a
    body followed by its verb: a statement of its own, not a case the label names."""
    clauses = [text] + ([text.split(", ", 1)[1]] if ", " in text else [])
    for clause in clauses:
        words = [w for _, w, _ in tokens(clause)]
        if (first_at(" ".join(words[:3]), PUBLIC_WORDS) == 0 or starts(words, 0, BODY_HEADS)) \
                and predicate_start(clause)[0] > 0:
            return True
    return False


# An opening that sets where or for whom a whole item holds: "Tại thành phố Hà Nội, ...",
# "Đối với các tỉnh xung quanh ...,", "Ở các khu đô thị ven biển, ...".
_SCOPE = re.compile(r"^(?:Tại|Đối với|Ở|Riêng|Trên địa bàn)\s[^,.;:]{2,80},\s")
SCOPE_WORDS = 12


def scope(text: str) -> str:
    """The scope a sentence opens with, without its comma ("Tại thành phố Hà Nội"); "" if none."""
    m = _SCOPE.match(text)
    if not m or len(m.group().split()) > SCOPE_WORDS:
        return ""
    return m.group().rstrip(", ")


def scoped(item_scope: str, text: str) -> str:
    """A later sentence of an item read within the scope its first sentence set: "Tỷ lệ số ngày
    ... đạt tối thiểu 80%" after "Tại thành phố Hà Nội, nồng độ bụi ..." holds for Hà Nội only,
    and out of its item it would read as a national target."""
    if not item_scope or not text or scope(text):
        return text
    return f"{item_scope}, {lower_first(text)}"


def as_target(text: str, reading: Reading, path: Sequence[str] = ()) -> str:
    """A target its goal section states with a figure ("100% dịch vụ công ...", "Hàng năm, số vụ
    ... được phát hiện ... tăng trên 03%") said to be a target, not a result or a statistic."""
    targets = any(k in fold(h) for h in path for k in ("muc tieu", "chi tieu"))  # not "Quan điểm"
    if reading.section == "goal" and (text[:1].isdigit() or reading.target and targets) \
            and not text.startswith(P.TARGET_POINT.format(text="")):
        return P.TARGET_POINT.format(text=text)
    return text


def without_target(text: str) -> str:
    """The point without the label ``as_target`` gave it."""
    head = P.TARGET_POINT.split("{text}")[0]
    return text[len(head):] if text.startswith(head) else text


# A heading or lead-in that forbids what its items name ("Điều 8. Những việc không được làm ...",
# "Các hành vi bị nghiêm cấm"): out of the list, an item reads as what to do.
_FORBIDS = (("nghiem cam", P.FORBIDDEN_POINT), ("bi cam", P.FORBIDDEN_POINT), ("khong duoc", P.PROHIBITED_POINT))
_SAYS_NO = re.compile(r"^(?:không|cấm|nghiêm cấm|tuyệt đối không)\b", re.I)


def prohibited(text: str, path: Sequence[str]) -> str:
    """An item of a list its heading forbids, said as forbidden ("Không được thông đồng, móc
    ngoặc ..."); unchanged elsewhere or when it says so itself."""
    own = fold(text)[:30]
    headings = [h for h in path if own not in fold(h)]  # the item's own first line is no heading
    if not text or _SAYS_NO.match(text) or not headings:
        return text
    heading = fold(headings[-1])
    for words, form in _FORBIDS:
        if words in heading:
            return form.format(text=lower_first(text))
    return text
