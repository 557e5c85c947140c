"""OCR repair: confusions, what must not change, clean pass-through, paragraph-level repair."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import repairer_in_tmp

from troly.ingest.repair import Repairer, damage_share
from troly.ingest.repair.inventory import check_inventory
from troly.ingest.repair.syllable import is_syllable
from troly.vn.text import fold

CLEAN = """Ủy ban nhân dân xã ban hành kế hoạch tuyên truyền, phổ biến pháp luật năm 2025 trên địa bàn xã.

Các cơ quan, đơn vị chủ động phối hợp tổ chức thực hiện các nhiệm vụ được giao, bảo đảm tiến độ và chất lượng.

Giao Văn phòng tổng hợp kết quả, báo cáo Chủ tịch Ủy ban nhân dân xã trước ngày 15/5/2025."""

DAMAGE_SCRIPT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "ocr_damage.py"


@pytest.fixture(scope="module")
def repairer(tmp_path_factory: pytest.TempPathFactory):
    yield from repairer_in_tmp(tmp_path_factory, [CLEAN])


def _words(repairer: Repairer, token: str) -> list[str]:
    return [c.word for c in repairer.index.candidates(token)]


def test_syllable_check_accepts_vietnamese_and_rejects_ocr_debris() -> None:
    for word in ("Tuyên", "truyền", "quốc", "giữa", "khuỷu", "Nghị"):
        assert is_syllable(word), word
    for word in ("Tuyén", "thye", "s6", "qudc", "B)"):
        assert not is_syllable(word), word


def test_confusions_become_candidates(repairer: Repairer) -> None:
    assert "số" in _words(repairer, "s6")  # 6 -> ô with a lost tone
    assert "là" in _words(repairer, "1a")  # 1 -> l
    assert "ương" in _words(repairer, "wong")  # w -> ươ
    assert "thức" in _words(repairer, "thirc")  # ir -> ư
    assert "đảng" in _words(repairer, "Pang")  # P at a word start -> Đ
    assert "bộ" in _words(repairer, "B)")  # ) as a damaged vowel
    assert repairer.index.candidates("Pang")[0].text[0] == "Đ"  # case kept


def test_abbreviations_have_no_candidates(repairer: Repairer) -> None:
    for token in ("UBND", "MTTQ", "HDND", "TW"):
        assert all(c.word == fold(token) for c in repairer.index.candidates(token)), token


def test_clean_text_passes_unchanged(repairer: Repairer) -> None:
    result = repairer.run(CLEAN)
    assert result.text == CLEAN
    assert not result.repaired
    assert result.paragraphs_repaired == 0
    assert damage_share(CLEAN) == 0.0


def test_damaged_sentence_is_restored_and_numbers_kept(repairer: Repairer) -> None:
    damaged = ("Tuyén truyén thuc hién Nghi quyét s6 57-NQ/TW ngay 22/12/2024 cia Bé Chinh tri "
               "va K€ hoach s6 32/KH-UBND cua UBND xa vé KH&CN, nam 2025 dat 95%.")
    assert damage_share(damaged) > 0.3
    result = repairer.run(damaged)
    assert result.repaired and result.paragraphs_repaired == 1
    for kept in ("57-NQ/TW", "22/12/2024", "32/KH-UBND", "UBND", "KH&CN", "2025", "95%"):
        assert kept in result.text, kept
    assert result.text.startswith("Tuyên truyền thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của")
    assert 0.0 < result.confidence <= 1.0
    assert len(result.text.split()) == len(damaged.split())  # token structure kept


def test_only_the_damaged_paragraph_changes(repairer: Repairer) -> None:
    paras = CLEAN.split("\n\n")
    bad = "Tang cuong cong tac chi dao, t6 chirc thuc hién cac nhiém vu dugc giao trén dia ban x4."
    doc = "\n\n".join([paras[0], bad, paras[1], paras[2]])
    result = repairer.run(doc)
    out = result.text.split("\n\n")
    assert len(out) == 4
    assert out[0] == paras[0] and out[2] == paras[1] and out[3] == paras[2]
    assert out[1] != bad
    assert "tổ chức thực hiện các nhiệm vụ được giao trên địa bàn" in out[1]
    assert result.paragraphs_repaired == 1


def test_line_structure_is_kept(repairer: Repairer) -> None:
    damaged = "Thyc hién Ké hoach s6 02-KH/BCDTW ngay 19/6/2025\nctia Ban Chi dao Trung wong;\n"
    result = repairer.run(damaged)
    assert result.text.count("\n") == damaged.count("\n")
    assert "02-KH/BCDTW" in result.text and "19/6/2025" in result.text


@pytest.mark.skipif(not DAMAGE_SCRIPT.is_file(), reason="shared eval scripts not present")
def test_repair_of_simulated_ocr_damage_scores_well(repairer: Repairer) -> None:
    spec = importlib.util.spec_from_file_location("ocr_damage", DAMAGE_SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    damaged = mod.damage(CLEAN, seed=1)
    assert damaged != CLEAN
    result = repairer.run(damaged)
    ref, got = CLEAN.split(), result.text.split()
    assert len(ref) == len(got)
    right = sum(a == b for a, b in zip(ref, got))
    assert right / len(ref) > sum(a == b for a, b in zip(ref, damaged.split())) / len(ref)
    assert right / len(ref) >= 0.85


def test_inventory_check_names_missing_files(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from troly.ingest.repair import inventory

    monkeypatch.setattr(inventory, "package_file", lambda pkg, rel: None)
    missing = check_inventory()
    assert any("Viet74K.txt" in m for m in missing)
    assert "Viet74K.txt" in caplog.text
    lm = inventory.build_inventory_lm(use_cache=False)  # degrades: an empty model, clean text added later
    rep = Repairer([CLEAN], lm=lm)
    assert rep.run(CLEAN).text == CLEAN
