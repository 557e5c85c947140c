"""Ingest: clean-up, layout, facts, sections, assignments, chunks, on constructed and shipped texts."""
from __future__ import annotations

from troly.config import DEFAULT_CORPUS
from troly.ingest.cleanup import clean
from troly.ingest.pipeline import Ingestor
from troly.vn.text import fold

SAMPLE = """ĐẢNG BỘ HUYỆN AN PHÚ
**HUYỆN ỦY**
Số: 12 -KH/HU

An Phú, ngày 05 tháng 6 năm 2025

## KẾ HOẠCH

**tuyên truyền Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị
về đột phá phát triển khoa học, công nghệ**

Căn cứ Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học,
công nghệ, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức của cán bộ, đảng viên
và Nhân dân về chuyển đổi số.

II. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Huyện ủy

- Hướng dẫn các chi bộ tổ chức quán triệt; báo cáo kết quả về Ban Thường vụ Huyện ủy trước ngày 30/7/2025.

2. Xây dựng cơ sở dữ liệu số của huyện.

- UBND huyện chủ trì, phối hợp với các cơ quan, ban ngành tiếp tục thực hiện đến năm 2026.

Nơi nhận:
- Thường trực Tỉnh ủy (b/c),
- Các chi bộ trực thuộc,
- Lưu VP.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Trần Văn Nam
"""


def doc():
    return Ingestor().from_text(SAMPLE, "sample.md")


def test_cleanup_unwraps_and_strips_markdown():
    text = clean(SAMPLE)
    assert "**" not in text and "##" not in text
    assert "về đột phá phát triển khoa học, công nghệ, Ban Thường vụ Huyện ủy ban hành" in text
    assert "Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về chuyển đổi số." in text
    assert "\n\nNơi nhận:" in text


def test_facts_from_layout():
    f = doc().facts
    assert f.type == "Kế hoạch"
    assert f.key == "12-KH/HU"
    assert f.date == "2025-06-05" and f.place == "An Phú"
    assert f.issuer == "HUYỆN ỦY"  # the header as printed; the superior body (ĐẢNG BỘ HUYỆN) is above it
    assert f.signer == "Trần Văn Nam" and f.signer_title == "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ" and f.sign_mode == "T/M"
    assert f.recipients == ["Thường trực Tỉnh ủy", "Các chi bộ trực thuộc"]
    cite = {c.key: c for c in f.cites}["57-NQ/TW"]
    assert cite.date == "2024-12-22" and cite.issuer == "Bộ Chính trị"


def test_a_cited_issuer_ends_before_a_verb():
    from troly.ingest.pipeline import Ingestor

    text = SAMPLE.replace("Ban Thường vụ Huyện ủy ban hành Kế hoạch",
                          "căn cứ Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương trình hành "
                          "động thực hiện Nghị quyết số 57-NQ/TW, Ban Thường vụ Huyện ủy ban hành Kế hoạch")
    cites = {c.key: c for c in Ingestor().from_text(text, "mem:x").facts.cites}
    assert cites["03/NQ-CP"].issuer == "Chính phủ" and cites["03/NQ-CP"].date == "2025-01-09"


def test_sections_assignments_and_chunks():
    d = doc()
    crumbs = [s.breadcrumb for s in d.sections]
    assert "II. TỔ CHỨC THỰC HIỆN › 1. Ban Tuyên giáo Huyện ủy" in crumbs
    rows = {(a.agency, a.deadline_date) for a in d.assignments}
    assert ("Ban Tuyên giáo Huyện ủy", "2025-07-30") in rows
    lead = [a for a in d.assignments if a.role == "chủ trì"][0]
    assert lead.agency == "UBND huyện" and lead.deadline_date == "2026"
    assert "cơ sở dữ liệu số" in lead.task and "các cơ quan" in lead.coordinators[0]
    for c in d.chunks:
        assert d.text[c.start:c.end] == c.text  # quotes are exact
    assert all(c.section for c in d.chunks)


def test_blank_number_and_day_are_kept_blank():
    text = SAMPLE.replace("Số: 12 -KH/HU", "Số: -KH/HU").replace("ngày 05 tháng 6", "ngày   tháng 6")
    f = Ingestor().from_text(text, "blank.md").facts
    assert f.key == "" and f.number == "-KH/HU"
    assert f.date == "2025-06"


def test_shipped_documents_facts():
    ing = Ingestor()
    docs = {p.name[:3]: ing.run(p) for p in sorted(DEFAULT_CORPUS.glob("*.txt")) if not p.name.startswith("004")}
    assert docs["001"].facts.key == "114-KH/HU" and docs["001"].facts.date == "2025-04-03"
    assert docs["001"].facts.signer == "Lê Thanh Vị" and docs["001"].facts.issuer == "Ban Thường vụ Huyện ủy"
    assert docs["002"].facts.date == "2024-05" and docs["002"].facts.place == "Từ Sơn"
    assert docs["002"].facts.signer == "Nguyễn Thị Thanh Hương"
    assert docs["003"].facts.signer == "Phạm Văn Sâm"
    assert docs["000"].facts.signer == "K' Broi"
    assert any(s.breadcrumb == "IV. TỔ CHỨC THỰC HIỆN › 1. Ban Tuyên giáo và Dân vận Huyện ủy"
               for s in docs["001"].sections)
    assert any(a.deadline_date == "2025-05-15" for a in docs["001"].assignments)
    leads = [a for a in docs["003"].assignments if a.role == "chủ trì" and fold(a.agency) == "ubnd huyen"]
    assert leads and all(a.deadline_date == "2025" for a in leads)


def test_flattened_damaged_tail():
    """Recipients and signature printed side by side, then read by OCR into one column."""
    tail = ("Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Sở KH&CN;\n- Lãnh đạo UBND; (b/c) =, KT: CHU, TICH\n"
            "- Công an phường;\n- Lưu: VP.\n\nNguyễn Văn An\n")
    text = SAMPLE[: SAMPLE.index("Nơi nhận:")] + tail
    f = Ingestor().from_text(text, "tail.md").facts
    assert f.signer == "Nguyễn Văn An"
    assert f.sign_mode == "KT. CHỦ TỊCH"
    assert f.recipients == ["Sở KH&CN", "Lãnh đạo UBND", "Công an phường"]


def test_a_closing_lead_line_stays_with_its_item():
    d = doc()
    lead = next(a for a in d.assignments if a.role == "chủ trì")
    chunk = next(c for c in d.chunks if c.start <= lead.start < c.end)
    assert "Xây dựng kho" in chunk.text or "cơ sở dữ liệu số" in chunk.text


ORG_SECTION = """HUYỆN ỦY BÌNH AN
Số 05-KH/HU
Bình An, ngày 02 tháng 3 năm 2025

KẾ HOẠCH
tuyên truyền chuyển đổi số

III. TỔ CHỨC THỰC HIỆN

1. Ủy ban nhân dân huyện phân công trách nhiệm cụ thể từng phòng, ban; định kỳ sơ kết, tổng kết việc thực hiện.

2. Hội Nông dân huyện vận động hội viên tham gia hợp tác xã.

3. Phòng Văn hóa và Thông tin chủ trì, phối hợp với Trung tâm Truyền thông và Đoàn Thanh niên huyện tổ chức hội thi.

4. Ban Tuyên giáo Huyện ủy

- Theo dõi việc thực hiện; định kỳ tổng hợp, báo cáo kết quả về Ban Thường vụ Huyện ủy.

(Gửi kèm Nghị quyết số 57-NQ/TW)

Nơi nhận:
- Lưu Văn phòng.
"""


def test_agency_names_end_at_the_task_verb_and_notes_are_no_tasks():
    rows = Ingestor().from_text(ORG_SECTION, "org.md").assignments
    by_agency = {a.agency: a for a in rows}
    assert "Ủy ban nhân dân huyện" in by_agency and by_agency["Ủy ban nhân dân huyện"].task.startswith("phân công")
    assert "Hội Nông dân huyện" in by_agency
    lead = by_agency["Phòng Văn hóa và Thông tin"]
    assert lead.role == "chủ trì" and any("Đoàn Thanh niên" in c for c in lead.coordinators)
    follow = by_agency["Ban Tuyên giáo Huyện ủy"]
    assert follow.deadline_text == "định kỳ"  # not "định kỳ tổng"
    assert not any("Gửi kèm" in a.task for a in rows)


ORG_PARAGRAPHS = """HUYỆN ỦY HÒA BÌNH
Số: 08-HD/BTGHU
Hòa Bình, ngày 10 tháng 3 năm 2025

HƯỚNG DẪN
tuyên truyền về chuyển đổi số

III. TỔ CHỨC THỰC HIỆN

1. Các chi bộ trực thuộc xây dựng kế hoạch học tập, quán triệt.

Đảng ủy các xã tham mưu tổ chức hội nghị quán triệt đến chi bộ; phối hợp với các ngành kiểm tra việc thực hiện.

2. Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị - xã hội vận động đoàn viên, hội viên tham gia.

Nơi nhận:
- Lưu VP.
"""


def test_an_unlabelled_paragraph_led_by_an_agency_is_a_row_and_names_keep_their_nouns():
    rows = {a.agency: a for a in Ingestor().from_text(ORG_PARAGRAPHS, "org2.md").assignments}
    assert rows["Đảng ủy các xã"].task.startswith("tham mưu") and "kiểm tra" in rows["Đảng ủy các xã"].task
    # "các tổ chức" is a noun phrase, not the verb "tổ chức"
    assert rows["Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị - xã hội"].task.startswith("vận động")
    assert "Các chi bộ trực thuộc" in rows
