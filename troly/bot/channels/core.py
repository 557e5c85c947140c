"""The conversation core: one place that turns what a user did into reply objects.

Channels (Telegram, Zalo, web) only translate platform updates into ``Incoming`` and render
the returned ``Reply`` objects; nothing about answering lives in an adapter. The core is
synchronous (answering is CPU-bound); adapters call it through ``Worker`` so that the event
loop never blocks and the knowledge base is only ever touched from one thread.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from troly.bot.answer.conversation import LRU
from troly.prompts import channels as P
from troly.vn.text import fold, normalize_query

from . import admin, info
from .ratelimit import RateLimiter
from .replies import Button, Incoming, Reply, SourceItem

log = logging.getLogger(__name__)

MAX_INPUT = 2000

# Command name -> canonical name. Vietnamese first, short aliases (with and without diacritics).
COMMANDS: dict[str, str] = {}
for _canon, _aliases in {
    "start": ("start", "batdau"),
    "help": ("help", "trogiup", "huongdan", "giup"),
    "hoi": ("hoi", "h", "ask", "q"),
    "vanban": ("vanban", "vb", "docs", "danhsach"),
    "nhiemvu": ("nhiemvu", "nv", "duties"),
    "hanchot": ("hanchot", "hc", "deadlines"),
    "nguon": ("nguon", "src", "sources"),
    "bai": ("bai", "post", "baiviet"),
    "nhacviec": ("nhacviec", "nhac", "remind"),
    "huynhac": ("huynhac", "unremind"),
    "xoa": ("xoa", "remove"),
    "thongke": ("thongke", "tk", "stats"),
    "id": ("id", "myid", "toila"),
}.items():
    for _a in _aliases:
        COMMANDS[_a] = _canon

_COMMAND = re.compile(r"^/([^\s@]+)(?:@\S+)?\s*(.*)$", re.S)


@dataclass
class Services:
    """What the core talks to. ``engine``/``kb`` follow the contracts in docs/DESIGN.md;
    ``posts``, ``reminders`` and ``deadlines`` are optional (None: the command says it is not ready)."""

    engine: Any
    kb: Any
    settings: Any
    feedback: Any
    posts: Any = None
    reminders: Any = None
    deadlines: Callable[..., list] | None = None


WRITE_COMMANDS = ("xoa",)  # commands that change the knowledge base (run on the writer, see runtime)


@dataclass
class ConversationCore:
    services: Services
    limiter: RateLimiter | None = None
    # How to build the writing side (uploads, /xoa) apart from answering: a runtime.WriterSpec that
    # CoreRunner runs in a process of its own. None: writes run where answers do.
    writer: Any = None
    # Per-conversation state, bounded (LRU of Settings.max_chats conversations).
    _last: LRU[int] = field(default_factory=LRU)  # conversation -> last logged answer id
    _buttons: LRU[list[Button]] = field(default_factory=LRU)

    def __post_init__(self) -> None:
        size = getattr(self.services.settings, "max_chats", None)
        if size:
            self._last.max_size = self._buttons.max_size = int(size)
        if self.limiter is None:
            self.limiter = RateLimiter(int(getattr(self.services.settings, "rate_limit", 20) or 0))

    # ------------------------------------------------------------------ entry points
    def handle(self, msg: Incoming) -> list[Reply]:
        """Everything a user can do, answered; never raises (errors become a polite reply)."""
        try:
            if msg.file_path is not None or msg.file_name:
                return admin.ingest_upload(self.services, msg)
            if msg.button:
                return self._button(msg)
            return self._text(msg)
        except Exception:  # one bad message must never stop a bot
            log.exception("failed to handle a %s message", msg.channel)
            return [Reply(text=P.ERROR)]

    def check_file(self, msg: Incoming) -> list[Reply] | None:
        """Before downloading an upload: a refusal (non-admin, wrong type, too big) or None."""
        return admin.refuse_upload(self.services, msg)

    def is_write(self, msg: Incoming) -> bool:
        """Whether handling ``msg`` changes the knowledge base (an upload, ``/xoa``)."""
        if msg.file_path is not None or msg.file_name:
            return True
        m = _COMMAND.match(normalize_query(msg.text or "")) if not msg.button else None
        return bool(m) and COMMANDS.get(_fold_command(m.group(1).lower())) in WRITE_COMMANDS

    def last_buttons(self, conversation_id: str) -> list[Button]:
        """Buttons of the last answer in a conversation (Zalo maps "1", "2", ... onto them)."""
        return list(self._buttons.get(conversation_id, []))

    def due_reminders(self, channel: str, now: Any) -> list[Any]:
        """Reminders due now for this channel's subscribers (``reminders.send_due`` sends them)."""
        return info.due_reminders(self.services, channel, now)

    # ------------------------------------------------------------------ text and commands
    def _text(self, msg: Incoming) -> list[Reply]:
        raw = msg.text or ""
        if len(raw) > MAX_INPUT:
            return [Reply(text=P.TOO_LONG.format(limit=MAX_INPUT, length=len(raw)))]
        text = normalize_query(raw)
        m = _COMMAND.match(text)
        if not m:
            return self.ask(msg, text)
        name, arg = m.group(1).lower(), m.group(2).strip()
        canon = COMMANDS.get(_fold_command(name))
        s = self.services
        if canon is None:
            return [Reply(text=P.UNKNOWN_COMMAND.format(name=name))]
        if canon == "start":
            return [Reply(text=P.WELCOME)]
        if canon == "id":
            return [info.your_id(msg)]
        if canon == "help":
            extra = P.ADMIN_HELP if s.settings.is_admin(msg.channel, msg.user_id) else ""
            return [Reply(text=P.HELP + extra)]
        if canon == "hoi":
            return self.ask(msg, arg)
        if canon == "nguon":
            return self.sources_of(msg.conversation_id, self._last.get(msg.conversation_id))
        if canon == "bai":
            if arg and not self._allow(msg):
                return [self._limited()]
            return info.post(s, arg, msg.channel)
        if canon in ("xoa", "thongke"):
            if not s.settings.is_admin(msg.channel, msg.user_id):
                return [Reply(text=P.ADMIN_ONLY)]
            return admin.remove(s, arg) if canon == "xoa" else admin.stats(s)
        handler = {"vanban": info.documents, "nhiemvu": info.duties, "hanchot": info.deadlines}.get(canon)
        if handler:
            return handler(s, arg)
        if msg.channel == "web":  # a web page cannot be sent a message later
            return [Reply(text=P.REMIND_NOT_ON_WEB)]
        if canon == "nhacviec":
            return info.subscribe(s, msg, arg)
        return info.unsubscribe(s, msg)

    def ask(self, msg: Incoming, question: str) -> list[Reply]:
        if not question:
            return [Reply(text=P.ASK_EMPTY)]
        if not self._allow(msg):
            return [self._limited()]
        s = self.services
        answer = s.engine.ask(question, msg.conversation_id)
        data = answer.to_json()
        entry_id = s.feedback.log(msg.channel, msg.chat_id, msg.user_id, question, data)
        self._last[msg.conversation_id] = entry_id
        buttons = []
        if data.get("sources"):
            buttons.append(Button(P.BUTTON_SOURCES, f"src:{entry_id}"))
        buttons += [Button(P.BUTTON_UP, f"fb:{entry_id}:1"), Button(P.BUTTON_DOWN, f"fb:{entry_id}:-1")]
        self._buttons[msg.conversation_id] = buttons
        sources = [SourceItem.from_json(x) for x in data.get("sources", [])]
        return [Reply(text=data.get("answer", ""), sources=sources, buttons=buttons)]

    def answer_json(self, msg: Incoming, question: str) -> tuple[dict, int | None]:
        """For the web API: the engine's answer JSON and its log id (no rendering). A command
        (``/bai ...``, ``/hanchot``, ``/id`` ...) is answered as on the other channels, as an
        answer JSON without a log id (nothing to vote on)."""
        if _COMMAND.match(normalize_query(question)):
            msg.text = question
            return replies_json(self._text(msg)), None
        answer = self.services.engine.ask(question, msg.conversation_id)
        data = answer.to_json()
        entry_id = self.services.feedback.log(msg.channel, msg.chat_id, msg.user_id, question, data)
        self._last[msg.conversation_id] = entry_id
        return data, entry_id

    def sources_of(self, conversation_id: str, entry_id: int | None) -> list[Reply]:
        data = None
        if entry_id is not None:
            entry = self.services.feedback.get(entry_id)
            data = entry.answer if entry else None
            if data is None:
                return [Reply(text=P.ANSWER_GONE)]
        else:
            last = getattr(self.services.engine, "last_answer", lambda _c: None)(conversation_id)
            data = last.to_json() if last is not None else None
        if data is None:
            return [Reply(text=P.NO_LAST_ANSWER)]
        sources = [SourceItem.from_json(x) for x in data.get("sources", [])]
        if not sources:
            return [Reply(text=P.NO_SOURCES)]
        return [Reply(sources=sources, full_sources=True)]

    # ------------------------------------------------------------------ buttons
    def _button(self, msg: Incoming) -> list[Reply]:
        kind, _, rest = msg.button.partition(":")
        if kind == "src" and rest.isdigit():
            return self.sources_of(msg.conversation_id, int(rest))
        if kind == "fb":
            ident, _, value = rest.partition(":")
            if ident.isdigit() and value in ("1", "-1", "+1"):
                if not self.services.feedback.vote(int(ident), int(value), msg.channel, msg.chat_id):
                    return [Reply(text=P.ANSWER_GONE, notice=True)]
                return [Reply(text=P.THANKS_UP if int(value) > 0 else P.THANKS_DOWN, notice=True)]
        log.warning("unknown button data %r", msg.button[:64])
        return [Reply(text=P.ANSWER_GONE, notice=True)]

    # ------------------------------------------------------------------ helpers
    def _allow(self, msg: Incoming) -> bool:
        return self.limiter.allow(f"{msg.channel}:{msg.user_id}")

    def _limited(self) -> Reply:
        return Reply(text=P.RATE_LIMITED.format(limit=self.limiter.limit))


def replies_json(replies: list[Reply]) -> dict:
    """Reply objects as one answer JSON (what the web chat shows)."""
    texts = ["\n".join(x for x in (r.title, r.text) if x) for r in replies if not r.notice]
    sources = [{"document": s.document, "title": s.title, "section": s.section, "quote": s.quote}
               for r in replies for s in r.sources]
    return {"answer": "\n\n".join(t for t in texts if t), "abstained": False, "intent": "command",
            "sources": sources}


def _fold_command(name: str) -> str:
    return fold(name).replace(" ", "")
