"""Vietnamese text the chat channels show to users (Telegram, Zalo, web API errors).

Kept apart from the code so that wording can be reviewed and changed in one place.
"""
from __future__ import annotations

WELCOME = (
    "Xin chào! Tôi là Trợ lý văn bản chỉ đạo.\n\n"
    "Hãy gửi câu hỏi về các văn bản (nghị quyết, kế hoạch, hướng dẫn…), "
    "ví dụ: \"Kế hoạch 114 giao nhiệm vụ gì cho Ban Tuyên giáo?\".\n"
    "Gõ /help để xem các lệnh."
)

HELP = (
    "Các lệnh:\n"
    "/hoi <câu hỏi> – hỏi về văn bản (gõ thẳng câu hỏi cũng được)\n"
    "/vanban – danh sách văn bản đang có\n"
    "/nhiemvu <cơ quan> – nhiệm vụ được giao cho một cơ quan\n"
    "/hanchot – các hạn chót sắp tới\n"
    "/nguon – nguồn đầy đủ của câu trả lời gần nhất\n"
    "/bai <chủ đề> – bài viết ngắn cho tuyên truyền (/bai loa …, /bai facebook …, /bai zalo … để chọn kiểu bài)\n"
    "/nhacviec [cơ quan] – đăng ký nhắc hạn chót\n"
    "/huynhac – hủy nhắc việc\n"
    "/id – mã người dùng của bạn (để quản trị viên thêm bạn vào danh sách)"
)

ADMIN_HELP = (
    "\n\nQuản trị viên:\n"
    "Gửi tệp .docx, .pdf hoặc .txt để nạp văn bản\n"
    "/xoa <số hiệu> – xóa văn bản\n"
    "/thongke – thống kê sử dụng và phản hồi"
)

# Short descriptions for Telegram's command menu (setMyCommands).
COMMAND_MENU = [
    ("start", "Bắt đầu"),
    ("help", "Hướng dẫn sử dụng"),
    ("hoi", "Hỏi về văn bản"),
    ("vanban", "Danh sách văn bản"),
    ("nhiemvu", "Nhiệm vụ của một cơ quan"),
    ("hanchot", "Các hạn chót"),
    ("nguon", "Nguồn của câu trả lời gần nhất"),
    ("bai", "Bài viết tuyên truyền ngắn"),
    ("nhacviec", "Đăng ký nhắc hạn chót"),
    ("huynhac", "Hủy nhắc việc"),
    ("id", "Mã người dùng của bạn"),
]

BUTTON_SOURCES = "Xem nguồn"
BUTTON_UP = "👍"
BUTTON_DOWN = "👎"
SOURCES_HEADING = "Nguồn"
NO_SOURCES = "Câu trả lời này không có nguồn trích dẫn."
NO_LAST_ANSWER = "Chưa có câu trả lời nào trong cuộc trò chuyện này. Hãy đặt một câu hỏi trước."
ANSWER_GONE = "Không tìm thấy câu trả lời này nữa. Hãy hỏi lại giúp tôi."
THANKS_UP = "Cảm ơn bạn đã đánh giá! 👍"
THANKS_DOWN = "Cảm ơn bạn, tôi sẽ cố gắng trả lời tốt hơn. 👎"

ASK_EMPTY = "Bạn muốn hỏi gì? Ví dụ: /hoi Kế hoạch 114 giao nhiệm vụ gì?"
TOO_LONG = "Câu hỏi quá dài (tối đa {limit} ký tự, bạn đã gửi {length}). Hãy rút gọn giúp tôi."
RATE_LIMITED = (
    "Bạn đang hỏi hơi nhanh 🙂 Mỗi phút tôi trả lời tối đa {limit} câu hỏi cho một người. "
    "Xin vui lòng thử lại sau ít giây."
)
UNKNOWN_COMMAND = "Tôi chưa hiểu lệnh /{name}. Gõ /help để xem các lệnh."
ERROR = "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Xin vui lòng thử lại sau."
UNSUPPORTED_MESSAGE = "Hiện tôi chỉ đọc được tin nhắn chữ. Hãy gõ câu hỏi của bạn."

DOCS_HEADING = "Các văn bản đang có ({n}):"
DOCS_EMPTY = "Chưa có văn bản nào trong kho."
DUTIES_USAGE = "Hãy ghi tên cơ quan, ví dụ: /nhiemvu Ban Tuyên giáo"
DUTIES_HEADING = "Nhiệm vụ của \"{agency}\" ({n}):"
DUTIES_NONE = "Không tìm thấy nhiệm vụ nào giao cho \"{agency}\"."
DUTIES_MORE = "… và {n} nhiệm vụ khác."
DEADLINES_HEADING = "Các hạn chót ({n}):"
DEADLINES_NONE = "Không có hạn chót nào sắp tới."
POST_USAGE = "Hãy ghi chủ đề, ví dụ: /bai chuyển đổi số"
POST_NO_MATERIAL = "Không tìm thấy nội dung trong văn bản về chủ đề \"{topic}\" để viết bài."
FEATURE_MISSING = "Chức năng này chưa sẵn sàng. Xin vui lòng thử lại sau."
REMIND_ON = "Đã bật nhắc hạn chót{scope}. Gõ /huynhac để hủy."
REMIND_SCOPE = " cho \"{agency}\""
REMIND_OFF = "Đã hủy nhắc việc."
REMIND_NOT_ON_WEB = "Nhắc hạn chót được gửi qua Telegram hoặc Zalo: hãy gõ /nhacviec cho bot trên một trong hai kênh đó."

ADMIN_ONLY = "Chỉ quản trị viên mới dùng được chức năng này."
FILE_REFUSED = "Cảm ơn bạn! Chỉ quản trị viên mới được nạp văn bản, nên tệp này chưa được nạp."
FILE_TYPE = "Tôi chỉ nạp được tệp .docx, .pdf hoặc .txt."
FILE_TOO_BIG = "Tệp quá lớn (tối đa {mb} MB)."
INGEST_FAILED = "Không nạp được tệp \"{name}\": {reason}"
INGEST_STATUS = {"added": "Đã nạp văn bản mới", "updated": "Đã cập nhật văn bản", "unchanged": "Văn bản này đã có, không thay đổi"}
INGEST_FACTS = [
    ("type", "Loại"),
    ("number", "Số hiệu"),
    ("date", "Ngày"),
    ("issuer", "Cơ quan ban hành"),
    ("title", "Trích yếu"),
    ("signer", "Người ký"),
]
INGEST_COUNTS = "Số mục: {sections} · Số nhiệm vụ được giao: {assignments}"
INGEST_READY = "Có thể hỏi về văn bản này ngay bây giờ."
REMOVE_USAGE = "Hãy ghi số hiệu văn bản, ví dụ: /xoa 114-KH/HU"
REMOVED = "Đã xóa: {ids}"
REMOVE_NONE = "Không tìm thấy văn bản \"{ref}\"."
STATS = (
    "Thống kê:\n"
    "Số câu hỏi: {questions}\n"
    "👍: {up} · 👎: {down}\n"
    "Theo kênh: {channels}"
)
YOUR_ID = (
    "Kênh: {channel}\nMã người dùng: {user_id}\n\n"
    "Để trở thành quản trị viên, gửi dòng sau cho cán bộ kỹ thuật để thêm vào TROLY_ADMINS:\n"
    "{channel}:{user_id}"
)
YOUR_ID_WEB = (
    "Kênh: web\nTrang chat trên web không cần mã người dùng. "
    "Quản trị viên vào trang /admin bằng mật khẩu TROLY_ADMIN_TOKEN do cán bộ kỹ thuật cấp."
)
CHOICES = "Trả lời {items}"  # Zalo: buttons as numbered choices, e.g. "Trả lời 1 = Xem nguồn, 2 = 👍"

# Web/API errors (JSON {"error": ...}).
API_NOT_JSON = "Dữ liệu gửi lên không phải JSON hợp lệ."
API_EMPTY = "Câu hỏi đang trống."
API_TOO_LONG = "Câu hỏi quá dài (tối đa {limit} ký tự)."
API_BAD_VOTE = "Phản hồi không hợp lệ: cần \"id\" và \"vote\" là 1 hoặc -1."
API_NOT_FOUND = "Không tìm thấy câu hỏi này."
API_NOT_READY = "Hệ thống đang khởi động, xin vui lòng thử lại sau."
API_RATE_LIMITED = "Bạn đang hỏi quá nhanh, xin vui lòng thử lại sau ít giây."
API_ERROR = "Xin lỗi, đã có lỗi khi trả lời. Xin vui lòng thử lại sau."
API_VOTE_FORBIDDEN = "Chỉ cuộc trò chuyện đã nhận câu trả lời này mới gửi được phản hồi cho nó."
API_BODY_TOO_LARGE = "Dữ liệu gửi lên quá lớn (tối đa {limit})."
