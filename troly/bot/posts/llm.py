"""A post worded by the optional LLM: the same points, the same hook, the same gate.

The model gets the chosen points as numbered sources and the opening line the template built
from the document's facts. Its text is kept only when the grounding gate finds nothing
unsupported (numbers, dates, document numbers, issuer attributions) and the channel's form
rules hold; otherwise the caller keeps the template post. A loudspeaker script is checked as
the model wrote it (digits), then worded for reading aloud.
"""
from __future__ import annotations

import logging
import re

from troly.bot.posts import templates as T
from troly.bot.grounding import ungrounded
from troly.bot.posts.spoken import spoken
from troly.prompts import posts as P

log = logging.getLogger(__name__)

_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]")


def llm_post(llm, topic: str, channel: str, template, points: list[T.Point]):
    """The model's post (a ``posts.Post``), or None to keep ``template``."""
    from troly.bot.llm import _data, format_sources  # same source format as answers
    from troly.bot.posts.gate import gate_sources
    from troly.bot.posts.post import Post, docs_of
    from troly.prompts.loader import render

    sources = template.sources
    hook = _hook_of(template)
    max_chars = 1400 if channel != "loa" else 1500
    system = render("llm_post", channel=P.CHANNEL_NAMES[channel], max_chars=max_chars)
    user = P.LLM_POST_USER.format(sources=format_sources(sources), topic=_data(topic),
                                  channel=P.CHANNEL_NAMES[channel], rules=P.LLM_RULES[channel],
                                  n=len(sources), hook=hook,
                                  audience=P.AUDIENCE_NAMES[template.audience])
    raw = llm.complete(system, user)
    if not raw:
        return None
    docs = docs_of(points)
    written = _finish(raw, channel, topic, points, docs)
    problem = _problem(written, channel, gate_sources(docs))
    if problem:
        log.info("LLM post rejected (%s); using the template post", problem)
        return None
    text = spoken(written, docs[0]) if channel == "loa" else written
    return Post(channel, text, sources, topic, template.variant, True, template.audience, written)


def _hook_of(template) -> str:
    """The template's opening line (without the emoji), the model opens with it."""
    first = (template.written or template.text).splitlines()[0]
    return first.removeprefix("📢").strip()


def _finish(raw: str, channel: str, topic: str, points: list[T.Point], docs: list) -> str:
    """Strip citation markers and markdown; add the source line and hashtags on social channels."""
    text = re.sub(r"\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]", "", raw)
    text = re.sub(r"\*\*|__|^#+\s*", "", text, flags=re.M).strip()
    if text.strip() == "Không có thông tin.":
        return ""
    if channel == "loa":
        return " ".join(text.split())
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith(("#", "Nguồn:", "📌"))]
    tags = " ".join(T.hashtags(topic, points, docs))
    return "\n".join(lines).rstrip() + "\n\n" + T._sources_line(docs) + "\n" + tags


def _problem(text: str, channel: str, sources: list[str]) -> str:
    """Why an LLM post cannot be used; "" when it can."""
    if not text:
        return "empty or declined"
    bad = ungrounded(text, sources)
    if bad:
        return f"unsupported facts {bad}"
    if channel == "loa":
        n = len(spoken(text).split())
        if not T.LOA_WORDS[0] <= n <= T.LOA_WORDS[1]:
            return f"{n} words"
        if "#" in text or _EMOJI.search(text):
            return "hashtag or emoji in a spoken script"
    elif not T.fits(channel, text):
        return f"too long ({len(text)} characters)"
    return ""
