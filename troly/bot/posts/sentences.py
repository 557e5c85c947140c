"""Sentence shapes that read badly in a post, and clause-safe shortening.

Kept apart from ``post_material`` (which finds and scores sentences) because these are pure
text rules on one cleaned sentence: a list item that only names a subject, a sentence that
leans on the one before it, and where a long sentence may be cut without breaking it.
"""
from __future__ import annotations

import re

from troly.vn.text import fold

# A list item that names a subject without saying anything about it reads as a fragment out of
# its list ("Công tác cải cách hành chính, ...", "Doanh nghiệp có doanh thu tạo ra ...").
_NOMINAL_STARTS = ("viec ", "cong tac ", "noi dung ", "ke hoach ", "chuong trinh ", "doanh nghiep ",
                   "ket qua ", "tinh hinh ", "cac chu truong", "nhung ", "cac quy dinh", "cac chinh sach",
                   "cac van ban", "doi tuong ", "pham vi ", "cac to chuc, ")
_PREDICATES = {"can", "phai", "la", "duoc", "se", "da", "dang", "chiu", "nham"}


# Openings that point back to a sentence the post does not show ("Qua đó, ...").
_ANAPHORIC = ("qua do", "tu do", "do do", "vi vay", "tren co so do", "ngoai ra", "ben canh do", "dong thoi",
              "dac biet", "theo do", "nhu vay", "tuy nhien")


def fragment(folded_text: str) -> bool:
    """A noun phrase from a list of subjects, not a statement (see ``_NOMINAL_STARTS``), or a
    sentence that leans on the one before it."""
    if folded_text.startswith(_ANAPHORIC):
        return True
    if not folded_text.startswith(_NOMINAL_STARTS):
        return False
    return not _PREDICATES & set(re.findall(r"[a-z]+", folded_text))


# After a comma, these words open a clause that can be dropped without breaking the sentence.
_CLAUSE_STARTS = ("gop phan", "nham", "de ", "dong thoi", "qua do", "tu do", "trong do", "gan voi",
                  "giup", "tao ", "bao dam", "dam bao", "phu hop", "kip thoi")


def shorten(text: str, max_chars: int) -> str:
    """Cut a long sentence where a clause ends (never mid-clause); "" when it cannot be done."""
    if len(text) <= max_chars:
        return text
    body = text[:max_chars]
    cuts = [m.start() for m in re.finditer(r"[;:] ", body)]
    cuts += [m.start() for m in re.finditer(r", ", body) if fold(body[m.end():]).startswith(_CLAUSE_STARTS)]
    cuts = [c for c in cuts if c >= max_chars * 0.4]
    if not cuts:
        return ""
    return body[:max(cuts)].rstrip(" ,;:") + "."
