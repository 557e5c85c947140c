"""Turning reply objects into platform messages: HTML for Telegram, plain text for Zalo.

Both split long messages at paragraph boundaries (then lines, then spaces) so that no
message exceeds the platform's limit and no formatting tag is cut in half.
"""
from __future__ import annotations

import html

from troly.prompts import channels as P

from .replies import Button, Reply, SourceItem

TELEGRAM_LIMIT = 4096
ZALO_LIMIT = 2000


def _cut(text: str, limit: int) -> list[str]:
    """Cut plain text into pieces of at most ``limit`` characters, preferring line then word breaks."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit + 1)
        if cut < limit // 2:
            cut = rest.rfind(" ", 0, limit + 1)
        if cut < limit // 2:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def pack(blocks: list[str], limit: int, sep: str = "\n\n") -> list[str]:
    """Join formatted blocks into messages of at most ``limit`` characters, never splitting a block
    that fits; a block too long on its own is cut at line or word boundaries."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        for piece in _cut(block, limit) if len(block) > limit else [block]:
            if not piece.strip():
                continue
            if current and len(current) + len(sep) + len(piece) <= limit:
                current += sep + piece
            else:
                if current:
                    messages.append(current)
                current = piece
    if current:
        messages.append(current)
    return messages


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def _source_lines(i: int, s: SourceItem, full: bool) -> tuple[str, str, str]:
    head = f"{i}. {s.document}" + (f" – {s.title}" if s.title and s.title != s.document else "")
    section = s.section or ""
    quote = s.quote if full else ""
    return head, section, quote


# ---------------------------------------------------------------- Telegram (HTML)

def telegram_messages(reply: Reply, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """HTML messages for one reply; everything from documents and users is escaped."""
    esc = html.escape
    piece = limit // 2  # escaping may lengthen text; cut plain text well below the limit first
    blocks: list[str] = []
    if reply.title:
        blocks.append(f"<b>{esc(reply.title)}</b>")
    for para in paragraphs(reply.text):
        blocks.extend(esc(p) for p in _cut(para, piece))
    if reply.sources:
        blocks.append(f"<b>{esc(P.SOURCES_HEADING)}:</b>")
        for i, s in enumerate(reply.sources, 1):
            head, section, quote = _source_lines(i, s, reply.full_sources)
            parts = [f"<b>{esc(head)}</b>"]
            if section:
                parts.append(f"<i>{esc(section)}</i>")
            block = "\n".join(parts)
            quotes = _cut(quote, piece) if quote else []
            if quotes:
                block += "\n" + f"«{esc(quotes[0])}»"
            blocks.append(block)
            blocks.extend(f"«{esc(q)}»" for q in quotes[1:])
    return pack(blocks, limit)


def telegram_keyboard(buttons: list[Button]) -> list[list[tuple[str, str]]]:
    """Rows of (label, callback data): sources on its own row, votes side by side."""
    rows: list[list[tuple[str, str]]] = []
    for b in buttons:
        if rows and b.data.startswith("fb:") and rows[-1][-1][1].startswith("fb:"):
            rows[-1].append((b.label, b.data))
        else:
            rows.append([(b.label, b.data)])
    return rows


# ---------------------------------------------------------------- Zalo (plain text)

def plain_messages(reply: Reply, limit: int = ZALO_LIMIT) -> list[str]:
    """Plain-text messages; buttons become numbered choices on the last message."""
    blocks: list[str] = []
    if reply.title:
        blocks.append(reply.title)
    blocks.extend(paragraphs(reply.text))
    if reply.sources:
        blocks.append(f"{P.SOURCES_HEADING}:")
        for i, s in enumerate(reply.sources, 1):
            head, section, quote = _source_lines(i, s, reply.full_sources)
            lines = [head] + ([section] if section else []) + ([f"«{quote}»"] if quote else [])
            blocks.append("\n".join(lines))
    if reply.buttons:
        blocks.append(choices_line(reply.buttons))
    return pack(blocks, limit)


def choices_line(buttons: list[Button]) -> str:
    return P.CHOICES.format(items=", ".join(f"{i} = {b.label}" for i, b in enumerate(buttons, 1)))
