"""Reply objects: what the conversation core says, before any channel renders it.

The core never formats for a platform. It returns plain text (never escaped), an optional
list of sources and optional buttons; Telegram turns them into HTML and inline keyboards,
Zalo into plain text with numbered choices, the web API into JSON.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Button:
    label: str
    data: str  # opaque callback data, e.g. "src:12", "fb:12:1" (<= 64 bytes for Telegram)


@dataclass
class SourceItem:
    document: str
    title: str = ""
    section: str = ""
    quote: str = ""

    @classmethod
    def from_json(cls, item: dict) -> "SourceItem":
        return cls(
            document=str(item.get("document", "")),
            title=str(item.get("title", "")),
            section=str(item.get("section", "")),
            quote=str(item.get("quote", "")),
        )


@dataclass
class Reply:
    """One message to send. ``text`` is plain, unescaped text; paragraphs are split by blank lines."""

    text: str = ""
    title: str = ""  # optional heading shown in bold where the channel can
    sources: list[SourceItem] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)
    full_sources: bool = False  # quotes in full ("Xem nguồn", /nguon) or only document and section
    notice: bool = False  # a short acknowledgement of a button press (Telegram shows it as a toast)


@dataclass
class Incoming:
    """One thing a user did in a chat: text, a command, a button press or an uploaded file."""

    channel: str  # "telegram", "zalo", "web"
    chat_id: str
    user_id: str
    text: str = ""
    button: str = ""  # callback data of a pressed button
    file_path: Path | None = None  # a downloaded upload
    file_name: str = ""
    file_size: int = 0

    @property
    def conversation_id(self) -> str:
        return f"{self.channel}:{self.chat_id}"
