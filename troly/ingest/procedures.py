"""Administrative procedures a decision announces, read from its appendix table.

A decision that "công bố" procedures (thủ tục hành chính) carries them in a table whose form is
set nationally (Thông tư 02/2017/TT-VPCP): one row a procedure with its name, code, time limit,
where and how to file, fee, legal basis. Provinces word the headers their own way ("Tên TTHC",
"Tên thủ tục hành chính (Mã TTHC)", "Cách thức, địa điểm thực hiện", "Phí, lệ phí (ĐVT:
đồng)") and order them freely, so columns are told by what their header says, as in
``troly.ingest.tables``. What people need from such a decision is in these rows, not in its
articles ("Công bố kèm theo Quyết định này Danh mục ... chi tiết tại Phụ lục").

Tables that only list names (procedures abolished, or replaced, with the law that does it)
have no time, place or fee column and give no procedure here. Procedures between state
bodies ("TTHC nội bộ") are kept, marked ``internal``: they are news for cadres, not citizens.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from troly.ingest.procedure_cells import same_as_above
from troly.ingest.tables import cells, is_header, is_row
from troly.vn.text import collapse_ws, fold

# Column kinds by their header's words (folded); the first kind that matches wins.
_COLUMNS = (
    ("law", ("can cu", "co so phap ly", "ten vbqppl", "ten van ban", "quyet dinh cong bo")),
    ("name", ("ten thu tuc", "ten tthc", "ten quy trinh")),
    ("time", ("thoi han giai quyet", "thoi gian giai quyet", "thoi han", "thoi gian")),
    ("fee", ("phi", "le phi", "muc thu")),
    ("place", ("dia diem", "noi tiep nhan", "noi nop")),
    ("way", ("cach thuc",)),
    ("body", ("co quan thuc hien", "co quan giai quyet", "tham quyen")),
    ("code", ("ma ", "ma so", "so ho so", "ma tthc", "ma thu tuc", "ma ho so")),
    ("index", ("stt", "tt", "so tt")),
)
_TIME = re.compile(r"\d|\b(?:ngay|gio|thang|tuan|nam|muoi|mot|hai|ba|bon|sau|bay|tam|chin)\b")
# What a procedure row tells people; a table with none of them only names procedures.
_DETAILS = ("time", "place", "way", "fee")
# A code written into the name cell: "Cấp giấy phép ... (1.004122)", "... mẫu AK 1.000603.H21".
_CODE_IN_NAME = re.compile(r"\s*(?:\(\s*(?:mã[^)]{0,12})?\d\.\d{6}[^)]{0,12}\)|\b\d\.\d{6}(?:\.\s*H\d{2})?)\s*\.?$", re.I)


@dataclass(frozen=True)
class Procedure:
    """One administrative procedure as its table row states it (cells verbatim, spaces collapsed)."""

    name: str
    code: str = ""
    time: str = ""  # time limit to settle it
    place: str = ""  # where to file (and collect the result)
    way: str = ""  # how to file: in person, online, by post
    fee: str = ""  # fees and charges ("Không" when none)
    body: str = ""  # the body that settles it
    group: str = ""  # the group row above it: a field ("LĨNH VỰC ĐÊ ĐIỀU") or a level ("CẤP TỈNH")
    internal: bool = False  # a procedure between state bodies
    start: int = 0  # the row's offsets in Document.text
    end: int = 0


@functools.lru_cache(maxsize=8192)  # headers repeat from table to table and document to document
def column_kind(header: str) -> str:
    f = fold(collapse_ws(header)).strip(" .:")
    for kind, words in _COLUMNS:
        if any(f == w.strip() or f.startswith(w) for w in words):
            return kind
    if "dia diem" in f:  # "Cách thức/Địa điểm thực hiện": where, with how
        return "place"
    return ""


def _kinds(header: list[str]) -> list[str]:
    kinds = [column_kind(c) for c in header]
    seen: set[str] = set()
    for k, kind in enumerate(kinds):  # the first column of a kind holds it
        if kind in seen:
            kinds[k] = ""
        seen.add(kind)
    return kinds


def _name(cell: str) -> tuple[str, str]:
    """(name, code) from a name cell that may carry the code."""
    m = _CODE_IN_NAME.search(cell)
    if not m or m.start() < 10:
        return cell.strip(" .;"), ""
    return cell[:m.start()].strip(" .;"), re.sub(r"[^\d.H]", "", m.group(0)).strip(".")


def _lines_up(row: list[str], kinds: list[str], listed: bool = False) -> bool:
    """A row whose cells sit under the header's: reaching past the name column (its last cells
    may have wrapped out of the line; a list of names alone may end at the name), the name a name
    ("04 ngày làm việc" under the name column is a row of merged cells shifted left)."""
    k = kinds.index("name")
    return k + (1 if listed else 2) <= len(row) and row[k][:1].isalpha()


def _header(row: list[str]) -> list[str]:
    """A header with a table's title run into it ("| DANH MỤC ... (08 TTHC) | TT | Tên ... |")."""
    kinds = [column_kind(c) for c in row]
    if "index" in kinds and not any(kinds[:kinds.index("index")]):
        return row[kinds.index("index"):]
    return row


def _table(rows: list[tuple[list[str], int, int]], caption: str = "") -> list[Procedure]:
    header = _header(rows[0][0])
    kinds = _kinds(header)
    # a list of names alone ("Tên TTHC" and marks for the ways it is offered) is news when its
    # caption or the decision says what they share (filed anywhere in the province); never a list
    # of what is abolished or replaced, which names the law that does it or says so above it
    listed = "name" in kinds and not any(k in kinds for k in _DETAILS) and "law" not in kinds \
        and not _ENDED.search(fold(caption))
    if "name" not in kinds or not (listed or any(k in kinds for k in _DETAILS)):
        return []
    internal = "noi bo" in fold(header[kinds.index("name")])
    out: list[Procedure] = []
    group = ""
    for row, start, end in rows[1:]:
        filled = [c for c in row if c]
        if filled and all(_MARK.fullmatch(c) for c in filled):
            continue  # "| x |": a row's marks wrapped to a line of their own, no group
        if len(filled) <= 2 and len(header) >= 4:  # "| II | LĨNH VỰC QUẢN LÝ ĐÊ ĐIỀU ... |"
            group = filled[-1] if filled else group
            continue
        if not _lines_up(row, kinds, listed):
            continue
        got = {kind: (row[k] if k < len(row) else "") for k, kind in enumerate(kinds) if kind}
        name, code = _name(got.get("name", ""))
        if len(name) < 8 or name.endswith(":") or not (listed or any(got.get(k) for k in _DETAILS)):
            continue
        if _ENDED.search(fold(group)):
            continue  # "B. THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ": no procedure people can file
        if got.get("time") and not _TIME.search(fold(got["time"])):
            continue  # "Bản chính | Bản sao" under the time column: a list of papers run on from the table
        place = got.get("place", "")
        if same_as_above(place) and out:  # "Như trên": the row above's place, as the table means it
            place = out[-1].place
        out.append(Procedure(name, got.get("code", "") or code, got.get("time", ""), place,
                             got.get("way", ""), got.get("fee", ""), got.get("body", ""), group,
                             internal or "noi bo" in fold(group), start, end))
    return out


# What a list of procedures no one can file any more says of them (folded).
_ENDED = re.compile(r"\b(?:bai bo|bi bai bo|huy bo|thay the|het hieu luc|dung thuc hien)\b")
_MARK = re.compile(r"[xX✓✔√v]")  # a check mark in a column of ways it is offered
# The caption above a table: its title and count ("DANH MỤC ... (48 TTHC)"), a few wrapped lines; a
# judgment, not fitted: 2914/QĐ-UBND's, with its "(Kèm theo ...)" line, is 220 characters.
CAPTION_CHARS = 400
# A procedure table's name column, as its header writes it ("Tên TTHC", "Tên thủ tục hành chính").
_NAME_HEADER = re.compile(r"\|\s*t[eê]n\s+(?:th[uủ]\s+t[uụ]c|tthc|quy\s+tr[iì]nh)", re.I)  # clean text is NFC
# Non-blank lines that are no row a table may be broken by (a cell's text wrapped out of its row,
# a group's name and count on lines of their own) before it ends.
TABLE_GAP_LINES = 3


def procedures(text: str) -> list[Procedure]:
    """Every procedure row of the text's procedure tables, in text order."""
    return list(_read(text))


@functools.lru_cache(maxsize=512)  # the posts' library and the answers' read the same texts
def _read(text: str) -> tuple[Procedure, ...]:
    if not _NAME_HEADER.search(text):
        return ()  # no table names procedures: most documents, skipped in one pass
    out: list[Procedure] = []
    rows: list[tuple[list[str], int, int]] = []
    gap = 0
    pos = 0
    for line in text.splitlines(keepends=True) + [""]:
        start, pos = pos, pos + len(line)
        if line and is_row(line):
            rows.append((cells(line), start, start + len(line.rstrip("\n"))))
            gap = 0
            continue
        if line and not line.strip() and rows:
            continue  # the clean text puts a blank line between paragraphs, rows included
        gap += 1
        if line and gap <= TABLE_GAP_LINES and rows:
            continue  # a wrapped cell, a group's name on its own line: the table goes on at the next row
        if rows:
            out.extend(_tables(rows, text))
        rows, gap = [], 0
    return tuple(out)


HEADER_CELL_CHARS = 80  # a column's label; a longer cell is data ("Trong thời hạn 20 ngày ...")


def _is_header(row: list[str]) -> bool:
    """Short labels naming columns: a procedure table's header, or another table's that ends it."""
    return all(len(c) <= HEADER_CELL_CHARS for c in row) and ("name" in _kinds(row) or is_header(row))


def _tables(rows: list[tuple[list[str], int, int]], text: str = "") -> list[Procedure]:
    """A run of rows may hold several tables, each under its own header and its caption (the
    lines above the header, back to the row before it)."""
    heads = [i for i, (row, _, _) in enumerate(rows) if _is_header(row)]
    out: list[Procedure] = []
    for a, b in zip(heads, heads[1:] + [len(rows)]):
        start = rows[a][1]
        above = rows[a - 1][2] if a else max(0, start - CAPTION_CHARS)
        out += _table(rows[a:b], text[above:start])
    return out
