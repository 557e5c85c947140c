"""Vietnamese text of the web chat page, the embeddable widget and the admin page.

Kept here (not in the HTML/JS assets) so that every user-facing sentence of the web area
lives in one reviewable module. ``troly.server.web`` fills the assets' ``{{key}}``
placeholders from ``PAGE`` and hands ``CHAT_JS``/``WIDGET_JS``/``ADMIN_JS`` to the scripts
as JSON.
"""
from __future__ import annotations

TITLE = "Trợ lý văn bản chỉ đạo"
SUBTITLE = "Hỏi đáp về kế hoạch, hướng dẫn, kết luận của cấp ủy và chính quyền"

# Placeholders in the HTML files (escaped before they are inserted).
PAGE: dict[str, str] = {
    "title": TITLE,
    "subtitle": SUBTITLE,
    "log_label": "Cuộc trò chuyện",
    "input_label": "Câu hỏi của bạn",
    "input_placeholder": "Nhập câu hỏi về văn bản…",
    "send": "Gửi",
    "new_chat": "Cuộc trò chuyện mới",
    "hint": "Ví dụ: “Kế hoạch 114 giao việc gì cho UBND huyện?” · Enter để gửi, Shift + Enter để xuống dòng.",
    "disclaimer": "Câu trả lời được trích từ văn bản gốc; vui lòng đối chiếu văn bản trước khi sử dụng chính thức.",
    "skip": "Bỏ qua, đến ô nhập câu hỏi",
    "admin_title": "Quản trị trợ lý văn bản",
    "login_heading": "Đăng nhập quản trị",
    "login_label": "Mã quản trị",
    "login_button": "Đăng nhập",
    "login_help": "Nhập mã quản trị (TROLY_ADMIN_TOKEN) do người vận hành cung cấp.",
    "login_failed": "Mã quản trị không đúng. Vui lòng thử lại.",
    "logout": "Đăng xuất",
    "upload_heading": "Tải văn bản lên",
    "upload_label": "Chọn tệp (.docx, .pdf, .txt, .md)",
    "upload_button": "Tải lên và lập chỉ mục",
    "docs_heading": "Văn bản trong kho",
    "deadlines_heading": "Thời hạn thực hiện",
    "questions_heading": "Câu hỏi gần đây",
    "log_heading": "Nhật ký quản trị",
    "back_to_chat": "Về trang hỏi đáp",
}

# Strings the chat script needs at run time.
CHAT_JS: dict[str, str] = {
    "welcome": (
        "Xin chào! Tôi trả lời câu hỏi về các văn bản chỉ đạo trong kho: nội dung, "
        "cơ quan được giao nhiệm vụ, thời hạn thực hiện. Mỗi câu trả lời kèm trích dẫn nguyên văn."
    ),
    "suggestions_label": "Gợi ý câu hỏi",
    "suggestions": "Có những văn bản nào?|Những nhiệm vụ nào có thời hạn trong năm nay?|Ai ký các văn bản này?",
    "you": "Bạn",
    "bot": "Trợ lý",
    "typing": "Trợ lý đang soạn câu trả lời…",
    "sources": "Nguồn trích dẫn",
    "source_section": "Mục",
    "abstained_note": "Không tìm thấy thông tin trong văn bản",
    "feedback_q": "Câu trả lời có hữu ích không?",
    "feedback_up": "Hữu ích",
    "feedback_down": "Chưa hữu ích",
    "feedback_thanks": "Cảm ơn bạn đã góp ý!",
    "feedback_failed": "Chưa gửi được góp ý, vui lòng thử lại.",
    "retry": "Thử lại",
    "err_network": "Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.",
    "err_busy": "Hệ thống đang bận, vui lòng thử lại sau ít phút.",
    "err_rate": "Bạn đã hỏi quá nhiều trong thời gian ngắn. Vui lòng chờ một chút rồi hỏi tiếp.",
    "err_timeout": "Máy chủ phản hồi quá lâu. Vui lòng thử lại.",
    "err_bad": "Câu hỏi chưa hợp lệ.",
    "err_empty": "Vui lòng nhập câu hỏi.",
    "err_long": "Câu hỏi quá dài (tối đa 2.000 ký tự).",
    "chars_left": "Còn {n} ký tự",
    "cleared": "Đã bắt đầu cuộc trò chuyện mới.",
}

WIDGET_JS: dict[str, str] = {
    "open": "Mở trợ lý hỏi đáp văn bản",
    "close": "Đóng trợ lý",
    "frame_title": TITLE,
    "button_text": "Hỏi đáp",
}

ADMIN_JS: dict[str, str] = {
    "loading": "Đang tải…",
    "empty": "Chưa có dữ liệu.",
    "uploading": "Đang tải lên và lập chỉ mục, vui lòng chờ…",
    "uploaded_added": "Đã thêm văn bản {doc}.",
    "uploaded_updated": "Đã cập nhật văn bản {doc}.",
    "uploaded_unchanged": "Văn bản {doc} không thay đổi so với bản đã có.",
    "upload_pick": "Vui lòng chọn một tệp.",
    "confirm_remove": "Xóa văn bản {doc} khỏi kho? Thao tác này không hoàn tác được.",
    "removed": "Đã xóa văn bản {doc}.",
    "remove": "Xóa",
    "remove_label": "Xóa văn bản {doc}",
    "failed": "Thao tác không thành công: {error}",
    "session_expired": "Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.",
    "col_number": "Số hiệu",
    "col_type": "Loại",
    "col_date": "Ngày",
    "col_issuer": "Cơ quan ban hành",
    "col_title": "Trích yếu",
    "col_signer": "Người ký",
    "unread": "chưa đọc được",
    "fact_type": "loại văn bản", "fact_number": "số hiệu", "fact_date": "ngày ban hành", "fact_signer": "người ký",
    "col_repair": "Tình trạng OCR",
    "col_action": "Thao tác",
    "col_deadline": "Thời hạn",
    "col_agency": "Cơ quan",
    "col_task": "Nhiệm vụ",
    "col_document": "Văn bản",
    "col_section": "Mục",
    "col_status": "Trạng thái",
    "col_time": "Thời gian",
    "col_question": "Câu hỏi",
    "col_answer": "Trả lời",
    "col_vote": "Đánh giá",
    "col_route": "Nguồn trả lời",
    "col_action_log": "Hành động",
    "col_detail": "Chi tiết",
    "status_overdue": "Quá hạn",
    "status_due_soon": "Sắp đến hạn",
    "status_soon": "Sắp đến hạn",
    "status_upcoming": "Còn hạn",
    "status_open": "Còn hạn",
    "status_pending": "Còn hạn",
    "status_done": "Đã hoàn thành",
    "status_ongoing": "Thường xuyên",
    "status_recurring": "Thường xuyên",
    "repair_clean": "Bản sạch",
    "repair_done": "Đã sửa lỗi OCR (độ tin cậy {conf}%)",
    "repair_damaged": "Lỗi OCR chưa sửa ({share}% từ hỏng)",
    "vote_up": "Hữu ích",
    "vote_down": "Chưa hữu ích",
    "vote_none": "—",
    "abstained": "(không tìm thấy)",
    "counts": "Tổng góp ý: {up} hữu ích, {down} chưa hữu ích",
    "action_login": "Đăng nhập",
    "action_login_failed": "Đăng nhập thất bại",
    "action_upload": "Tải văn bản lên",
    "action_remove": "Xóa văn bản",
    "action_logout": "Đăng xuất",
}

# Messages of the admin API (JSON ``{"error": ...}``).
ERRORS: dict[str, str] = {
    "unauthorized": "Cần đăng nhập quản trị (mã quản trị hoặc Authorization: Bearer).",
    "forbidden": "Mã quản trị không đúng.",
    "bad_origin": "Yêu cầu đến từ trang khác, đã bị từ chối.",
    "too_many_logins": "Đăng nhập sai quá nhiều lần, vui lòng thử lại sau ít phút.",
    "no_file": "Chưa chọn tệp để tải lên.",
    "bad_type": "Chỉ nhận tệp .docx, .pdf, .txt hoặc .md.",
    "too_big": "Tệp quá lớn (tối đa {mb} MB).",
    "empty_file": "Tệp rỗng.",
    "ingest_failed": "Không đọc được văn bản: {reason}",
    "not_found": "Không tìm thấy văn bản “{ref}” trong kho.",
    "empty_ref": "Chưa nêu văn bản cần xóa.",
    "no_kb": "Kho văn bản chưa sẵn sàng.",
    "unavailable": "Chức năng này chưa sẵn sàng trên máy chủ.",
    "not_found_asset": "Không tìm thấy tệp.",
}
