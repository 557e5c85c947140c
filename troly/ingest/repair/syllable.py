"""What a well-formed Vietnamese syllable is (onset + rhyme + one tone), without a word list.

Damage detection must work even when no inventory file is installed, so validity is decided by
phonotactics: the onset and rhyme must be ones Vietnamese spells, a syllable carries at most one
tone mark, and stop endings (-c, -ch, -p, -t) take only sắc or nặng.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}

_ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
_RHYMES = set(
    """a ai ao au ay ac ach am an ang anh ap at
    ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
    e eo ec em en eng ep et ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
    o oa oac oach oai oam oan oang oanh oao oap oat oay oc oe oen oeo oet oi om on ong op ot
    oăc oăm oăn oăng oăt ooc oong
    ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
    u ua uân uâng uât uây uc uê uêch uênh uêt ui um un ung uơ uôc uôi uôm uôn uông uôt up ut
    uy uya uych uyên uyêt uynh uyt uyu uyn
    ư ưa ưc ưi ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu ưm ưn
    y yêm yên yêng yêt yêu""".split()
)
_STOPS = ("c", "ch", "p", "t")


def split_tone(word: str) -> tuple[str, str]:
    """(letters with shape marks only, tone key among "" s f r x j); tone "?" when several."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [TONE_MARKS[c] for c in decomposed if c in TONE_MARKS]
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    if len(tones) > 1:
        return base, "?"
    return base, tones[0] if tones else ""


def _rhyme_ok(onset: str, rhyme: str, tone: str) -> bool:
    if rhyme not in _RHYMES:
        return False
    if onset == "qu" and rhyme[:1] in ("u", "ư"):
        return False
    if tone and tone not in "sj" and rhyme.endswith(_STOPS):
        return False
    return True


@lru_cache(maxsize=200_000)
def is_syllable(word: str) -> bool:
    """Whether ``word`` (any case) is a well-formed Vietnamese syllable."""
    base, tone = split_tone(word.lower())
    if tone == "?" or not base or not base.isalpha():
        return False
    for onset in _ONSETS:
        if base.startswith(onset):
            rhyme = base[len(onset):]
            if onset == "gi" and rhyme == "":
                return True  # "gì"
            if rhyme and _rhyme_ok(onset, rhyme, tone):
                return True
            if onset == "gi" and rhyme[:1] not in ("", "a", "e", "o", "u", "ư", "ơ", "ô", "ê", "â", "ă"):
                continue
    return False


_VIET_ONLY = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323\u1ea0-\u1ef9]")


def has_vietnamese_marks(word: str) -> bool:
    return bool(_VIET_ONLY.search(unicodedata.normalize("NFC", word))) or bool(
        set(unicodedata.normalize("NFD", word)) & set(TONE_MARKS)
    )
