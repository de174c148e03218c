package vn.gov.hanoi.lienthong.hub;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;

/** A document to an agency without a document system arrives in its official mailbox, readable by any mail program. */
class EmailDeliveryTest extends HubIntegrationTest {

    @Test
    void theMailCarriesTheMetadataTheFilesUnderTheirVietnameseNamesAndTheSignedEnvelope() throws Exception {
        byte[] pdf = TestHub.pdf(64 * 1024, 5);
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(TestHub.MAIL_ORGAN_ID)
                .type(7, "Thông báo").code("21", "TB-SNV").subject("Thông báo lịch tiếp công dân tháng 12 năm 2026")
                .attachment("tb", "Thông báo số 21 - Lịch tiếp dân.pdf", "application/pdf");
        byte[] envelope = message.toBytes();
        String id = client(SO_NOI_VU).send(envelope,
                HubClient.Part.bytes("tb", "Thông báo số 21 - Lịch tiếp dân.pdf", "application/pdf", pdf)).getDocumentId();

        await().atMost(DELIVERY_TIMEOUT).until(() -> mailFor(id) != null);
        byte[] raw = mailFor(id);
        String headers = new String(raw, StandardCharsets.US_ASCII);
        assertThat(headers).as("the subject is RFC 2047 encoded").contains("Subject: =?UTF-8?");
        assertThat(headers).as("the Vietnamese file name is RFC 2231 encoded").contains("filename*=UTF-8''");

        // Parsed back by a standard MIME parser, as the clerk's mail program would.
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        assertThat(mail.getSubject()).isEqualTo("[Liên Thông] 21/TB-SNV — Thông báo lịch tiếp công dân tháng 12 năm 2026");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(TestHub.MAIL_ORGAN_MAILBOX);
        assertThat(mail.getMessageID()).as("the same letter, resent after a crash, has the same Message-ID")
                .isEqualTo("<" + id + "." + TestHub.MAIL_ORGAN_ID + ".recipient@hanoi.gov.vn>");
        Map<String, byte[]> files = new HashMap<>();
        String[] text = new String[1];
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    files.put(part.getFileName(), in.readAllBytes());
                }
            } else {
                text[0] = (String) part.getContent();
            }
        }
        assertThat(files).containsOnlyKeys("Thông báo số 21 - Lịch tiếp dân.pdf", "edxml.xml");
        assertThat(sha256(files.get("Thông báo số 21 - Lịch tiếp dân.pdf"))).isEqualTo(sha256(pdf));
        assertThat(files.get("edxml.xml")).isEqualTo(envelope);
        assertThat(text[0]).contains("Số, ký hiệu: 21/TB-SNV", "Cơ quan ban hành: Sở Nội vụ thành phố Hà Nội (000.00.12.H26)",
                "Trích yếu: Thông báo lịch tiếp công dân", "Bản giấy: sẽ được gửi", "Điều 5.1", id);

        assertThat(client(SO_NOI_VU).history(id).getRecipient()).extracting(RecipientState::getChannel, RecipientState::getDeliveryState)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "DELIVERED"));
    }

    /** The raw message the mail server holds for this hub document, or null. */
    private static byte[] mailFor(String documentId) throws Exception {
        for (MimeMessage received : MAIL_SERVER.getReceivedMessages()) {
            String[] header = received.getHeader("X-LienThong-Document-Id");
            if (header != null && header[0].equals(documentId)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                received.writeTo(out);
                return out.toByteArray();
            }
        }
        return null;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
