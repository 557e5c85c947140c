"""Text as a commune loudspeaker reads it: numbers, dates and document numbers in words.

A script is read aloud by a station announcer, so nothing in it may need decoding: "57-NQ/TW"
becomes "Nghị quyết số năm mươi bảy", "22/12/2024" "ngày hai mươi hai tháng mười hai năm hai
nghìn không trăm hai mươi tư", "30%" "ba mươi phần trăm", "UBND" "Ủy ban nhân dân", "khóa
XIII" "khóa mười ba". Pure functions; the wording of abbreviations is in ``troly.prompts.posts``.
"""
from __future__ import annotations

import re

from troly.models import Document
from troly.prompts import posts as P
from troly.vn.abbreviations import ABBREVIATIONS, defined_in, spell_out
from troly.vn.dates import find_dates
from troly.vn.docnum import find_refs, type_name
from troly.vn.text import LOWER, collapse_ws, fold, folded_syllables

_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_SCALES = [(10**9, "tỷ"), (10**6, "triệu"), (1000, "nghìn")]


def _tens(n: int) -> str:
    """0 < n < 100."""
    if n < 10:
        return _DIGITS[n]
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{_DIGITS[tens]} mươi"
    if unit == 0:
        return head
    if unit == 5:
        return f"{head} lăm"
    if unit == 1 and tens > 1:
        return f"{head} mốt"
    if unit == 4 and tens > 1:
        return f"{head} tư"
    return f"{head} {_DIGITS[unit]}"


def _hundreds(n: int, inner: bool) -> str:
    """0 <= n < 1000; ``inner``: a group after a higher one ("hai nghìn không trăm linh năm")."""
    h, rest = divmod(n, 100)
    if h == 0 and not inner:
        return _tens(rest)
    words = f"{_DIGITS[h]} trăm"
    if rest == 0:
        return words
    return f"{words} linh {_DIGITS[rest]}" if rest < 10 else f"{words} {_tens(rest)}"


def number_words(n: int) -> str:
    """``2024`` -> "hai nghìn không trăm hai mươi tư"; ``105`` -> "một trăm linh năm"."""
    if n == 0:
        return "không"
    parts, started = [], False
    for scale, name in _SCALES:
        group, n = divmod(n, scale)
        if group:
            parts.append(f"{_hundreds(group, started)} {name}")
            started = True
    if n:
        parts.append(_hundreds(n, started))
    return " ".join(parts)


def decimal_words(token: str) -> str:
    """A written number: "1.000" -> "một nghìn", "2,5" -> "hai phẩy năm", "05" -> "năm"."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        return number_words(int(token.replace(".", "")))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", token):  # "1.285,7": thousands, then a decimal comma
        token = token.replace(".", "")
    if len(re.findall(r"[.,]", token)) > 1:  # "5,7,12": numbers listed without spaces, each said
        return ", ".join(decimal_words(part) for part in re.split(r"[.,]", token) if part)
    whole, _, frac = token.replace(".", ",").partition(",")
    words = number_words(int(whole)) if whole else "không"
    if frac.strip("0"):  # "9,0%" is said "chín phần trăm"
        words += " phẩy " + (number_words(int(frac)) if not frac.startswith("0")
                             else " ".join(_DIGITS[int(c)] for c in frac))
    return words


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(word: str) -> int:
    total = 0
    for i, c in enumerate(word):
        v = _ROMAN[c]
        total += -v if i + 1 < len(word) and _ROMAN[word[i + 1]] > v else v
    return total


def _doc_numbers(text: str) -> str:
    """Document numbers as said: "Nghị quyết số năm mươi bảy" (an issuer is never added here:
    attributions are the gate's to check, before the text is worded)."""
    out, pos = [], 0
    for r in find_refs(text):
        before = " ".join(folded_syllables(text[max(0, r.start - 20):r.start]))
        name = type_name(r.type)
        words = number_words(r.number)
        if before.endswith("so"):
            said = words
        elif before.endswith(fold(name)):
            said = f"số {words}"
        else:
            said = f"{name} số {words}"
        out += [text[pos:r.start], said]
        tail = _CODE_TAIL.match(text, r.end)  # "/CHQ-GSQL" after "Công văn số 40088": not said
        pos = tail.end() if tail else r.end
    return "".join(out) + text[pos:]


_CODE_TAIL = re.compile(r"[/-](?=[A-ZĐ])[A-ZĐ0-9.&]+(?:[/-][A-ZĐ0-9.&]+)*")


def _dates(text: str) -> str:
    out, pos = [], 0
    for d in find_dates(text):
        parts = d.iso.split("-")
        if len(parts) != 3:
            continue
        said = (f"{number_words(int(parts[2]))} tháng {number_words(int(parts[1]))} "
                f"năm {number_words(int(parts[0]))}")
        written_day = fold(d.text).startswith("ngay")
        last = folded_syllables(text[max(0, d.start - 12):d.start])
        prefix = "ngày " if written_day or not last or last[-1] != "ngay" else ""
        out += [text[pos:d.start], prefix + said]
        pos = d.end
    return "".join(out) + text[pos:]


def _month_years(text: str) -> str:
    """"tháng 5/2025" and "5/2025" -> "tháng năm năm hai nghìn không trăm hai mươi lăm"."""
    def say(m: re.Match[str]) -> str:
        head = m.group(1) or "tháng "
        return f"{head}{number_words(int(m.group(2)))} năm {number_words(int(m.group(3)))}"

    return re.sub(r"(tháng\s+)?\b(\d{1,2})/((?:19|20)\d{2})\b", say, text)


def _day_months(text: str) -> str:
    """"ngày 01/03" (no year) -> "ngày một tháng ba"."""
    def say(m: re.Match[str]) -> str:
        return f"{m.group(1)}{number_words(int(m.group(2)))} tháng {number_words(int(m.group(3)))}"

    return re.sub(r"(ngày\s+)(0?[1-9]|[12]\d|3[01])/(0?[1-9]|1[0-2])\b(?![/\d])", say, text)


def _abbreviations(text: str) -> str:
    spoken = dict(P.SPOKEN)
    for folded, words in ABBREVIATIONS.items():
        spoken.setdefault(folded.upper(), words)
    for abbr in sorted(spoken, key=len, reverse=True):
        if abbr == "%":
            continue
        rx = rf"(?<![\w&]){re.escape(abbr)}(?![\w&])"
        text = re.sub(rx, spoken[abbr], text)
    return text


def _romans(text: str) -> str:
    def say(m: re.Match[str]) -> str:
        return m.group(1) + number_words(_roman(m.group(2)))

    rx = r"(?i:(\b(?:khóa|khoá|đại hội|lần thứ|hội nghị|nhiệm kỳ)\s+))([IVXL]{1,6})\b"
    return re.sub(rx, say, text)


def _numbers(text: str) -> str:
    text = re.sub(r"(\d+(?:[.,]\d+)*)\s*%", lambda m: decimal_words(m.group(1)) + " phần trăm", text)
    return re.sub(r"\d+(?:[.,]\d+)*", lambda m: decimal_words(m.group()), text)


_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]")


# A unit after "/" is said "mỗi <unit>" ("800.000 đồng/người/tháng", "10%/năm").
_PER = re.compile(r"(?<=[\w%])\s*/\s*(?=(?:năm|tháng|quý|tuần|ngày|giờ|người|hộ|lần|suất|phòng|lượt|km|ha|kg|tấn|"
                  r"học sinh|giấy phép|cơ sở|xã|thôn)\b)")
# "2/3 số xã": hai phần ba; "cắt giảm 01/03 ngày": một phần ba (written with leading zeros; after
# "ngày" such a pair is a day and a month)
_FRACTION = re.compile(r"(?<![\d/.])(?<!ngày )\b0?([1-9])/0?([2-9]|10)\b(?![/\d])")
_UNIT_CODE = re.compile(r"\b(\d+)([A-Z])\b")
_PER_AMOUNT = re.compile(r"(đồng|%)((?:/(?!\d)[^\s/,.;:()]+)+)")  # "đồng/người", never "đồng/690 tỷ đồng"
_RATIO = re.compile(r"(?<=[^\W\d])\s*/\s*(?=\d)")
_RANGE = re.compile(r"(?<=\d)\s*[-–]\s*(?=\d)")  # "2026 - 2030", "2026- 2030", "2021-2025"
_DASH = re.compile(r"(?<=[^\W\d_])\s+[-–]\s+(?=[^\W\d_])")  # "tài chính - ngân sách": a pause aloud
# "(tám trăm ngàn đồng)" after "800.000 đồng": the amount spelled out, said once.
SPELLED = re.compile(r"\s*\((?:bằng chữ:\s*)?(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|"
                      r"triệu|tỷ|linh|lẻ|mốt|tư|lăm|đồng|\s|,)+\)", re.I)


# "9,0%/năm (0,75%/tháng)": the same figure restated in another unit, in brackets; heard once
# ("chín phần trăm mỗi năm"), not as two rates.
_RESTATED = re.compile(r"(?<=[\d%])(/[^\W\d_]+)?\s*\(\s*\d+(?:[.,]\d+)*\s*(?:%|đồng)(?:\s*/\s*[^\W\d_]+)*\s*\)")


def spoken(text: str, doc: Document | None = None) -> str:
    """Text worded to be read aloud (see module doc); the abbreviations ``doc`` defines ("tổ chức
    trung gian thanh toán (TGTT)") are said in words."""
    if doc is not None:
        text = spell_out(text, defined_in(doc.text))
    text = SPELLED.sub("", text)
    text = _RESTATED.sub(lambda m: m.group(1) or "", text)
    text = _PER.sub(" mỗi ", text)
    text = _PER_AMOUNT.sub(lambda m: m.group(1) + m.group(2).replace("/", " mỗi "), text)  # "đồng/Giấy phép/lần"
    text = re.sub(r"(?:…|\.{3})(?=\s*\))", "", text)  # "(rơm, rạ...)": "and so on" closing an aside goes unsaid
    text = re.sub(r"(?:…|\.{3})(?=\s*[" + LOWER + "])", ",", text)  # "... lò hơi… trên phạm vi": a pause, not a full stop
    text = _doc_numbers(text)
    text = _dates(text)
    text = _month_years(text)
    text = _day_months(text)
    text = _abbreviations(text)
    text = _romans(text)
    text = _RANGE.sub(" đến ", text)  # "10 - 13%", "2026 - 2030"
    text = _DASH.sub(", ", text)
    text = _RATIO.sub(" trên ", text)  # "23 ca sinh/1.000 phụ nữ"
    text = _FRACTION.sub(lambda m: f"{number_words(int(m.group(1)))} phần {number_words(int(m.group(2)))}", text)
    text = _UNIT_CODE.sub(r"\1 \2", text)  # "5G" -> "5 G": the digit said, the letter kept
    text = _numbers(text)
    text = _EMOJI.sub("", text).replace("#", "").replace("…", ".").replace("...", ".")
    text = text.replace("&", " và ")
    text = _ALTERNATIVE.sub(_alternative, text)  # "Thôn (tổ) đội trưởng": one post or the other
    text = re.sub(r"\(([^()]*)\)", r", \1,", text)
    text = _OR.sub(" hoặc ", text)  # "cấp tỉnh/cấp xã", "sửa đổi, bổ sung/cấp lại": one or the other
    text = re.sub(r"\s*/\s*", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", collapse_ws(text))
    text = _SAID_TWICE.sub(r"\1", text)  # "Internet vạn vật (IoT)" said "Internet vạn vật, Internet vạn vật"
    return re.sub(r",\s*([,.])", r"\1", text)


_OR = re.compile(r"(?<=[" + LOWER + r"])\s*/\s*(?=[" + LOWER + r"])")
# A word or two in brackets inside a noun phrase, lower case: an alternative ("Thôn (tổ) đội trưởng").
_ALTERNATIVE = re.compile(r"(?<=\w) \(([a-zà-ỹđ]+(?: [a-zà-ỹđ]+)?)\) (?=\w)")
# Words in brackets that say what state a thing is in, not another thing it may be: "Luật Quản lý
# thuế (sửa đổi)", "tỉnh Phú Yên (trước đây)", "(nếu có)" (heldout29 heard "hoặc sửa đổi").
_STATES = {"sửa đổi", "trước đây", "cũ", "mới", "nếu có", "bổ sung", "dự thảo", "trước", "sau", "hiện nay"}


def _alternative(m: re.Match) -> str:
    return f", {m[1]}, " if m[1] in _STATES else f" hoặc {m[1]} "


_SAID_TWICE = re.compile(r"\b((?:\w+ ){1,5}\w+), \1\b,?")


def word_count(text: str) -> int:
    return len(text.split())


def has_digits(text: str) -> bool:
    return any(c.isdigit() for c in text)


