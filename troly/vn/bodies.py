"""Words that open a body's name, as ingest (task rows) and posts (who a task is given to) read them.

Folded, several heads are other words too: "bo" is "Bộ" and "bổ sung", "so" is "Sở" and "số",
"bao" is "Báo" and "bảo đảm", "phong" is "Phòng" and "phong trào". Such a head names a body only
with its marks. A request verb may stand before the name ("Đề nghị Liên đoàn Lao động tỉnh ...",
"Giao Sở Nội vụ chủ trì ..."). Pure data and functions.
"""
from __future__ import annotations

import re

# folded head -> the lower-case words, with their marks, that make it a body's name
MARKED_HEADS: dict[str, tuple[str, ...]] = {
    "ban": ("ban",), "so": ("sở",), "bao": ("báo",), "hoi": ("hội",), "doan": ("đoàn",), "dai": ("đài",),
    "phong": ("phòng",), "bo": ("bộ",), "cuc": ("cục",), "truong": ("trường", "trưởng"), "vien": ("viện",),
    "thue": ("thuế",),
}
# Administrative levels that open a place's name (folded): "tỉnh An Hòa", "thành phố Hà Nội", "đặc khu ...".
PLACE_LEVELS = ("tinh", "thanh pho", "huyen", "xa", "phuong", "quan", "thi xa", "thi tran", "dac khu")
LEVEL_WORDS = "(?:" + "|".join(PLACE_LEVELS) + ")"  # the same, as a regex alternation
# "2.9. Đề nghị Liên đoàn Lao động tỉnh ...", "1.1. Giao Sở Nông nghiệp và Môi trường chủ trì ..."
REQUEST = re.compile(r"^(?:Đề nghị|Giao|Yêu cầu)\s+")


def marks_fit(folded_head: str, word: str) -> bool:
    """Whether ``word`` (as written) is the body's head its folded form ``folded_head`` may be."""
    marked = MARKED_HEADS.get(folded_head.strip())
    return marked is None or word.strip(" ,.:;").lower() in marked
