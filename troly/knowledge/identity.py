"""When are two documents the same document? And what id does a different one get?

Numbers repeat: every commune's People's Committee may issue its own "32/KH-UBND". Two documents
are the same only when their issuer, number and date all agree (or when the same file is read
again, which the knowledge base checks by source). A document lacking any of the three cannot be
shown to be another one, so it has no identity and never replaces anything. The place of issue
(the "Kinh Môn, ngày ..." line) must agree too: an issuer read only as "Ủy ban nhân dân", its
commune being on a line of its own, does not say which commune it is, the place does.
"""
from __future__ import annotations

import hashlib
import re
from typing import Callable

from troly.models import Facts
from troly.vn import fold


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text or "")).split())


def identity(facts: Facts) -> str:
    """``issuer|place|number|date`` in a spelling-proof form, or "" when the issuer, the number or
    the date is unknown (the place may be blank)."""
    issuer, date = _norm(facts.issuer), (facts.date or "").strip()
    if not (facts.key and issuer and date):
        return ""
    return f"{issuer}|{_norm(facts.place)}|{facts.key}|{date}"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def distinct_id(base: str, facts: Facts, sha256: str, taken: Callable[[str], bool]) -> str:
    """``base`` when free, else ``base~xxxxxx`` from the issuer, place and date (stable: the same document
    gets the same id in every base), falling back to the content, then to a counter."""
    if not taken(base):
        return base
    who = (_norm(facts.issuer), _norm(facts.place), (facts.date or "").strip())
    for candidate in (f"{base}~{_digest(*who)[:6]}", f"{base}~{_digest(*who, sha256)[:8]}"):
        if not taken(candidate):
            return candidate
    n = 2
    while taken(f"{base}~{n}"):
        n += 1
    return f"{base}~{n}"
