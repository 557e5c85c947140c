"""Optional LLM wording on top of the extractive answer, never trusted blindly.

With ``TROLY_LLM_BASE_URL`` set, any OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp
server, hosted APIs) may reword an answer from the same numbered sources. The model's text
is accepted only when it cites existing sources and every number, date and document number
in it appears in a cited source (``troly.bot.grounding``); otherwise the caller keeps its
extractive answer. Any failure (timeout, HTTP error, bad output) yields ``None``, so the
LLM can only improve wording, never break answering.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from troly.bot.grounding import markers, renumber, unsupported
from troly.models import Answer, Source
from troly.prompts.loader import load, render

if TYPE_CHECKING:
    from troly.config import Settings

log = logging.getLogger(__name__)

MAX_CHARS = 1500  # the prompt asks for < 800; far longer output means the model ignored it
MAX_TOKENS = 700
_DELIM = re.compile(r"<{3,}|>{3,}")  # our delimiters; neutralized inside data
_THINK = re.compile(r"<think>.*?</think>", re.S | re.I)  # reasoning models' scratchpad


def _data(text: str) -> str:
    """Source or question text made safe to put between delimiters: it cannot close them."""
    return _DELIM.sub(lambda m: "‹" * len(m.group()) if m.group()[0] == "<" else "›" * len(m.group()), text)


def source_text(s: Source) -> str:
    """What a source states: its header facts (number, title, section) and its quote."""
    return "\n".join(part for part in (s.document, s.title, s.section, s.quote) if part)


def format_sources(sources: list[Source]) -> str:
    """Sources numbered [1]..[n], each between ``<<<NGUỒN n>>>`` delimiters."""
    return "\n\n".join(
        render(
            "llm_source",
            n=i,
            document=_data(s.document) or "-",
            title=_data(s.title) or "-",
            section=_data(s.section) or "-",
            quote=_data(s.quote),
        )
        for i, s in enumerate(sources, 1)
    )


@dataclass
class Checked:
    """A model's text after the grounding check."""

    text: str  # markers renumbered to ``sources``
    sources: list[Source] = field(default_factory=list)  # the cited sources, in source order
    problem: str = ""  # why the text was rejected; "" when it passed

    @property
    def ok(self) -> bool:
        return not self.problem


def check(text: str, sources: list[Source]) -> Checked:
    """Accept ``text`` only if it cites existing sources and states nothing they do not.

    Facts are looked up in the *cited* sources only: citing [1] for a date found in [3]
    would mislead the reader as much as an invented date.
    """
    cited = markers(text)
    if not cited:
        return Checked(text, problem="no citation marker")
    bad = sorted(n for n in cited if not 1 <= n <= len(sources))
    if bad:
        return Checked(text, problem=f"cites missing sources {bad}")
    if len(text) > MAX_CHARS:
        return Checked(text, problem=f"too long ({len(text)} characters)")
    order = sorted(cited)
    kept = [sources[n - 1] for n in order]
    missing = unsupported(text, [source_text(s) for s in kept])
    if missing:
        return Checked(text, problem=f"unsupported facts {missing}")
    mapping = {old: new for new, old in enumerate(order, 1)}
    return Checked(renumber(text, mapping), kept)


class LLMWriter:
    """An OpenAI-compatible chat model reached through langchain, with a grounding check."""

    def __init__(self, base_url: str, model: str, api_key: str = "", timeout: float = 20.0):
        from langchain_openai import ChatOpenAI  # optional dependency path: import when used

        self.base_url = base_url
        self.model = model
        self._secret = api_key
        # Local servers (vLLM, llama.cpp, Ollama) accept any key but the client insists on one.
        self._chat = ChatOpenAI(
            base_url=base_url,
            api_key=api_key or "EMPTY",
            model=model,
            timeout=timeout,
            max_retries=0,
            max_tokens=MAX_TOKENS,
        )

    def __repr__(self) -> str:  # never show the key
        return f"LLMWriter(base_url={self.base_url!r}, model={self.model!r})"

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMWriter | None:
        """A writer when ``TROLY_LLM_BASE_URL`` is set, else None (extractive answers only)."""
        if not settings.llm_base_url:
            return None
        model = settings.llm_model or "default"  # single-model servers ignore the name
        try:
            return cls(settings.llm_base_url, model, settings.llm_api_key, settings.llm_timeout)
        except ImportError as exc:
            log.warning("TROLY_LLM_BASE_URL is set but langchain-openai is missing (%s); answers stay extractive", exc)
            return None

    def _redact(self, message: str) -> str:
        return message.replace(self._secret, "***") if self._secret else message

    def complete(self, system: str, user: str) -> str | None:
        """The model's reply to one system + user message; None on any failure (logged)."""
        from langchain_core.messages import HumanMessage, SystemMessage

        try:
            reply = self._chat.invoke([SystemMessage(content=system), HumanMessage(content=user)])
        except Exception as exc:  # timeouts, HTTP errors, bad JSON: all mean "no LLM this time"
            log.warning("LLM call to %s failed: %s: %s", self.base_url, type(exc).__name__,
                        self._redact(str(exc))[:300])
            return None
        content = reply.content
        if isinstance(content, list):  # content parts
            content = "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
        text = _THINK.sub("", content or "").strip()
        if not text:
            log.info("LLM at %s returned an empty reply", self.base_url)
        return text or None

    def rewrite(self, question: str, draft: Answer, sources: list[Source]) -> Answer | None:
        """A better-worded answer from ``sources``, or None to keep ``draft``."""
        if not sources:
            return None
        user = render(
            "llm_answer_user",
            sources=format_sources(sources),
            draft=_data(draft.answer) or "-",
            question=_data(question),
            n=len(sources),
        )
        text = self.complete(load("llm_answer"), user)
        if text is None:
            return None
        checked = check(text, sources)
        if not checked.ok:
            log.info("LLM answer rejected (%s); keeping the extractive answer", checked.problem)
            return None
        return Answer(
            answer=checked.text,
            abstained=False,
            intent=draft.intent,
            sources=checked.sources,
            doc_ids=list(draft.doc_ids),
        )
