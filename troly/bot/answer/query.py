"""Reading a question: what is asked (intent), about which document, in which words.

Everything works on the folded question, so "nghi quyet 57 ban hanh ngay nao" and
"Nghị quyết 57 ban hành ngày nào?" read the same. Intents are stable English codes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from troly.knowledge.abbrev import phrase_words
from troly.vn.docnum import TYPE_WORDS, DocRef, find_refs
from troly.vn.questions import FUNCTION_WORDS_FOLDED
from troly.vn.text import detelex, fold, fold_chars, folded_syllables, nfc

# Function and question words carry no topic; nor, in a question, do the words that name a
# document's date parts or its signing.
STOPWORDS = FUNCTION_WORDS_FOLDED | frozenset(
    """a ai anh bang bi boi cac cach can cho chu chua co con cua da dang day de den deu di do doi duoc gi giup
    gom hay hien khi khong la len loai luc ma may minh mot moi muon nao nay neu nhe nhieu nho nhung noi
    ngan gon o oi qua ra rang rat roi se sau so ta tai the theo thi toi tra trong va vao van
    ve vi voi vay xin xem nhu cai chi cung biet hanh ngay thang nam ky""".split()
)
_TYPES = "|".join(sorted(TYPE_WORDS.values(), key=len, reverse=True))  # "ke hoach", "huong dan", ...
# "Có những kế hoạch nào?": a list of one type of document
LIST_TYPE = re.compile(r"\b(?:co|liet ke|danh sach|nhung|cac)\s+(?:cac\s+|nhung\s+)?(?P<type>" + _TYPES + r")\s+(?:nao|gi)\b")
# Folded phrases that mark each intent. Order matters: the first match wins.
_INTENTS: list[tuple[str, re.Pattern[str]]] = [
    ("greeting", re.compile(r"^(xin chao|chao|hello|hi|alo|chao ban|chao bot)\b[\s!.]*$")),
    ("help", re.compile(r"^(help|tro giup|huong dan su dung|ban lam duoc gi|ban giup duoc gi|hoi gi)\b")),
    # "Thông tư 55 sửa đổi thông tư nào?", "văn bản nào bị bãi bỏ": what it amends, replaces, repeals
    ("doc_amends", re.compile(r"\b(sua doi|bo sung|thay the|bai bo|huy bo)\b[^,?]{0,25}\b(van ban|" + _TYPES +
                              r")\s+(nao|gi|so may|so bao nhieu)\b|\b(van ban|" + _TYPES +
                              r")\s+nao\s+(bi|duoc)\s+(sua doi|bo sung|thay the|bai bo|huy bo)\b")),
    # "Kế hoạch 114 căn cứ vào những văn bản nào?": what it cites ("văn bản nào thực hiện X" is implements)
    ("doc_cites", re.compile(r"\b(can cu|dua tren|dua vao|trich dan|dan chieu|thuc hien|trien khai|cu the hoa|"
                             r"quan triet)\s+(vao\s+|theo\s+)?(nhung\s+|cac\s+)?van ban\s+(nao|gi)\b")),
    ("doc_list", re.compile(r"\b(co|liet ke|danh sach|nhung|cac)\s+(cac\s+|nhung\s+)?(van ban|" + _TYPES + r")\s+(nao|gi)\b"
                            r"(?!.{0,30}(thuc hien|trien khai|dat|quy dinh))"
                            r"|danh sach (cac |tat ca (cac )?)?van ban|liet ke (cac |tat ca (cac )?)?van ban|bao nhieu van ban|co trong co so du lieu")),
    ("deadline_list", re.compile(r"van ban nao.{0,30}(thoi han|han chot|han bao cao|deadline)|"
                                 r"(thoi han|han) bao cao cu the|nhung (thoi )?han\b")),  # not "những hạng thẻ"
    ("mentions", re.compile(r"van ban nao.{0,20}(nhac den|nhac toi|de cap|trich dan|dan chieu|can cu|neu|noi ve|noi den)\b")),
    ("implements", re.compile(r"van ban nao.{0,20}(thuc hien|trien khai|cu the hoa|quan triet)|"
                              r"(nhung|cac) van ban.{0,20}(thuc hien|trien khai)")),
    ("report_to", re.compile(r"\bbao cao (ve dau|ve cho ai|cho ai|ai|len ai|len dau|o dau|den dau|ve noi nao|noi nao|cho ai)\b|"
                             r"\bbao cao\b.{0,60}\b(ve|len|cho|gui) (nhung |cac )?(co quan|don vi|noi) nao\b|"
                             r"\bbao cao\b.{0,60}\b(gui |nop )?(ve|len|den|cho) (dau|ai)\b|"
                             r"gui bao cao (ve|den|cho|toi) (dau|ai)")),
    ("doc_signer", re.compile(r"\b(ai (da )?ky|nguoi (da )?ky|ky boi|ky ten|chu ky|ai la nguoi ky|"
                              r"(dong chi|nguoi|vi|lanh dao) nao (da )?ky|ai thay mat\b.{0,60}\bky)\b")),
    # "Công văn 5664 trả lời ai", "Thông báo 39693 ... cho công ty nào": the letter's addressee
    ("doc_recipients", re.compile(r"\b(gui (toi|den|cho|len)|noi nhan|gui nhung|(?<!tiep )nhan van ban|gui di dau|"
                                  r"tra loi (cho )?(ai|cong ty nao|ong nao|ba nao|doanh nghiep nao|don vi nao)|"
                                  r"cho (cong ty|ong|ba) nao)\b")),
    ("doc_number", re.compile(r"\b(so hieu|so van ban|so ky hieu|mang so|so may)\b")),
    ("doc_issuer", re.compile(r"\b(co quan nao ban hanh|do ai ban hanh|ai ban hanh|do co quan nao|cua co quan nao|"
                              r"don vi nao ban hanh|cap nao ban hanh|ai ra van ban)\b")),
    ("who_leads", re.compile(r"\b(ai chu tri|ai phoi hop|co quan nao chu tri|don vi nao chu tri|giao cho ai|"
                             r"ai chiu trach nhiem|ai phu trach|ai thuc hien|giao ai)\b")),
    ("doc_effective", re.compile(r"\bhieu luc\b")),
    ("doc_date", re.compile(r"\b(ban hanh (ngay|vao|khi|thang|nam|luc)|ngay nao|ngay bao nhieu|thang may|nam nao|"
                            r"co tu ngay|ky ngay|ra doi|ngay ban hanh|khi nao ban hanh|thoi diem ban hanh)\b")),
    ("deadline", re.compile(r"\b(han chot|thoi han|han|den khi nao|truoc ngay|bao gio|khi nao|deadline|may gio)\b")),
    ("duty", re.compile(r"\b(nhiem vu gi|nhiem vu|phai lam gi|lam gi|trach nhiem|can lam|duoc giao|phan cong)\b")),
    ("doc_about", re.compile(r"\b(la gi|ve van de gi|ve viec gi|noi ve (gi|dieu gi)|noi dung chinh|tom tat|"
                             r"co noi dung gi|de cap (den )?gi)\b")),
]
# "kế hoạch thực hiện (Thông báo) số 730": the number is what the asked document implements.
# The type may be written out or abbreviated: "thực hiện Kết luận 69", "thực hiện KL 69-KL/TW".
_CONTEXT_BEFORE = re.compile(r"(thuc hien|trien khai|ve|quan triet|tuyen truyen|theo|cu the hoa|voi)\s*"
                             r"(?:(?:" + "|".join([*TYPE_WORDS.values(), *map(str.lower, TYPE_WORDS)]) + r")\s*)?"
                             r"(so\s*)?$")
_QUANTITY = re.compile(r"\b(bao nhieu|may)\s+(ty|trieu|nghin|dong|phan tram|%|nguoi|can bo|lop|hoi nghi|tin|bai|"
                       r"kinh phi|ngan sach|tien)\b|\b(kinh phi|ngan sach|bao nhieu tien|tien thuong|muc thuong|"
                       r"muc tien(?: thuong)?|muc ho tro|muc chi)\b"
                       # "bao nhiêu chi bộ": a count of things; not of a document's own items, which are counted
                       r"|\b(bao nhieu|may)\s+(?!(?:nhiem vu|noi dung|giai phap|hinh thuc|muc tieu|van ban|bien phap|"
                       r"yeu cau|phan|muc|diem|dieu|gio|ngay|lan)\b)(?P<noun>[a-z]+)(?: [a-z]+)?"
                       # "lương cơ sở (năm 2025) là bao nhiêu": a figure named before it
                       r"|(?:^|[,;:]\s*)(?P<what>[a-z][a-z ]{2,80}?)(?:\s+(?:nam \d{4}|hien nay|hien tai))?"
                       r"\s+(?:la|bang)\s+bao nhieu\b")


def _machine(text: str, start: int) -> bool:
    """Whether the "may" at ``start`` is "máy" (a machine), not "mấy" (how many): as typed, or
    after "xe"/"bộ" when typed without marks."""
    word = nfc(text[start:start + 3]).lower()
    return word == "máy" or (word == "may" and bool(re.search(r"\b(xe|bo|chiec)\s+$", fold_chars(text[:start]))))


@dataclass
class Query:
    text: str  # as typed, normalized
    folded: str
    intent: str
    refs: list[DocRef] = field(default_factory=list)
    subject: DocRef | None = None  # the document the question is about, when named by number
    subjects: list[DocRef] = field(default_factory=list)  # every document it asks about ("KH 114 và KH 32")
    content: list[str] = field(default_factory=list)  # folded content syllables
    quantity: str = ""  # the quantity asked for ("ty dong", "kinh phi"), for false-premise checks
    secondary: list[str] = field(default_factory=list)  # further intents matched


def content_words(folded: str) -> list[str]:
    words = folded_syllables(folded)  # Telex leftovers are undone in parse()
    return [w for w in words if w not in STOPWORDS and not w.isdigit() and len(w) > 1]


def bigrams(words: list[str]) -> list[str]:
    return [f"{a} {b}" for a, b in zip(words, words[1:])]


def frame_words(q: Query) -> set[str]:
    """Words of the phrase that marks the question's intent ("gui nhung", "ai ky"): they ask, not name."""
    rx = dict(_INTENTS).get(q.intent)
    m = rx.search(q.folded) if rx is not None else None
    return set(m.group(0).split()) if m else set()


# ("... phải xây dựng quy trình trước ngày nào": "trước" / "chậm nhất" a date asks a task's time, never
# a document's date of issue)
_DEADLINE_WORDS = re.compile(r"\b(han|thoi han|han chot|nop|hoan thanh|truoc ngay|cham nhat)\b")
# What a document's own date is asked with; "ngày nào" after a task ("gửi báo cáo ... trước ngày nào")
# asks for the task's date.
_OWN_DATE_WORDS = re.compile(r"\b(ban hanh|ky|ra doi|co tu ngay|ngay ban hanh)\b")
# (not "thực hiện", "tổ chức", "trình": they name plans and bodies too, "Kế hoạch thực hiện ...")
_TASK_VERBS = re.compile(r"\b(bao cao|gui|nop|hoan thanh|trien khai|ket thuc|bat dau|dien ra|tong ket|so ket)\b")


# a question that opens with a document's type names a document ("Kế hoạch của phường ... ngày nào")
_NAMES_TYPE = re.compile(r"^(?:" + _TYPES + r"|van ban)\b")


def detect_intents(folded: str) -> list[str]:
    found = [name for name, rx in _INTENTS if rx.search(folded)]
    if found[:1] == ["doc_date"] and ("deadline" in found and _DEADLINE_WORDS.search(folded)
                                      or not _OWN_DATE_WORDS.search(folded) and _TASK_VERBS.search(folded)):
        # "hạn chót nộp báo cáo là ngày nào", "gửi báo cáo về Bộ Tư pháp trước ngày nào": a task's date
        found = ["deadline"] + [f for f in found if f != "deadline"]
    return found


def _date_of_what(found: list[str], folded: str, named: bool) -> list[str]:
    """"Lịch phổ biến thông tin ... công bố số liệu tính đến ngày nào": no document named (``named``:
    the question holds a number) and no word of issuing: the date of something the documents say."""
    if found[:1] == ["doc_date"] and not named and not _OWN_DATE_WORDS.search(folded) \
            and not _NAMES_TYPE.match(folded):
        return found[1:] or ["content"]
    return found


def parse(text: str) -> Query:
    text = detelex(text)
    folded = fold(text).strip(" ?!.")
    refs = find_refs(text)
    # a number that is not a year names a document, even where find_refs reads none ("QĐ 2109 ngày nào")
    numbered = bool(refs) or any(not re.fullmatch(r"(?:19|20)\d\d", n) for n in re.findall(r"\d+", folded))
    intents = _date_of_what(detect_intents(folded), folded, numbered)
    subjects = []
    for ref in refs:
        before = fold(text[max(0, ref.start - 24):ref.start]) if ref.start <= len(text) else ""
        if not _CONTEXT_BEFORE.search(before):
            subjects.append(ref)
    subject = subjects[0] if subjects else None
    intent = intents[0] if intents else "content"
    # "ai ký ... ban hành ngày nào" reads as signer; "giao cho ai, làm đến khi nào" as who_leads.
    words = content_words(folded)
    # "qua những kênh nào" is asked of the "Hình thức tuyên truyền" section: the directive's words join
    words += [w for w in content_words(" ".join(phrase_words(folded))) if w not in words]
    q = Query(text=text, folded=folded, intent=intent, refs=refs, subject=subject, subjects=subjects,
              content=words, secondary=intents[1:])
    folded_text, pos = fold_chars(text), 0
    while (m := _QUANTITY.search(folded_text, pos)) and _machine(text, m.start()):  # "xe máy" asks no count
        pos = m.start() + 3
    if m and not (m.group("noun") and m.group("noun") in FUNCTION_WORDS_FOLDED):  # "lần thứ mấy và ..." counts nothing
        start, end = (m.start("what"), m.end("what")) if m.group("what") else (m.start(), m.end())
        q.quantity = text[start:end]  # as typed, for the reply; figures.py folds it
    return q
