"""The word classes of directive prose and the reading of a sentence's subject and verb.

Grammatical categories, not sentences of any document: which words name the public or a body,
which verbs name office procedure, which words only lead up to a verb. Shared by ``audience``
(who a sentence is for) and ``bodies`` (who a task is given to). Pure functions.
"""
from __future__ import annotations

import re

from troly.vn.text import fold_chars

# The public as a subject or beneficiary (folded phrases).
PUBLIC_WORDS = ("nguoi dan", "nhan dan", "doanh nghiep", "ho gia dinh", "moi nguoi", "cong dong",
           "cong dan", "nguoi lao dong", "nong dan", "hoc sinh", "sinh vien", "thanh nien",
           "ca nhan", "nguoi tieu dung", "ho kinh doanh", "hop tac xa", "nguoi cao tuoi",
           "phu nu", "tre em", "nha dau tu", "nguoi nop thue", "nguoi benh",
           # the groups a policy is for: the vulnerable, the insured, a service's users
           "nguoi khuyet tat", "nguoi ngheo", "ho ngheo", "ho can ngheo", "nguoi co cong", "dong bao",
           "doi tuong bao tro", "de bi ton thuong", "nguoi tham gia", "khach hang", "nguoi su dung",
           "nguoi bi anh huong", "nguoi hoc")
# Verbs of what the state gives people: a body's task with one of them, for people, is news to
# them ("chỉ đạo ... chi trả kịp thời chế độ bảo hiểm ...", "hỗ trợ nhân dân ...").
# (Not "miễn" or "giảm" alone: folded they are also "miền núi" and "giám sát".)
BENEFITS = ("chi tra", "ho tro", "boi thuong", "mien giam", "mien thue", "giam thue", "cuu tro", "cap phat", "tro cap", "tro giup",
            "cho vay", "chuyen giao", "giai quyet quyen loi", "giai quyet che do", "giai quyet chinh sach")
# Words that head a body's name when it is the subject.
BODY_HEADS = ("ban ", "uy ban", "ubnd", "ubmttq", "mttq", "so ", "phong ", "van phong", "dang uy",
               "huyen uy", "tinh uy", "thanh uy", "quan uy", "thi uy", "cap uy", "cac cap", "chi bo",
               "dang bo", "doan ", "hoi ", "mat tran", "trung tam", "cong an", "bo ", "cuc ",
               "cac co quan", "cac don vi", "cac nganh", "cac dia phuong", "cac phong", "cac so",
               "cac ban", "cac hoi", "cac doan", "cac to chuc", "to chuc dang", "chinh quyen",
               "lanh dao", "nguoi dung dau", "thu truong", "chu tich", "giam doc", "truong ",
               "bao ", "dai ", "thuong truc", "co quan", "don vi", "can bo", "dang vien",
               "hdnd", "hoi dong", "lien doan", "lien minh", "hiep hoi", "kho bac", "chi cuc", "thanh tra", "quan doi", "bo chi huy")
# Verbs (folded) of office procedure: the work of the bodies, not a message to people.
PROCEDURE = ("tham muu", "de xuat", "nam bat", "bao cao", "tong hop", "quan triet", "hoc tap", "so ket",
              "tong ket", "theo doi", "don doc", "kiem tra", "giam sat", "chi dao", "phan cong",
              "phoi hop", "chu tri", "ban hanh", "trien khai", "to chuc thuc hien", "cu the hoa",
              "bo tri", "lanh dao", "tuyen truyen", "pho bien", "thong tin", "dua tin", "cap nhat",
              "luu tru", "huong dan", "thanh lap", "kien toan", "xay dung ke hoach",
              "xay dung chuong trinh", "xay dung de an", "ra soat", "danh gia", "thuc hien che do",
              "gui ", "dang tai", "to chuc hoi nghi", "to chuc quan triet", "nghien cuu, quan triet",
              "to chuc nghien cuu", "nghien cuu", "lam tot cong tac", "long ghep", "du toan",
              "cung co", "dinh huong du luan", "dau tranh phan bac",
              # the propaganda work itself: what to highlight, report and publish
              "neu bat", "phan anh", "gioi thieu", "tuyen tin", "cac tuyen tin", "mo chuyen trang",
              "mo chuyen muc", "xay dung chuyen muc", "bien soan",
              # honours given by the bodies: their emulation work, not a message to people
              "bieu duong", "khen thuong", "ton vinh", "truyen thong", "chan chinh")
# Adverbs and intensifiers before the main verb (skipped to find it).
LEADING = ("kip thoi", "thuong xuyen", "tiep tuc", "tich cuc", "chu dong", "khan truong",
            "dinh ky", "nghiem tuc", "tang cuong", "day manh", "tap trung", "quan tam",
            "lam tot", "thuc hien tot", "co trach nhiem", "chiu trach nhiem", "can", "phai",
            "viec", "cong tac", "duoc", "bi", "khong", "hang nam", "hang quy", "ky", "sau do", "dong thoi", "nang cao chat luong",
            "thuc hien")  # a light verb: "thực hiện lồng ghép ..." is "lồng ghép"
# Verbs a body's subject ends before (the first one after the subject opens the predicate).
VERBS = PROCEDURE + LEADING + (
    "xay dung", "xay moi", "phat trien", "ho tro", "tao dieu kien", "bao dam", "dam bao", "thuc hien",
    "phat huy", "khuyen khich", "uu tien", "hoan thanh", "dau tu", "ung dung", "doi moi",
    "hoan thien", "nang cao", "van dong", "dong vien", "tiep nhan", "giai quyet",
    "cung cap", "xu ly", "ra quan", "bieu duong", "khen thuong", "nhan rong", "phat dong",
    "phan dau", "lua chon", "giam", "tang", "nghiem cam", "cam", "han che", "chap hanh", "tuan thu", "su dung",
    "bo sung", "phan bo",  # "Bổ sung 2.615 tỷ đồng cho 27 địa phương": money given, a fact
    "giu gin", "giu vung", "huy dong")
# Words that make the verb after them a noun ("việc thực hiện", "công tác tuyên truyền").
NOMINALIZERS = {"viec", "su", "tac", "cuoc"}
# Short verbs that fold into other words ("đang"/"đảng", "có"/"cổ"): compared with their marks.
SHORT_VERBS = {"là", "được", "sẽ", "đã", "đang", "có", "cần", "phải"}
# Who the work of the bodies is done by or for (folded): a sentence about them and not about
# people is internal ("đào tạo, bồi dưỡng chuyên môn cho cán bộ").
CADRES = ("can bo", "dang vien", "cap uy", "chi bo", "to chuc dang", "cong chuc", "vien chuc",
           "co quan, don vi", "cac co quan", "he thong chinh tri")
# What the state's own machinery is called (folded): a sentence acting on it, and naming no one
# of the public, is work of the bodies ("hoàn thiện cơ sở dữ liệu quản lý nguồn phát thải",
# "nâng cao vai trò quản lý nhà nước", "phân công trách nhiệm cho từng cấp chính quyền").
STATE_MACHINERY = ("quan ly nha nuoc", "the che", "phan cong trach nhiem", "cap chinh quyen", "co so du lieu",
                    "huong dan ky thuat", "nhiem vu khcn", "nhiem vu khoa hoc", "nhiem vu kh&cn", "de tai",
                    "bo may", "he thong thong tin", "chi dao, dieu hanh", "lanh dao, chi dao", "co che giam sat",
                    "cong chuc", "vien chuc", "ngan sach", "van ban huong dan", "van ban quy pham",
                    "thu tuc hanh chinh noi bo", "doan cong tac")
_WORD = re.compile(r"\S+")


_PUNCT = ".,;:!?()“”\"'"


def tokens(text: str) -> list[tuple[int, str, str]]:
    """(offset, folded word, lower-case word), punctuation stripped, for each word."""
    folded = fold_chars(text)  # same length as ``text``
    out = []
    for m in _WORD.finditer(text):
        w = m.group().strip(_PUNCT).lower()
        out.append((m.start(), folded[m.start():m.end()].strip(_PUNCT).lower(), w))
    return out


_INDEX: dict[int, dict[str, list[tuple[tuple[str, ...], str]]]] = {}


def starts(words: list[str], i: int, phrases: tuple[str, ...]) -> str:
    """The phrase of ``phrases`` the words from ``i`` start with ("" when none); the first in
    ``phrases`` order wins. Phrases are indexed by their first word."""
    index = _INDEX.get(id(phrases))
    if index is None:
        index = {}
        for p in phrases:
            ws = tuple(p.split())
            index.setdefault(ws[0], []).append((ws, p))
        _INDEX[id(phrases)] = index
    if i >= len(words):
        return ""
    for ws, p in index.get(words[i], ()):
        if tuple(words[i:i + len(ws)]) == ws:
            return p
    return ""


# One-syllable verbs whose folded form other words share ("giảm"/"Giám đốc", "tăng"/"tầng"):
# compared with their marks.
_MARKED_VERBS = {"giam": "giảm", "tang": "tăng", "cam": "cấm"}


def verb_at(toks: list[tuple[int, str, str]], words: list[str], i: int) -> bool:
    verb = starts(words, i, VERBS)
    if verb in _MARKED_VERBS:
        return toks[i][2] == _MARKED_VERBS[verb]
    return bool(verb) or toks[i][2] in SHORT_VERBS


def predicate_start(text: str) -> tuple[int, bool]:
    """(offset of the predicate, whether the words before it name bodies).

    The subject is what precedes the first verb; a sentence that opens with a verb has none.
    """
    toks = tokens(text)
    words = [w for _, w, _ in toks]
    if not words or verb_at(toks, words, 0):
        return 0, False
    body = bool(starts(words, 0, BODY_HEADS))
    for i in range(1, min(len(words), 40)):
        if text[toks[i][0]].isupper():
            continue  # a name's word ("Ban Tuyên giáo"), never the verb
        if words[i - 1] in NOMINALIZERS:
            continue  # "việc thực hiện", "sự tham gia": a verb made a noun
        if verb_at(toks, words, i):
            return toks[i][0], body
    return 0, body


def after_adverbs(words: list[str]) -> int:
    """The index of the first word after the adverbs and intensifiers that open ``words``."""
    i = 0
    while i < len(words):
        lead = starts(words, i, LEADING)
        if not lead:
            break
        i += len(lead.split())
    return i


# "nhân dân" inside a body's name ("Ủy ban nhân dân", "Hội đồng nhân dân", "Tòa án nhân dân",
# "Công an nhân dân", "Quân đội nhân dân") is not the people.
_IN_NAME = re.compile(r"(?:ban|dong|an|sat|doi) $")


def first_at(folded: str, phrases: tuple[str, ...]) -> int:
    """Where the first of ``phrases`` occurs in ``folded`` as whole words (-1: none)."""
    best = -1
    for p in phrases:
        for m in re.finditer(rf"(?<![a-z]){re.escape(p.strip())}(?![a-z])", folded):
            if p == "nhan dan" and _IN_NAME.search(folded[max(0, m.start() - 5):m.start()]):
                continue
            if best < 0 or m.start() < best:
                best = m.start()
            break
    return best

