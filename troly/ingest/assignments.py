"""Assignments: who must do what, and by when, as rows.

Two shapes carry them in directives:
- an item that names an agency (``1. Ban Tuyên giáo Huyện ủy``) followed by its tasks as
  dashes, or an item that opens with the agency (``2. Ủy ban nhân dân huyện xây dựng ...``);
- a line that gives the lead and partners of the task above it (``- UBND huyện chủ trì,
  phối hợp với ... tiếp tục thực hiện đến năm 2025``).
Deadlines come from the task text: ``trước ngày 15/5/2025``, ``đến năm 2025``, ``thường xuyên``.
"""
from __future__ import annotations

import re

from troly.ingest.header import BODY_HEADS
from troly.ingest.sections import PREAMBLE, TAIL, PlacedPara
from troly.ingest.tables import Row, cells, deadline_of, is_row, read_table, split_agencies
from troly.models import Assignment
from troly.vn.bodies import REQUEST, marks_fit
from troly.vn.dates import find_dates
from troly.vn.text import collapse_ws, fold

# Words that open a body's name at the head of a task: the issuer heads the header reads, and the
# office holders and collective subjects directives give tasks to ("Bộ trưởng Bộ Y tế", "Các cơ quan").
_HOLDERS = ("bo truong", "bi thu", "nguoi dung dau", "pho thu tuong", "tong giam doc", "thu truong", "chu tich",
            "giam doc", "thong doc", "chanh van phong", "dong chi", "uy vien", "co quan", "to chuc", "cap uy",
            "chi, dang bo", "mttq", "bao", "dai", "quan su", "tap doan", "tong cong ty", "thanh tra", "ban quan ly")
_AGENCY = re.compile(r"^(?:cac\s+|nhung\s+)?(?:"
                     + "|".join(sorted(set(BODY_HEADS) | set(_HOLDERS), key=len, reverse=True)) + r")\b")
# a verb, a condition, a report, a meeting: "Ban hành ...", "Trường hợp ...", "Báo cáo ...", "Hội nghị ..."
_NOT_NAMES = ("ban hanh", "truong hop", "bao cao", "hoi nghi", "to chuc thuc hien", "to chuc trien khai")
# A name holds no modal or copula: "Kiểm toán viên nhà nước phải ...", "Trung tâm ... là tổ chức ..."
_NOT_IN_NAME = re.compile(r"\b(?:phải|cần|được|không|sẽ|là|có chức năng|bao gồm|gồm)\b", re.I)


def is_body_name(text: str) -> bool:
    """Whether ``text`` opens with a body's name (its head word checked with its marks where the
    folded word is ambiguous)."""
    words = text.split()
    if not words:
        return False
    first = 1 if fold(words[0]) in ("cac", "nhung") else 0
    head = fold(" ".join(words[first:first + 4])).strip(" ,.:;")
    if head.startswith(_NOT_NAMES) or not _AGENCY.match(fold(" ".join(words))) or _NOT_IN_NAME.search(text):
        return False
    # folded heads that are other words too are read with their marks ("Bộ"/"bổ sung", "Báo"/"bảo đảm")
    return first >= len(words) or marks_fit(fold(words[first]).strip(" ,.:;"), words[first])


_ROLE = re.compile(r"\b(chủ trì|phối hợp|thực hiện|có trách nhiệm|tham mưu)\b", re.I)
_LEAD = re.compile(r"^(?P<agency>[^,;:.]{3,90}?)\s+(?P<role>chủ trì|phối hợp)\b(?P<rest>.*)$", re.I)
_GIVEN = re.compile(r"^giao\s+(?P<agency>.{3,120}?)\s+(?P<role>chủ trì|thực hiện|triển khai|theo dõi)\b", re.I)
_PARTNERS = re.compile(r"phối hợp(?:\s+với)?\s+(?P<who>.+?)(?:\s+(?:tiếp tục|triển khai|thực hiện|tổ chức)\b|[;.]|$)", re.I)
_DEADLINE = re.compile(
    r"(?P<text>(?:trước|chậm nhất|hạn chót|trong)\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|"
    r"(?:trước|chậm nhất)\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|"
    r"(?:đến|trong|từ nay (?:cho )?đến)\s+năm\s+\d{4}|"
    r"thường xuyên|hằng năm|hàng năm|"
    r"định kỳ(?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần)|\s+\d+\s+tháng(?:\s+một lần)?|\s+\d+\s+năm)?)",
    re.I,
)
_ORG_SECTIONS = ("to chuc thuc hien", "trach nhiem", "phan cong", "nhiem vu", "giai phap")
_TASK_MAX = 400


def _deadline(text: str) -> tuple[str, str]:
    """(deadline as written, ISO date or year) from a task text; dated ones win over "thường xuyên"."""
    found = [m for m in _DEADLINE.finditer(text)]
    if not found:
        return "", ""
    dated = [m for m in found if re.search(r"\d{4}", m.group("text"))]
    m = (dated or found)[0]
    written = collapse_ws(m.group("text"))
    dates = find_dates(written, years=True)
    if dates:
        return written, dates[0].iso
    return written, ""


def _trim(text: str) -> str:
    text = collapse_ws(text).lstrip("-–•+ ").strip()
    return text if len(text) <= _TASK_MAX else text[:_TASK_MAX].rsplit(" ", 1)[0] + "…"


def agency_heading(text: str) -> bool:
    """An item whose text is an agency name (short, no full stop): ``1. Ban Tuyên giáo Huyện ủy``."""
    return is_body_name(text) and len(text) < 220 and not text.rstrip().endswith(".")


# The verbs that end an agency's name at the head of a task ("Hội Nông dân huyện vận động ...").
# Lower case only: "Ban Chỉ đạo" is a name, "chỉ đạo" a verb.
_TASK_VERBS = (
    "xây dựng|chỉ đạo|theo chức năng|căn cứ|chủ động|tổ chức|có trách nhiệm|chịu trách nhiệm|tham mưu|hướng dẫn|"
    "phối hợp|chủ trì|thực hiện|tăng cường|bám sát|phân công|triển khai|rà soát|đẩy mạnh|nâng cao|vận động|"
    "tuyên truyền|phát huy|theo dõi|kiểm tra|ban hành|bố trí|hỗ trợ|đôn đốc|quán triệt|phổ biến|tập trung|"
    "lãnh đạo|giám sát|tiếp tục|khẩn trương|thường xuyên|cụ thể hóa|có kế hoạch|được giao|định kỳ|báo cáo|"
    "bảo đảm|đảm bảo|huy động|nghiên cứu|quyết định|chuẩn bị"
)
# After "các"/"những" a word is a noun, never the verb: "Ủy ban MTTQ, các tổ chức chính trị - xã hội phổ biến".
_LEADING = re.compile(r"^(?P<a>\S.{2,120}?)\s+(?<!\bcác\s)(?<!\bnhững\s)(?P<verb>" + _TASK_VERBS + r")\b")
# "Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội huyện" is 16 words
_NAME_WORDS_MAX = 16


_ASKS = re.compile(r"\s(?:đề nghị|yêu cầu|giao)\s")


def _leading_agency(text: str) -> tuple[str, str]:
    """"Ủy ban nhân dân huyện phân công ..." -> ("Ủy ban nhân dân huyện", role): the name runs to
    the first task verb; the role is "chủ trì" or "phối hợp" when that verb says so."""
    m = _LEADING.match(text)
    if not m:
        return "", ""
    if fold(text).startswith(_NOT_NAMES) or m.group("a").rstrip().endswith(","):
        return "", ""  # "Các cơ quan, tổ chức, cá nhân ...": a list of nouns, no verb
    agency = m.group("a").strip(" ,")
    asks = _ASKS.split(agency, maxsplit=1)
    if len(asks) == 2:  # "Bộ Nội vụ đề nghị Ủy ban nhân dân các tỉnh triển khai ...": the body asked acts
        agency = asks[1].strip(" ,")
    if not is_body_name(agency) or len(re.findall(r"\w+", agency)) > _NAME_WORDS_MAX:
        return "", ""
    verb = m.group("verb")
    return agency, verb if verb in ("chủ trì", "phối hợp") else "thực hiện"


# What follows a body's name before its task without being part of it: "Cục Đăng kiểm có trách nhiệm:",
# "Bộ Quốc phòng, Bộ Công an theo chức năng, nhiệm vụ, thẩm quyền được giao".
_NAME_TAIL = re.compile(r"\s+(?:có trách nhiệm|chịu trách nhiệm|theo chức năng|căn cứ|trong phạm vi|chủ trì|"
                        r"phối hợp)\b.*$", re.I | re.S)
# "Văn phòng Chính phủ (trân trọng) thông báo để ... biết, thực hiện": a letter's closing formula.
_FORMULA = re.compile(r"\b(?:thông báo|trả lời|có ý kiến)\s+(?:để|cho)\b.{0,120}\b(?:biết|thực hiện)\b", re.I | re.S)


def body_name(text: str) -> str:
    """A body's name as a task's agency, without what trails it ("có trách nhiệm", "theo chức năng ...")."""
    return _NAME_TAIL.sub("", collapse_ws(text)).strip(" ,.:;")


def _proper(name: str) -> bool:
    """A body named as itself ("Bộ Xây dựng", "Ủy ban nhân dân tỉnh Đồng Nai"), not a class of bodies
    ("Các cơ quan, đơn vị liên quan", "Tổ chức, cá nhân"): two capitalised words or more."""
    return sum(w[:1].isupper() for w in name.split()) >= 2


def _named_item(rest: str, in_org: bool) -> tuple[str, str, str]:
    """(agency, role, task) of an item that names its own body: "Bộ Xây dựng: chỉ đạo ...", "Bộ trưởng
    Bộ Y tế chỉ đạo ...", "Đề nghị Ủy ban ... vận động ..." (("", "", "") when not). Outside the
    sections that assign work the body must be named as itself: a letter tasks bodies by name."""
    text = REQUEST.sub("", rest.strip())
    if _FORMULA.search(text):
        return "", "", ""
    head, colon, after = text.partition(":")
    if colon and after.strip() and "." not in head and is_body_name(head) and \
            len(re.findall(r"\w+", head)) <= _NAME_WORDS_MAX and (in_org or _proper(head)):
        return body_name(head), "thực hiện", after.strip()
    lead, role = _leading_agency(text)
    if not lead or not (in_org or _proper(lead)):
        return "", "", ""
    return body_name(lead), role, _after(text, lead)


def _heading_body(rest: str, in_org: bool) -> str:
    """The body an item heading gives the items under it to ("1. Ủy ban nhân dân tỉnh Đồng Nai:",
    "1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Hà Tĩnh, ..., Lâm Đồng:"); "" when none."""
    text = REQUEST.sub("", rest.strip())
    if in_org and agency_heading(text):
        lead, _ = _leading_agency(text)
        return body_name(lead or text)
    if not text.endswith(":") or len(text) > 400:
        return ""
    head = text.split(":", 1)[0]
    lead, _ = _leading_agency(head)  # "3. Bộ trưởng Bộ Tài chính tập trung chỉ đạo ... nhiệm vụ sau:"
    name = body_name(lead or head)
    if not (agency_heading(name) and _proper(name)) or len(re.findall(r"\w+", name)) > _NAME_WORDS_MAX:
        return ""
    return name


def _coordinators(text: str) -> list[str]:
    """"... phối hợp với A, B và C tiếp tục ..." -> [A, B, C]."""
    partners = _PARTNERS.search(text)
    if not partners:
        return []
    return [c for c in (collapse_ws(x) for x in re.split(r",\s*|\s+và\s+", partners.group("who"))) if c]


def _after(text: str, name: str) -> str:
    """What follows a body's name in the text that opens with it (or names it after "đề nghị")."""
    at = text.find(name)
    return text[at + len(name):] if at >= 0 else text


def _row(agency: str, role: str, task: str, pp: PlacedPara) -> Assignment:
    """A task row: its deadline read off the task, its partners when the body leads."""
    dl, dd = _deadline(task)
    return Assignment(agency, role, _trim(task), dl, dd, pp.breadcrumb, pp.para.start, pp.para.end,
                      _coordinators(task) if role == "chủ trì" else [])


def _led_row(lead: str, role: str, rest: str, pp: PlacedPara) -> Assignment:
    """The row of a paragraph that opens with its agency ("Hội Nông dân huyện vận động ...")."""
    return _row(body_name(lead), role, _after(rest, lead), pp)


def _rest_of(pp: PlacedPara) -> str:
    from troly.ingest.layout import marker

    m = marker(pp.para.text)
    return m[2] if m else pp.para.text


def _table_rows(placed: list[PlacedPara]) -> list[Assignment]:
    """Rows of every task table: lead agency, partners, task, deadline (see troly.ingest.tables)."""
    out: list[Assignment] = []
    run: list[PlacedPara] = []
    for pp in placed + [None]:  # type: ignore[list-item]
        if pp is not None and is_row(pp.para.text):
            run.append(pp)
            continue
        if run:
            out.extend(_task_rows(run))
            run = []
    return out


def _task_rows(run: list[PlacedPara]) -> list[Assignment]:
    table = read_table([Row(cells(pp.para.text), pp.para.start, pp.para.end) for pp in run])
    if table is None or not table.is_task_table:
        return []
    crumbs = {pp.para.start: pp.breadcrumb for pp in run}
    out, group = [], ""
    width = len(table.header)
    for row in table.rows:
        filled = [c for c in row.cells if c]
        if len(filled) <= 2 and width >= 4:  # "| A. | BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG |": a group of rows
            group = filled[-1] if filled else group
            continue
        task = table.cell(row, "task")
        agency = table.cell(row, "lead") or (group if is_body_name(group) else "")
        if not task or not agency:
            continue
        written, iso = deadline_of(table.cell(row, "deadline"))
        out.append(Assignment(agency.strip(" .;"), "chủ trì", _trim(task), written, iso, crumbs.get(row.start, ""),
                              row.start, row.end, split_agencies(table.cell(row, "partner"))))
    return out


# "- Đơn vị chủ trì: Công an Thành phố.", "Cơ quan phối hợp: Các sở, ngành": an item's labelled fields
_LABELLED = re.compile(r"^(?:cơ quan|đơn vị|bộ phận)(?:,\s*đơn vị)?\s+(?P<role>chủ trì|phối hợp|thực hiện)"
                       r"(?:\s+thực hiện)?\s*:\s*(?P<agency>.{3,200}?)\s*[.;]?$", re.I)
_WHAT_FIELD = re.compile(r"^(?:nội dung|nhiệm vụ)(?:\s+(?:thực hiện|công việc))?\s*:\s*(?P<what>.{10,})$", re.I)
_WHAT_LABEL = re.compile(r"^(?:nội dung|nhiệm vụ)[^:]{0,20}:\s*$", re.I)
_TIME_FIELD = re.compile(r"^(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành))?\s*:\s*(?P<when>.+)$", re.I)


def _labelled_rows(placed: list[PlacedPara]) -> list[Assignment]:
    """Rows of items written as labelled fields (a) Nội dung ... b) Cơ quan thực hiện: - Đơn vị chủ trì:
    X ... c) Thời gian thực hiện: Y): the task is the item above the fields, the time its own field."""
    out: list[Assignment] = []
    item, time_of, what_of = "", {}, {}
    collecting = False  # inside a "Nội dung:" field whose items follow it
    for pp in placed:
        rest = _rest_of(pp).strip()
        if 1 <= pp.level <= 4:
            item, collecting = (pp.path[-1] if pp.path else ""), False
        m = _TIME_FIELD.match(rest)
        if m and item:
            time_of[item] = m.group("when")
        w = _WHAT_FIELD.match(rest)
        if w and item and item not in what_of:
            what_of[item] = w.group("what")
        elif item and _WHAT_LABEL.match(rest):
            collecting = True
        elif collecting and pp.level in (0, 6) and len(what_of.get(item, "")) < _TASK_MAX:
            what_of[item] = f"{what_of.get(item, '')} {rest}".strip()
        elif collecting:
            collecting = False
    for pp in placed:
        if 1 <= pp.level <= 4:
            item = pp.path[-1] if pp.path else ""
        m = _LABELLED.match(_rest_of(pp).strip())
        if not m or not item:
            continue
        role = "chủ trì" if fold(m.group("role")) == "chu tri" else fold(m.group("role")) == "phoi hop" and "phối hợp" \
            or "thực hiện"
        dl, dd = _deadline(time_of.get(item, ""))
        if not dl and time_of.get(item):
            dl = collapse_ws(time_of[item]).rstrip(" .")
            dates = find_dates(dl, years=True)
            dd = dates[-1].iso if dates else ""
        task = what_of.get(item) or re.sub(r"^[\dIVX.]+\s*", "", item).strip()
        out.append(Assignment(collapse_ws(m.group("agency")).rstrip(" ."), role, _trim(task), dl, dd, pp.breadcrumb,
                              pp.para.start, pp.para.end))
    return out


def extract_assignments(placed: list[PlacedPara]) -> list[Assignment]:
    out: list[Assignment] = _table_rows(placed)
    placed = [pp for pp in placed if not is_row(pp.para.text)]
    labelled = _labelled_rows(placed)
    out += labelled
    taken = {a.start for a in labelled}
    placed = [pp for pp in placed if pp.para.start not in taken]
    current_agency = ""
    current_agency_level = 0
    last_item = ""  # text of the last numbered item: the task a "chủ trì" line refers to
    # a letter without numbered items is read whole as its opening: its paragraphs are its body
    flat = all(pp.path[0] in (PREAMBLE, TAIL) for pp in placed if pp.path)
    for pp in placed:
        if pp.path and (pp.path[0] == TAIL or pp.path[0] == PREAMBLE and not flat):
            continue
        rest = _rest_of(pp)
        if re.fullmatch(r"\(.*\)\W*\w{0,3}", rest.strip(), re.S):  # "(Gửi kèm Nghị quyết ...)": a note, no task
            continue
        in_org = any(k in fold(" ".join(pp.path)) for k in _ORG_SECTIONS)
        if 1 <= pp.level <= 5:
            if current_agency and pp.level <= current_agency_level:
                current_agency = ""
            heading = _heading_body(rest, in_org) if pp.level >= 2 else ""
            if heading:  # "1. Ủy ban nhân dân tỉnh Đồng Nai:": the items under it are its tasks
                current_agency, current_agency_level = heading, pp.level
                continue
            if pp.level <= 4:
                last_item = rest
            agency, role, task = _named_item(rest, in_org) if pp.level <= 4 or not current_agency else ("", "", "")
            if not agency and current_agency and pp.level > current_agency_level:  # "3.1." under "3. Bộ ...:"
                agency, task = current_agency, rest
                role = "chủ trì" if fold(rest).startswith("chu tri") else "thực hiện"
            if agency:
                out.append(_row(agency, role, task, pp))
                continue
            if pp.level <= 4:
                continue
        given = _GIVEN.match(rest.strip())
        if given:
            dl, dd = _deadline(rest)
            role = "chủ trì" if fold(given.group("role")) == "chu tri" else "thực hiện"
            out.append(Assignment(collapse_ws(given.group("agency")), role, _trim(last_item or rest), dl, dd,
                                  pp.breadcrumb, pp.para.start, pp.para.end))
            continue
        m = _LEAD.match(rest.strip())
        if m and is_body_name(m.group("agency")):
            role = m.group("role").lower()
            dl, dd = _deadline(rest)
            task = last_item or rest
            out.append(Assignment(collapse_ws(m.group("agency")), role, _trim(task), dl, dd, pp.breadcrumb,
                                  pp.para.start, pp.para.end, _coordinators(rest)))
            continue
        lead, role = _leading_agency(rest) if pp.level == 0 and not current_agency else ("", "")
        if lead and (in_org or _proper(lead)) and not _FORMULA.search(rest):
            # an unlabelled paragraph whose subject is an agency: "Ban Tuyên giáo ... tham mưu ...";
            # outside the sections that assign work, one named as itself ("Chủ tịch Ủy ban nhân dân tỉnh
            # Hưng Yên khẩn trương ...", a letter without numbered items)
            out.append(_led_row(lead, role, rest, pp))
            continue
        if current_agency and pp.level in (0, 5, 6):
            role = "chủ trì" if fold(rest).startswith("chu tri") else "thực hiện"
            dl, dd = _deadline(rest)
            out.append(Assignment(current_agency, role, _trim(rest), dl, dd, pp.breadcrumb, pp.para.start, pp.para.end))
    return out
