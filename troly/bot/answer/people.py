"""People a question names: a false premise when no document names them, or a signer to look up.

"Đồng chí X chỉ đạo gì ...?" asks about someone; when no document holds X's name the honest
answer is that the documents do not mention X, not a passage about something else.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from troly.bot.answer.library import Library
from troly.bot.answer.query import Query
from troly.models import Document
from troly.vn.names import person_names
from troly.vn.text import folded_syllables

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    from troly.ingest.repair.names import PERSON_NAMES, read_person_names

    try:
        return frozenset(read_person_names(PERSON_NAMES)[0])
    except OSError:  # pragma: no cover - the list ships with the package
        log.warning("person-name list missing: %s", PERSON_NAMES)
        return frozenset()


def load_names() -> None:
    """Load the surname list now (at start-up) rather than in the first answer that needs it."""
    _surnames()


def unknown_person(text: str, lib: Library) -> str:
    """The first person the question names that no document does (their syllable pairs unknown)."""
    for name in person_names(text, _surnames()):
        words = folded_syllables(name)
        if not all(f"{a} {b}" in lib.vocab for a, b in zip(words, words[1:])):
            return name
    return ""


def signed_by_named(q: Query, lib: Library) -> tuple[str, list[Document]] | None:
    """The person a question names and the documents they signed, when there are any."""
    for name in person_names(q.text, _surnames()):
        key = " ".join(folded_syllables(name))
        docs = [d for d in lib.docs.values() if d.facts.signer and " ".join(folded_syllables(d.facts.signer)) == key]
        if docs:
            return name, sorted(docs, key=lambda d: d.facts.date or "", reverse=True)
    return None
