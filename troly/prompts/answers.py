"""Vietnamese text of the answer engine: templates and fixed messages, kept in one place."""

# A procedure's fee and a span of time limits are worded alike in posts and answers: the posts'.
from troly.prompts.posts import PROCEDURE_FEE, PROCEDURE_NO_FEE, PROCEDURE_TIME_RANGE  # noqa: F401

GREETING = (
    "Xin chào! Tôi là Trợ lý văn bản (troly). Tôi trả lời câu hỏi về các văn bản chỉ đạo trong cơ sở dữ liệu: "
    "ai phải làm gì, hạn khi nào, văn bản nói gì, ai ký, ban hành ngày nào. Hãy đặt câu hỏi, ví dụ: "
    "\"Nghị quyết 57 ban hành ngày nào?\""
)
HELP = (
    "Bạn có thể hỏi:\n"
    "• Ngày ban hành, người ký, cơ quan ban hành, nơi nhận của một văn bản;\n"
    "• Nhiệm vụ của một cơ quan (\"Ban Tuyên giáo Huyện ủy có nhiệm vụ gì?\");\n"
    "• Ai chủ trì, thời hạn thực hiện, hạn báo cáo;\n"
    "• Nội dung, mục đích, hình thức tuyên truyền của văn bản;\n"
    "• Danh sách văn bản trong cơ sở dữ liệu.\n"
    "Gõ có dấu hay không dấu đều được."
)
EMPTY = "Bạn chưa nhập câu hỏi. Hãy gõ câu hỏi về các văn bản chỉ đạo."
NO_DOCUMENTS = "Cơ sở dữ liệu chưa có văn bản nào. Quản trị viên cần nạp văn bản trước (troly ingest)."

ABSTAIN = "Xin lỗi, các văn bản trong cơ sở dữ liệu không có thông tin để trả lời câu hỏi này."
ABSTAIN_UNKNOWN_DOC = "Cơ sở dữ liệu không có {ref} và các văn bản hiện có cũng không trích dẫn văn bản này, nên tôi không trả lời được."
ABSTAIN_UNKNOWN_DOC_SAME_NUMBER = (
    "Cơ sở dữ liệu không có {ref}. Văn bản mang số này là {others}: bạn có thể hỏi lại với đúng loại văn bản."
)
ABSTAIN_UNKNOWN_DOC_OTHER_YEAR = (
    "Cơ sở dữ liệu không có {ref}. Văn bản cùng số nhưng ban hành năm khác là {others}: "
    "bạn kiểm tra lại năm trong số hiệu văn bản."
)
ABSTAIN_NO_LEAD = "Các văn bản hiện có không nêu cơ quan, đơn vị nào chủ trì hay thực hiện việc này."
ABSTAIN_NO_DOC_OF_TYPE = "Cơ sở dữ liệu không có {type} nào."
ABSTAIN_NO_DOC_ON_TOPIC = "Không có văn bản nào trong cơ sở dữ liệu về chủ đề này."
ABSTAIN_UNKNOWN_PERSON = "Các văn bản hiện có không nhắc đến {name}, nên tôi không trả lời được câu hỏi này."
ABSTAIN_NO_FIGURE = "Các văn bản liên quan không nêu con số này ({what}), nên tôi không trả lời được."
ABSTAIN_CITED_ONLY = (
    "{ref} không có trong cơ sở dữ liệu; các văn bản hiện có chỉ nhắc đến nó, không ghi {what}."
)
# What a fact question asks for, as the replies name it.
FACT_NAMES = {"doc_signer": "người ký", "doc_recipients": "nơi nhận", "doc_number": "số hiệu",
              "doc_date": "ngày ban hành", "doc_issuer": "cơ quan ban hành", "doc_cites": "các văn bản nó căn cứ",
              "doc_effective": "ngày có hiệu lực", "doc_amends": "các văn bản nó sửa đổi, thay thế hay bãi bỏ"}
FACT_NAME_DEFAULT = "thông tin này"
# A fact the citing documents do not give, then what they do say of the document.
CITED_FACT_UNKNOWN = "Cơ sở dữ liệu không có {label}, nên không rõ {what}; các văn bản hiện có chỉ trích dẫn: "
COVERAGE = "Cơ sở dữ liệu hiện có {n} văn bản, về: {topics}."

DOC_CITES_HEAD = "{label} dẫn chiếu {n} văn bản:"
DOC_NO_CITES = "{label} không dẫn chiếu văn bản nào khác."
DOC_AMENDS_HEAD = "{label}:"
DOC_ENDS = "hết hiệu lực"
DOC_NO_AMENDS = "{label} không ghi sửa đổi, bổ sung, thay thế hay bãi bỏ văn bản nào."
DOC_DATE = "{label} ban hành {date}."
DOC_EFFECTIVE = "{label} ghi: “{said}”"
DOC_NO_EFFECTIVE = "{label} không ghi ngày có hiệu lực."
DOC_DATE_BLANK_DAY = "{label} ban hành {date} (văn bản để trống ngày)."
DOC_NO_DATE = "{label} không ghi ngày ban hành trong phần văn bản có được."
CITED_DATE = "{label} ban hành ngày {date}{issuer} (theo trích dẫn trong {source})."
DOC_SIGNER = "{label} do {title}{name} ký{mode}."
SIGNED_BY_HEAD = "{name} ký {n} văn bản trong cơ sở dữ liệu:"
SIGNED_BY_LINE = "- {label}{date}{title} [{n}]"
DOC_NO_SIGNER = "Phần văn bản có được của {label} không ghi người ký."
DOC_ISSUER = "{label} do {issuer} ban hành{place}."
DOC_RECIPIENTS = "{label} được gửi tới: {items}."
DOC_NUMBER = "Số hiệu: {number} — {type} {title}."
DOC_NO_NUMBER = "{label} không ghi số hiệu (\"{number}\")."
DOC_ABOUT = "{label}{date}{issuer}: {subject}."
DOC_PARTS = "Văn bản gồm {n} phần: {parts}."
DOC_PURPOSE = "Mục đích: {purpose}"
CITED_ABOUT = "{label}{date}{issuer} {subject}."
DOC_LIST_HEAD = "Cơ sở dữ liệu có {n} văn bản:"
DOC_LIST_MATCH_HEAD = "Có {n} văn bản liên quan:"
DUTY_HEAD = "Theo {label}, {agency} có các nhiệm vụ:"
OVERVIEW_HEAD = "{label} giao nhiệm vụ cho {n} cơ quan, đơn vị:"
OVERVIEW_MORE = "… và {n} cơ quan, đơn vị khác (hỏi riêng từng cơ quan để xem đủ nhiệm vụ)."
OVERVIEW_TASKS_MORE = " (và {n} nhiệm vụ khác)"
DUTY_NOT_IN_DOC = "{label} không giao nhiệm vụ cho {agency}. Văn bản giao nhiệm vụ cho {agency}: {others}."
DUTY_VIA_COLLECTIVE = (
    "Các văn bản không giao nhiệm vụ riêng cho {member}. {member} là một tổ chức chính trị - xã hội, "
    "nên thực hiện các nhiệm vụ {label} giao cho {agency}:"
)
LEAD_ANSWER = "{agency} {role}{partners}{deadline}."
LEAD_PARTNERS = ", phối hợp với {who}"
DEADLINE_SUFFIX = "; thời hạn: {deadline}"
DATED_PASSAGE = "Theo {label}: {said} [1]"
DEADLINES_HEAD = "Các văn bản đặt thời hạn cụ thể:"
DEADLINE_ITEM = "{date}: {agency} — {task} ({label})"
IMPLEMENTS_HEAD = "Các văn bản thực hiện {ref}:"
MENTIONS_HEAD = "Các văn bản nhắc đến {ref}:"
CONTENT_HEAD = "Theo {label} ({section}):"
CONTENT_HEAD_PLAIN = "Theo {label}:"  # when the answer opens by quoting that section's own heading
REPAIRED_NOTE = " (bản quét, đã khôi phục dấu)"
NO_PREVIOUS = "Bạn đang hỏi về văn bản nào? Hãy nêu số hiệu hoặc tên văn bản."
MORE_IN_SOURCES = "\n… (xem đầy đủ trong phần nguồn)"
CITED_ISSUER = "{label} do {issuer} ban hành (theo trích dẫn trong {source})."
REPORT_TO_HEAD = "Theo {label}, báo cáo về:"
DEFINITION = "Theo {label}{also}: {quote} [1]"
DEFINITION_ALSO = " (cùng nội dung trong {n} văn bản khác)"
TASK_DEADLINE = " (thời hạn: {deadline})"
# An administrative procedure a decision announces: the facts asked of it, from its table's row.
PROCEDURE_ANSWER = "Theo {label} của {issuer}, {name}: {facts} [{n}]."
PROCEDURE_NAMED = "thủ tục “{name}”"  # a name that does not open with "Thủ tục"
PROCEDURE_MANY = "Thủ tục này được công bố trong văn bản của nhiều địa phương:"
PROCEDURE_ELSEWHERE = "Các văn bản hiện có không có văn bản nào của {place} công bố thủ tục này; văn bản của địa phương khác:"
PROCEDURE_TIME = "thời hạn giải quyết: {time}"
PROCEDURE_PLACE = "nơi nộp hồ sơ: {place}"
DOC_LIST_MORE = "… và {n} văn bản khác."
# `troly ask --jsonl`: the answer line written for an input line that cannot be asked.
JSONL_NOT_JSON = "Dòng vào không phải JSON hợp lệ."
JSONL_BAD_SHAPE = "Dòng vào cần là một đối tượng JSON có trường \"q\" là câu hỏi (chuỗi ký tự)."
JSONL_FAILED = "Xin lỗi, đã có lỗi khi trả lời câu hỏi này."
