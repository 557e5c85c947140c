"""Legacy Vietnamese encodings (TCVN3/ABC and VNI-Windows) to Unicode.

Older government files were typed with ``.VnTime`` (TCVN3) or ``VNI-Times`` fonts. Read as
Latin-1/cp1252 text they look like ``Ngh\u00de quy\u00d5t`` (TCVN3) or ``Nghò quyeát`` (VNI).
The bytes are known tables, so the conversion is exact; the only hard part is deciding *whether*
a text is legacy, since both tables reuse Latin-1 letters (TCVN3 ``á`` is ``ỏ``, VNI ``ó`` is
``ĩ``). We convert only when the text has no character beyond Latin-1/cp1252 that Unicode
Vietnamese would use and the conversion turns clearly more words into Vietnamese syllables.
"""
from __future__ import annotations

import re
import unicodedata

from troly.ingest.repair.syllable import is_syllable

_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng


def _compose(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


# TCVN3 (TCVN 5712:1993, VN3): one byte per lower-case letter; tone order sắc, huyền, hỏi, ngã, nặng.
_TCVN3_ROWS = {
    "a": "\u00b8\u00b5\u00b6\u00b7\u00b9",
    "ă": "\u00be\u00bb\u00bc\u00bd\u00c6",
    "â": "\u00ca\u00c7\u00c8\u00c9\u00cb",
    "e": "\u00d0\u00cc\u00ce\u00cf\u00d1",
    "ê": "\u00d5\u00d2\u00d3\u00d4\u00d6",
    "i": "\u00dd\u00d7\u00d8\u00dc\u00de",
    "o": "\u00e3\u00df\u00e1\u00e2\u00e4",
    "ô": "\u00e8\u00e5\u00e6\u00e7\u00e9",
    "ơ": "\u00ed\u00ea\u00eb\u00ec\u00ee",
    "u": "\u00f3\u00ef\u00f1\u00f2\u00f4",
    "ư": "\u00f8\u00f5\u00f6\u00f7\u00f9",
    "y": "\u00fd\u00fa\u00fb\u00fc\u00fe",
}
_TCVN3_PLAIN = {
    "ă": "\u00a8", "â": "\u00a9", "ê": "\u00aa", "ô": "\u00ab", "ơ": "\u00ac", "ư": "\u00ad", "đ": "\u00ae",
    "Ă": "\u00a1", "Â": "\u00a2", "Ê": "\u00a3", "Ô": "\u00a4", "Ơ": "\u00a5", "Ư": "\u00a6", "Đ": "\u00a7",
}


def _tcvn3_table() -> dict[str, str]:
    """Legacy character -> Unicode letter."""
    table = {code: uni for uni, code in _TCVN3_PLAIN.items()}
    for base, codes in _TCVN3_ROWS.items():
        for tone, code in zip(_TONES[1:], codes):
            table[code] = _compose(base, tone)
    return table


TCVN3_TO_UNICODE: dict[str, str] = _tcvn3_table()
UNICODE_TO_TCVN3: dict[str, str] = {v: k for k, v in TCVN3_TO_UNICODE.items()}

# VNI-Windows: a base letter followed by a mark character. Tone marks in the order sắc, huyền,
# hỏi, ngã, nặng; lower-case marks follow lower-case letters, upper-case marks upper-case ones.
_VNI_TONE = {"lower": "\u00f9\u00f8\u00fb\u00f5\u00ef", "upper": "\u00d9\u00d8\u00db\u00d5\u00cf"}
_VNI_CIRC = {"lower": "\u00e2\u00e1\u00e0\u00e5\u00e3\u00e4", "upper": "\u00c2\u00c1\u00c0\u00c5\u00c3\u00c4"}  # â ấ ầ ẩ ẫ ậ
_VNI_BREVE = {"lower": "\u00ea\u00e9\u00e8\u00fa\u00fc\u00eb", "upper": "\u00ca\u00c9\u00c8\u00da\u00dc\u00cb"}  # ă ắ ằ ẳ ẵ ặ
_VNI_SINGLE = {  # letters VNI writes as one character
    "ơ": "\u00f4", "Ơ": "\u00d4", "ư": "\u00f6", "Ư": "\u00d6", "đ": "\u00f1", "Đ": "\u00d1",
    "í": "\u00ed", "ì": "\u00ec", "ỉ": "\u00e6", "ĩ": "\u00f3", "ị": "\u00f2", "ỵ": "\u00ee",
    "Í": "\u00cd", "Ì": "\u00cc", "Ỉ": "\u00c6", "Ĩ": "\u00d3", "Ị": "\u00d2", "Ỵ": "\u00ce",
}


def _vni_table() -> dict[str, str]:
    """Unicode letter -> VNI spelling (one or two characters)."""
    table: dict[str, str] = dict(_VNI_SINGLE)
    for case in ("lower", "upper"):
        up = case == "upper"
        cased = (lambda s: s.upper()) if up else (lambda s: s)
        for base in "aeouy":
            for tone, mark in zip(_TONES[1:], _VNI_TONE[case]):
                uni = cased(_compose(base, tone))
                if uni not in table:  # ỵ is a single character
                    table[uni] = cased(base) + mark
        for base, horn in (("o", "ơ"), ("u", "ư")):
            single = _VNI_SINGLE[cased(horn)]
            for tone, mark in zip(_TONES[1:], _VNI_TONE[case]):
                table[cased(_compose(horn, tone))] = single + mark
        for base in "aeo":
            circ = {"a": "â", "e": "ê", "o": "ô"}[base]
            for tone, mark in zip(_TONES, _VNI_CIRC[case]):
                table[cased(_compose(circ, tone))] = cased(base) + mark
        for tone, mark in zip(_TONES, _VNI_BREVE[case]):
            table[cased(_compose("ă", tone))] = cased("a") + mark
    return table


UNICODE_TO_VNI: dict[str, str] = _vni_table()
VNI_TO_UNICODE: dict[str, str] = {v: k for k, v in UNICODE_TO_VNI.items()}
_VNI_RX = re.compile("|".join(re.escape(k) for k in sorted(VNI_TO_UNICODE, key=len, reverse=True)))

# Characters Unicode Vietnamese uses that neither legacy table can contain (beyond Latin-1).
_BEYOND_LATIN1 = re.compile(r"[\u0100-\u024f\u0300-\u036f\u1e00-\u1eff]")
_WORD = re.compile(r"[^\W\d_]+")


_CAPS_LOST = re.compile(r"\w*[A-Z\u00c0-\u00de\u0110]\w*")


def _lost_capital(word: str) -> bool:
    """A lower-case toned letter among capitals (``HOạCH``) or before one (``ủY``): no writer's case."""
    if not any(c.islower() and not c.isascii() for c in word):
        return False
    return sum(c.isupper() for c in word) >= 2 or any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))


def _restore_capitals(line: str) -> str:
    """TCVN3 has no capital toned letters: ``KẾ HOẠCH`` comes back as ``Kế HOạCH``. A word with two
    capitals around a lower-case toned letter (``HOạCH``, ``ủY``) shows a line in capitals; in it,
    every word without a plain lower-case letter is written in capitals again (``Kế`` -> ``KẾ``)."""
    if not any(_lost_capital(w) for w in _CAPS_LOST.findall(line)):
        return line
    return _CAPS_LOST.sub(lambda m: m.group(0) if re.search("[a-z]", m.group(0)) else m.group(0).upper(), line)


_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)


def tcvn3_to_unicode(text: str) -> str:
    return "\n".join(_restore_capitals(line) for line in text.translate(_TCVN3_TABLE).split("\n"))


def vni_to_unicode(text: str) -> str:
    return _VNI_RX.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text)


def unicode_to_tcvn3(text: str) -> str:
    """For tests and fixtures: TCVN3 has no upper-case toned letters, they come out lower-case."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        if c in UNICODE_TO_TCVN3:
            out.append(UNICODE_TO_TCVN3[c])
        elif c.lower() in UNICODE_TO_TCVN3 and c.lower() != c:
            out.append(UNICODE_TO_TCVN3[c.lower()])
        else:
            out.append(c)
    return "".join(out)


def unicode_to_vni(text: str) -> str:
    return "".join(UNICODE_TO_VNI.get(c, c) for c in unicodedata.normalize("NFC", text))


def _syllable_share(text: str) -> float:
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return sum(is_syllable(w) for w in words) / len(words)


def convert_legacy(text: str) -> tuple[str, str]:
    """(Unicode text, "tcvn3" | "vni") for legacy text; (text, "") otherwise (a no-op)."""
    if not text or _BEYOND_LATIN1.search(text) or not re.search(r"[\u00a0-\u00ff]", text):
        return text, ""
    before = _syllable_share(text)
    best = (text, "", before)
    for name, convert in (("tcvn3", tcvn3_to_unicode), ("vni", vni_to_unicode)):
        converted = convert(text)
        share = _syllable_share(converted)
        if share > best[2] + 0.1 and share >= 0.5:
            best = (converted, name, share)
    return best[0], best[1]


# cp1252 gives the bytes 0x80-0x9f typographic characters (quotes, dashes) but leaves five of them
# undefined; those keep their Latin-1 code point so that every byte reads as exactly one character.
_CP1252_HIGH = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xa0)}


def _single_bytes(data: bytes) -> str:
    """Every byte one character (cp1252, Latin-1 for its holes): what the legacy tables map."""
    return data.decode("latin-1").translate(_CP1252_HIGH)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text in a file's bytes and how it was read; ingest and ``troly repair`` both read here.

    -> (text, encoding), encoding one of "utf-16", "utf-8", "tcvn3", "vni", "cp1258", "cp1252".
    Unicode first (a BOM or valid UTF-8 is never a coincidence). Otherwise the bytes are 8-bit
    text in one of three Vietnamese traditions: the legacy fonts (TCVN3, VNI, whose bytes read as
    cp1252 letters and then map through the tables above) or Windows' own cp1258 (base letters
    and combining tones); the reading that yields the most Vietnamese syllables wins, and plain
    cp1252 (a Western text) when cp1258 yields no more. Raises UnicodeDecodeError only for a damaged
    UTF-16 file.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    probe = _sample(data)  # the choice is made on a sample: a long file is read once, not three times
    single = _single_bytes(probe)
    legacy = convert_legacy(single)[1]
    readings = {legacy: _READ[legacy](single)} if legacy else {}
    readings.update(cp1252=single, cp1258=_READ["cp1258"](probe))
    # max() keeps the first of equals: a legacy reading first, and cp1258 only when it reads better
    best = max(readings, key=lambda name: _syllable_share(readings[name]))
    return (readings[best] if probe is data else _READ[best](data if best == "cp1258" else _single_bytes(data))), best


_READ = {
    "tcvn3": tcvn3_to_unicode,
    "vni": vni_to_unicode,
    "cp1252": lambda text: text,
    "cp1258": lambda data: unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")),
}
SAMPLE_BYTES = 200_000


def _sample(data: bytes) -> bytes:
    """``data`` itself, or 20 evenly spaced slices of it (one byte is one character here)."""
    if len(data) <= SAMPLE_BYTES:
        return data
    step, part = len(data) // 20, SAMPLE_BYTES // 20
    return b"\n".join(data[i:i + part] for i in range(0, step * 20, step))
