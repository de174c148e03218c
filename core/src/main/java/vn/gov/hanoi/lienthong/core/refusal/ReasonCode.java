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
    ATTACHMENT_MISMATCH(
            "Danh sách tệp đính kèm trong gói tin không khớp với các tệp được gửi: %s",
            "The attachments listed in the envelope do not match the files sent: %s"),
    XSD_INVALID(
            "Gói tin không đúng cấu trúc edXML: %s",
            "The envelope is not valid against the edXML schema: %s"),
    DOCUMENT_NOT_FOUND(
            "Không có văn bản %s trên trục liên thông.",
            "There is no document %s on the hub."),
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
