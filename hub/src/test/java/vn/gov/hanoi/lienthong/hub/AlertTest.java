package vn.gov.hanoi.lienthong.hub;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;
import vn.gov.hanoi.lienthong.testkit.pki.EnvelopeSigner;
import vn.gov.hanoi.lienthong.testkit.simulator.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * Alerts for the operators, one test per trigger, each with its notices by mail (GreenMail, the operators' list)
 * and by webhook (a local receiver): raised once when the condition starts, reminded while it lasts, cleared when
 * it ends, never a second RAISED for the same condition. This suite's timings: evaluated every 300 ms, reminded
 * every 2 s, a push recipient unreachable after 2 s and overdue after 2 s, its delivery failed after about 9 s.
 */
class AlertTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ALERT_TIMEOUT = Duration.ofSeconds(45);
    private static final String FAILED_QUEUE = "lienthong.failed." + "000.00.15.H26";

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aPushRecipientThatTakesNothingIsAlertedAsUnreachableRemindedAndClearedOnceItTakesItsDocument() throws Exception {
        String key = "RECIPIENT_UNREACHABLE:" + SO_TAI_CHINH.organId;
        long mark = quietThenMark(key);
        String id;
        SO_TAI_CHINH_SYSTEM.setAvailable(false);
        try {
            id = sendToSoTaiChinh("92", "Về việc kiểm tra cảnh báo khi hệ thống nhận không nhận văn bản");
            JsonNode raised = awaitNotice(mark, key, "RAISED");
            assertThat(raised.path("summaryEn").asText()).contains("The system of " + SO_TAI_CHINH.organId + " has taken nothing");
            assertThat(raised.path("details").path("waiting").asLong()).isGreaterThanOrEqualTo(1);
            awaitNotice(mark, key, "REMINDER");
        } finally {
            SO_TAI_CHINH_SYSTEM.setAvailable(true);
        }
        await().atMost(ALERT_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        awaitNotice(mark, key, "CLEARED");
        assertOneLifecycle(mark, key);
    }

    @Test
    void aDeliveryNotHandedOverByItsDeadlineIsAlertedAsOverdueRemindedAndClearedOnceHandedOver() throws Exception {
        String key = "DELIVERIES_OVERDUE:" + SO_TAI_CHINH.organId + "/NOT_HANDED_OVER";
        long mark = quietThenMark(key);
        String id;
        SO_TAI_CHINH_SYSTEM.setAvailable(false);
        try {
            id = sendToSoTaiChinh("94", "Về việc kiểm tra cảnh báo văn bản chưa chuyển đúng hạn");
            JsonNode raised = awaitNotice(mark, key, "RAISED");
            assertThat(raised.path("summaryVi").asText()).contains("chưa chuyển được đúng hạn");
            assertThat(raised.path("details").path("overdue").asLong()).isGreaterThanOrEqualTo(1);
            awaitNotice(mark, key, "REMINDER");
        } finally {
            SO_TAI_CHINH_SYSTEM.setAvailable(true);
        }
        await().atMost(ALERT_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        awaitNotice(mark, key, "CLEARED");
        assertOneLifecycle(mark, key);
    }

    @Test
    void aFailedDeliveryInTheAgencysFailedQueueIsAlertedRemindedAndClearedOnceAnOperatorTakesItOff() throws Exception {
        String key = "FAILED_QUEUE:" + FAILED_QUEUE;
        drainFailedQueue();
        long mark = quietThenMark(key);
        SO_TAI_CHINH_SYSTEM.setAvailable(false);
        try {
            String id = sendToSoTaiChinh("91", "Về việc kiểm tra cảnh báo khi văn bản không chuyển được");
            await().atMost(ALERT_TIMEOUT).until(() -> client(SO_NOI_VU).history(id).getRecipient().stream()
                    .anyMatch(r -> r.getDeliveryState().equals("FAILED")));
        } finally {
            SO_TAI_CHINH_SYSTEM.setAvailable(true);
        }
        JsonNode raised = awaitNotice(mark, key, "RAISED");
        assertThat(raised.path("summaryVi").asText()).contains("Hàng đợi lỗi", FAILED_QUEUE);
        assertThat(raised.path("details").path("messages").asLong()).isGreaterThanOrEqualTo(1);
        awaitNotice(mark, key, "REMINDER");
        drainFailedQueue();
        awaitNotice(mark, key, "CLEARED");
        assertOneLifecycle(mark, key);
    }

    @Test
    void lowDiskSpaceIsAlertedRemindedAndClearedWhenTheThresholdAnAdministratorSetsIsPassed() throws Exception {
        String key = "DISK_SPACE_LOW:" + DATA_DIR.toAbsolutePath();
        long mark = quietThenMark(key);
        String read = "{\"type\":\"read\",\"mbean\":\"lienthong:type=DiskSpaceThreshold\",\"attribute\":\"FreeBelowMiB\"}";
        long configured = jolokia(DemoPeople.OPERATOR, read).path("value").asLong();
        assertThat(configured).as("hub.alerts.disk-free-below as configured, in MiB").isEqualTo(1024);
        assertThat(jolokia(DemoPeople.OPERATOR, freeBelow(1L << 40)).path("status").asInt()).as("an operator changes nothing").isEqualTo(403);
        // More than any disk holds: the data directory's volume is now "low".
        assertThat(jolokia(DemoPeople.ADMIN, freeBelow(1L << 40)).path("status").asInt()).isEqualTo(200);
        try {
            JsonNode raised = awaitNotice(mark, key, "RAISED");
            assertThat(raised.path("summaryVi").asText()).contains("MiB trống cho dữ liệu của trục");
            assertThat(raised.path("details").path("thresholdBytes").asLong()).isEqualTo((1L << 40) << 20);
            assertThat(raised.path("details").path("freeBytes").asLong()).isPositive();
            awaitNotice(mark, key, "REMINDER");
        } finally {
            assertThat(jolokia(DemoPeople.ADMIN, freeBelow(configured)).path("status").asInt()).isEqualTo(200);
        }
        awaitNotice(mark, key, "CLEARED");
        assertOneLifecycle(mark, key);
    }

    /**
     * Article 11's timestamps never stop the exchange: while the time-stamping authority is down every document is
     * still accepted and delivered, the checkpoints of that time are sealed and signed without their tokens, the alert
     * is raised and reminded; once it is back, those checkpoints are timestamped, oldest first, and the alert clears.
     */
    @Test
    void aTimestampingAuthorityThatIsDownStopsNoDocumentIsAlertedAndItsCheckpointsAreTimestampedOnceBack() throws Exception {
        long mark = quietThenMark("TIMESTAMPING_UNREACHABLE:tsa");
        String key = "TIMESTAMPING_UNREACHABLE:tsa";
        long sealedBefore = jdbc.sql("select coalesce(max(number), 0) from ledger_checkpoint").query(Long.class).single();
        List<Long> sealedWhileDown;
        TSA.setAvailable(false);
        try {
            List<String> sent = new ArrayList<>();
            for (int i = 1; i <= 3; i++) sent.add(sendToSoTaiChinh("95" + i, "Công văn khi dịch vụ dấu thời gian ngừng " + i));
            for (String id : sent) await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
            awaitNotice(mark, key, "RAISED");
            awaitNotice(mark, key, "REMINDER");
            String last = sent.get(sent.size() - 1);
            await().atMost(ALERT_TIMEOUT).until(() -> jdbc.sql("""
                            select count(*) from ledger_checkpoint c
                            where c.timestamp_token is null and c.last_seq >= (select max(seq) from ledger_entry where document_id = ?)""")
                    .param(java.util.UUID.fromString(last)).query(Long.class).single() > 0);
            sealedWhileDown = jdbc.sql("select number from ledger_checkpoint where number > ? and timestamp_token is null order by number")
                    .param(sealedBefore).query(Long.class).list();
            assertThat(sealedWhileDown).as("checkpoints sealed while the authority was down").isNotEmpty();
            assertThat(jdbc.sql("select min(timestamp_attempts) from ledger_checkpoint where number = ?")
                    .param(sealedWhileDown.get(0)).query(Integer.class).single()).isGreaterThanOrEqualTo(1);
        } finally {
            TSA.setAvailable(true);
        }
        await().atMost(ALERT_TIMEOUT).until(() -> jdbc.sql(
                        "select count(*) from ledger_checkpoint where number between ? and ? and timestamp_token is null")
                .params(sealedWhileDown.get(0), sealedWhileDown.get(sealedWhileDown.size() - 1)).query(Long.class).single() == 0);
        assertThat(jdbc.sql("select count(*) from ledger_checkpoint where number between ? and ? and timestamped_at > sealed_at")
                .params(sealedWhileDown.get(0), sealedWhileDown.get(sealedWhileDown.size() - 1)).query(Long.class).single())
                .as("each timestamped after it was sealed").isEqualTo(sealedWhileDown.size());
        awaitNotice(mark, key, "CLEARED");
        assertOneLifecycle(mark, key);
    }

    private static String freeBelow(long mebibytes) {
        return "{\"type\":\"write\",\"mbean\":\"lienthong:type=DiskSpaceThreshold\",\"attribute\":\"FreeBelowMiB\",\"value\":"
                + mebibytes + "}";
    }

    private String sendToSoTaiChinh(String number, String subject) throws Exception {
        return client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(18, "Công văn")
                .code(number, "SNV-VP").subject(subject).toBytes()).getDocumentId();
    }

    /** Waits until the alert is not raised (another test may have left it to clear), then marks the notices so far. */
    private long quietThenMark(String key) {
        awaitNotActive(key);
        return lastNoticeId();
    }

    /**
     * The notices of one alert after the mark, by webhook and by mail to the operators' list: one RAISED, then
     * at least one REMINDER, then one CLEARED — never a second RAISED.
     */
    private static void assertOneLifecycle(long mark, String key) throws Exception {
        // The publisher sends each notice by webhook and by mail, one channel after the other: the CLEARED mail may
        // follow the webhook's CLEARED by a pass.
        await().atMost(ALERT_TIMEOUT).until(() -> !mailed(mark, key, "CLEARED").isEmpty());
        List<String> events = posted(mark, key, null).stream().map(n -> n.path("event").asText()).toList();
        assertThat(events).as("the webhook's notices of %s", key).first().isEqualTo("RAISED");
        assertThat(events).as("the webhook's notices of %s", key).last().isEqualTo("CLEARED");
        assertThat(events.subList(1, events.size() - 1)).as("between them, reminders only").isNotEmpty().containsOnly("REMINDER");
        for (String event : List.of("RAISED", "REMINDER", "CLEARED")) {
            assertThat(mailed(mark, key, event)).as("%s of %s mailed to the operators", event, key).isNotEmpty();
        }
        assertThat(mailed(mark, key, "RAISED")).as("one RAISED mail for %s", key).hasSize(1);
        assertThat(mailed(mark, key, "CLEARED")).as("one CLEARED mail for %s", key).hasSize(1);
    }

    @Test
    void aCertificateNearItsEndIsAlertedRemindedAndClearedOnceReplacedAndTheWebhookCatchesUpInOrder() throws Exception {
        long mark = 0;
        JsonNode raised = awaitNotice(mark, "CERTIFICATE_EXPIRING:" + fingerprint16(SHORT_LIVED_ANCHOR), "RAISED");
        assertThat(raised.path("summaryEn").asText()).contains("trust anchor short-lived-root.pem", "expires in 19 days");
        assertThat(raised.path("key").asText()).endsWith("/30d");
        String key = raised.path("key").asText();
        awaitNotice(mark, key, "REMINDER");

        // The webhook is down when the certificate is replaced: the CLEARED notice waits, then arrives after the rest.
        long before = lastNoticeId();
        OPERATORS_WEBHOOK.setAvailable(false);
        Files.delete(SHORT_LIVED_ANCHOR);
        try {
            await().atMost(ALERT_TIMEOUT).until(() -> !mailed(0, key, "CLEARED").isEmpty());
            assertThat(posted(before, key, "CLEARED")).as("not posted while the webhook is down").isEmpty();
        } finally {
            OPERATORS_WEBHOOK.setAvailable(true);
        }
        awaitNotice(before, key, "CLEARED");
        List<Long> ids = OPERATORS_WEBHOOK.posts().stream().map(p -> Long.parseLong(p.alertId())).toList();
        assertThat(ids).as("notices posted in the order they were written").isSorted();
        assertOneLifecycle(mark, key);
    }

    @Test
    void revocationSourcesThatDoNotAnswerRaiseAnAlertThatClearsOnceTheyAnswer() throws Exception {
        awaitNotActive("REVOCATION_UNREACHABLE:");
        long mark = lastNoticeId();
        ALERT_PKI.revocationServicesDown(true);
        String id;
        try {
            DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(2, "Quyết định")
                    .code("93", "QĐ-SNV").subject("Quyết định kiểm tra cảnh báo về nguồn thu hồi");
            id = client(SO_NOI_VU).send(EnvelopeSigner.sign(message.toBytes(), ALERT_PKI.signer())).getDocumentId();
            JsonNode raised = awaitNotice(mark, "REVOCATION_UNREACHABLE:", "RAISED");
            assertThat(raised.path("summaryEn").asText()).contains("revocation sources do not answer");
            awaitNotice(mark, raised.path("key").asText(), "REMINDER");
        } finally {
            ALERT_PKI.revocationServicesDown(false);
        }
        await().atMost(ALERT_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        JsonNode cleared = awaitNotice(mark, "REVOCATION_UNREACHABLE:", "CLEARED");
        assertOneLifecycle(mark, cleared.path("key").asText());
    }

    private void drainFailedQueue() {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(500);
        while (jms.receive(FAILED_QUEUE) != null) {
            // taken off, as an operator who dealt with it would
        }
    }

    /** Waits until no alert whose key starts so is raised now: the last notice of each is CLEARED. */
    private void awaitNotActive(String keyPrefix) {
        await().atMost(ALERT_TIMEOUT).until(() -> {
            java.util.Map<String, String> last = new java.util.HashMap<>();
            for (JsonNode notice : posted(0, keyPrefix, null)) last.put(notice.path("key").asText(), notice.path("event").asText());
            return last.values().stream().allMatch("CLEARED"::equals);
        });
    }

    @Test
    void theHubsTlsCertificateAndAnAgencysRegisteredCertificateNearTheirEndAreAlertedAndClearedOnceReplaced() throws Exception {
        long mark = 0;
        // The HTTPS key store as configured ends in 20 days.
        String tlsKey = "CERTIFICATE_EXPIRING:" + fingerprint16(readKeyStoreCertificate(TLS_KEY_STORE)) + "/30d";
        JsonNode tls = awaitNotice(mark, tlsKey, "RAISED");
        assertThat(tls.path("summaryEn").asText()).contains("hub TLS certificate lienthong-https", "expires in 19 days");
        assertThat(tls.path("summaryVi").asText()).contains("hết hạn sau 19 ngày");
        awaitNotice(mark, tlsKey, "REMINDER");

        // An agency registers a certificate that ends in 20 days and signs a document with it: the hub learns its end.
        java.nio.file.Path file = DATA_DIR.resolve("agencies.yaml");
        String directory = Files.readString(file);
        var soon = PKI.soonExpiringSigner();
        String agencyKey = "CERTIFICATE_EXPIRING:" + fingerprint16(soon.certificate()) + "/30d";
        try {
            Files.writeString(file, directory.replace("    username: so-tttt\n",
                    "    username: so-tttt\n    certificates: [\"" + vn.gov.hanoi.lienthong.core.signature.Fingerprints.sha256(soon.certificate())
                            + "\"]\n"));
            reloadDirectory();
            var restAgency = new vn.gov.hanoi.lienthong.testkit.client.HubClient(serviceUrl(), "so-tttt", SO_NOI_VU.secret);
            String signed = restAgency.send(EnvelopeSigner.sign(
                    DocumentMessage.from(TestHub.REST_ORGAN_ID).to(SO_TAI_CHINH.organId)
                            .type(18, "Công văn").code("31", "STTTT-VP").subject("Về việc ký bằng chứng thư sắp hết hạn").toBytes(),
                    soon)).getDocumentId();
            await().atMost(ALERT_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(signed) != null);
            JsonNode agency = awaitNotice(mark, agencyKey, "RAISED");
            assertThat(agency.path("summaryEn").asText()).contains("agency " + TestHub.REST_ORGAN_ID + " signing certificate",
                    "Hoang Thi Giang", "expires in 19 days");
            awaitNotice(mark, agencyKey, "REMINDER");
        } finally {
            // The agency registers its new certificate instead; the hub's key store is renewed.
            Files.writeString(file, directory);
            reloadDirectory();
            writeTlsKeyStore(TLS_KEY_STORE, Duration.ofDays(400));
        }
        awaitNotice(mark, agencyKey, "CLEARED");
        awaitNotice(mark, tlsKey, "CLEARED");
        assertOneLifecycle(mark, tlsKey);
        assertOneLifecycle(mark, agencyKey);
    }

    private static String fingerprint16(java.nio.file.Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return fingerprint16((java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
    }

    private static String fingerprint16(java.security.cert.X509Certificate certificate) {
        return vn.gov.hanoi.lienthong.core.signature.Fingerprints.sha256(certificate).substring(0, 16);
    }

    private static java.security.cert.X509Certificate readKeyStoreCertificate(java.nio.file.Path file) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, TLS_KEY_STORE_PASSWORD.toCharArray());
        }
        return (java.security.cert.X509Certificate) store.getCertificate("lienthong-https");
    }

    private JsonNode awaitNotice(long after, String keyPrefix, String event) {
        return await().atMost(ALERT_TIMEOUT).until(() -> posted(after, keyPrefix, event), list -> !list.isEmpty()).get(0);
    }

    private long lastNoticeId() {
        return OPERATORS_WEBHOOK.posts().stream().mapToLong(p -> Long.parseLong(p.alertId())).max().orElse(0);
    }

    /** The webhook's notices after an id, for keys starting so, of one event (null: every event), in order. */
    private static List<JsonNode> posted(long after, String keyPrefix, String event) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (WebhookReceiver.Post post : OPERATORS_WEBHOOK.posts()) {
            JsonNode notice = JSON.readTree(post.body());
            if (Long.parseLong(post.alertId()) <= after) continue;
            if (!notice.path("key").asText().startsWith(keyPrefix)) continue;
            if (event != null && !notice.path("event").asText().equals(event)) continue;
            found.add(notice);
        }
        return found;
    }

    /** The mails to the operators' list of one alert and event, after a notice id. */
    private static List<MimeMessage> mailed(long after, String key, String event) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage mail : MAIL_SERVER.getReceivedMessages()) {
            String[] ids = mail.getHeader("X-LienThong-Alert-Id");
            String[] keys = mail.getHeader("X-LienThong-Alert-Key");
            String[] events = mail.getHeader("X-LienThong-Alert-Event");
            if (ids != null && keys != null && events != null && Long.parseLong(ids[0]) > after
                    && keys[0].equals(key) && events[0].equals(event)
                    && java.util.Arrays.toString(mail.getAllRecipients()).contains(OPERATORS_LIST)) {
                found.add(mail);
            }
        }
        return found;
    }
}
