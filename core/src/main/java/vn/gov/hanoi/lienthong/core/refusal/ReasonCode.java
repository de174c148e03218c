package vn.gov.hanoi.lienthong.core.refusal;

/**
 * Every reason the hub gives for refusing something, with its sentence in Vietnamese and English.
 * The code is the machine-readable part: partners branch on it, so a code is never renamed.
 * The sentences are {@link String#format} patterns.
 */
public enum ReasonCode {
    AUTHENTICATION_FAILED(
            "Tên đăng nhập hoặc mật khẩu của hệ thống không đúng.",
            "Unknown system name or wrong secret."),
    CLIENT_CERTIFICATE_REQUIRED(
            "Hệ thống của cơ quan %s phải xuất trình chứng thư TLS đã đăng ký trong danh bạ của trục liên thông (TLS hai chiều).",
            "The system of agency %s must present the TLS client certificate registered in the hub's directory (mutual TLS)."),
    AGENCY_NOT_ACTIVE(
            "Cơ quan %s chưa được kích hoạt hoặc đang bị tạm dừng trên trục liên thông.",
            "Agency %s is not active on the hub (onboarding or suspended)."),
    SENDER_MISMATCH(
            "Hệ thống của cơ quan %s chỉ được gửi văn bản với mã cơ quan của mình; văn bản ghi nơi gửi là %s.",
            "The system of agency %s may only send as its own organ code; the envelope says the sender is %s."),
    ENVELOPE_UNREADABLE(
            "Không đọc được gói tin edXML: %s",
            "The edXML envelope cannot be read: %s"),
    ENVELOPE_TOO_LARGE(
            "Gói tin edXML vượt quá %d byte.",
            "The edXML envelope is larger than %d bytes."),
    ATTACHMENT_INVALID(
            "Tệp đính kèm không hợp lệ: %s",
            "Invalid attachment: %s"),
    ATTACHMENT_NAME_INVALID(
            "Tên tệp đính kèm không hợp lệ (%s): tên tệp không được chứa đường dẫn (/, \\, ổ đĩa, ..), ký tự điều khiển, hay dài quá 255 byte.",
            "Invalid attachment name (%s): a file name may not carry a path (/, \\, a drive, ..), control characters, or exceed 255 bytes."),
    ATTACHMENTS_TOO_MANY(
            "Văn bản có %s tệp đính kèm, vượt quá %d tệp cho phép.",
            "The document has %s attachments, more than the %d allowed."),
    DUPLICATE_ID_CONFLICT(
            "Văn bản mã %s của cơ quan %s đã được nhận (mã trên trục %s) với nội dung khác: %s. Văn bản mới cần mã văn bản (DocumentId) mới.",
            "Document %s of agency %s was already received (hub id %s) with different content: %s. A new document needs a new DocumentId."),
    INLINE_CONTENT_TOO_LARGE(
            "Yêu cầu SOAP không dùng MTOM (tệp nhúng base64 trong thân yêu cầu) lớn hơn %d byte; hãy gửi tệp dạng MTOM (đính kèm XOP).",
            "The SOAP request without MTOM (files base64 inside its body) is larger than %d bytes; send the files as MTOM (XOP) attachments."),
    MEDIA_TYPE_UNSUPPORTED(
            "Kiểu nội dung %s không được chấp nhận ở đây; cần %s.",
            "Content type %s is not accepted here; %s is expected."),
    REQUEST_INVALID(
            "Yêu cầu không hợp lệ: %s",
            "Invalid request: %s"),
    ATTACHMENT_MISMATCH(
            "Danh sách tệp đính kèm trong gói tin không khớp với các tệp được gửi: %s",
            "The attachments listed in the envelope do not match the files sent: %s"),
    XML_FORBIDDEN(
            "Gói tin chứa cấu trúc XML bị cấm: %s",
            "The envelope uses a forbidden XML construct: %s"),
    TEXT_NOT_UTF8(
            "Gói tin không được mã hóa UTF-8 (Unicode TCVN 6909:2001): %s",
            "The envelope is not encoded in UTF-8 (Unicode, TCVN 6909:2001): %s"),
    TEXT_NOT_NFC(
            "Trường %s không ở dạng Unicode dựng sẵn (NFC) theo TCVN 6909:2001.",
            "Field %s is not in precomposed Unicode (NFC) as TCVN 6909:2001 requires."),
    LEGACY_ENCODING(
            "Trường %s được gõ bằng bảng mã %s, không phải Unicode TCVN 6909:2001: \"%s\"",
            "Field %s is written in the legacy %s encoding, not Unicode (TCVN 6909:2001): \"%s\""),
    LEGACY_FONT(
            "Tệp '%s' dùng phông chữ %s của bảng mã %s; nội dung có thể không phải Unicode.",
            "File '%s' uses the font %s of the %s encoding; its text may not be Unicode."),
    FORMAT_NOT_ALLOWED(
            "Tệp '%s' có định dạng %s, không thuộc các định dạng được phép (.doc, .docx, .odt, .fodt, .pdf).",
            "File '%s' is %s, not one of the allowed formats (.doc, .docx, .odt, .fodt, .pdf)."),
    FORMAT_NAME_MISMATCH(
            "Tệp '%s' có nội dung %s nhưng tên tệp lại mang phần mở rộng của định dạng khác.",
            "File '%s' contains %s but its name carries the extension of another format."),
    ARCHIVE_BOMB(
            "Tệp '%s' bị từ chối vì giải nén quá lớn: %s",
            "File '%s' is refused: it inflates beyond the hub's bounds (%s)."),
    METADATA_MISSING(
            "Thiếu thông tin bắt buộc: %s",
            "Required metadata is missing: %s"),
    METADATA_INVALID(
            "Thông tin không hợp lệ: %s",
            "Invalid metadata: %s"),
    DOCUMENT_TYPE_UNKNOWN(
            "Loại văn bản %s (%s) không có trong danh mục văn bản hành chính.",
            "Document type %s (%s) is not in the official list of administrative document types."),
    CLASSIFIED_DOCUMENT(
            "Văn bản mang độ mật \"%s\" không được gửi qua trục liên thông (Quyết định 57/2013/QĐ-UBND, Điều 1).",
            "A document classified \"%s\" may not travel through the hub (Decision 57/2013/QĐ-UBND, Article 1)."),
    ACTIVE_CONTENT(
            "Tệp '%s' chứa nội dung chủ động (%s); văn thư cần thận trọng khi mở.",
            "File '%s' contains active content (%s); a clerk should open it with care."),
    SIGNATURE_INVALID(
            "Chữ ký số trên gói tin không hợp lệ (văn bản đã bị thay đổi sau khi ký hoặc chữ ký sai cấu trúc): %s",
            "The envelope's digital signature is not valid (changed after signing, or malformed): %s"),
    CERTIFICATE_EXPIRED(
            "Chứng thư số của người ký (%s) đã hết hạn hoặc chưa có hiệu lực vào thời điểm nhận: %s",
            "The signer's certificate (%s) was expired or not yet valid when the document arrived: %s"),
    CERTIFICATE_REVOKED(
            "Chứng thư số của người ký (%s) đã bị thu hồi: %s",
            "The signer's certificate (%s) is revoked: %s"),
    CERTIFICATE_UNTRUSTED(
            "Chứng thư số của người ký (%s) không do tổ chức cung cấp dịch vụ chứng thực chữ ký số được tin cậy cấp: %s",
            "The signer's certificate (%s) was not issued under a trusted certification authority: %s"),
    CERTIFICATE_KEY_USAGE(
            "Chứng thư số của người ký (%s) không được dùng để ký văn bản: %s",
            "The signer's certificate (%s) may not be used to sign documents: %s"),
    SIGNER_NOT_REGISTERED(
            "Văn bản được ký bằng chứng thư số (%s, SHA-256 %s) không có trong danh bạ của cơ quan %s trên trục liên thông.",
            "The document is signed with a certificate (%s, SHA-256 %s) that is not registered for agency %s in the hub's directory."),
    ATTACHMENT_SIGNATURE_NOT_VALID(
            "Chữ ký số trong tệp '%s' (người ký: %s) không hợp lệ: %s / %s",
            "The digital signature in file '%s' (signed by %s) is not valid: %s / %s"),
    ATTACHMENT_SIGNATURE_UNREADABLE(
            "Không đọc được chữ ký số trong tệp '%s'; văn bản vẫn được chuyển, đề nghị văn thư kiểm tra: %s",
            "The signatures in file '%s' could not be read; the document travels, a clerk should check it: %s"),
    XSD_INVALID(
            "Gói tin không đúng cấu trúc edXML: %s",
            "The envelope is not valid against the edXML schema: %s"),
    DOCUMENT_NOT_FOUND(
            "Không có văn bản %s trên trục liên thông.",
            "There is no document %s on the hub."),
    DOCUMENT_DESTROYED(
            "Nội dung văn bản %s đã bị hủy theo danh sách hủy %s đã được phê duyệt; chỉ còn siêu dữ liệu và biên bản hủy.",
            "The content of document %s was destroyed by the approved destruction list %s; only its metadata and the destruction record remain."),
    NOT_DESTRUCTIBLE(
            "Văn bản %s không thể đưa vào danh sách hủy: %s",
            "Document %s cannot be put on a destruction list: %s"),
    DESTRUCTION_LIST_STATE(
            "Danh sách hủy %s đang ở trạng thái %s: %s",
            "Destruction list %s is %s: %s"),
    NOT_A_RECIPIENT(
            "Văn bản %s không gửi đến cơ quan %s.",
            "Document %s is not addressed to agency %s."),
    NOT_A_PARTY(
            "Cơ quan %s không phải nơi gửi hay nơi nhận của văn bản %s.",
            "Agency %s neither sent nor received document %s."),
    STATUS_INVALID(
            "Thông điệp trạng thái không hợp lệ: %s",
            "The status message is not valid: %s"),
    STATUS_SENDER_MISMATCH(
            "Hệ thống của cơ quan %s chỉ được báo trạng thái với mã cơ quan của mình; thông điệp ghi %s.",
            "The system of agency %s may only report statuses as its own organ code; the message says %s."),
    STATUS_DOCUMENT_MISMATCH(
            "Thông điệp trạng thái nói về văn bản %s của %s, không phải văn bản %s.",
            "The status message speaks of document %s of %s, not of document %s."),
    UNKNOWN_RECIPIENT(
            "Không có cơ quan nhận %s trong danh bạ của trục liên thông.",
            "Recipient %s is not in the hub's agency directory."),
    DELIVERY_FAILED(
            "Không chuyển được văn bản đến %s sau %d lần thử: %s",
            "The document could not be delivered to %s after %d attempts: %s"),
    MAIL_SENDER_UNKNOWN(
            "Địa chỉ %s không phải hộp thư công vụ của một cơ quan trong danh bạ trục liên thông; thư không được tiếp nhận.",
            "%s is not the official mailbox of an agency in the hub's directory; the message was not taken."),
    MAIL_WITHOUT_DOCUMENT(
            "Thư không mang văn bản: cần gói tin edXML (tệp .xml) hoặc bản quét văn bản (tệp .pdf, .doc, .docx, .odt).",
            "The message carries no document: an edXML envelope (.xml file) or a scanned document (.pdf, .doc, .docx, .odt) is needed."),
    MAIL_UNREADABLE(
            "Trục liên thông không đọc được thư này (%s); thư được lưu lại nhưng không được tiếp nhận. Xin gửi lại thư bằng bảng mã UTF-8.",
            "The hub cannot read this message (%s); it is kept but not taken. Please send it again in UTF-8."),
    MAIL_WITHOUT_RECIPIENT(
            "Thư không chỉ ra cơ quan nhận: gửi đồng thời đến hộp thư công vụ của cơ quan nhận, hoặc đến %s.",
            "The message names no recipient: copy the recipient's official mailbox, or write to %s."),
    NOT_PERMITTED(
            "Người đăng nhập không có quyền thực hiện thao tác này.",
            "The person signed in may not do this."),
    DELIVERY_NOT_FOUND(
            "Không có lần chuyển văn bản %s trên trục liên thông.",
            "There is no delivery %s on the hub."),
    DELIVERY_NOT_FAILED(
            "Lần chuyển văn bản %s đang ở trạng thái %s; chỉ chuyển lại được lần chuyển đã thất bại (FAILED).",
            "Delivery %s is %s; only a FAILED delivery can be re-driven."),
    DELIVERY_CANCELLED(
            "Người vận hành trục liên thông đã hủy việc chuyển văn bản đến %s: %s",
            "The hub's operators cancelled the delivery of the document to %s: %s"),
    DELIVERY_NOT_CANCELLABLE(
            "Lần chuyển văn bản %s đang ở trạng thái %s; chỉ hủy được lần chuyển chưa đến nơi (QUEUED, AVAILABLE, FAILED).",
            "Delivery %s is %s; only a delivery that has not arrived (QUEUED, AVAILABLE, FAILED) can be cancelled."),
    DESK_NOT_OPEN(
            "Cơ quan %s xử lý văn bản trên phần mềm của mình; trang văn thư của trục liên thông không mở cho cơ quan này.",
            "Agency %s handles its documents in its own software; the hub's browser desk is not open to it."),
    INCOMING_NUMBER_REQUIRED(
            "Trục liên thông không giữ sổ văn bản đến của cơ quan %s: cần ghi số đến của văn bản.",
            "The hub does not keep the incoming register of agency %s: give the document's incoming number."),
    STATUS_NOTE_REQUIRED(
            "Cần ghi %s.",
            "Give %s."),
    PAPER_COPY_NOT_REQUIRED(
            "Văn bản %s gửi %s không cần bản giấy (Điều %s); không có bản giấy để xác nhận.",
            "Document %s to %s needs no paper copy (Article %s); there is none to confirm."),
    DELIVERY_IN_PROGRESS(
            "Lần chuyển văn bản %s đang ở trạng thái %s; văn bản đang trên đường đến cơ quan nhận, không cần gửi lại.",
            "Delivery %s is %s: the document is on its way to the recipient already; there is nothing to resend."),
    AGENCY_STATE_UNCHANGED(
            "Cơ quan %s đã ở trạng thái %s.",
            "Agency %s is %s already."),
    AGENCY_SUSPENDED_IN_DIRECTORY(
            "Cơ quan %s bị tạm dừng trong tệp danh bạ; sửa tệp danh bạ để kích hoạt lại.",
            "Agency %s is suspended in the directory file; change the file to reactivate it."),
    ACTION_REASON_REQUIRED(
            "Thao tác của người vận hành phải ghi lý do (trường \"reason\").",
            "An operator's action must give its reason (field \"reason\")."),
    HUB_BUSY(
            "Trục liên thông đang có %d văn bản chờ xử lý, vượt ngưỡng %d; văn bản này chưa được tiếp nhận, xin gửi lại sau %d giây.",
            "The hub has %d documents waiting to be processed, past its bound of %d; this document was not taken, please send it again in %d seconds."),
    INTERNAL_ERROR(
            "Lỗi nội bộ của trục liên thông; văn bản chưa được tiếp nhận, xin gửi lại sau.",
            "Internal error of the hub; the document was not taken, please send it again later.");

    private final String vietnamese;
    private final String english;

    ReasonCode(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public Reason with(Object... arguments) {
        return new Reason(name(), String.format(vietnamese, arguments), String.format(english, arguments));
    }
}
