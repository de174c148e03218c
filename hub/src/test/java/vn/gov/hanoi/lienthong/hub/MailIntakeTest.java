package vn.gov.hanoi.lienthong.hub;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.gov.hanoi.lienthong.connectors.email.MailIntakeService;
import vn.gov.hanoi.lienthong.connectors.email.RefusalMail;
import vn.gov.hanoi.lienthong.connectors.email.StatusMail;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;
import vn.gov.hanoi.lienthong.testkit.mail.OfficialMail;
import vn.gov.hanoi.lienthong.testkit.simulator.AgencySimulator;
import vn.gov.hanoi.lienthong.testkit.simulator.ReceivedDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * Documents by mail (Articles 6.2b, 8.3): the hub polls its own mailbox on a real IMAP server (GreenMail) and
 * takes edXML envelopes and scanned letters from official mailboxes; anything else is refused by reply and kept.
 */
class MailIntakeTest extends HubIntegrationTest {

    static final String SO_NOI_VU_MAILBOX = "sonoivu@hanoi.gov.vn";
    static final String SO_TAI_CHINH_MAILBOX = "sotaichinh@hanoi.gov.vn";
    static final String BA_DINH_MAILBOX = "ubnd_badinh@hanoi.gov.vn";

    @Autowired
    MailIntakeService mailIntake;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEdxmlEnvelopeByMailGoesThroughThePipelineToItsRecipient() throws Exception {
        byte[] pdf = TestHub.pdf(48 * 1024, 41);
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                .type(18, "Công văn").code("312", "SNV-CCVC").subject("Về việc cử cán bộ tham gia tập huấn")
                .attachment("cv312", "Công văn 312 - cử cán bộ.pdf", "application/pdf");
        OfficialMail.from(SO_NOI_VU_MAILBOX).to(HUB_MAILBOX).subject("Công văn 312/SNV-CCVC")
                .file("edxml.xml", "application/xml", message.toBytes())
                .file("Công văn 312 - cử cán bộ.pdf", "application/pdf", pdf, "cv312")
                .send("127.0.0.1", MAIL_SERVER.getSmtp().getPort());

        ReceivedDocument received = awaitDocument(SO_TAI_CHINH_SYSTEM, message.documentId());
        assertThat(received.senderOrganId()).isEqualTo(SO_NOI_VU.organId);
        assertThat(received.attachmentSha256()).containsEntry("cv312", EndToEndSoapTest.sha256(pdf));
        assertThat(outcomeOfMailWith("Công văn 312/SNV-CCVC")).isEqualTo("ACCEPTED");
        assertThat(messagesIn("Accepted", "Công văn 312/SNV-CCVC")).as("filed after intake").isEqualTo(1);
    }

    @Test
    void aScannedLetterWithATextLayerBecomesADocumentWithTheMetadataOfItsHeading() throws Exception {
        byte[] scan = SampleFiles.scannedLetterPdf("UY BAN NHAN DAN THANH PHO HA NOI", "SO NOI VU",
                "So: 45/SNV-VP", "Ha Noi, ngay 20 thang 11 nam 2026", "V/v gop y du thao ke hoach chuyen doi so");
        String subject = "Về việc góp ý dự thảo kế hoạch chuyển đổi số năm 2027";
        OfficialMail.from(SO_NOI_VU_MAILBOX).to(HUB_MAILBOX).cc(SO_TAI_CHINH_MAILBOX).subject(subject)
                .text("Kính gửi Sở Tài chính,\nSở Nội vụ gửi bản quét công văn góp ý.\n")
                .file("CV 45 SNV-VP (bản quét).pdf", "application/pdf", scan)
                .send("127.0.0.1", MAIL_SERVER.getSmtp().getPort());

        ReceivedDocument received = awaitDocumentWithSubject(SO_TAI_CHINH_SYSTEM, subject);
        String envelope = withoutPrefixes(received.envelope());
        assertThat(received.senderOrganId()).isEqualTo(SO_NOI_VU.organId);
        assertThat(envelope).contains("<CodeNumber>45</CodeNumber>", "<CodeNotation>SNV-VP</CodeNotation>",
                "<PromulgationDate>2026-11-20</PromulgationDate>", "<TypeName>Công văn</TypeName>");
        assertThat(received.attachmentSha256()).containsValue(EndToEndSoapTest.sha256(scan));
    }

    @Test
    void aScanWithoutTextTakesItsMetadataFromTheLabelledLinesOfTheMail() throws Exception {
        byte[] scan = TestHub.pdf(32 * 1024, 43);
        String subject = "Báo cáo kết quả tiếp công dân tháng 11 năm 2026";
        OfficialMail.from(BA_DINH_MAILBOX).to(HUB_MAILBOX).subject(subject)
                .text("""
                        Số, ký hiệu: 77/BC-UBND
                        Ngày ban hành: 18/11/2026
                        Người ký: Trần Thị Bình
                        Nơi nhận: 000.00.12.H26
                        """)
                .file("bao-cao-77.pdf", "application/pdf", scan)
                .send("127.0.0.1", MAIL_SERVER.getSmtp().getPort());

        ReceivedDocument received = awaitDocumentWithSubject(SO_NOI_VU_SYSTEM, subject);
        String envelope = withoutPrefixes(received.envelope());
        assertThat(received.senderOrganId()).isEqualTo("000.01.01.H26");
        assertThat(envelope).contains("<CodeNotation>BC-UBND</CodeNotation>",
                "<TypeName>Báo cáo</TypeName>", "<PromulgationDate>2026-11-18</PromulgationDate>",
                "<FullName>Trần Thị Bình</FullName>");
    }

    @Test
    void aMailFromAnUnknownSenderIsRefusedByReplyAndKept() throws Exception {
        String stranger = "nguoi.la@example.com";
        String subject = "Đề nghị cung cấp thông tin " + UUID.randomUUID();
        OfficialMail.from(stranger).to(HUB_MAILBOX).subject(subject)
                .file("don.pdf", "application/pdf", TestHub.pdf(4096, 44))
                .send("127.0.0.1", MAIL_SERVER.getSmtp().getPort());

        MimeMessage reply = awaitReply(stranger, subject);
        assertThat(reply.getHeader(RefusalMail.REASON_HEADER)[0]).isEqualTo("MAIL_SENDER_UNKNOWN");
        assertThat(reply.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        assertThat(reply.getHeader("In-Reply-To")).isNotNull();
        assertThat((String) reply.getContent()).contains(stranger, "không phải hộp thư công vụ");
        assertThat(outcomeOfMailWith(subject)).isEqualTo("REFUSED");
        String kept = jdbc.sql("select raw_sha256 from mail_intake where subject = ?").param(subject).query(String.class).single();
        assertThat(DATA_DIR.resolve("blobs")).as("the raw message is kept").isNotEmptyDirectory();
        assertThat(kept).hasSize(64);
        assertThat(messagesIn("Refused", subject)).isEqualTo(1);
    }

    @Test
    void aMailFromAnOfficialMailboxWithoutADocumentIsRefusedByReply() throws Exception {
        String subject = "Hỏi lịch họp giao ban " + UUID.randomUUID();
        OfficialMail.from(SO_TAI_CHINH_MAILBOX).to(HUB_MAILBOX).subject(subject).text("Xin cho biết lịch họp.")
                .send("127.0.0.1", MAIL_SERVER.getSmtp().getPort());

        MimeMessage reply = awaitReply(SO_TAI_CHINH_MAILBOX, subject);
        assertThat(reply.getHeader(RefusalMail.REASON_HEADER)[0]).isEqualTo("MAIL_WITHOUT_DOCUMENT");
    }

    @Test
    void aMailTakenAgainAfterACrashIsNeitherLostNorDuplicated() throws Exception {
        String subject = "Về việc rà soát biên chế năm 2027 " + UUID.randomUUID();
        MimeMessage mail = OfficialMail.from(SO_NOI_VU_MAILBOX).to(HUB_MAILBOX).cc(SO_TAI_CHINH_MAILBOX)
                .subject("Số 88/SNV-TCBC: " + subject).messageId("<" + UUID.randomUUID() + "@sonoivu.hanoi.gov.vn>")
                .file("cv88.pdf", "application/pdf", TestHub.pdf(16 * 1024, 45))
                .toMessage(Session.getInstance(new Properties()));

        assertThat(mailIntake.take(mail)).isEqualTo(MailIntakeService.Result.ACCEPTED);
        UUID documentId = documentOfMail(mail);
        // The state a crash leaves after the document was recorded, before the mail was logged and marked.
        jdbc.sql("delete from mail_intake where message_key = ?").param(mail.getMessageID()).update();
        assertThat(mailIntake.take(mail)).isEqualTo(MailIntakeService.Result.ACCEPTED);
        // The state a crash leaves after the mail was logged, before the mail server marked it.
        assertThat(mailIntake.take(mail)).isEqualTo(MailIntakeService.Result.ACCEPTED);

        assertThat(documentOfMail(mail)).isEqualTo(documentId);
        assertThat(jdbc.sql("select count(*) from document where source_ref = ?").param("mail:" + mail.getMessageID())
                .query(Integer.class).single()).isEqualTo(1);
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.callsFor(documentId.toString()) >= 1);
        assertThat(SO_TAI_CHINH_SYSTEM.callsFor(documentId.toString())).isEqualTo(1);
        assertThat(jdbc.sql("select document_id from mail_intake where message_key = ?").param(mail.getMessageID())
                .query(UUID.class).single()).isEqualTo(documentId);
    }

    @Test
    void anAgencyWithoutADocumentSystemGetsTheStatusesOfWhatItMailedByMail() throws Exception {
        String subject = "Về việc đăng ký lịch tiếp công dân " + UUID.randomUUID();
        OfficialMail.from(TestHub.MAIL_ORGAN_MAILBOX).to(HUB_MAILBOX).cc(SO_TAI_CHINH_MAILBOX)
                .subject("Số 9/UBND-VP: " + subject)
                .file("cv9.pdf", "application/pdf", TestHub.pdf(8 * 1024, 46))
                .send("127.0.0.1", MAIL_SERVER.getSmtp().getPort());
        ReceivedDocument received = awaitDocumentWithSubject(SO_TAI_CHINH_SYSTEM, subject);
        String senderDocumentId = withoutPrefixes(received.envelope()).replaceAll("(?s).*<DocumentId>([^<]+)</DocumentId>.*", "$1");

        assertThat(client(SO_TAI_CHINH).updateStatus(received.documentId(), StatusMessage.of(SO_TAI_CHINH.organId,
                TestHub.MAIL_ORGAN_ID, senderDocumentId, "03", "Đã vào sổ văn bản đến", OffsetDateTime.now()))).isTrue();

        MimeMessage statusMail = awaitReply(TestHub.MAIL_ORGAN_MAILBOX, "Đã vào sổ văn bản đến");
        assertThat(statusMail.getHeader(StatusMail.STATUS_CODE_HEADER)[0]).isEqualTo("03");
        assertThat(statusMail.getHeader(StatusMail.DOCUMENT_ID_HEADER)[0]).isEqualTo(received.documentId());
        assertThat(statusMail.getSubject()).contains("9/UBND-VP");
    }

    @Test
    void aMailedDocumentRejectedAtInspectionIsAnsweredWithTheRejectionAndItsReasons() throws Exception {
        String subject = "Về việc gửi tài liệu hội nghị " + UUID.randomUUID();
        OfficialMail.from(TestHub.MAIL_ORGAN_MAILBOX).to(HUB_MAILBOX).cc(SO_TAI_CHINH_MAILBOX)
                .subject("Số 10/UBND-VP: " + subject)
                .file("tai-lieu.pdf", "application/pdf", SampleFiles.windowsExecutable())
                .send("127.0.0.1", MAIL_SERVER.getSmtp().getPort());

        MimeMessage statusMail = awaitReply(TestHub.MAIL_ORGAN_MAILBOX, "Bị từ chối: 10/UBND-VP");
        assertThat(statusMail.getHeader(StatusMail.STATUS_CODE_HEADER)[0]).isEqualTo("02");
        assertThat(textOf(statusMail)).contains("FORMAT_NOT_ALLOWED", "tai-lieu.pdf");
    }

    @Test
    void aClerksReplyWithAStatusLineBecomesTheAgencysStatus() throws Exception {
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(TestHub.MAIL_ORGAN_ID)
                .type(7, "Thông báo").code("64", "TB-SNV").subject("Thông báo lịch họp giao ban quý I năm 2027");
        String documentId = client(SO_NOI_VU).send(message.toBytes()).getDocumentId();
        MimeMessage letter = await().atMost(DELIVERY_TIMEOUT).until(() -> java.util.Arrays.stream(MAIL_SERVER.getReceivedMessages())
                .filter(m -> {
                    try {
                        String[] id = m.getHeader("X-LienThong-Document-Id");
                        return id != null && id[0].equals(documentId) && m.getHeader(StatusMail.STATUS_CODE_HEADER) == null;
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).findFirst(), Optional::isPresent).orElseThrow();

        MimeMessage reply = (MimeMessage) letter.reply(false);
        reply.setFrom(new jakarta.mail.internet.InternetAddress(TestHub.MAIL_ORGAN_MAILBOX));
        reply.setText("Trạng thái: 03\nGhi chú: Đã vào sổ văn bản đến số 125\n", "UTF-8");
        reply.saveChanges();
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", Integer.toString(MAIL_SERVER.getSmtp().getPort()));
        try (jakarta.mail.Transport transport = Session.getInstance(smtp).getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(reply, new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress(HUB_MAILBOX)});
        }

        await().atMost(DELIVERY_TIMEOUT).until(() -> client(SO_NOI_VU).history(documentId).getStatus().stream()
                .anyMatch(st -> st.getOrganId().equals(TestHub.MAIL_ORGAN_ID) && st.getStatusCode().equals("03")));
        assertThat(client(SO_NOI_VU).history(documentId).getStatus()).filteredOn(st -> st.getStatusCode().equals("03"))
                .extracting(st -> st.getDescription()).containsExactly("Đã vào sổ văn bản đến số 125");
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_NOI_VU_SYSTEM.statusesFor(documentId).stream()
                .anyMatch(st -> st.statusCode().equals("03")));
    }

    private static String textOf(MimeMessage message) throws Exception {
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
        return (String) parts.getBodyPart(0).getContent();
    }

    private UUID documentOfMail(MimeMessage mail) throws Exception {
        return jdbc.sql("select id from document where source_ref = ?").param("mail:" + mail.getMessageID())
                .query(UUID.class).single();
    }

    private String outcomeOfMailWith(String subject) {
        await().atMost(DELIVERY_TIMEOUT).until(() -> jdbc.sql("select count(*) from mail_intake where subject = ?")
                .param(subject).query(Integer.class).single() == 1);
        return jdbc.sql("select outcome from mail_intake where subject = ?").param(subject).query(String.class).single();
    }

    static ReceivedDocument awaitDocument(AgencySimulator system, String senderDocumentId) {
        return await().atMost(DELIVERY_TIMEOUT).until(() -> system.documents().values().stream()
                        .filter(d -> new String(d.envelope(), StandardCharsets.UTF_8).contains(">" + senderDocumentId + "<"))
                        .findFirst(), Optional::isPresent).orElseThrow();
    }

    static ReceivedDocument awaitDocumentWithSubject(AgencySimulator system, String subject) {
        return await().atMost(DELIVERY_TIMEOUT).until(() -> system.documents().values().stream()
                        .filter(d -> withoutPrefixes(d.envelope()).contains("<Subject>" + subject + "</Subject>"))
                        .findFirst(), Optional::isPresent).orElseThrow();
    }

    /** The envelope's XML with namespace prefixes taken off, whatever prefix the writer chose. */
    static String withoutPrefixes(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8).replaceAll("<(/?)[A-Za-z0-9]+:", "<$1");
    }

    private static MimeMessage awaitReply(String mailbox, String subject) {
        return await().atMost(DELIVERY_TIMEOUT).until(() -> {
            for (MimeMessage message : MAIL_SERVER.getReceivedMessagesForDomain(mailbox.substring(mailbox.indexOf('@') + 1))) {
                if (message.getAllRecipients()[0].toString().equals(mailbox) && message.getSubject().contains(subject)) {
                    return Optional.of(message);
                }
            }
            return Optional.<MimeMessage>empty();
        }, Optional::isPresent).orElseThrow();
    }

    /** How many messages with this subject the hub's mailbox holds in this folder, read over IMAP. */
    private static int messagesIn(String folderName, String subject) throws Exception {
        return await().atMost(DELIVERY_TIMEOUT).until(() -> {
            Properties properties = new Properties();
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect("127.0.0.1", MAIL_SERVER.getImap().getPort(), HUB_MAILBOX_LOGIN, HUB_MAILBOX_PASSWORD);
            try {
                Folder folder = store.getFolder(folderName);
                if (!folder.exists()) return 0;
                folder.open(Folder.READ_ONLY);
                int count = 0;
                for (jakarta.mail.Message message : folder.getMessages()) {
                    if (message.getSubject().contains(subject)) count++;
                }
                folder.close(false);
                return count;
            } finally {
                store.close();
            }
        }, count -> count > 0);
    }
}
