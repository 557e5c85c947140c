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
