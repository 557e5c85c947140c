"""Constructed decisions that announce administrative procedures, in the national form
(Thông tư 02/2017/TT-VPCP): articles, then an appendix table of procedures with time, place and
fee. Written for the tests; no text comes from the shipped corpus or ../shared/corpus, and the
places and bodies are invented.
"""
from __future__ import annotations

HEADER = "| STT | Mã số TTHC | Tên thủ tục hành chính | Thời hạn giải quyết | Địa điểm thực hiện | Phí, lệ phí (nếu có) | Căn cứ pháp lý |"
DECISION_SOURCE = "mem:qd-0415"
DECISION = f"""ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 0415/QĐ-UBND
An Hòa, ngày 10 tháng 11 năm 2025

QUYẾT ĐỊNH
Về việc công bố thủ tục hành chính mới ban hành trong lĩnh vực thủy lợi thuộc phạm vi quản lý của Sở Nông nghiệp và Môi trường

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính;

QUYẾT ĐỊNH:

Điều 1. Công bố kèm theo Quyết định này Danh mục 02 thủ tục hành chính mới ban hành trong lĩnh vực thủy lợi thuộc phạm vi quản lý của Sở Nông nghiệp và Môi trường tỉnh An Hòa, chi tiết tại Phụ lục kèm theo.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Tâm

PHỤ LỤC
DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH TRONG LĨNH VỰC THỦY LỢI
{HEADER}
| I | LĨNH VỰC THỦY LỢI |
| 01 | 1.009001 | Cấp giấy phép xả nước thải vào công trình thủy lợi | Trong thời hạn 15 ngày làm việc (cắt giảm 05 ngày), kể từ ngày nhận đủ hồ sơ hợp lệ, Sở Nông nghiệp và Môi trường thẩm định hồ sơ. | - Trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh/cấp xã; - Trực tuyến qua Cổng dịch vụ công Quốc gia, địa chỉ: https:// dichvucong. gov.vn | Không |
(1) Luật Thủy lợi ngày 19/6/2017.
| 02 | 1.009002 | Gia hạn giấy phép xả nước thải vào công trình thủy lợi | 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ | Như trên | 200.000 đồng/hồ sơ |
| STT | Trình tự | Thời gian | Biểu mẫu/Kết quả |
| 1 | Tiếp nhận hồ sơ và chuyển cho phòng chuyên môn | 0,5 ngày | Mẫu 01 |
"""

# The same procedure announced by another province, with its own time and fee.
OTHER_SOURCE = "mem:qd-0777"
OTHER = (DECISION.replace("TỈNH AN HÒA", "TỈNH BÌNH SƠN").replace("An Hòa", "Bình Sơn")
         .replace("0415/QĐ-UBND", "0777/QĐ-UBND")
         .replace("Trong thời hạn 15 ngày làm việc (cắt giảm 05 ngày)", "Trong thời hạn 12 ngày làm việc")
         .replace("200.000 đồng/hồ sơ", "150.000 đồng/hồ sơ"))
