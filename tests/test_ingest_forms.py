"""Reading real directive layouts: header forms, signature forms, attachments and task tables.

Every fixture here is constructed (written for these tests in the forms real exports take:
flattened two-column headers, wrapped lines, pipe tables, one-cell-a-line tables); none is
copied from a shipped or real document."""
from __future__ import annotations

import pytest

from troly.ingest.header import read_header, split_bodies
from troly.ingest.pipeline import Ingestor
from troly.ingest.signature import find_blocks
from troly.ingest.tables import deadline_of

BODY = """Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
"""


def facts(text: str):
    return Ingestor().from_text(text, "constructed.txt").facts


# --- headers -----------------------------------------------------------------------------

WRAPPED = """ỦY BAN NHÂN
DÂN
TỈNH HẢI ĐÔNG
--------
CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số:
0125/KH-UBND
Hải Đông, ngày
18 tháng 11 năm 2025

KẾ HOẠCH
Chuyển đổi số năm 2026
"""

PIPES = """| **ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |
| | **Độc lập - Tự do - Hạnh phúc** |
| Số: 0125/KH-UBND | *Hải Đông, ngày 18 tháng 11 năm 2025* |

KẾ HOẠCH
Chuyển đổi số năm 2026
"""

MOTTO_FIRST = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hải Đông, ngày 18 tháng 11 năm 2025
ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG

Số: 0125/KH-UBND

KẾ HOẠCH
Chuyển đổi số năm 2026
"""


@pytest.mark.parametrize("header", [WRAPPED, PIPES, MOTTO_FIRST], ids=["wrapped", "pipes", "motto-first"])
def test_header_forms_give_the_same_facts(header):
    f = facts(header + "\n" + BODY)
    assert f.issuer == "ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG"
    assert f.number == "0125/KH-UBND"  # as written: the leading zero stays
    assert (f.date, f.place, f.type) == ("2025-11-18", "Hải Đông", "Kế hoạch")


def test_superior_bodies_and_party_issuers():
    assert split_bodies(["BỘ", "TÀI CHÍNH", "CỤC THUẾ"]) == ["BỘ TÀI CHÍNH", "CỤC THUẾ"]
    assert split_bodies(["VĂN", "PHÒNG CHÍNH PHỦ"]) == ["VĂN PHÒNG CHÍNH PHỦ"]
    assert split_bodies(["ĐẢNG BỘ TỈNH HẢI ĐÔNG", "BAN THƯỜNG VỤ TỈNH ỦY"])[-1] == "BAN THƯỜNG VỤ TỈNH ỦY"
    assert split_bodies(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ", "HỘI AN"]) == ["ỦY BAN NHÂN DÂN THÀNH PHỐ HỘI AN"]
    party = read_header(["ĐẢNG BỘ TỈNH HẢI ĐÔNG", "BAN THƯỜNG VỤ TỈNH ỦY", "*", "Số 3260-KH/ĐĐQH15",
                         "ĐẢNG CỘNG SẢN VIỆT NAM", "Hải Đông, ngày 05 tháng 3 năm 2025"])
    assert party.issuer == "BAN THƯỜNG VỤ TỈNH ỦY" and party.parents == ["ĐẢNG BỘ TỈNH HẢI ĐÔNG"]
    assert party.number == "3260-KH/ĐĐQH15" and party.date == "2025-03-05"


def test_letter_subject_and_wrapped_place():
    letter = """UBND THÀNH PHỐ BẮC HẢI
SỞ KHOA HỌC VÀ CÔNG NGHỆ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/SKHCN-VP
V/v triển khai nền tảng
số dùng chung
Thành phố Bắc
Hải, ngày 25 tháng 11 năm 2025
Kính gửi: Các sở, ban, ngành.

Sở Khoa học và Công nghệ đề nghị các đơn vị triển khai nền tảng số dùng chung./.
"""
    f = facts(letter)
    assert f.type == "Công văn" and f.title == "triển khai nền tảng số dùng chung"
    assert f.issuer == "SỞ KHOA HỌC VÀ CÔNG NGHỆ" and f.place == "Thành phố Bắc Hải" and f.date == "2025-11-25"


def test_blank_day_and_dateless_number():
    f = facts("BAN TUYÊN GIÁO HUYỆN ỦY\nSố: -HD/BTG\nHòa An, ngày     tháng 5 năm 2024\n\nHƯỚNG DẪN\nvề việc tuyên truyền\n\n"
              "1. Nội dung tuyên truyền.\n")
    assert (f.date, f.number, f.key) == ("2024-05", "-HD/BTG", "")


# --- signatures --------------------------------------------------------------------------

RECIPIENTS = "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n"
CHAIN = "TM. ỦY BAN\nNHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"


@pytest.mark.parametrize("tail", [
    RECIPIENTS + CHAIN + "Nguyễn Văn An\n",
    CHAIN + "(Đã ký)\nNguyễn Văn An\n" + RECIPIENTS,
    RECIPIENTS + CHAIN + "[đã ký]\n\nNguyễn Văn An\n\nKẾ HOẠCH\nChuyển đổi số năm 2026\n\nI. MỤC TIÊU\n\n1. Số hóa hồ sơ.\n",
    RECIPIENTS + CHAIN + "Thiếu tướng Nguyễn Văn An\n",
    RECIPIENTS + CHAIN + "Nguyễn\nVăn An\n",
], ids=["after-recipients", "before-recipients-stamp", "then-attachment", "rank", "wrapped-name"])
def test_signature_forms(tail):
    f = facts(WRAPPED + "\n" + BODY + tail)
    assert f.signer == "Nguyễn Văn An"
    assert f.signer_title == "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"


def test_delegated_chains():
    blocks = find_blocks(["TL. CỤC TRƯỞNG", "KT. TRƯỞNG BAN CHÍNH SÁCH,", "THUẾ QUỐC TẾ", "PHÓ TRƯỞNG BAN",
                          "Lê Thị Mai"])
    assert blocks[0].title == "TL. CỤC TRƯỞNG / KT. TRƯỞNG BAN CHÍNH SÁCH, THUẾ QUỐC TẾ / PHÓ TRƯỞNG BAN"
    assert find_blocks(["TUQ. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "Trần Hùng"])[0].titles == ["TUQ. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]
    assert find_blocks(["CHỦ", "TỊCH", "Trần Hùng"])[0].titles == ["CHỦ TỊCH"]


# --- attachments and tables --------------------------------------------------------------

DECISION = WRAPPED.replace("0125/KH-UBND", "87/2025/QĐ-UBND").replace("KẾ HOẠCH\nChuyển đổi số năm 2026",
                                                                    "QUYẾT ĐỊNH\nBan hành Kế hoạch chuyển đổi số năm 2026")
ATTACHED = """KẾ HOẠCH
CHUYỂN ĐỔI SỐ NĂM 2026
(Ban hành kèm theo Quyết định số 87/2025/QĐ-UBND ngày 18/11/2025)

I. MỤC TIÊU

1. Đến năm 2026, 90% hồ sơ thủ tục hành chính được xử lý trực tuyến.

II. NHIỆM VỤ

1. Sở Khoa học và Công nghệ chủ trì xây dựng kho dữ liệu dùng chung, hoàn thành trước ngày 30/6/2026.

PHỤ LỤC
DANH MỤC NHIỆM VỤ

| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Số hóa sổ hộ tịch các xã | Sở Tư pháp | UBND các xã; Sở Nội vụ | Quý IV/2026 | Cơ sở dữ liệu hộ tịch |
| 2 | Tập huấn kỹ năng số cho cán bộ | Sở Nội vụ | Các sở, ngành | Hằng năm | Lớp tập huấn |
"""


def decision():
    return Ingestor().from_text(DECISION + "\n" + BODY + RECIPIENTS + CHAIN + "Nguyễn Văn An\n\n" + ATTACHED, "qd.txt")


def test_decision_keeps_its_attached_plan_and_appendix():
    doc = decision()
    assert doc.facts.signer == "Nguyễn Văn An" and doc.facts.type == "Quyết định"
    roots = [s.heading for s in doc.sections if s.level == 0]
    assert roots == ["Kế hoạch kèm theo Quyết định 87/2025/QĐ-UBND", "Phụ lục kèm theo Quyết định 87/2025/QĐ-UBND"]
    item = next(s for s in doc.sections if s.heading.startswith("1. Sở Khoa học"))
    assert item.path[:2] == ["Kế hoạch kèm theo Quyết định 87/2025/QĐ-UBND", "II. NHIỆM VỤ"]
    lead = next(a for a in doc.assignments if a.agency == "Sở Khoa học và Công nghệ")
    assert lead.deadline_date == "2026-06-30" and lead.section.startswith("Kế hoạch kèm theo")
    chunk = next(c for c in doc.chunks if "Số hóa sổ hộ tịch" in c.text)
    assert chunk.section.startswith("Phụ lục kèm theo") and "Bảng: STT | Nội dung nhiệm vụ" in chunk.section
    assert doc.text[chunk.start:chunk.end] == chunk.text


def test_task_table_rows_become_assignments():
    rows = {a.agency: a for a in decision().assignments if a.section.startswith("Phụ lục")}
    assert set(rows) == {"Sở Tư pháp", "Sở Nội vụ"}
    assert rows["Sở Tư pháp"].task == "Số hóa sổ hộ tịch các xã"
    assert rows["Sở Tư pháp"].coordinators == ["UBND các xã", "Sở Nội vụ"]
    assert (rows["Sở Tư pháp"].deadline_text, rows["Sở Tư pháp"].deadline_date) == ("Quý IV/2026", "2026-12")
    assert (rows["Sở Nội vụ"].deadline_text, rows["Sở Nội vụ"].deadline_date) == ("Hằng năm", "")


def test_table_flattened_one_cell_a_line():
    flat = ATTACHED[: ATTACHED.index("| STT")] + "\n".join([
        "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "",
        "1", "Số hóa sổ hộ tịch các xã", "Sở Tư pháp", "UBND các xã", "Tháng 12/2026",
        "2", "Tập huấn kỹ năng số cho cán bộ", "Sở Nội vụ", "Các sở, ngành", "Thường xuyên", ""])
    doc = Ingestor().from_text(DECISION + "\n" + BODY + RECIPIENTS + CHAIN + "Nguyễn Văn An\n\n" + flat, "flat.txt")
    rows = {a.agency: a for a in doc.assignments if a.section.startswith("Phụ lục")}
    assert rows["Sở Tư pháp"].deadline_date == "2026-12" and rows["Sở Nội vụ"].deadline_text == "Thường xuyên"
    assert rows["Sở Tư pháp"].task == "Số hóa sổ hộ tịch các xã"


def test_task_table_in_a_docx(tmp_path):
    docx = pytest.importorskip("docx")  # a declared dependency: present in every install
    d = docx.Document()
    for line in (DECISION + "\n" + BODY + RECIPIENTS + CHAIN + "Nguyễn Văn An").split("\n"):
        d.add_paragraph(line)
    d.add_paragraph("PHỤ LỤC")
    d.add_paragraph("DANH MỤC NHIỆM VỤ")
    table = d.add_table(rows=3, cols=4)
    for r, values in enumerate([("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"),
                                ("1", "Số hóa sổ hộ tịch các xã", "Sở Tư pháp", "30/9/2026"),
                                ("2", "Tập huấn kỹ năng số", "Sở Nội vụ", "Năm 2027")]):
        for c, v in enumerate(values):
            table.cell(r, c).text = v
    path = tmp_path / "qd.docx"
    d.save(str(path))
    doc = Ingestor().run(path)
    rows = {a.agency: a for a in doc.assignments if a.section.startswith("Phụ lục")}
    assert rows["Sở Tư pháp"].deadline_date == "2026-09-30" and rows["Sở Nội vụ"].deadline_date == "2027"


@pytest.mark.parametrize("cell,want", [
    ("30/6/2026", "2026-06-30"), ("Tháng 12/2025", "2025-12"), ("Quý II năm 2026", "2026-06"),
    ("Năm 2027", "2027"), ("2026 - 2030", "2030"), ("Thường xuyên", ""), ("ngày 15 tháng 3 năm 2026", "2026-03-15"),
])
def test_deadline_cells(cell, want):
    assert deadline_of(cell) == (cell, want)


def test_appendix_row_answers_who_leads(tmp_path):
    from directive_fixtures import make_kb
    from troly.bot.engine import AnswerEngine

    kb = make_kb(tmp_path, [("qd.txt", DECISION + "\n" + BODY + RECIPIENTS + CHAIN + "Nguyễn Văn An\n\n" + ATTACHED)])
    answer = AnswerEngine(kb).ask("Cơ quan nào chủ trì số hóa sổ hộ tịch các xã, hạn khi nào?")
    assert "Sở Tư pháp" in answer.answer and "Quý IV/2026" in answer.answer


def test_unread_facts_are_reported(tmp_path, monkeypatch, capsys):
    """`troly ingest` names the documents whose type, number, date or signer it could not read,
    and `troly docs --json` lists them under "unread" (constructed: a plan with no header)."""
    import argparse
    import json

    from knowledge_fakes import FakeEncoder
    from troly.cli import kb_cmds
    from troly.config import Settings
    from troly.knowledge.base import KnowledgeBase

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "whole.txt").write_text(DECISION + "\n" + BODY + RECIPIENTS + CHAIN + "Nguyễn Văn An\n", encoding="utf-8")
    (folder / "bare.txt").write_text("KẾ HOẠCH\ntuyên truyền chuyển đổi số\n\n1. Tuyên truyền trên loa.\n",
                                     encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data")
    monkeypatch.setattr(kb_cmds, "_open", lambda: KnowledgeBase(settings, encoder=FakeEncoder()))
    parser = argparse.ArgumentParser()
    kb_cmds.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["ingest", str(folder)])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "facts not read in 1 of the documents read" in out and "bare.txt: number, date, signer" in out
    args = parser.parse_args(["docs", "--json"])
    args.func(args)
    entries = {e["source"].rsplit("/", 1)[-1]: e for e in json.loads(capsys.readouterr().out)}
    assert entries["bare.txt"]["unread"] == ["number", "date", "signer"] and entries["whole.txt"]["unread"] == []
    assert entries["whole.txt"]["number"] == "87/2025/QĐ-UBND" and entries["whole.txt"]["key"] == "87/2025/QD-UBND"


def test_wrapped_type_line_and_wrapped_name():
    """Constructed: the type line and the signer's name each wrapped after a word."""
    text = WRAPPED.replace("KẾ HOẠCH", "KẾ\nHOẠCH") + "\n" + BODY + RECIPIENTS + "CHỦ TỊCH\nNguyễn Văn\nAn\n"
    f = facts(text)
    assert (f.type, f.signer, f.signer_title) == ("Kế hoạch", "Nguyễn Văn An", "CHỦ TỊCH")


@pytest.mark.parametrize("number,type_,key", [
    ("471/QĐ-UBND", "Quyết định", "471/QD-UBND"),
    ("01763/QĐ-UBND", "Quyết định", "1763/QD-UBND"),  # a leading zero is no part of the key
    ("228/CĐ-TTg", "Công điện", "228/CD-TTG"),
    ("11654/VPCP-CN", "Công văn", "11654-CV/VPCP-CN"),  # a letter's number names issuer and unit
    ("3260-KH/ĐĐQH15", "Kế hoạch", "3260-KH/DDQH15"),
])
def test_every_own_number_has_a_key(number, type_, key):
    """Constructed numbers in the forms real documents print."""
    from troly.vn.docnum import find_refs, own_key

    assert own_key(number, type_) == key
    loose = {"Công văn": "công văn", "Công điện": "công điện"}.get(type_, type_.lower())
    ref = find_refs(f"{loose} {int(number.split('/')[0].split('-')[0])}")[0]
    from troly.vn.docnum import parse_key

    assert ref.matches(key) and parse_key(key) is not None


def test_items_written_as_labelled_fields_give_rows():
    """Constructed: an item as fields (a) Nội dung, b) Cơ quan thực hiện with its lead and partners,
    c) Thời gian thực hiện), as some city plans write their tasks."""
    text = WRAPPED + "\nII. NHIỆM VỤ\n\n1. Về đảm bảo an toàn thông tin\n\na) Nội dung: Triển khai phương án bảo đảm " \
        "an toàn thông tin cho các cơ sở dữ liệu.\n\nb) Cơ quan thực hiện:\n\n- Đơn vị chủ trì: Công an tỉnh.\n\n" \
        "- Đơn vị phối hợp: Các sở, ngành.\n\nc) Thời gian thực hiện: Trước ngày 30/6/2026.\n"
    rows = {a.role: a for a in Ingestor().from_text(text, "kh.txt").assignments}
    lead = rows["chủ trì"]
    assert (lead.agency, lead.deadline_date) == ("Công an tỉnh", "2026-06-30")
    assert lead.task.startswith("Triển khai phương án bảo đảm an toàn thông tin") and rows["phối hợp"].agency == "Các sở, ngành"


def test_issuer_and_motto_cells_on_the_same_lines():
    """Constructed: a scan read row by row, each issuer line with its motto cell beside it."""
    h = read_header(["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHƯỜNG HÒA AN Độc lập - Tự do - Hạnh phúc",
                     "Số: 12/KH-UBND Hòa An, ngày 19 tháng 8 năm 2025"])
    assert (h.issuer, h.number, h.date, h.place) == ("ỦY BAN NHÂN DÂN PHƯỜNG HÒA AN", "12/KH-UBND", "2025-08-19", "Hòa An")
