"""Who a sentence of a directive speaks to: citizens, cadres, or both.

A post for citizens says what matters to people: what the document is, its goals and targets,
what it brings to people and businesses, what people can do. Internal procedure (advising,
planning, reporting, studying the resolution in party cells) is for cadre posts only. The
decision is read from the sentence's structure, not matched against sample sentences:

- the section it sits in: goals and viewpoints (Mục tiêu, Quan điểm) speak to everyone; the
  organisation of the work (Tổ chức thực hiện, Yêu cầu, Hình thức tuyên truyền, Kinh phí) to
  the bodies that carry it out;
- its subject: a body ("Ban Tuyên giáo", "các cấp ủy", "Ủy ban nhân dân") or the public
  ("người dân", "doanh nghiệp");
- its main verb, after adverbs and intensifiers ("kịp thời", "tăng cường"): a verb of office
  procedure (tham mưu, báo cáo, quán triệt, chỉ đạo, tuyên truyền, xây dựng kế hoạch ...) or
  one of substance.

The word classes (``lexicon``) are grammatical categories of directive prose (which words head a
body's name, which verbs name office procedure), not sentences of any document. Pure functions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from troly.bot.posts.bodies import heading_body
from troly.bot.posts.lexicon import (BENEFITS, BODY_HEADS, CADRES, LEADING, NOMINALIZERS, PROCEDURE, PUBLIC_WORDS,
                                        SHORT_VERBS, STATE_MACHINERY, VERBS, after_adverbs, first_at, predicate_start,
                                        starts, tokens)
from troly.vn.text import fold

PUBLIC, NEUTRAL, INTERNAL = "public", "neutral", "internal"
MAX_HEADING_WORDS = 10  # section titles are short ("II. NHIỆM VỤ VÀ GIẢI PHÁP"); items are not
# Words before the public's name that still leave it the head of the subject ("Các hộ gia đình",
# "Tổ chức, cá nhân", "Đối tượng trẻ em"); a determiner and a classifier or two.
SUBJECT_HEAD_WORDS = 4

# Section headings (folded) by what they hold.
_GOAL_SECTIONS = ("muc tieu", "muc dich", "quan diem", "tam nhin", "dinh huong", "y nghia", "chi tieu")
_WORK_SECTIONS = ("to chuc thuc hien", "phan cong", "trach nhiem", "yeu cau", "hinh thuc",
                  "kinh phi", "che do bao cao", "tien do", "thoi gian thuc hien", "phuong thuc",
                  "chuc nang", "quyen han", "co cau to chuc", "che do lam viec", "quan he cong tac")
# A legal text's closing articles: when it takes effect, what it replaces, transition cases, who
# carries it out. Only the date it takes effect speaks to people.
# Known by the formula, not by "hiệu lực" alone: "Nâng cao hiệu lực, hiệu quả quản lý" is a task.
_CLOSING_SECTIONS = ("co hieu luc", "hieu luc thi hanh", "dieu khoan thi hanh", "trach nhiem thi hanh",
                     "dieu khoan chuyen tiep", "quy dinh chuyen tiep")
_CLOSING_OPENS = "hieu luc"  # "Điều 8. Hiệu lực và trách nhiệm"
_HEADING_MARK = re.compile(r"^(?:dieu \d+|[\divxlc]+|[a-z])\s*[.)]\s*")
# An amending text's edits of wording: they change words of another text, they say nothing.
_EDITORIAL = ("thay the cum tu", "bo cum tu", "bai bo cum tu", "sua doi cum tu", "thay the tu ",
              # ... and of its forms and appendices: "Thay thế Mẫu số 02 ... Phụ lục III của Thông tư ..."
              "thay the mau", "bai bo mau", "thay the phu luc", "bai bo phu luc")
_IN_FORCE = re.compile(r"\bco hieu luc\b.{0,40}\b(?:ngay|tu)\b")
# When a measure starts to apply, with its date, wherever it stands ("Mức lãi suất ... được áp dụng
# từ ngày 01 tháng 12 năm 2025 đối với các khoản vay còn dư nợ"): the day people feel it.
_THIS_TEXT = r"^(?:nghi quyet|quyet dinh|thong tu|nghi dinh|chi thi|quy dinh|quy che) nay "  # "Quyết định này ..."
_APPLIES_FROM = re.compile(r"\bduoc ap dung (?:ke )?tu ngay \d"
                           # the text's own formula, with its date, under any heading
                           rf"|{_THIS_TEXT}co hieu luc\b.{{0,40}}\d")
# Which older texts this one replaces or repeals, under any heading: nothing people do or get.
_REPLACES = re.compile(rf"{_THIS_TEXT}(?:thay the|bai bo)\b")
# What a group gets, with its amount ("Đối tượng giáo viên mầm non được hưởng mức hỗ trợ 800.000
# đồng/người/tháng"): whoever the group is, when no body is the subject, it is news for people.
_GETS = re.compile(r"\bduoc (?:huong|ho tro|tro cap|mien|giam)\b[^.;]*\d")
# A rule that grants an amount, its verb first ("Hỗ trợ 100% học phí cho vận động viên đạt huy
# chương ..."): a rate or sum in money or per cent is what someone gets.
_GRANTS = re.compile(r"^(?:[a-zđ\d]{1,3}[.)]\s*)?(?:(?:ho tro|tro cap|thuong|chi tra)\b[^.;]*?"
                     r"\d+(?:[.,]\d+)*\s*(?:%|(?:dong|trieu|nghin|ngan|ty)\b)"
                     # a fee or tax waived or cut ("Giảm 50% lệ phí ..."), not a count ("Giảm 20% số vụ ...")
                     r"|(?:mien|giam)\b[^.;]{0,20}?\b(?:phi|le phi|thue|hoc phi|tien|lai suat)\b)")
# A sentence that opens on the basis its next step rests on: the bodies' procedure, however it
# goes on (each of the 10 such sentences of the real corpus; cut at a semicolon, a frame with no clause).
_BASIS = ("tren co so ",)
_ASSIGN = ("Giao ", "Đề nghị ", "Yêu cầu ")  # a sentence that opens by assigning or requesting work
# Procedure verbs that speak to people when the public is their object.
_GUIDANCE = ("huong dan", "van dong", "tuyen truyen")
_TARGET = re.compile(r"\d+(?:[.,]\d+)?\s*%|\b(?:19|20)\d{2}\b|\b\d+\b")


@dataclass(frozen=True)
class Reading:
    """What the structure of one sentence says about its audience."""

    kind: str  # PUBLIC | NEUTRAL | INTERNAL
    section: str  # "goal" | "work" | ""
    subject_end: int  # character offset where the predicate starts (0: no subject)
    body_subject: bool  # the subject names bodies, not the public
    target: bool  # a goal with a figure or a year
    # the public named as who gains ("chỉ đạo ... hỗ trợ nhân dân"): a body's task that says
    # what people will get, for a citizen post when the documents say nothing to people directly
    gain: bool = False
    starts: bool = False  # it says when the text or a measure takes effect: news beside others, never alone
    grant: bool = False  # what someone gets, with its amount ("Hỗ trợ 100% học phí cho ...")


def section_kind(path: list[str]) -> str:
    """"goal", "work" or "closing" from the innermost heading that says which; "" otherwise."""
    for heading in reversed(path):
        if heading_body(heading):
            return "work"  # "5. Công an tỉnh": the items under it are that body's tasks
        if len(heading.split()) > MAX_HEADING_WORDS:
            continue  # a list item's own first line, not a section title
        h = fold(heading)
        if any(k in h for k in _CLOSING_SECTIONS) or _HEADING_MARK.sub("", h).startswith(_CLOSING_OPENS):
            return "closing"
        if any(k in h for k in _GOAL_SECTIONS):  # "Mục đích, yêu cầu": the goal comes first
            return "goal"
        if any(k in h for k in _WORK_SECTIONS):
            return "work"
    return ""


# Words that open a predicate whatever verb follows: a ban, a duty, a permission.
_MODAL_OPENERS = {"khong", "phai", "can", "nen", "duoc", "cam", "nghiem"}


def opens_with_verb(text: str) -> bool:
    """Whether a sentence opens with a verb (after adverbs) or a modal ("Không cử nhạc tang
    ...", "Phải đăng ký ..."): an action, not a noun phrase."""
    words = [w for _, w, _ in tokens(text) if w]
    return bool(words) and (words[0] in _MODAL_OPENERS or bool(starts(words, after_adverbs(words), VERBS)))


def task_without_subject(text: str) -> bool:
    """A verb opens the sentence, not a ban, a duty or a permission ("Tiếp tục đẩy mạnh ...",
    "Thực hiện các mục tiêu ..."): a task whose body the sentence leaves out."""
    words = [w for _, w, _ in tokens(text) if w]
    if not words or words[0] in _MODAL_OPENERS or words[0] in NOMINALIZERS:
        return False  # "Việc miễn, giảm tiền sử dụng đất ... không áp dụng ...": a verb made the subject
    if after_adverbs(words) > 0 or opens_with_verb(text):  # "Tăng cường kiểm soát ...": a leading verb
        return True
    # a setting where a subject would stand: "Trong quá trình thi công bảo đảm thực hiện đúng quy
    # trình an toàn ..." tells someone unnamed what to do (heldout29); "Đến năm 2030, 100% hộ dân
    # ..." has its subject after the comma
    start, _ = predicate_start(text)
    subject = [w for _, w, _ in tokens(text[:start])] if start else []
    return bool(subject) and subject[0] in _SETTINGS and "," not in text[:start]


def tells(text: str, reading: Reading) -> bool:
    """A sentence that tells people something whatever its kind: what someone gets, a target, a
    rule with its subject; not a task said without its body, nor only a start date. A task for
    people's good with its date ("xây mới, tái định cư cho các hộ có nhà bị sập đổ ..., hoàn thành
    trước ngày 31/01/2026") says what people get and by when."""
    if reading.starts or reading.kind == INTERNAL:
        return False  # a body's task kept for what people gain is still the body's
    dated = reading.kind == PUBLIC and _BY_DATE.search(text) is not None
    return reading.grant or reading.target or dated or not task_without_subject(text)


_BY_DATE = re.compile(r"\b(?:trước|từ|kể từ|đến|trong) ngày \d{1,2}[/-]\d{1,2}[/-]\d{4}"
                      r"|\b(?:trước|từ|kể từ|đến) ngày \d{1,2} tháng \d")
# Prepositions that open a setting of time, place or manner, never a subject.
_SETTINGS = {"trong", "tai", "den", "tu", "qua", "theo", "de", "ve", "voi"}


def main_verb(text: str) -> str:
    """The first verb of the predicate after adverbs and intensifiers (folded), or ""."""
    start, _ = predicate_start(text)
    words = [w for _, w, _ in tokens(text[start:]) if w]
    i = after_adverbs(words)
    return starts(words, i, VERBS) or " ".join(words[i:i + 2])


def _words_after(predicate: str, verb: str, n: int) -> str:
    """The ``n`` folded words after the verb in the predicate ("" when the verb is not there)."""
    words = fold(predicate).split()
    vw = verb.split()
    at = next((i for i in range(len(words)) if words[i:i + len(vw)] == vw), -1)
    if not vw or at < 0:
        return ""
    return " ".join(words[at + len(vw):at + len(vw) + n])


def _object_is_public(predicate: str, verb: str) -> bool:
    """Whether the public is named within a few words after the verb."""
    after = _words_after(predicate, verb, 4)
    return any(p in after for p in PUBLIC_WORDS)


_HONOURS = ("khen thuong", "bieu duong", "ton vinh")
_HONOURED = re.compile(r"\bduoc\s+(?:" + "|".join(_HONOURS) + r")\b")

_FIGURE_HEAD = re.compile(r"^\W*(?:trên|dưới|ít nhất|tối thiểu|khoảng)?\s*\d+(?:[.,]\d+)?\s*%?\s*")


# Words that open a subordinate clause of time or condition ("Sau khi có quyết định ..., Ủy ban
# nhân dân cấp xã tổ chức niêm yết ..."): the main clause, with its subject, follows the comma.
_SUBORDINATORS = ("sau khi", "truoc khi", "khi", "trong thoi han", "ke tu khi", "tai thoi diem", "neu", "truong hop")
MAX_CLAUSE_WORDS = 30  # an opening clause longer than this is the sentence itself


def main_clause(text: str) -> int:
    """Where the main clause starts: after an opening clause of time or condition, else 0."""
    words = [w for _, w, _ in tokens(text[:300])]
    if not starts(words, 0, _SUBORDINATORS):
        return 0
    # the clause may hold a list ("đất ở, nhà ở, đất sản xuất"): it ends at the comma before a
    # body or the public, the main clause's subject
    comma = text.find(",")
    while 0 < comma and len(text[:comma].split()) <= MAX_CLAUSE_WORDS:
        at = len(text) - len(text[comma + 1:].lstrip())
        after = [w for _, w, _ in tokens(text[at:at + 80])]
        if starts(after, 0, BODY_HEADS) or first_at(" ".join(after[:4]), PUBLIC_WORDS) == 0:
            return at
        comma = text.find(",", comma + 1)
    return 0


def _acts_on_machinery(predicate: str, verb: str) -> bool:
    """The verb's object, its first few words, is the state's machinery ("hoàn thiện các văn
    bản hướng dẫn ...", "xây dựng cơ sở dữ liệu ..."): work on it, whoever it is said to serve."""
    return first_at(_words_after(predicate, verb, OBJECT_WORDS), STATE_MACHINERY) >= 0


OBJECT_WORDS = 8  # how far after its verb an object is looked for ("và triển khai các văn bản hướng dẫn")


def for_public(title: str) -> bool:
    """A document whose title names the public it is for ("... đối với người dân bị ảnh hưởng")."""
    return first_at(fold(title), PUBLIC_WORDS) >= 0


def internal_document(title: str) -> bool:
    """A document that organises the state's own bodies: its duties and structure ("chức năng,
    nhiệm vụ, quyền hạn và cơ cấu tổ chức"), its working rules ("quy chế làm việc"), how its
    bodies work together ("quy chế phối hợp"), who of them decides what ("ủy quyền cho",
    "phân cấp"), its honours ("thi đua, khen thưởng"), its budget ("tài chính - ngân sách nhà nước
    03 năm", "dự toán ngân sách") or the procedures between its offices ("thủ tục hành chính nội
    bộ"). Nothing in it speaks to people."""
    t = re.sub(r"\s*[-–—]\s*", " - ", fold(title))  # "tài chính–ngân sách", "tài chính - ngân sách": one formula
    return any(k in t for k in _INTERNAL_TITLES)


# Legal formulas of titles of documents about the bodies themselves (folded).
_INTERNAL_TITLES = ("noi bo", "chuc nang, nhiem vu", "co cau to chuc", "quy che lam viec", "quy che to chuc va hoat dong",
                    "quy che phoi hop", "thi dua, khen thuong", "thi dua khen thuong", "uy quyen cho", "phan cap",
                    # the state's budget planned or estimated: its figures are the bodies' accounts
                    # (heldout23-27: 0204/KH-UBND's tallies posted on "dự án đầu tư", "phân bón", ...)
                    "tai chinh - ngan sach", "du toan ngan sach",
                    # the state's own staff: how they are managed, rated, paid, named to posts (each of
                    # the real corpus's 6 titles with these formulas, 87/2025/QĐ-UBND posted on "vốn
                    # nhà nước" in heldout30); hiring ("tuyển dụng công chức") names neither formula
                    "can bo, cong chuc", "chuc danh, chuc vu", "quan ly can bo")


def words_after_figure(text: str) -> list[str]:
    """The folded words after a figure that opens a target ("100% bộ, ngành ..." -> bo, nganh, ...)."""
    m = _FIGURE_HEAD.match(text)
    return [w for _, w, _ in tokens(text[m.end():])] if m and m.end() else []


def read(text: str, path: list[str], public_doc: bool = False) -> Reading:
    """The audience of a sentence from its section path, subject and main verb; ``public_doc``:
    its document's title names the public it is for (``for_public``)."""
    section = section_kind(path)
    lead = main_clause(text)
    start, body = predicate_start(text[lead:])
    subject = fold(text[lead:lead + start])
    verb = main_verb(text[lead:])
    folded = fold(text)
    # The head of a Vietnamese noun phrase comes first: the public is the subject when it opens
    # it ("Người lao động trực tiếp ... phải được huấn luyện", "Tổ chức, cá nhân nộp phí"), not
    # when it is named deep inside words the verb list does not know ("Nhận và trả lời bằng
    # văn bản cho doanh nghiệp thực hiện ...": a body's duty, its verb unknown).
    at = first_at(subject, PUBLIC_WORDS)
    public_subject = bool(start) and 0 <= at and len(subject[:at].split()) < SUBJECT_HEAD_WORDS and not body
    if body and not start:
        return Reading(INTERNAL, section, 0, True, False)  # a body's name and no verb: a list label
    if folded.lstrip(" -–.").startswith(_EDITORIAL):
        return Reading(INTERNAL, section, 0, False, False)  # "Thay thế cụm từ “...” thành “...”": the text's wording
    if _IN_FORCE.search(folded) and not re.search(r"\d", folded):
        return Reading(INTERNAL, section, 0, False, False)  # "... có hiệu lực kể từ ngày ký": no date, no news
    if _REPLACES.search(folded):
        return Reading(INTERNAL, section, 0, False, False)
    if folded.lstrip(" -–+•").startswith(_BASIS):
        return Reading(INTERNAL, section, 0, False, False)  # "Trên cơ sở ý kiến ..., cơ quan ... hoàn thiện tờ trình"
    gets = _GETS.search(folded) or _GRANTS.match(folded.lstrip(" -–+•"))
    if gets and not body and first_at(folded[:gets.end()], CADRES) < 0:  # cadres' allowances are theirs
        return Reading(PUBLIC, section, start, False, False, grant=True)
    if _APPLIES_FROM.search(folded):
        return Reading(PUBLIC, section, 0, False, False, starts=True)
    if section == "closing":  # "Thông tư này thay thế ...", "Đối với hồ sơ nộp trước ngày ... thì ..."
        in_force = bool(_IN_FORCE.search(folded))
        return Reading(PUBLIC if in_force else INTERNAL, section, 0, False, False, starts=in_force)
    if text.startswith(_ASSIGN):
        procedure_start = True  # "Giao UBND huyện ...": an assignment of work
    else:
        procedure_start = False
    procedure = verb in PROCEDURE or any(verb.startswith(p.strip()) for p in PROCEDURE)
    if procedure and verb.startswith(_GUIDANCE) and _object_is_public(text[start:], verb):
        procedure = False  # "hướng dẫn nông dân ...": guidance given to people, not office work
    target = section == "goal" and bool(_TARGET.search(text))
    if target and starts(words_after_figure(text), 0, BODY_HEADS):
        return Reading(INTERNAL, section, start, True, False)  # "100% bộ, ngành đạt ...": the bodies' own measure
    people_at = first_at(folded, PUBLIC_WORDS)
    cadres_at = first_at(folded, CADRES)
    # Named together ("cấp ủy, chính quyền ... và người dân"), the group named first is who the
    # sentence is for; the others are listed after it. People named only in an opening condition
    # ("Trường hợp giấy chứng nhận ... bị mất trước khi cấp cho người học, Trung tâm phải lập biên
    # bản ...") are not who a body's main clause is for.
    main = fold(text[lead:]) if lead and body else folded
    main_people, main_cadres = first_at(main, PUBLIC_WORDS), first_at(main, CADRES)
    for_people = main_people >= 0 and (main_cadres < 0 or main_people < main_cadres)
    for_cadres = cadres_at >= 0
    if public_subject and _HONOURED.search(folded):
        kind = INTERNAL  # "Tổ chức, cá nhân có thành tích ... được khen thưởng": the bodies' honours
    elif public_subject:
        kind = PUBLIC
    elif procedure or procedure_start or ((body or for_cadres or section == "work") and not for_people):
        kind = INTERNAL
    elif first_at(folded, _HONOURS) >= 0:
        kind = INTERNAL  # "Xây dựng, nhân rộng điển hình, kịp thời khen thưởng ...": the bodies' emulation work
    elif _acts_on_machinery(text[start:], verb):
        kind = INTERNAL  # "Hoàn thiện ... các văn bản hướng dẫn ... cho cộng đồng": paperwork, whoever it serves
    elif section == "work" and not target:
        kind = INTERNAL  # a body's duties (Nhiệm vụ, quyền hạn): people are its object, not its audience
    elif people_at < 0 and not target and first_at(folded, STATE_MACHINERY) >= 0:
        kind = INTERNAL  # the state's machinery, and no one of the public
    elif target or for_people:
        kind = PUBLIC
    else:
        kind = NEUTRAL
    # who gains: the public named, or a benefit given in a document whose title names who it is for
    # ("Chỉ đạo Bảo hiểm xã hội Việt Nam chi trả kịp thời ..." in a dispatch on aid "đối với người dân")
    benefit = first_at(folded, BENEFITS) >= 0
    # people named in the predicate: "Các cơ quan, tổ chức, đơn vị, cá nhân ... có trách nhiệm ..."
    # lists them among the bodies that carry the duty, not as who gains (heldout29)
    gained = first_at(fold(text[lead + start:]), PUBLIC_WORDS) if body and start else people_at
    gain = kind == INTERNAL and (gained >= 0 or (public_doc and benefit)) \
        and (benefit or not procedure_start) and not _HONOURED.search(folded) \
        and not _office_work(folded, verb)
    # after an opening clause the subject stays where it is: trimming it would cut the clause too
    return Reading(kind, section, 0 if lead else start, body, target, gain)


# Work that stays in the offices whoever it names ("báo cáo", "tổng hợp", "quán triệt", "tham mưu").
_OFFICE_ONLY = ("bao cao", "tong hop", "quan triet", "tham muu", "hoc tap", "so ket", "tong ket", "khen thuong",
                "chu tri", "chap thuan")
# An office verb heads a predicate: at the sentence's start or a clause's (after a comma, "và",
# "đồng thời"), an adverb or two before it ("..., định kỳ báo cáo kết quả"). After a noun it names
# a kind of thing, not work: "đồ dùng học tập", "chế độ báo cáo".
_OFFICE_PREDICATE = re.compile(r"(?:^(?:[ivxlc\d.]+[.)]|[a-zđ]\))?\s*|[,;:(]\s*|\b(?:va|dong thoi|roi|sau do)\s+)"
                               r"(?:(?:" + "|".join(LEADING) + r")\s+){0,2}"
                               r"(?:" + "|".join(_OFFICE_ONLY) + r")\b")


def _office_work(folded: str, verb: str = "") -> bool:
    """Whether a sentence gives the offices work of their own (reporting, advising, studying a
    resolution): its main verb (after its subject) is such work, or a clause opens with it."""
    return verb.startswith(_OFFICE_ONLY) or bool(_OFFICE_PREDICATE.search(folded.lstrip(" -–+•"))) \
        or _PROPAGANDA_WORK in folded


# The bodies' propaganda work named as a noun: "chỉ đạo làm tốt công tác tuyên truyền để nhân dân
# hiểu" is their work, whoever it is for.
_PROPAGANDA_WORK = "cong tac tuyen truyen"


_DUTY = re.compile(r"\s(?:có|chịu) trách nhiệm\b")  # the main predicate of a duty, after its subject
# Verbs that only introduce what a propaganda text should say ("Khẳng định chuyển đổi số là ..."):
# the message is what follows.
_REPORTING = ("Khẳng định ", "Nhấn mạnh ")


def core_clause(text: str, reading: Reading, min_subject_words: int = 12) -> str:
    """The sentence without a long opening list of bodies ("Các cấp ủy, chính quyền, Mặt trận
    ... tập trung hỗ trợ ..." -> "Tập trung hỗ trợ ..."); unchanged otherwise."""
    if text.startswith(_REPORTING) and len(text.split()) >= 8:
        rest = text.split(" ", 2)[2]
        return rest[:1].upper() + rest[1:]
    if not (reading.body_subject and reading.subject_end):
        return text
    subject = text[:reading.subject_end]
    if subject.count(",") < 2 and len(subject.split()) < min_subject_words:
        return text  # one body ("Sở Khoa học và Công nghệ chủ trì"): who does it stays
    rest = text[reading.subject_end:].lstrip(" ,")
    if len(rest.split()) < 8 or rest.split(" ", 1)[0] in SHORT_VERBS:
        return text  # "được trả ...", "là ...": the subject cannot go
    if _DUTY.search(rest):
        return text  # "Các cơ quan, ..., cá nhân thực hiện nhiệm vụ ... có trách nhiệm ...": the verb
        # found first is the subject's own clause; cut there, the duty has no one (heldout29)
    return rest[:1].upper() + rest[1:]
