"""OCR repair: the confusions of real scans (ư/ữ as extra strokes, ủ as a final l, ...), the fixed
formulas of administrative documents, and abbreviations as context.

Constructed samples only (not the shipped documents): single tokens through the candidate
channel, and short made-up documents through the whole repairer.
"""
from __future__ import annotations


import pytest

from conftest import repairer_in_tmp

from troly.ingest.repair import Repairer
from troly.ingest.repair.candidates import CandidateIndex
from troly.ingest.repair.formulas import Formula, FormulaMatcher, load_formulas
from troly.ingest.repair.tokens import tokenize

CLEAN = """Ủy ban nhân dân xã ban hành kế hoạch tuyên truyền, phổ biến pháp luật năm 2025 trên địa bàn xã.

Các cơ quan, đơn vị chủ động phối hợp tổ chức thực hiện các nhiệm vụ được giao, bảo đảm tiến độ và chất lượng.

Đề nghị Thường trực HĐND phường, Ủy ban MTTQ phường phối hợp triển khai thực hiện."""


@pytest.fixture(scope="module")
def repairer(tmp_path_factory: pytest.TempPathFactory):
    yield from repairer_in_tmp(tmp_path_factory, [CLEAN])


def _cands(repairer: Repairer, token: str) -> dict[str, float]:
    return {c.word: c.cost for c in repairer.index.candidates(token)}


@pytest.mark.parametrize("token, word", [
    ("nhitng", "những"),  # "it" for ữ
    ("gift", "giữ"),  # "ft" for ữ
    ("img", "ứng"), ("ing", "ứng"), ("tmg", "ứng"), ("tng", "ứng"),  # "i"/"t" for ư, "mg" for ng
    ("stc", "sức"),  # "t" for ư before the final consonant
    ("phtl", "phủ"), ("chul", "chủ"),  # the hook of ủ as a final l
    ("khod", "khó"),  # an acute over o as a final d
    ("nghg", "nghệ"), ("ligt", "liệt"),  # g for ệ
    ("rd", "rõ"),  # d for a marked o
    ("T4", "tổ"),  # 4 for a marked o
])
def test_scan_confusions_give_the_right_syllable(repairer: Repairer, token: str, word: str) -> None:
    assert word in _cands(repairer, token), (token, sorted(_cands(repairer, token)))


def test_tilde_strokes_prefer_the_tilde(repairer: Repairer) -> None:
    cands = _cands(repairer, "dit")
    assert cands["dữ"] < cands["dự"]


def test_a_lost_vowel_is_not_read_as_u(repairer: Repairer) -> None:
    assert "um" not in _cands(repairer, "tm")  # "tm" is tâm with its vowel lost, not ứ-something
    assert "tâm" in _cands(repairer, "tm")


def test_capital_i_for_l_is_written_lower_case(repairer: Repairer) -> None:
    by_word = {c.word: c.text for c in repairer.index.candidates("Iy")}
    assert by_word.get("lý") == "lý"


def test_scan_confusions_restore_a_sentence(repairer: Repairer) -> None:
    damaged = ("Nha nuoc gift vai tro dan dat, nhitng nguoi ding dau phai img dung cong nghg "
               "va bao dam chul quyén, néu co khod khan thi bao cao.")
    out = repairer.run(damaged).text
    for phrase in ("giữ vai trò", "những người đứng đầu", "ứng dụng công nghệ", "chủ quyền", "khó khăn"):
        assert phrase in out, out


def test_motto_and_country_name_are_restored(repairer: Repairer) -> None:
    damaged = ("UY BAN NHAN DAN XA AN BINH   CONG HOA XA HOI CHU NGHIA VIET NAM\n"
               "Doc 1ap - Tu do - Hanh phiic\n\n"
               "Thuc hién ké hoach cua UBND xa vé cong tac tuyén truyén phap luat nam 2025.")
    out = repairer.run(damaged).text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in out
    assert "Độc lập - Tự do - Hạnh phúc" in out
    assert "năm 2025" in out


def test_formula_matcher_needs_the_whole_formula_on_one_line(repairer: Repairer) -> None:
    matcher = FormulaMatcher(repairer.index, (Formula(("độc", "lập", "tự", "do", "hạnh", "phúc")),))
    text = "tu do ca nhan va hanh phuc"  # part of a formula's words, not the formula
    assert matcher.match(text, tokenize(text)) == {}
    split = "Doc lap - Tu do -\nHanh phuc"
    assert matcher.match(split, tokenize(split)) == {}
    whole = "Doc lap - Tu do - Hanh phuc"
    assert list(matcher.match(whole, tokenize(whole)).values()) == ["Độc", "lập", "Tự", "do", "Hạnh", "phúc"]


def test_short_formulas_need_their_exact_letters(repairer: Repairer) -> None:
    matcher = FormulaMatcher(repairer.index, (Formula(("chủ", "tịch")),))
    assert matcher.match("KT. CHU TICH", tokenize("KT. CHU TICH"))
    assert matcher.match("CHU THE", tokenize("CHU THE")) == {}


def test_shipped_formula_list_loads() -> None:
    formulas = load_formulas()
    assert any(f.words == ("độc", "lập", "tự", "do", "hạnh", "phúc") for f in formulas)
    assert all(len(f.words) >= 2 for f in formulas)


def test_clean_formulas_are_left_alone(repairer: Repairer) -> None:
    clean = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n" + CLEAN
    assert repairer.run(clean).text == clean  # a clean variant spelling (HOÀ) is not rewritten


def test_abbreviation_with_a_lost_stroke_still_gives_context(repairer: Repairer) -> None:
    hdnd, ubnd = tokenize("HDND UBND")
    assert repairer.lm.words[repairer._context_id(hdnd)] == "hđnd"  # CLEAN spells HĐND
    assert repairer.lm.words[repairer._context_id(ubnd)] == "ubnd"
    damaged = "Pé nghi Thuong truc HDND phuong phéi hop trién khai thuc hién."
    out = repairer.run(damaged).text
    assert "HDND phường" in out  # the abbreviation itself is kept as written


def test_index_without_the_new_syllables_offers_nothing_odd() -> None:
    index = CandidateIndex({"ứng": 1.0, "um": 1.0})
    assert "um" not in {c.word for c in index.candidates("tm")}
    assert "ứng" in {c.word for c in index.candidates("img")}
