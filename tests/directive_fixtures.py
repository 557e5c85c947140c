"""Constructed directive texts for the posts, deadlines and reminders tests.

They are written like real district plans (number, date, sections, assignments with a
dated reporting deadline, a "đến năm 2025" horizon, a standing task) so that the real
Ingestor reads them; nothing here comes from the shipped corpus.
"""
from __future__ import annotations

from pathlib import Path

from troly.config import Settings

PLAN_SOURCE = "mem:ke-hoach-21"
PLAN = """HUYỆN ỦY HÒA BÌNH
Số 21-KH/HU
Hòa Bình, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
tuyên truyền chuyển đổi số và vai trò của người dân trong chuyển đổi số trên địa bàn huyện

Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức của cán bộ, đảng viên và người dân về vai trò của chuyển đổi số trong phát triển kinh tế - xã hội của địa phương.

2. Mỗi người dân là một chủ thể của chuyển đổi số, chủ động sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.

II. NỘI DUNG TUYÊN TRUYỀN

1. Tuyên truyền để người dân hiểu lợi ích của chuyển đổi số, từ đó tích cực cài đặt và sử dụng các ứng dụng số phục vụ đời sống hằng ngày.

2. Phấn đấu đến năm 2025 có 80% hộ gia đình được phổ cập kỹ năng số cơ bản và 90% thủ tục hành chính được giải quyết trực tuyến.

3. Phát huy vai trò của tổ công nghệ số cộng đồng trong việc hướng dẫn người dân sử dụng nền tảng số, bảo vệ thông tin cá nhân trên không gian mạng.

4. Biểu dương, nhân rộng các mô hình hay, cách làm hiệu quả của người dân trong chuyển đổi số ở các xã, thị trấn.

III. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với các cơ quan liên quan tổng hợp, báo cáo kết quả thực hiện Kế hoạch về Ban Thường vụ Huyện ủy trước ngày 15/5/2025.

2. Ủy ban nhân dân huyện chỉ đạo các phòng, ban chuyên môn tiếp tục thực hiện các nhiệm vụ chuyển đổi số đến năm 2025.

3. Các chi bộ, đảng bộ trực thuộc thường xuyên tuyên truyền, phổ biến nội dung Kế hoạch đến cán bộ, đảng viên và Nhân dân.

4. Đoàn Thanh niên huyện hoàn thành việc ra quân hỗ trợ người dân cài đặt ứng dụng định danh điện tử trước ngày 30/6/2025.

Nơi nhận:
- Ban Tuyên giáo Tỉnh ủy (b/c),
- Lưu Văn phòng Huyện ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn A
"""

OTHER_SOURCE = "mem:huong-dan-8"
OTHER = """BAN TUYÊN GIÁO HUYỆN ỦY
Số 08-HD/BTGHU
Hòa Bình, ngày 02 tháng 4 năm 2025

HƯỚNG DẪN
tuyên truyền an toàn giao thông dịp lễ

I. NỘI DUNG

1. Tuyên truyền để người tham gia giao thông chấp hành nghiêm quy định về nồng độ cồn khi điều khiển phương tiện.

2. Vận động các gia đình nhắc nhở con em đội mũ bảo hiểm khi đi xe máy, xe đạp điện.

3. Các xã, thị trấn treo băng rôn, khẩu hiệu về an toàn giao thông tại các tuyến đường chính.
"""


def make_kb(tmp: Path, texts: list[tuple[str, str]] | None = None):
    """A real KnowledgeBase in ``tmp`` with the fake encoder and documents read by the real Ingestor."""
    from knowledge_fakes import FakeEncoder
    from troly.ingest.pipeline import Ingestor
    from troly.knowledge.base import KnowledgeBase

    kb = KnowledgeBase(Settings(data_dir=tmp, dense_weight=0.0), encoder=FakeEncoder())
    ingestor = Ingestor()
    for source, text in texts if texts is not None else [(PLAN_SOURCE, PLAN), (OTHER_SOURCE, OTHER)]:
        kb.add(ingestor.from_text(text, source))
    return kb


def make_engine(tmp: Path, texts: list[tuple[str, str]]):
    """An AnswerEngine over ``make_kb(tmp, texts)``."""
    from troly.bot.engine import AnswerEngine

    kb = make_kb(tmp, texts)
    return AnswerEngine(kb, kb.settings)


# --- posts: a topic's distinctive phrase, list fragments, a restored scan ----------------

DX_SOURCE = "mem:ke-hoach-45"
_DX_HEAD = """UỶ BAN NHÂN DÂN HUYỆN HÒA BÌNH
Số 45/KH-UBND
Hòa Bình, ngày 12 tháng 5 năm 2025

KẾ HOẠCH
tuyên truyền chuyển đổi số trên địa bàn huyện

I. MỤC ĐÍCH, YÊU CẦU

1. Đẩy mạnh ứng dụng công nghệ thông tin và chuyển đổi số trong hoạt động của các cơ quan, đơn vị trên địa bàn huyện.

2. Tuyên truyền sâu rộng các chủ trương của Đảng về chuyển đổi số quốc gia trong giai đoạn mới.

3. Nâng cao hiệu quả quản lý nhà nước thông qua chuyển đổi số và cải cách hành chính ở các cấp.

4. Xây dựng hạ tầng số đồng bộ, hiện đại để phục vụ chuyển đổi số của các ngành, lĩnh vực.

II. NỘI DUNG TUYÊN TRUYỀN

1. Công tác chuyển đổi số trong các cơ quan hành chính nhà nước và đơn vị sự nghiệp của huyện.

2. Việc ứng dụng chuyển đổi số vào quản lý, điều hành và cung cấp dịch vụ công trực tuyến.

3. Khẳng định chuyển đổi số là động lực quan trọng để phát triển kinh tế - xã hội nhanh và bền vững.

4. Tăng cường đào tạo, bồi dưỡng kỹ năng chuyển đổi số cho đội ngũ cán bộ, công chức, viên chức.

5. Biểu dương các cơ quan, đơn vị làm tốt chuyển đổi số trong xử lý hồ sơ công việc trên môi trường mạng.
"""
# The one sentence on the people; it does not repeat "chuyển đổi số" (the title says it).
DX_PEOPLE = ("Người dân và doanh nghiệp là trung tâm, là chủ thể, là nguồn lực và động lực chính "
             "của công cuộc đổi mới trên địa bàn huyện.")
DX_TAIL = """
III. TỔ CHỨC THỰC HIỆN

Văn phòng Ủy ban nhân dân huyện theo dõi, tổng hợp kết quả thực hiện Kế hoạch này.
"""
DX_PLAN = _DX_HEAD + "\n6. " + DX_PEOPLE + "\n" + DX_TAIL
DX_PLAN_GENERIC = _DX_HEAD + DX_TAIL

SCAN_SOURCE = "mem:ke-hoach-07-scan"
# A scanned plan: its header and the paragraph on the people read cleanly, two paragraphs lost
# their diacritics in OCR (the Ingestor repairs the document and marks it repaired).
SCAN = """ỦY BAN NHÂN DÂN XÃ AN BÌNH
Số 07/KH-UBND
An Bình, ngày 20 tháng 6 năm 2025

KẾ HOẠCH
tuyên truyền chuyển đổi số trên địa bàn xã

I. MỤC ĐÍCH

Cong tac tuyén truyén phai dugc tién hanh thuong xuyén, lién tuc, bang nhiéu hinh thic phong phu.

Tang cuong tuyén truyén vé chuyen d6i sd trén cac nén tang sd cua dia phuong.

""" + DX_PEOPLE.replace("huyện", "xã") + """

Đoàn Thanh niên xã hướng dẫn người dân cài đặt và sử dụng các ứng dụng số phục vụ đời sống.
"""
