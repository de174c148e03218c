package vn.gov.hanoi.lienthong.connectors.email;

import java.io.UnsupportedEncodingException;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.delivery.OutboundStatus;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.StatusRecord;
import vn.gov.hanoi.lienthong.core.refusal.Reason;
import vn.gov.hanoi.lienthong.core.signature.SignedDocuments;
import vn.gov.hanoi.lienthong.core.status.StatusCodes;

/**
 * A status on a document, mailed to the official mailbox of the agency that sent the document: what a clerk
 * needs to read (which document, who reports, what, why), and the hub-signed edXML status message as
 * "status.xml" for software that imports it.
 */
@Component
public class StatusMail {

    public static final String DOCUMENT_ID_HEADER = "X-LienThong-Document-Id";
    public static final String STATUS_CODE_HEADER = "X-LienThong-Status-Code";
    static final String STATUS_FILE_NAME = "status.xml";

    private final AgencyDirectory directory;
    private final SignedDocuments signed;

    public StatusMail(AgencyDirectory directory, SignedDocuments signed) {
        this.directory = directory;
        this.signed = signed;
    }

    public MimeMessage compose(Session session, String from, Agency sender, OutboundStatus outbound)
            throws MessagingException, UnsupportedEncodingException {
        DocumentRecord document = outbound.document();
        StatusRecord status = outbound.status();
        String reporter = directory.byOrganId(status.organId()).map(Agency::name).orElse("Trục liên thông");
        String statusName = StatusCodes.vietnameseName(status.statusCode());

        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(sender.mailbox()));
        message.setSubject("[Liên Thông] " + statusName + ": " + nullToEmpty(document.codeNotation()) + " — "
                + nullToEmpty(document.subject()), "UTF-8");
        message.setHeader(DOCUMENT_ID_HEADER, document.id().toString());
        message.setHeader(STATUS_CODE_HEADER, status.statusCode());
        // RFC 3834: an automatic message; well-behaved mail software does not answer it.
        message.setHeader("Auto-Submitted", "auto-generated");

        StringBuilder text = new StringBuilder();
        text.append("Trục liên thông văn bản thành phố Hà Nội thông báo trạng thái văn bản quý cơ quan đã gửi.\n\n");
        text.append("Số, ký hiệu: ").append(nullToEmpty(document.codeNotation())).append('\n');
        text.append("Trích yếu: ").append(nullToEmpty(document.subject())).append('\n');
        text.append("Mã văn bản của quý cơ quan: ").append(document.senderDocumentId()).append('\n');
        text.append("Mã văn bản trên trục liên thông: ").append(document.id()).append("\n\n");
        text.append("Cơ quan báo: ").append(reporter).append(" (").append(status.organId()).append(")\n");
        text.append("Trạng thái mới: ").append(status.statusCode()).append(" — ").append(statusName).append('\n');
        text.append("Thời điểm: ").append(status.reportedAt()).append('\n');
        if (status.description() != null && !status.description().isBlank()) {
            text.append("Ghi chú: ").append(status.description()).append('\n');
        }
        for (Reason reason : status.reasons()) {
            text.append("Lý do [").append(reason.code()).append("]: ").append(reason.messageVi())
                    .append(" / ").append(reason.messageEn()).append('\n');
        }
        text.append("\nTệp ").append(STATUS_FILE_NAME)
                .append(" là thông điệp trạng thái edXML có chữ ký số của trục liên thông.\n");

        MimeMultipart parts = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text.toString(), "UTF-8");
        parts.addBodyPart(body);
        MimeBodyPart statusFile = new MimeBodyPart();
        statusFile.setDataHandler(new DataHandler(new ByteArrayDataSource(signed.status(document, status), "application/xml")));
        statusFile.setFileName(STATUS_FILE_NAME);
        statusFile.setDisposition(MimeBodyPart.ATTACHMENT);
        parts.addBodyPart(statusFile);
        message.setContent(parts);
        message.saveChanges();
        return message;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
