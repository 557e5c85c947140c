"""Where the items, sentences and clauses of a document's clean text begin and end, for posts.

A directive's text is list items ("I.", "2.1.", "a)", "-"), headings and paragraphs, sometimes
hard-wrapped; a post's point is one sentence, or one clause of a long list sentence. Pure
functions over offsets into the text; what reads badly is ``material``'s to judge.
"""
from __future__ import annotations

import re

from troly.bot.posts.sentences import completes_lead_in, inner_alternative
from troly.vn.text import UPPER

# A list marker at a line start: "I.", "2.", "2.1.", "a)", "(3)", "-", "+", "•", optional markdown.
MARKER = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?[ \t]*"
    r"(?:[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2})*[.)]|\(\d{1,2}\)|[a-zđ]\)|[-+•*–])"
    r"(?:\*\*)?(?=[ \t]|$)[ \t]*"
)
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]")
# A sentence ends at . ! ? (maybe closed by a quote) before white space and a capital.
# A dash after the full stop starts the next item of a list run into one line (a table cell's
# "... đồng bộ. - Sản phẩm: ..."): the dash goes with neither sentence.
_SENT_END = re.compile(r"(?<=[.!?])[\"”)]?\s+(?:[-–+•]\s+)?(?=[\"“(]?[" + UPPER + "])")
_ARTICLE = re.compile(r"^(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\b")  # "Điều 3. ...": an article's title
LONG_WORDS = 50  # longer sentences are split at ";"


def mark_shape(mark: str) -> str:
    """"I." -> "I", "2." -> "1", "2.1." -> "1.1", "a)" -> "a", "-" -> "-": items of one list share it."""
    m = mark.strip(" \t*#")
    return re.sub(r"[IVX]+(?=\.)", "I", re.sub(r"\d+", "1", re.sub(r"^[a-zđ](?=\))", "a", m)))


def items(text: str) -> list[tuple[int, int, bool]]:
    """List items and paragraphs as spans; hard-wrapped lines are joined.

    A line starts a new item when it begins with a list marker or a heading, or follows a
    blank line after a sentence end. Otherwise it continues the item (PDF text wraps every
    line, sometimes with blank lines between the wraps).
    """
    out: list[list] = []
    pos, blank, prev_end, prev_head, prev_label, prev_article = 0, True, True, False, False, False
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        s = line.strip()
        if not s:
            blank = True
            continue
        head = bool(_HEADING.match(line)) or is_caps(s)
        new = (not out or bool(MARKER.match(line)) or head or prev_head
               or (blank and (prev_end or prev_label)))
        if new:
            # the line after a bare "Điều 3." is the article's title, however it wraps
            out.append([start, start + len(line.rstrip()), head, prev_article])
        else:
            out[-1][1] = start + len(line.rstrip())
        blank, prev_head = False, head
        prev_end = s.rstrip("*").endswith((".", ":", ";", "!", "?", "”", '"', ")", "/"))
        # "2. Yêu cầu" then a blank line: a label, not the start of a wrapped sentence
        prev_label = bool(MARKER.match(line) or _ARTICLE.match(s)) and not prev_end and len(s.split()) <= 6
        prev_article = bool(_ARTICLE_ALONE.match(s))
    return [(a, b, h or bare_heading(text[a:b]) or (after and not _ends_sentence(text[a:b])))
            for a, b, h, after in out]


_ARTICLE_ALONE = re.compile(r"^\**(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\s*[.:]?\**$")  # "Điều 3." on its own line


def _ends_sentence(item: str) -> bool:
    return item.strip().rstrip("*_ ").endswith((".", "!", "?", ";", "”", '"', "…"))


HEADING_WORDS = 20  # longer lines without final punctuation are wrapped text, unless an article's title


def bare_heading(item: str) -> bool:
    """A short line without final punctuation is a heading once markdown is gone
    ("3.3. Trung tâm Văn hóa, Thông tin và Thể thao huyện"), and so is an article's title of any
    length ("Điều 3. Thời gian hoạt động của các đại lý Internet ... trò chơi điện tử")."""
    s = item.strip().rstrip("*_ ")
    if "\n" in s or _ends_sentence(s):
        return False
    return len(s.split()) <= HEADING_WORDS or bool(_ARTICLE.match(s))


def sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    piece = text[a:b]
    m = MARKER.match(piece)
    off = m.end() if m else 0
    out, cur = [], off
    for m in _SENT_END.finditer(piece, off):
        out.append((a + cur, a + m.start()))
        cur = m.end()
    out.append((a + cur, b))
    return [(s, e) for s, e in out if text[s:e].strip()]


def clauses(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Long sentences split at ";": each clause of a list sentence is a point of its own."""
    out = []
    for s, e in spans:
        if len(text[s:e].split()) <= LONG_WORDS:
            out.append((s, e))
            continue
        clauses, cur = [], s
        for m in re.finditer(r";\s+", text[s:e]):
            if inner_alternative(text[cur:s + m.start()], text[s + m.end():e]):
                continue
            clauses.append((cur, s + m.start()))
            cur = s + m.end()
        clauses.append((cur, e))
        head = text[clauses[0][0]:clauses[0][1]]
        colon = head.find(": ")
        if colon > 0 and completes_lead_in(head[:colon + 1], head[colon + 2:]):
            continue  # "... các nội dung sau: Tên hàng hóa; Xuất xứ hàng hóa; ...": an inline list
        out += clauses
    return out


def is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.7


QUOTED_WORDS = 12  # a quotation this long, after a lead-in ending in ":", is another text's provision
_QUOTE = re.compile(r"“([^“”]*)”")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of provisions the document quotes from another text ("... quy định như sau: “4. Giảm
    tiền sử dụng đất ...”"): their words are the cited text's, not the document's own answer."""
    out = []
    for m in _QUOTE.finditer(text):
        lead = text[max(0, m.start() - 12):m.start()].rstrip()
        if lead.endswith(":") and len(m.group(1).split()) >= QUOTED_WORDS:
            out.append((m.start(), m.end()))
    return out
