"""Which bodies a directive's collective names bind: "các tổ chức chính trị - xã hội".

Directives rarely task the Hội Nông dân by name; they tell "Mặt trận Tổ quốc và các tổ chức
chính trị - xã hội huyện" (or "các đoàn thể") to act, and that binds each of the
socio-political organisations the Party's statutes list. A duty question about one of them is
answered from the rows of the collective name, and the answer says so.
"""
from __future__ import annotations

# folded name as people say it -> the name to show
SOCIO_POLITICAL: dict[str, str] = {
    "doan thanh nien": "Đoàn Thanh niên",
    "hoi lien hiep phu nu": "Hội Liên hiệp Phụ nữ",
    "hoi phu nu": "Hội Phụ nữ",
    "hoi nong dan": "Hội Nông dân",
    "hoi cuu chien binh": "Hội Cựu chiến binh",
    "lien doan lao dong": "Liên đoàn Lao động",
    "cong doan": "Công đoàn",
}
# the collective name, folded, as ``expand_abbreviations`` writes it ("đoàn thể", "CT-XH" included)
COLLECTIVE = "to chuc chinh tri xa hoi"
# the level words that still say which collective ("... chính trị - xã hội huyện")
_LEVEL = {"tinh", "huyen", "xa", "phuong", "quan", "thi", "tran", "thanh", "pho", "cap"}


def member_of_collective(words: list[str]) -> tuple[str, list[str]] | None:
    """(the member's name, the words to look for instead) when ``words`` (folded syllables of an
    agency) name a socio-political organisation: "hoi nong dan huyen" -> the collective + "huyen"."""
    text = f" {' '.join(words)} "
    for name, shown in SOCIO_POLITICAL.items():
        if f" {name} " in text:
            rest = text.replace(f" {name} ", " ").split()
            return shown, COLLECTIVE.split() + [w for w in rest if w in _LEVEL]
    return None
