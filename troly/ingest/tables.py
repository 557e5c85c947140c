"""Tables in the clean text: pipe rows (``| a | b |``), from markdown, docx or a rebuilt
one-cell-a-line export.

A task table (``Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành``, in any
order and wording) gives assignment rows: agency, role, partners, task, deadline. The columns
are told by what their header says (a lead, partners, a task, a time), not by their position.
Other tables stay text; their header row names each row's cells in the breadcrumb, so a
search for "chỉ tiêu ... năm 2030" finds the row under that header.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from troly.vn.dates import find_dates
from troly.vn.text import UPPER, collapse_ws, fold

# Column kinds by their header's words (folded); the first kind that matches wins.
_COLUMNS = (
    ("partner", ("phoi hop",)),
    ("lead", ("chu tri", "co quan thuc hien", "don vi thuc hien", "trach nhiem", "co quan, don vi thuc hien",
              "don vi, dia phuong")),
    ("deadline", ("thoi gian", "thoi han", "tien do", "han hoan thanh", "nam hoan thanh")),
    ("task", ("nhiem vu", "noi dung", "cong viec", "hoat dong", "giai phap", "ten de an", "ten du an")),
    ("product", ("san pham", "ket qua")),
    ("index", ("stt", "tt", "so tt", "so thu tu")),
)
_SEPARATOR = re.compile(r"^[\s|:\-–—]+$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass
class Row:
    cells: list[str]
    start: int
    end: int


@dataclass
class Table:
    header: list[str]
    kinds: list[str]  # one per header cell: "task", "lead", "partner", "deadline", "product", "index", ""
    rows: list[Row] = field(default_factory=list)

    @property
    def is_task_table(self) -> bool:
        return "task" in self.kinds and "lead" in self.kinds

    def cell(self, row: Row, kind: str) -> str:
        if kind not in self.kinds:
            return ""
        k = self.kinds.index(kind)
        return row.cells[k] if k < len(row.cells) else ""

    @property
    def label(self) -> str:
        return header_label(self.header)


def header_label(header: list[str]) -> str:
    """A table's header as a breadcrumb step: "Bảng: STT | Chỉ tiêu | Năm 2030"."""
    text = " | ".join(c for c in header if c)
    return "Bảng: " + (text if len(text) <= 160 else text[:160].rsplit(" ", 1)[0] + "…")


def is_row(text: str) -> bool:
    return text.lstrip().startswith("|")


def cells(text: str) -> list[str]:
    parts = [collapse_ws(c) for c in text.strip().strip("|").split("|")]
    return parts


def column_kind(header: str) -> str:
    f = fold(header).strip(" .:")
    for kind, words in _COLUMNS:
        if any(f == w or f.startswith(w + " ") or f" {w}" in f" {f}" for w in words):
            return kind
    return ""


def is_header(row: list[str]) -> bool:
    """A row that names at least two kinds of column: a table's header."""
    kinds = [column_kind(c) for c in row]
    return len([k for k in kinds if k]) >= 2


def read_table(rows: list[Row]) -> Table | None:
    """A table from consecutive pipe rows whose first (non-separator) row is a header."""
    rows = [r for r in rows if not _SEPARATOR.match("|".join(r.cells))]
    if len(rows) < 2 or not is_header(rows[0].cells):
        return None
    head = rows[0].cells
    kinds = [column_kind(c) for c in head]
    for kind in set(kinds) - {""}:  # two columns of a kind: the one whose header opens with it
        cols = [k for k, x in enumerate(kinds) if x == kind]
        best = next((k for k in cols if _opens_with(head[k], kind)), cols[0])
        for k in cols:
            if k != best:
                kinds[k] = ""
    return Table(head, kinds, rows[1:])


def _opens_with(header: str, kind: str) -> bool:
    f = fold(header).strip(" .:")
    return any(f.startswith(w) for k, words in _COLUMNS if k == kind for w in words)


def deadline_of(text: str) -> tuple[str, str]:
    """(as written, ISO day / month / year) from a deadline cell: "30/6/2026", "Tháng 12/2025",
    "Quý IV/2025" (the quarter's last month), "Năm 2026", "Hằng năm", "Thường xuyên"."""
    t = collapse_ws(text).strip(" .;")
    if not t:
        return "", ""
    f = fold(t)
    days = find_dates(t)
    if days and len(days[0].iso) == 10:
        return t, days[0].iso
    q = re.search(r"quy\s*([ivx]+|\d)\s*(?:/|nam)\s*((?:19|20)\d{2})", f)
    if q:
        n = _ROMAN.get(q.group(1), None) or (int(q.group(1)) if q.group(1).isdigit() else 0)
        if 1 <= n <= 4:
            return t, f"{q.group(2)}-{3 * n:02d}"
    m = re.search(r"(?:thang\s*)?(\d{1,2})\s*/\s*((?:19|20)\d{2})\b", f) or \
        re.search(r"thang\s*(\d{1,2})\s*nam\s*((?:19|20)\d{2})", f)
    if m and 1 <= int(m.group(1)) <= 12:
        return t, f"{m.group(2)}-{int(m.group(1)):02d}"
    years = re.findall(r"\b((?:19|20)\d{2})\b", f)
    if years:
        return t, max(years)  # "2026 - 2030": done by the last year
    return t, ""  # "thường xuyên", "hằng năm": standing tasks


def split_agencies(text: str) -> list[str]:
    """A partner cell: "- Bộ Công Thương; - Bộ Xây dựng" or "Sở Y tế, Sở Tài chính"."""
    parts = re.split(r"\s*(?:;|(?:^|\s)[-–+•]\s+|,\s+(?=[" + UPPER + r"]))\s*", text)
    return [p.strip(" ,.;-") for p in parts if len(p.strip(" ,.;-")) >= 3]


_INDEX = re.compile(r"^(?:\d{1,3}|[IVX]{1,4}|[a-zđ])[.)]?$")


def _cell_header(lines: list[str], i: int) -> tuple[int, list[str]] | None:
    """A header flattened one cell a line at line i: -> (index after it, its cells)."""
    head: list[str] = []
    k = i
    while k < len(lines) and len(head) < 10:
        s = lines[k].strip()
        if not s:
            k += 1
            continue
        if len(s) > 60 or not column_kind(s):
            break
        head.append(s)
        k += 1
    kinds = [column_kind(c) for c in head]
    if len(head) >= 3 and kinds[0] == "index" and "task" in kinds and "lead" in kinds:
        return k, head
    return None


def rebuild_cell_tables(lines: list[str]) -> list[str]:
    """Tables flattened one cell a line (an export of a Word table) put back as pipe rows:
    a header of column names opening with an index column (STT), then rows of as many cells,
    each opening with its index. Where the cells stop lining up, the table ends."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        head = _cell_header(lines, i) if lines[i].strip() else None
        if head is None:
            out.append(lines[i])
            i += 1
            continue
        k, header = head
        rows: list[list[str]] = []
        while True:
            cells_, j = [], k
            while j < len(lines) and len(cells_) < len(header):
                if lines[j].strip():
                    cells_.append(lines[j].strip())
                j += 1
            if len(cells_) < len(header) or not _INDEX.match(cells_[0]) or \
                    any(_INDEX.match(c) for c in cells_[1:2]):
                break
            rows.append(cells_)
            k = j
        if not rows:
            out.append(lines[i])
            i += 1
            continue
        out += ["| " + " | ".join(r) + " |" for r in [header] + rows]
        i = k
    return out
