"""Constructed directive texts for the post rules tests (audience, hook, topic, scan, gate).

Written like real provincial plans (header, number, date, sections Mục tiêu / Nhiệm vụ và giải
pháp / Tổ chức thực hiện) so that the real Ingestor reads them; nothing here comes from the
shipped corpus or from ../shared/corpus.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from troly.models import Document, Hit

AGRI_SOURCE = "mem:ke-hoach-88"
AGRI = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 88/KH-UBND
An Hòa, ngày 05 tháng 3 năm 2025

KẾ HOẠCH
phát triển khoa học và công nghệ phục vụ sản xuất nông nghiệp giai đoạn 2025 - 2030

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

I. MỤC TIÊU

1. Phấn đấu đến năm 2030 có 70% hợp tác xã nông nghiệp ứng dụng tiến bộ KH&CN vào sản xuất.

2. Giá trị sản phẩm nông nghiệp ứng dụng công nghệ cao đạt trên 30% tổng giá trị sản xuất nông nghiệp của tỉnh.

II. NHIỆM VỤ VÀ GIẢI PHÁP

1. Hỗ trợ nông dân và hợp tác xã tiếp cận giống cây trồng mới, quy trình canh tác tiết kiệm nước và nhật ký sản xuất điện tử.

2. Người dân được tập huấn miễn phí về ứng dụng công nghệ số trong trồng trọt, chăn nuôi và tiêu thụ nông sản trên sàn thương mại điện tử.

3. Doanh nghiệp đầu tư vào nông nghiệp công nghệ cao được hưởng ưu đãi về đất đai và tín dụng theo quy định.

4. Các sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã, thành phố, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tập trung hướng dẫn nông dân xây dựng mã số vùng trồng cho các sản phẩm chủ lực.

5. Bảo đảm an ninh mạng, an toàn dữ liệu của hệ thống nhật ký sản xuất điện tử và sàn thương mại điện tử nông sản.

III. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ chủ trì, kịp thời tham mưu, đề xuất Ủy ban nhân dân tỉnh các giải pháp tháo gỡ khó khăn trong quá trình thực hiện Kế hoạch.

2. Các chi bộ, đảng bộ trực thuộc tổ chức quán triệt nội dung Kế hoạch đến cán bộ, đảng viên trong sinh hoạt chi bộ.

3. Sở Nông nghiệp và Môi trường xây dựng kế hoạch chi tiết, tổng hợp, báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.
"""

NOTICE_SOURCE = "mem:ke-hoach-notice"
# A plan without a number that carries out a notice of the provincial standing committee.
NOTICE = """HUYỆN ỦY BÌNH SƠN

KẾ HOẠCH
thực hiện Thông báo số 512-TB/TU về kết luận của Ban Thường vụ Tỉnh ủy về phát triển nông nghiệp công nghệ cao

Ngày 02/8/2024, Tỉnh ủy ban hành Thông báo số 512-TB/TU về kết luận của Ban Thường vụ Tỉnh ủy về phát triển nông nghiệp công nghệ cao. Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Nông dân được hướng dẫn áp dụng quy trình sản xuất nông nghiệp công nghệ cao, giảm chi phí và nâng cao thu nhập.

2. Khuyến khích hộ gia đình liên kết với doanh nghiệp tiêu thụ nông sản sạch theo chuỗi giá trị.

II. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Huyện ủy theo dõi, đôn đốc, tổng hợp, báo cáo Ban Thường vụ Huyện ủy.
"""


@dataclass
class ListKB:
    """A knowledge base reduced to what PostWriter reads: documents and (empty) search."""

    docs: list[Document]
    settings: object = None
    hits: list[Hit] = field(default_factory=list)

    def documents(self) -> list[Document]:
        return self.docs

    def search(self, query: str, k: int = 5, doc_ids: list[str] | None = None) -> list[Hit]:
        return self.hits


def read(source: str, text: str) -> Document:
    from troly.ingest.pipeline import Ingestor

    return Ingestor().from_text(text, source)
