"""Vietnamese helpers: document numbers in every spelling, offsets, dates, Telex leftovers."""
from __future__ import annotations

import pytest

from troly.vn.dates import find_dates
from troly.vn.docnum import find_refs, normalize
from troly.vn.text import detelex, fold, folded_syllables


@pytest.mark.parametrize("written,key", [
    ("57-NQ/TW", "57-NQ/TW"), ("57/NQ-TW", "57-NQ/TW"), ("57NQ/TW", "57-NQ/TW"), ("57 -NQ/TW", "57-NQ/TW"),
    ("32/KH-UBND", "32/KH-UBND"), ("03/NQ-CP", "03/NQ-CP"), ("Số: -HD/BTG", ""),
])
def test_numbers_normalize(written, key):
    assert normalize(written) == key


def test_loose_mentions_and_offsets_survive_space_runs():
    text = "  Theo   nghị quyết   57 và  NQ 45, Kế hoạch  114 -KH/HU"
    refs = find_refs(text)
    assert [r.key for r in refs] == ["57-NQ", "45-NQ", "114-KH/HU"]
    assert [text[r.start:r.end] for r in refs] == ["nghị quyết   57", "NQ 45", "114 -KH/HU"]


def test_dates_and_blank_days():
    found = find_dates("Mỹ Tú, ngày 03 tháng 4 năm 2025; trước ngày 15/5/2025; ngày   tháng 5 năm 2024")
    assert [d.iso for d in found] == ["2025-04-03", "2025-05-15", "2024-05"]


def test_telex_and_folding():
    assert detelex("nghij quyeets 57 ban hanhf") == "nghi quyet 57 ban hanh"
    assert detelex("Facebook Zalo UBND") == "Facebook Zalo UBND"
    assert fold("Đột phá  Chuyển đổi số") == "dot pha chuyen doi so"


def test_abbreviations_no_table_lists_are_spelled_out_by_initials():
    from troly.vn.abbreviations import spell_out_initials

    def spell(asked: str, name: str) -> str:
        return " ".join(spell_out_initials(folded_syllables(asked), folded_syllables(name)))

    assert spell("Phòng VH&TT huyện", "Phòng Văn hóa và Thông tin huyện") == "phong van hoa va thong tin huyen"
    # the same letters twice: each one after the previous
    assert spell("Trung tâm VH, TT&TT", "Trung tâm Văn hóa, Thông tin và Thể thao") == \
        "trung tam van hoa thong tin va the thao"
    assert spell("Phòng VH&TT", "Ban Tuyên giáo Huyện ủy") == "phong vh tt"  # no such initials: kept
    assert spell("Ban Tuyên giáo", "Ban Tuyên giáo") == "ban tuyen giao"  # syllables are never initials


def test_fold_chars_keeps_offsets_in_every_script():
    from troly.vn.text import fold_chars

    text = "Đảng ỦY “Kế hoạch” İstanbul ΑΒΓ 漢字 Ở\u0301 ẞ"  # a decomposed mark, a capital sharp s
    folded = fold_chars(text)
    assert len(folded) == len(text)
    assert folded.startswith("dang uy “ke hoach” istanbul αβγ 漢字 o")
    assert all(len(fold_chars(c)) == 1 for c in text)
