"""OCR repair: marks the OCR drew apart, merged syllables, é for a hooked a, frequent pairs."""
from __future__ import annotations

import pytest

from conftest import repairer_in_tmp

from troly.ingest.repair import Repairer
from troly.ingest.repair.decode import Decoder, Option
from troly.ingest.repair.tokens import tokenize

CLEAN = """Trạm y tế xã phối hợp với trường học tổ chức khám sức khỏe cho học sinh.

Hợp tác xã mở rộng sản xuất, kinh doanh và thúc đẩy tiêu thụ nông sản của bà con.

Tài liệu gửi kèm theo kế hoạch này để các đơn vị nghiên cứu, thực hiện."""


@pytest.fixture(scope="module")
def repairer(tmp_path_factory: pytest.TempPathFactory):
    yield from repairer_in_tmp(tmp_path_factory, [CLEAN])


def _words(repairer: Repairer, token: str) -> list[str]:
    return [c.word for c in repairer.index.candidates(token)]


def test_e_acute_can_stand_for_a_hooked_a_but_not_a_grave_one(repairer: Repairer) -> None:
    assert "sản" in _words(repairer, "sén")
    assert "sẵn" in _words(repairer, "sén")
    assert "và" not in _words(repairer, "vé")  # về read as vé must not turn into the commoner và


def test_a_frequent_pair_wins_once_its_candidate_survives(repairer: Repairer) -> None:
    out = repairer.run("Cac hgp tac xa trong huyén déu md rong sén xuét nong nghiép nam nay.").text
    assert "sản xuất" in out


def test_a_mark_drawn_apart_stays_inside_its_word(repairer: Repairer) -> None:
    toks = [t.text for t in tokenize("can dé\\y manh, a | b")]
    assert "dé\\y" in toks and "|" not in toks
    out = repairer.run("Nha truong can thuc dé\\y phong trao hoc tap trong hoc sinh.").text
    assert "đẩy" in out and "\\" not in out


def test_d_can_be_a_marked_e(repairer: Repairer) -> None:
    assert "liệu" in _words(repairer, "lidu")


def test_two_syllables_merged_by_a_lost_space_are_split(repairer: Repairer) -> None:
    # "trường" keeps the text out of the legacy (TCVN3) path: é alone reads as TCVN3 ộ
    out = repairer.run("Giao Tramy té phuong phéi hgp véi cac trường hoc kiém tra suc khoe.").text
    assert "Trạm y tế" in out


def test_a_token_that_reads_as_one_syllable_is_not_split(repairer: Repairer) -> None:
    out = repairer.run("Cac don vi nghién ctru tai liéu va béo cdo két qua thuc hién.").text
    assert "tài liệu" in out and "nghiên cứu" in out
    assert len(out.split()) == 14


def test_department_before_an_agency_abbreviation(repairer: Repairer) -> None:
    out = repairer.run("Noi nhan:\n- S§ GD&DT;\n- S6 KH&CN;\n- Luu: VT.").text
    assert out.count("Sở ") == 2 and "Số" not in out


def test_letter_digits_inside_words_are_read_as_letters(repairer: Repairer) -> None:
    out = repairer.run("Hgp tac xa 1a don vi dan dau vé sén xuét nong nghiép sach.").text
    assert " là " in out and "sản xuất" in out


def test_decoder_scores_a_merged_option_as_two_syllables(repairer: Repairer) -> None:
    lm = repairer.lm
    dec = Decoder(lm, weight=1.0, beam=8)
    ids = {w: lm.id(w) for w in ("trạm", "y", "tế", "trăm")}
    positions = [
        [Option(ids["trăm"], "trăm", 0.0), Option(ids["trạm"], "trạm y", 0.5, ids["y"])],
        [Option(ids["tế"], "tế", 0.0)],
    ]
    assert dec.best(positions) == [1, 0]
    post = dec.posteriors(positions, [1, 0])
    assert 0.5 < post[0] <= 1.0
