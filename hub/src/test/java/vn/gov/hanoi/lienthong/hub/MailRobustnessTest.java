package vn.gov.hanoi.lienthong.hub;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.gov.hanoi.lienthong.testkit.mail.OfficialMail;
import vn.gov.hanoi.lienthong.testkit.simulator.ReceivedDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What real mail brings to the hub's mailbox: a message it cannot read, text in Vietnamese Windows encoding,
 * encoded-words split mid-character, large scans, automatic mail. Each is taken once, or refused once, and the
 * mailbox moves on.
 */
class MailRobustnessTest extends HubIntegrationTest {

    private static final String SO_NOI_VU_MAILBOX = MailIntakeTest.SO_NOI_VU_MAILBOX;
    private static final String SO_TAI_CHINH_MAILBOX = MailIntakeTest.SO_TAI_CHINH_MAILBOX;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailTheHubCannotReadIsRefusedOnceAndTheNextLetterIsTakenAtOnce() throws Exception {
        String stranger = "khong.doc.duoc@example.com";
        String subject = "Thu hong " + UUID.randomUUID();
        sendRaw(stranger, """
                From: %s
                To: %s
                Subject: %s
                Message-ID: <%s@example.com>
                MIME-Version: 1.0
                Content-Type: multipart/mixed

                this multipart has no boundary at all
                """.formatted(stranger, HUB_MAILBOX, subject, UUID.randomUUID()));
        String good = "Về việc thư đến sau thư hỏng " + UUID.randomUUID();
        OfficialMail.from(SO_NOI_VU_MAILBOX).to(HUB_MAILBOX).cc(SO_TAI_CHINH_MAILBOX).subject(good)
                .text("Số, ký hiệu: 12/SNV-VP\nNgày ban hành: 20/11/2026\nNgười ký: Nguyễn Văn An\n")
                .file("cong-van-12.pdf", "application/pdf", TestHub.pdf(8_000, 61))
                .send("127.0.0.1", MAIL_SERVER.getSmtp().getPort());

        MailIntakeTest.awaitDocumentWithSubject(SO_TAI_CHINH_SYSTEM, good);
        assertThat(outcome(subject)).isEqualTo("REFUSED");
        assertThat(jdbc.sql("select reason_code from mail_intake where subject = ?").param(subject).query(String.class).single())
                .isEqualTo("MAIL_UNREADABLE");
        await().atMost(DELIVERY_TIMEOUT).until(() -> repliesTo(stranger, subject) == 1);
        Thread.sleep(1_000); // a few more polls: still one refusal, one reply
        assertThat(jdbc.sql("select count(*) from mail_intake where subject = ?").param(subject).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(repliesTo(stranger, subject)).isEqualTo(1);
    }

    @Test
    void aTextPartInACharsetNoOneKnowsIsStillRead() throws Exception {
        String stranger = "bang.ma.la@example.com";
        String subject = "Bang ma la " + UUID.randomUUID();
        sendRaw(stranger, """
                From: %s
                To: %s
                Subject: %s
                Message-ID: <%s@example.com>
                MIME-Version: 1.0
                Content-Type: text/plain; charset="x-no-such-charset-2026"

                Kinh gui truc lien thong.
                """.formatted(stranger, HUB_MAILBOX, subject, UUID.randomUUID()));
        // Read, and refused for what it is (a stranger's mail), not stuck as unreadable.
        assertThat(outcome(subject)).isEqualTo("REFUSED");
        assertThat(jdbc.sql("select reason_code from mail_intake where subject = ?").param(subject).query(String.class).single())
                .isEqualTo("MAIL_SENDER_UNKNOWN");
    }

    @Test
    void aSubjectInWindows1258AndOneSplitAcrossEncodedWordsArriveAsNfcVietnamese() throws Exception {
        String subject = "Về việc triển khai thử nghiệm " + UUID.randomUUID().toString().substring(0, 8);
        byte[] cp1258 = windows1258(subject);
        assertThat(Normalizer.isNormalized(new String(cp1258, Charset.forName("windows-1258")), Normalizer.Form.NFC))
                .as("windows-1258 writes tone marks as combining characters").isFalse();
        sendScannedLetter("=?windows-1258?B?" + Base64.getEncoder().encodeToString(cp1258) + "?=", "13", 62);
        ReceivedDocument received = MailIntakeTest.awaitDocumentWithSubject(SO_TAI_CHINH_SYSTEM, subject);
        assertThat(received).isNotNull();

        // "ề" is three bytes in UTF-8; a mailer cut the subject's bytes in the middle of it.
        String split = "Về việc góp ý " + UUID.randomUUID().toString().substring(0, 8);
        byte[] utf8 = split.getBytes(StandardCharsets.UTF_8);
        int cut = 3; // after "V" and the first two bytes of "ề"
        String header = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(Arrays.copyOfRange(utf8, 0, cut)) + "?=\r\n "
                + "=?UTF-8?B?" + Base64.getEncoder().encodeToString(Arrays.copyOfRange(utf8, cut, utf8.length)) + "?=";
        sendScannedLetter(header, "14", 63);
        assertThat(MailIntakeTest.awaitDocumentWithSubject(SO_TAI_CHINH_SYSTEM, split)).isNotNull();
    }

    @Test
    void aFortyMebibyteScanIsTakenInSeconds() throws Exception {
        String subject = "Về việc gửi hồ sơ quét khổ lớn " + UUID.randomUUID().toString().substring(0, 8);
        OfficialMail.from(SO_NOI_VU_MAILBOX).to(HUB_MAILBOX).cc(SO_TAI_CHINH_MAILBOX).subject(subject)
                .text("Số, ký hiệu: 15/SNV-VP\nNgày ban hành: 20/11/2026\nNgười ký: Nguyễn Văn An\n")
                .file("ho-so-quet.pdf", "application/pdf", TestHub.pdf(40 << 20, 64))
                .send("127.0.0.1", MAIL_SERVER.getSmtp().getPort());
        long sent = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from mail_intake where subject = ?")
                .param(subject).query(Integer.class).single() == 1);
        Duration taken = Duration.ofNanos(System.nanoTime() - sent);
        System.out.println("A 40 MiB mail taken from the mailbox in " + taken.toMillis() + " ms");
        assertThat(taken).isLessThan(Duration.ofSeconds(15));
        assertThat(outcome(subject)).isEqualTo("ACCEPTED");
    }

    @Test
    void aDeliveryReportAndBulkMailAreNotAnswered() throws Exception {
        String daemon = "bounces@example.com";
        String report = "Undelivered Mail Returned to Sender " + UUID.randomUUID();
        sendRaw(daemon, """
                From: %s
                To: %s
                Subject: %s
                Message-ID: <%s@example.com>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                The mail could not be delivered.
                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mail.example.com
                Final-Recipient: rfc822; someone@example.com
                Action: failed
                Status: 5.1.1
                --r--
                """.formatted(daemon, HUB_MAILBOX, report, UUID.randomUUID()));
        String lister = "news@example.com";
        String bulk = "Ban tin tuan " + UUID.randomUUID();
        sendRaw(lister, """
                From: %s
                To: %s
                Subject: %s
                Message-ID: <%s@example.com>
                Precedence: bulk
                List-Id: <tin-tuc.example.com>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Tin tuc trong tuan.
                """.formatted(lister, HUB_MAILBOX, bulk, UUID.randomUUID()));
        assertThat(outcome(report)).isEqualTo("REFUSED");
        assertThat(outcome(bulk)).isEqualTo("REFUSED");
        Thread.sleep(1_000);
        assertThat(repliesTo(daemon, report)).as("no answer to a delivery report").isZero();
        assertThat(repliesTo(lister, bulk)).as("no answer to bulk mail").isZero();
    }

    @Test
    void messagesExpungedFromTheMailboxDuringAPollLoseNoLetterAndFileNoneWrongly() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        java.util.List<String> letters = new java.util.ArrayList<>();
        Session session = Session.getInstance(new Properties());
        java.util.List<MimeMessage> messages = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String letter = "Về việc thư " + i + " của đợt " + run;
            letters.add(letter);
            messages.add(OfficialMail.from(SO_NOI_VU_MAILBOX).to(HUB_MAILBOX).cc(SO_TAI_CHINH_MAILBOX).subject(letter)
                    .text("Số, ký hiệu: " + (100 + i) + "/SNV-VP\nNgày ban hành: 20/11/2026\nNgười ký: Nguyễn Văn An\n")
                    .file("cv-" + i + ".pdf", "application/pdf", TestHub.pdf(4_000, 700 + i)).toMessage(session));
            messages.add(OfficialMail.from("rac@example.com").to(HUB_MAILBOX).subject("Thư rác " + i + " " + run)
                    .text("Quảng cáo").toMessage(session));
        }
        // An operator clears junk from the hub's mailbox with another client while the hub polls it.
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread operator = new Thread(() -> expungeJunkUntilStopped("Thư rác", run, stop), "operator-clearing-junk");
        try (jakarta.mail.Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", MAIL_SERVER.getImap().getPort(), HUB_MAILBOX_LOGIN, HUB_MAILBOX_PASSWORD);
            jakarta.mail.Folder inbox = store.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_WRITE);
            operator.start();
            inbox.appendMessages(messages.toArray(new jakarta.mail.Message[0]));
            inbox.close(false);
        }
        try {
            for (String letter : letters) {
                MailIntakeTest.awaitDocumentWithSubject(SO_TAI_CHINH_SYSTEM, letter);
            }
        } finally {
            stop.set(true);
            operator.join();
        }
        for (String letter : letters) {
            assertThat(SO_TAI_CHINH_SYSTEM.documents().values().stream()
                    .filter(d -> MailIntakeTest.withoutPrefixes(d.envelope()).contains("<Subject>" + letter + "</Subject>")).count())
                    .as("delivered once: %s", letter).isEqualTo(1);
            assertThat(jdbc.sql("select outcome from mail_intake where subject = ?").param(letter).query(String.class).list())
                    .as("taken once, as a document: %s", letter).containsExactly("ACCEPTED");
        }
        String emptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assertThat(jdbc.sql("select count(*) from mail_intake where raw_sha256 = ? or from_address is null")
                .param(emptySha256).query(Integer.class).single()).as("no refusal of an empty message").isZero();
        assertThat(subjectsIn("Refused")).as("no letter filed as refused").noneMatch(subject -> subject.contains("Về việc thư"));
        assertThat(subjectsIn("Accepted")).as("every letter filed as accepted")
                .filteredOn(subject -> subject.endsWith(run) && subject.startsWith("Về việc thư")).hasSize(letters.size());
    }

    private static java.util.List<String> subjectsIn(String folderName) throws Exception {
        try (jakarta.mail.Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", MAIL_SERVER.getImap().getPort(), HUB_MAILBOX_LOGIN, HUB_MAILBOX_PASSWORD);
            jakarta.mail.Folder folder = store.getFolder(folderName);
            if (!folder.exists()) return java.util.List.of();
            folder.open(jakarta.mail.Folder.READ_ONLY);
            java.util.List<String> subjects = new java.util.ArrayList<>();
            for (jakarta.mail.Message message : folder.getMessages()) subjects.add(String.valueOf(message.getSubject()));
            folder.close(false);
            return subjects;
        }
    }

    private static void expungeJunkUntilStopped(String junk, String run, java.util.concurrent.atomic.AtomicBoolean stop) {
        Session session = Session.getInstance(new Properties());
        while (!stop.get()) {
            try (jakarta.mail.Store store = session.getStore("imap")) {
                store.connect("127.0.0.1", MAIL_SERVER.getImap().getPort(), HUB_MAILBOX_LOGIN, HUB_MAILBOX_PASSWORD);
                // A mail client deletes what its user chose by UID (as the hub files by UID): the hub moving messages
                // meanwhile shifts the sequence numbers of both sessions.
                org.eclipse.angus.mail.imap.IMAPFolder inbox = (org.eclipse.angus.mail.imap.IMAPFolder) store.getFolder("INBOX");
                inbox.open(jakarta.mail.Folder.READ_WRITE);
                for (jakarta.mail.Message listed : inbox.getMessages()) {
                    long uid = inbox.getUID(listed);
                    jakarta.mail.Message message = inbox.getMessageByUID(uid);
                    String subject = message == null ? null : message.getSubject();
                    if (subject != null && subject.startsWith(junk) && subject.endsWith(run)) {
                        message.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
                        inbox.expunge(new jakarta.mail.Message[] {message});
                        break;
                    }
                }
                inbox.close(false);
                Thread.sleep(150);
            } catch (Exception e) {
                if (e instanceof InterruptedException) return;
            }
        }
    }

    /** A scanned letter from Sở Nội vụ to Sở Tài chính whose Subject header is written exactly as given. */
    private static void sendScannedLetter(String subjectHeader, String number, long seed) throws Exception {
        sendRaw(SO_NOI_VU_MAILBOX, """
                From: %s
                To: %s
                Cc: %s
                Subject: %s
                Message-ID: <%s@hanoi.gov.vn>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=UTF-8

                Số, ký hiệu: %s/SNV-VP
                Ngày ban hành: 20/11/2026
                Người ký: Nguyễn Văn An
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename="cv%s.pdf"
                Content-Transfer-Encoding: base64

                %s
                --b--
                """.formatted(SO_NOI_VU_MAILBOX, HUB_MAILBOX, SO_TAI_CHINH_MAILBOX, subjectHeader, UUID.randomUUID(), number,
                number, Base64.getMimeEncoder().encodeToString(TestHub.pdf(6_000, seed))));
    }

    /** The text in Vietnamese Windows encoding as a Windows mailer writes it: base letters, tone marks combining. */
    private static byte[] windows1258(String text) {
        // Compose what windows-1258 has as letters (â ê ô ă ơ ư đ), keep the five tone marks apart.
        String tones = "\u0300\u0301\u0303\u0309\u0323";
        StringBuilder out = new StringBuilder();
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        for (int i = 0; i < nfd.length(); ) {
            StringBuilder letter = new StringBuilder().append(nfd.charAt(i++));
            StringBuilder tone = new StringBuilder();
            while (i < nfd.length() && Character.getType(nfd.charAt(i)) == Character.NON_SPACING_MARK) {
                (tones.indexOf(nfd.charAt(i)) >= 0 ? tone : letter).append(nfd.charAt(i++));
            }
            out.append(Normalizer.normalize(letter, Normalizer.Form.NFC)).append(tone);
        }
        return out.toString().getBytes(Charset.forName("windows-1258"));
    }

    private static void sendRaw(String from, String rfc5322) throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", Integer.toString(MAIL_SERVER.getSmtp().getPort()));
        Session session = Session.getInstance(smtp);
        MimeMessage message = new MimeMessage(session,
                new ByteArrayInputStream(rfc5322.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))) {
            @Override
            protected void updateMessageID() {
                // keep the Message-ID written above
            }

            @Override
            public void saveChanges() {
                // sent byte for byte as written
            }
        };
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new InternetAddress[] {new InternetAddress(HUB_MAILBOX)});
        }
    }

    private String outcome(String subject) {
        await().atMost(DELIVERY_TIMEOUT).until(() -> jdbc.sql("select count(*) from mail_intake where subject = ?")
                .param(subject).query(Integer.class).single() == 1);
        return jdbc.sql("select outcome from mail_intake where subject = ?").param(subject).query(String.class).single();
    }

    private static long repliesTo(String mailbox, String subject) throws Exception {
        long count = 0;
        for (MimeMessage message : MAIL_SERVER.getReceivedMessagesForDomain(mailbox.substring(mailbox.indexOf('@') + 1))) {
            if (message.getAllRecipients()[0].toString().equals(mailbox) && message.getSubject() != null
                    && message.getSubject().contains(subject)) {
                count++;
            }
        }
        return count;
    }
}
