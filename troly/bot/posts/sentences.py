"""Sentence shapes that read badly in a post, and clause-safe shortening.

Kept apart from ``post_material`` (which finds and scores sentences) because these are pure
text rules on one cleaned sentence: a list item that only names a subject, a sentence that
leans on the one before it, and where a long sentence may be cut without breaking it.
"""
from __future__ import annotations

import re

from troly.bot.posts.audience import opens_with_verb
from troly.prompts import posts as P
from troly.vn.text import fold, folded_syllables

# A list item that names a subject without saying anything about it reads as a fragment out of
# its list ("Công tác cải cách hành chính, ...", "Doanh nghiệp có doanh thu tạo ra ...").
_NOMINAL_STARTS = ("viec ", "cong tac ", "noi dung ", "ke hoach ", "chuong trinh ", "doanh nghiep ",
                   "ket qua ", "tinh hinh ", "cac chu truong", "nhung ", "cac quy dinh", "cac chinh sach",
                   "cac van ban", "doi tuong ", "pham vi ", "cac to chuc, ",
                   "thu tuc ", "ky nang ")  # a procedure's name, a skill listed
_PREDICATES = {"can", "phai", "la", "duoc", "se", "da", "dang", "chiu", "nham", "khong"}


# Openings that point back to a sentence the post does not show ("Qua đó, ...").
_ANAPHORIC = ("qua do", "tu do", "do do", "vi vay", "tren co so do", "ngoai ra", "ben canh do", "dong thoi",
              "dac biet", "theo do", "nhu vay", "tuy nhien",
              "trong do")  # "trong đó, Hà Nội có tối thiểu 200 công trình": of a total said before


# Words that continue a sentence cut off before them ("Đến tổ chức, cá nhân ...", "Và các ..."),
# compared with their marks ("đến" is no "đền").
_CONTINUATIONS = ("đến ", "tới ", "và ", "hoặc ", "hay ", "nhưng ", "mà ",
                  # a predicate or a topic whose subject is in the line above ("Là một dạng chứng
                  # thư ...", "Về dự án xây dựng đường cao tốc ...")
                  "là ", "về ",
                  # a passive predicate cut from its subject ("... 80% chất thải rắn; được tái sử dụng ...")
                  "được ", "bị ")


_CASE = ("trường hợp ", "trong trường hợp ", "khi ", "nếu ")
_BRACKETED = re.compile(r"\([^()]*\)")


def continues(text: str) -> bool:
    """A sentence that opens with a word continuing one the post does not show, or a case with no
    rule of its own ("Trường hợp khu vực khoáng sản đã được khoanh định.", "Khi khu vực nuôi trồng
    thủy sản xảy ra dịch bệnh.": an item of a list of cases, its rule stated above it; "Trường hợp
    ... thì ...", "Khi ..., ..." state one). Only the first clause counts: "Khi A (mưa, nắng); khi
    B, C" is a list of cases with no rule."""
    low = text.lower()
    if low.startswith(_CASE):
        head = _BRACKETED.sub("", low.split(";")[0])
        return " thì " not in head and "," not in head
    return low.startswith(_CONTINUATIONS)


# The same predicates with their marks: "đăng ký" holds no "đang", "là" no "la".
_MARKED_PREDICATES = {"cần", "phải", "là", "được", "sẽ", "đã", "đang", "chịu", "nhằm", "không"}  # "không áp dụng": a negated predicate


def fragment(folded_text: str, text: str = "") -> bool:
    """A noun phrase from a list of subjects, not a statement (see ``_NOMINAL_STARTS``), or a
    sentence that leans on the one before it. With ``text`` (the sentence with its marks), the
    predicates are compared with their marks."""
    if folded_text.startswith(_ANAPHORIC):
        return True
    if not folded_text.startswith(_NOMINAL_STARTS):
        return False
    if text:
        return not _MARKED_PREDICATES & set(re.findall(r"[^\W\d_]+", text.lower()))
    return not _PREDICATES & set(re.findall(r"[a-z]+", folded_text))


# After a comma, these words open a clause that can be dropped without breaking the sentence.
_CLAUSE_STARTS = ("gop phan", "nham", "de ", "dong thoi", "qua do", "tu do", "trong do", "gan voi",
                  "giup", "tao ", "bao dam", "dam bao", "phu hop", "kip thoi")


_PLURALS = {"cac", "nhung", "moi"}  # "các khu vực ...": a noun phrase, listed again


def inner_alternative(before: str, after: str) -> bool:
    """A ";" that lists alternatives inside one part of the clause before it, not whole clauses:
    "100% người dân ở các khu vực chịu ảnh hưởng của bão; các khu vực thường xuyên ... và ít nhất
    50% người dân ... được phổ biến ..." goes on with "các khu vực", which the clause before holds
    past its start. Cut there, the first part has no predicate (its predicate ends the sentence).
    Only a plural noun phrase ("các", "những", "mọi" + noun) said again is such an alternative;
    a part that opens with a verb is a clause of its own."""
    if opens_with_verb(after.strip()):
        return False  # "...; bảo vệ an ninh ...": an action of its own, whatever words it shares
    head = folded_syllables(after)[:2]
    if not head or head[0] not in _PLURALS:
        return False  # "...; tiếp tục kiên định ...": a clause, though "tiếp tục" was said before
    words = folded_syllables(before)
    return len(head) == 2 and any(words[i:i + 2] == head for i in range(1, len(words) - 1))


def shorten(text: str, max_chars: int) -> str:
    """Cut a long sentence where a clause ends (never mid-clause); "" when it cannot be done."""
    if len(text) <= max_chars:
        return text
    body = text[:max_chars]
    # not at a colon: what follows it completes the clause before it ("... trong đó xác định rõ: mục
    # tiêu, lộ trình ..." cut there says nothing)
    cuts = [m.start() for m in re.finditer(r"; ", body) if not inner_alternative(body[:m.start()], body[m.end():])]
    cuts += [m.start() for m in re.finditer(r", ", body) if fold(body[m.end():]).startswith(_CLAUSE_STARTS)]
    cuts = [c for c in cuts if c >= max_chars * 0.4]
    if not cuts:
        return ""
    return body[:max(cuts)].rstrip(" ,;:") + "."


# What opens a sentence that only points at a document or a provision: "Tại khoản 2 Điều 32
# Nghị định số ...", "Thực hiện Chỉ thị số ...", "Bằng khen ...: Thực hiện theo quy định tại
# Hướng dẫn số ...". The document's type name and "số" may stand before its number.
_POINTER = re.compile(
    r"^(?:[^:]{0,60}:\s*)?"  # a label before a colon
    r"(?:(?:tại|theo|căn cứ(?: vào)?|thực hiện|triển khai(?: thực hiện)?|tiếp tục thực hiện|xét|"
    r"theo đề nghị của .{0,80}? tại|trên cơ sở)\s+)?"
    r"(?:theo\s+)?(?:quy định\s+)?(?:tại\s+)?"
    r"(?:(?:điểm|khoản|điều|mục|chương|phụ lục)\s+[\w.]+\s*,?\s*)*(?:của\s+)?",
    re.I,
)
_TYPE_BEFORE_NUMBER = 4  # words of a type name and "số" ("Nghị quyết liên tịch số")
# Where a rule applies, not what it says: "Quy định này áp dụng đối với ...", "Phạm vi điều chỉnh".
_SCOPE = re.compile(r"^(?:(?:quy định|quy chế|nghị quyết|quyết định|thông tư|nghị định|kế hoạch) này áp dụng"
                    r"|phạm vi điều chỉnh|đối tượng áp dụng)\b", re.I)
MAX_REFS = 2  # a sentence naming two documents or more is a recital or a list of them
# Statute text pointing inside itself: "theo quy định tại điểm g khoản này", "... Điều 1 Nghị quyết này".
_SELF_REFERENCE = re.compile(
    r"\b(?:khoản|điểm|điều) này\b|\bquy định tại điểm [a-zđ]\b"
    r"|\b(?:điểm|khoản|điều) \w+(?: (?:khoản|điều) \w+)* (?:của )?(?:nghị quyết|quyết định|thông tư|nghị định|quy định|"
    r"quy chế|luật) này\b", re.I)


# "(chi tiết tại Phụ lục kèm theo)", "cụ thể theo danh mục đính kèm": what the sentence is about
# is written somewhere else.
_DEFERS = re.compile(r"(?i)\(?\s*(?:chi tiết|cụ thể|có)\s+(?:tại|theo|như|trong)\s+(?:các\s+)?(?:phụ lục|danh mục|biểu)"
                     r"[^()]*\)?")


def points_at_document(text: str) -> bool:
    """A sentence that says where something is written, not what it says: it opens with a
    document number, maybe after a provision or "Thực hiện", "Tại", "Theo quy định tại"; or it
    quotes statute text that points inside itself. Posts tell people what the documents say."""
    from troly.vn.docnum import find_refs

    if _SELF_REFERENCE.search(text) or _SCOPE.match(text):
        return True
    if _DEFERS.search(text) and not _FIGURE.search(_DEFERS.sub("", text)):
        return True  # "Mức thu phí ... (chi tiết tại Phụ lục kèm theo)": the figures are elsewhere
    if len(find_refs(text)) >= MAX_REFS:
        return True  # "... Nghị quyết số 12 ..., Nghị quyết số 15 ...": a list of documents
    rest = text[_POINTER.match(text).end():]
    refs = find_refs(rest)
    return bool(refs) and len(rest[:refs[0].start].split()) <= _TYPE_BEFORE_NUMBER


def completes_lead_in(lead_in: str, item: str) -> bool:
    """A list item that finishes the sentence above it ("Nhãn hàng hóa phải thể hiện các nội dung
    sau:" / "- Tên hoặc tên viết tắt của tổ chức ...") and names things rather than stating what
    is to be done: out of its list it is a fragment. An item under a heading ("Mục tiêu cụ thể:")
    or one that opens with a verb of action stands on its own."""
    lead = lead_in.strip()
    if not lead.endswith(":") or len(lead.split()) < LEAD_IN_WORDS:
        return False
    if not fold(lead[:-1]).rstrip().endswith(ENUMERATING):
        return False  # "... nhằm:", "... để:" lead into purposes, each a statement of its own
    if _FIGURE.search(item):
        return False  # "95% người dân ... hài lòng": a target in a list of targets stands alone
    return not opens_with_verb(item)


_FIGURE = re.compile(r"\d+(?:[.,]\d+)?\s*%|\b\d+\b")
# A short label before a colon ("Dự án 8:", "Bằng khen của Thủ tướng Chính phủ:") heads a row of a
# list or a table; a flattened list inside a sentence (": - Cấp tỉnh: + Một phần: 10 TTHC").
_LABEL = re.compile(r"^([^:.;]{2,60}):\s+(?=\S)")
LABEL_WORDS = 6
_INLINE_MARKS = re.compile(r":\s*[-+•]\s|\s[+•]\s")


def without_label(text: str) -> str:
    """The sentence without a short label before its colon ("Dự án 8: Thực hiện ..." ->
    "Thực hiện ..."); "" when what follows the label is itself a flattened list."""
    m = _LABEL.match(text)
    if _INLINE_MARKS.search(text):
        return ""
    if not m or len(m.group(1).split()) > LABEL_WORDS or opens_with_verb(m.group(1)):
        return text
    rest = text[m.end():]
    rest = rest[:1].upper() + rest[1:]
    if _TARGET_LABEL.match(fold(m.group(1))):  # "Chỉ tiêu 3: Tỷ lệ ... đạt trên 30% vào năm 2025"
        return P.TARGET_POINT.format(text=rest)  # a target, never a result
    return rest


_TARGET_LABEL = re.compile(r"^(?:chi tieu|muc tieu)(?: (?:cu the )?\d+)?$")


LEAD_IN_WORDS = 6  # "Mục tiêu cụ thể:", "Nhiệm vụ trọng tâm:" are headings; a sentence is longer
# How a sentence announces the things it lists ("... các nội dung sau:", "... bao gồm:").
ENUMERATING = ("sau", "sau day", "gom", "bao gom", "nhu", "nhu sau", "la")


_SCOPE_HEADINGS = ("pham vi dieu chinh", "doi tuong ap dung", "giai thich tu ngu")


def scope_section(path: list[str]) -> bool:
    """Under "Phạm vi điều chỉnh", "Đối tượng áp dụng", "Giải thích từ ngữ": where a rule applies
    and what its words mean, not what it says."""
    return any(h in fold(p) for p in path for h in _SCOPE_HEADINGS)


# The stop words with their marks ("và" joins a phrase's words and is dropped, never a boundary;
# "ở" is kept: "nhà ở" is a word).
_STOP_MARKED = {"của", "trong", "về", "với", "cho", "các", "những", "một", "là", "để", "tại", "từ", "đến",
                "theo", "như", "thì", "mà", "hay", "gì", "nào", "thế", "bài", "viết"}
_WORD_RE = re.compile(r"[^\W\d_]+")


def drop_stops(text: str, boundary: str) -> str:
    """``text`` with its function words (compared with their marks) replaced by ``boundary``."""
    def one(m: re.Match[str]) -> str:
        w = m.group().lower()
        return " " if w == "và" else boundary if w in _STOP_MARKED else m.group()
    return _WORD_RE.sub(one, text)


# A private person by honorific and full name ("ông Thái Mạnh Cường", "Bà Huỳnh Thị Mỹ Hằng"): a
# letter answering one petitioner. What it says of that person is no news for others (heldout29).
_PERSON = re.compile(r"(?<!\w)(?:ông|bà|Ông|Bà)\s+(?:[A-ZĐÀ-Ỹ][^\W\d_]*\s+){1,3}[A-ZĐÀ-Ỹ][^\W\d_]*")


def names_person(text: str) -> bool:
    """Whether a sentence names a private person (an official is named by title, not "ông")."""
    return bool(_PERSON.search(text))


def next_clause(before: str, quote: str) -> bool:
    """A line after "...;" that opens with a verb is the list's next clause ("xây mới, tái định
    cư cho các hộ ..., hoàn thành trước ngày ..."); one that opens with a noun goes on a list of
    objects ("...; các cá nhân, tổ chức trực tiếp ...", "...; thương hiệu doanh nghiệp ...")."""
    return before.rstrip().endswith(";") and opens_with_verb(quote)


# A law or decree named alone: its type, then its name (a list's member, "(2) Luật ...;"), no predicate.
_BARE_NAME = re.compile(r"^(?:\(\d{1,2}\)\s*)?(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định)"
                        r"\s+[A-ZĐÀ-Ỹ]")
_VERB_WORD = re.compile(r"(?<!\w)(?:là|có|được|phải|sẽ|đã|đang|quy định|hướng dẫn|ban hành|áp dụng|thay thế)(?!\w)")
BARE_NAME_WORDS = 16  # a law's name is short (the real corpus's listed names run to 12 words); a sentence runs longer


def bare_name(text: str) -> bool:
    """A law's or decree's name and nothing said of it ("Luật Quản lý và đầu tư vốn nhà nước tại
    doanh nghiệp.", one member of a list of laws to draft)."""
    return bool(_BARE_NAME.match(text)) and len(text.split()) <= BARE_NAME_WORDS and not _VERB_WORD.search(text)
