"""Query phrases and abbreviations, expanded for the lexical index (the table lives in troly.vn).

Directives write "UBND huyện" in one place and "Ủy ban nhân dân huyện" in another, and people
type "ubmttq". Both the chunks and the queries get the folded words of the expansion added to
their tokens, so either spelling finds the other.
"""
from __future__ import annotations

from troly.vn import folded_syllables
from troly.vn.abbreviations import expansions  # noqa: F401  (re-exported for the lexical index)

# How people ask (folded) -> the words a directive uses for it; for queries only.
QUERY_PHRASES: dict[str, str] = {
    "gui toi": "nơi nhận",
    "gui den": "nơi nhận",
    "gui cho": "nơi nhận",
    "ai ky": "chữ ký",
    "nguoi ky": "chữ ký",
    "thoi han": "trước ngày",
    "han chot": "trước ngày",
    "han bao cao": "trước ngày",
    "kenh nao": "hình thức",
    "nhung kenh": "hình thức",
    "phuong tien nao": "hình thức",
    "bang cach nao": "hình thức",
}
_PHRASES = {tuple(k.split()): folded_syllables(v) for k, v in QUERY_PHRASES.items()}
_PHRASE_LENGTHS = sorted({len(k) for k in _PHRASES})


def query_expansions(folded: list[str]) -> list[list[str]]:
    """Directive wording for question phrases ("gửi tới" -> "nơi nhận"), plus abbreviations."""
    out = expansions(folded)
    for i in range(len(folded)):
        for n in _PHRASE_LENGTHS:
            words = _PHRASES.get(tuple(folded[i:i + n]))
            if words:
                out.append(words)
    return out



def phrase_words(folded_question: str) -> list[str]:
    """The directive's words for the question phrases in a folded question ("kenh nao" -> "hinh thuc")."""
    words = folded_syllables(folded_question)
    out: list[str] = []
    for i in range(len(words)):
        for n in _PHRASE_LENGTHS:
            out += _PHRASES.get(tuple(words[i:i + n]), [])
    return out
