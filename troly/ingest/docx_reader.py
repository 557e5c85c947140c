"""``.docx`` to text, in the order the document's body holds its paragraphs and tables.

Directives put their header (issuer | motto, number | place and date) and their signature block
(recipients | signer) in borderless layout tables, and their task lists in data tables. So:

- a layout table (at most ``LAYOUT_MAX_COLS`` columns and ``LAYOUT_MAX_ROWS`` rows) becomes its
  cells one after another, row by row, each cell's own lines kept as lines;
- any other table is data: one markdown pipe row a line (``| Nhiệm vụ | Cơ quan chủ trì |``), a
  cell's lines joined by a space.

A cell merged across columns or rows is read once. Before python-docx parses the package, the
sizes its zip entries declare are summed and refused above the limit (a zip bomb); the zip
reader never inflates an entry past its declared size.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Iterator

from troly.ingest.errors import IngestError
from troly.ingest.limits import MB, Deadline, current

LAYOUT_MAX_COLS = 2
LAYOUT_MAX_ROWS = 3
MAX_ENTRIES = 10_000  # parts in one package; a Word file has a few dozen

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_package(path: Path, max_unzipped: int) -> None:
    """Refuse a package whose entries would unzip beyond ``max_unzipped`` bytes."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IngestError(str(path), f"not a readable .docx file ({exc.__class__.__name__}: {exc})") from exc
    total = sum(i.file_size for i in infos)
    if len(infos) > MAX_ENTRIES or total > max_unzipped:
        raise IngestError(str(path), f"the .docx would unzip to {total / MB:.0f} MB in {len(infos)} parts; "
                                     f"the limit is {max_unzipped / MB:.0f} MB (TROLY_MAX_UNZIPPED_MB)")


def _cell_lines(tc, parent, deadline: Deadline) -> list[str]:
    """A cell's own lines: its paragraphs and nested tables, in order, blank lines dropped."""
    return [line.strip() for block in _blocks(tc, parent, deadline) for line in block.split("\n") if line.strip()]


def _rows(table, deadline: Deadline) -> list[list[list[str]]]:
    """Rows of cells (each cell's lines), every merged cell once: in its row, and in its table."""
    seen: set = set()  # the cells' XML elements themselves: lxml keeps one proxy per element while referenced
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            cells.append(_cell_lines(cell._tc, cell, deadline))
        rows.append(cells)
    return rows


def table_text(table, deadline: Deadline) -> str:
    rows = _rows(table, deadline)
    columns = max((len(table.columns), *(len(r) for r in rows)), default=0)
    if columns <= LAYOUT_MAX_COLS and len(rows) <= LAYOUT_MAX_ROWS:
        return "\n".join(line for row in rows for cell in row for line in cell)
    lines = []
    for row in rows:
        cells = [" ".join(cell) for cell in row]
        if any(cells):
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _blocks(element, parent, deadline: Deadline) -> Iterator[str]:
    """Texts of the paragraphs and tables directly under ``element`` (a body, a cell, a content
    control), in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        deadline.check()
        if child.tag == f"{_W}p":
            yield Paragraph(child, parent).text
        elif child.tag == f"{_W}tbl":
            text = table_text(Table(child, parent), deadline)
            if text:
                yield text
        elif child.tag == f"{_W}sdt":  # a content control: its content is ordinary blocks
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content, parent, deadline)


def read_docx(path: Path) -> str:
    try:
        import docx  # python-docx
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise IngestError(str(path), "python-docx is not installed") from exc
    limits = current()
    check_package(path, limits.max_unzipped_bytes)
    deadline = Deadline(limits.max_seconds, str(path))
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises assorted errors on damaged packages
        raise IngestError(str(path), f"not a readable .docx file ({exc.__class__.__name__}: {exc})") from exc
    text = "\n".join(_blocks(document.element.body, document, deadline))
    limits.check_text(text, str(path))
    return text
