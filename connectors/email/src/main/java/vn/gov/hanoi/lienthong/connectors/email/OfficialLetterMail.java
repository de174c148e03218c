package vn.gov.hanoi.lienthong.connectors.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.delivery.OutboundDocument;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.edxml.EdxmlReader;
import vn.gov.hanoi.lienthong.core.policy.DeliveryPurpose;
import vn.gov.hanoi.lienthong.core.policy.Requirement;
import vn.gov.hanoi.lienthong.schemas.edxml.MessageHeaderType;

/**
 * A document as an e-mail to an official mailbox: a Vietnamese subject (RFC 2047), a short body with what a
 * receiving clerk registers (number and notation, issuing organ, date, summary, whether a paper copy
 * follows and why), the files under their Vietnamese names (RFC 2231), and the signed edXML envelope as
 * "edxml.xml", so that the clerk's software can import it. Files are streamed into the message, not copied.
 */
@Component
public class OfficialLetterMail {

    static final String ENVELOPE_FILE_NAME = "edxml.xml";
    /** The portal category of a publication, RFC 2047-encoded. */
    public static final String PORTAL_CATEGORY_HEADER = "X-LienThong-Portal-Category";

    private final EdxmlReader edxml;
    private final AgencyDirectory directory;

    public OfficialLetterMail(EdxmlReader edxml, AgencyDirectory directory) {
        this.edxml = edxml;
        this.directory = directory;
    }

    public MimeMessage compose(Session session, String from, Agency recipient, OutboundDocument document)
            throws MessagingException, java.io.UnsupportedEncodingException {
        org.w3c.dom.Document envelope = readEnvelope(document);
        Optional<MessageHeaderType> header = edxml.messageHeader(envelope);
        boolean signedEnvelope = envelope.getElementsByTagNameNS(javax.xml.crypto.dsig.XMLSignature.XMLNS, "Signature")
                .getLength() > 0;
        String notation = header.map(h -> h.getCode().getCodeNumber() + "/" + h.getCode().getCodeNotation()).orElse("");
        String subject = header.map(MessageHeaderType::getSubject).orElse("");
        String senderName = directory.byOrganId(document.senderOrganId()).map(Agency::name)
                .orElse(header.map(h -> h.getFrom().getOrganName()).orElse(document.senderOrganId()));

        // The same letter each time it is sent: a resend after a crash (sent, not yet committed) carries the
        // same Message-ID, by which mail systems and clerks recognise it as the same message (RFC 5322 3.6.4).
        MimeMessage message = new FixedIdMessage(session, "<" + document.documentId() + "." + recipient.organId()
                + "." + (document.purpose() == null ? DeliveryPurpose.RECIPIENT : document.purpose()).name()
                .toLowerCase(java.util.Locale.ROOT) + "@" + domainOf(from) + ">");
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient.mailbox()));
        message.setSubject("[Liên Thông] " + notation + " — " + subject, "UTF-8");
        message.setHeader("X-LienThong-Document-Id", document.documentId().toString());
        if (document.purpose() == DeliveryPurpose.PUBLICATION && document.note() != null) {
            // Article 12.8: the portal publishes under this category.
            message.setHeader(PORTAL_CATEGORY_HEADER, MimeUtility.encodeText(document.note(), "UTF-8", "B"));
        }

        MimeMultipart parts = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body(header, notation, senderName, document, signedEnvelope), "UTF-8");
        parts.addBodyPart(text);
        for (OutboundDocument.OutboundAttachment attachment : document.attachments()) {
            parts.addBodyPart(file(attachment.name(), attachment.mediaType(), attachment.content()));
        }
        parts.addBodyPart(file(ENVELOPE_FILE_NAME, "application/xml", document.envelope()));
        message.setContent(parts);
        message.saveChanges();
        return message;
    }

    private static String body(Optional<MessageHeaderType> header, String notation, String senderName,
                               OutboundDocument document, boolean signedEnvelope) {
        StringBuilder text = new StringBuilder();
        if (document.purpose() == DeliveryPurpose.PUBLICATION) {
            text.append("Trục liên thông văn bản thành phố Hà Nội chuyển văn bản sau để đăng tải trên Cổng thông tin "
                    + "(Quyết định 57/2013/QĐ-UBND, Điều ").append(document.article()).append(").\n");
            text.append("Chuyên mục: ").append(document.note()).append("\n\n");
        } else {
            text.append("Trục liên thông văn bản thành phố Hà Nội chuyển đến quý cơ quan văn bản sau.\n\n");
        }
        text.append("Số, ký hiệu: ").append(notation).append('\n');
        text.append("Cơ quan ban hành: ").append(senderName).append(" (").append(document.senderOrganId()).append(")\n");
        header.ifPresent(h -> {
            LocalDate date = LocalDate.of(h.getPromulgationInfo().getPromulgationDate().getYear(),
                    h.getPromulgationInfo().getPromulgationDate().getMonth(), h.getPromulgationInfo().getPromulgationDate().getDay());
            text.append("Ngày ban hành: ").append(h.getPromulgationInfo().getPlace()).append(", ").append(date).append('\n');
            text.append("Loại văn bản: ").append(h.getDocumentType().getTypeName()).append('\n');
            text.append("Trích yếu: ").append(h.getSubject()).append('\n');
            text.append("Người ký: ").append(h.getSignerInfo().getFullName()).append('\n');
        });
        if (document.requirement() == Requirement.PAPER_TO_FOLLOW) {
            text.append("Bản giấy: sẽ được gửi theo đường bưu chính (Quyết định 57/2013/QĐ-UBND, Điều ")
                    .append(document.article()).append(").\n");
        } else if (document.requirement() == Requirement.ELECTRONIC_ONLY) {
            text.append("Bản giấy: không gửi; văn bản điện tử có giá trị (Quyết định 57/2013/QĐ-UBND, Điều ")
                    .append(document.article()).append(").\n");
        }
        if (!document.warnings().isEmpty()) {
            text.append("\nLưu ý của trục liên thông khi kiểm tra văn bản:\n");
            document.warnings().forEach(warning -> text.append("- ").append(warning.messageVi())
                    .append(" [").append(warning.code()).append("]\n"));
        }
        text.append("\nMã văn bản trên trục liên thông: ").append(document.documentId()).append('\n');
        text.append("Tệp ").append(ENVELOPE_FILE_NAME).append(signedEnvelope
                ? " là gói tin edXML có chữ ký số của cơ quan gửi, dùng để nhập vào phần mềm quản lý văn bản.\n"
                : " là gói tin edXML (không có chữ ký số trên gói tin), dùng để nhập vào phần mềm quản lý văn bản.\n");
        if (document.purpose() != DeliveryPurpose.PUBLICATION) {
            text.append("\nĐể báo tình hình xử lý, xin trả lời thư này với một dòng \"Trạng thái: 01\" (đã nhận), \"03\" (đã vào sổ), "
                    + "\"04\" (đã phân công), \"05\" (đang xử lý) hoặc \"06\" (đã hoàn thành), và nếu cần một dòng \"Ghi chú: …\".\n");
        }
        return text.toString();
    }

    private static MimeBodyPart file(String name, String mediaType, InputStreamSource content) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new StreamedFile(content, name,
                mediaType == null ? "application/octet-stream" : mediaType)));
        // RFC 2231 for non-ASCII names: Jakarta Mail's mail.mime.encodeparameters is on by default.
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private org.w3c.dom.Document readEnvelope(OutboundDocument document) {
        try (InputStream in = document.envelope().getInputStream()) {
            // Only accepted documents are delivered: the envelope is schema-valid already.
            return edxml.dom(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record StreamedFile(InputStreamSource content, String name, String contentType) implements DataSource {
        @Override
        public InputStream getInputStream() throws IOException {
            return content.getInputStream();
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "lienthong" : address.substring(at + 1);
    }

    /** A message whose Message-ID is chosen, not generated at each save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
