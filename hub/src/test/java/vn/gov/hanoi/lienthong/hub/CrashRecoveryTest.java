package vn.gov.hanoi.lienthong.hub;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import vn.gov.hanoi.lienthong.testkit.mail.OfficialMail;

import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetStatusHistoryResponse;
import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.simulator.AgencySimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/**
 * 200 documents from Sở Nội vụ to Sở Tài chính (push) and quận Ba Đình (pull), and 80 scanned letters
 * waiting in the hub's mailbox for Sở Tài chính; the hub is killed with SIGKILL while it is taking both and
 * started again on the same data directory. Every document reaches every recipient exactly once, and every
 * mail became exactly one document.
 */
class CrashRecoveryTest {

    /** Pushes in flight to one agency at once: the hub's default hub.stages.deliver-consumers. */

    private static final int DELIVER_CONSUMERS = 4;

    private static final int DOCUMENTS = 200;
    private static final int KILL_AFTER_ACCEPTED = 70;
    /** Scanned letters waiting in the hub's mailbox when it starts; the kill comes while it is taking them. */
    private static final int MAILS = 80;
    private static final int KILL_AFTER_MAILS_DELIVERED = 15;
    private static final String HUB_MAILBOX = "lienthong@hanoi.gov.vn";

    private static final Path DATA_DIR = Path.of("target", "crash-hub", UUID.randomUUID().toString());
    private static final AgencySimulator SO_NOI_VU_SYSTEM = AgencySimulator.start(TestHub.freePort());
    private static final AgencySimulator SO_TAI_CHINH_SYSTEM = AgencySimulator.start(TestHub.freePort());
    private static HubProcess hub;
    private static final GreenMail MAIL_SERVER = new GreenMail(new ServerSetup[] {
            new ServerSetup(TestHub.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(TestHub.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});

    @Test
    void everyDocumentIsDeliveredToEveryRecipientExactlyOnceAcrossAKill() throws Exception {
        Path directory = TestHub.writeDirectory(DATA_DIR, SO_NOI_VU_SYSTEM.address(), SO_TAI_CHINH_SYSTEM.address());
        MAIL_SERVER.start();
        MAIL_SERVER.setUser(HUB_MAILBOX, "lienthong", "hop-thu-truc");
        for (int n = 0; n < MAILS; n++) {
            OfficialMail.from("sonoivu@hanoi.gov.vn").to(HUB_MAILBOX).cc("sotaichinh@hanoi.gov.vn")
                    .subject("Số " + (500 + n) + "/SNV-VP: Thư quét số " + n)
                    .file("thu-" + n + ".pdf", "application/pdf", TestHub.pdf(4 * 1024, 10_000 + n))
                    .send("127.0.0.1", MAIL_SERVER.getSmtp().getPort());
        }
        hub = new HubProcess(DATA_DIR, directory, TestHub.freePort(),
                "--hub.mail.from=" + HUB_MAILBOX,
                "--hub.mail.smtp.host=127.0.0.1", "--hub.mail.smtp.port=" + MAIL_SERVER.getSmtp().getPort(),
                "--hub.mail.imap.enabled=true", "--hub.mail.imap.protocol=imap", "--hub.mail.imap.host=127.0.0.1",
                "--hub.mail.imap.port=" + MAIL_SERVER.getImap().getPort(), "--hub.mail.imap.username=lienthong",
                "--hub.mail.imap.password=hop-thu-truc", "--hub.mail.imap.poll-interval=200ms",
                "--hub.mail.imap.max-messages-per-poll=10");
        hub.start();

        HubClient sender = new HubClient(hub.serviceUrl(), SO_NOI_VU.username, SO_NOI_VU.secret);
        Map<Integer, String> hubIds = new ConcurrentHashMap<>();
        Map<String, String> senderDocumentIds = new ConcurrentHashMap<>();
        AtomicInteger failedCalls = new AtomicInteger();
        ExecutorService sending = Executors.newSingleThreadExecutor();
        Future<?> sendAll = sending.submit(() -> {
            for (int i = 0; i < DOCUMENTS; i++) {
                DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId)
                        .to(SO_TAI_CHINH.organId, UBND_BA_DINH.organId)
                        .type(18, "Công văn").code(String.valueOf(i + 1), "SNV-VP")
                        .attachment("cv", "Công văn " + (i + 1) + ".pdf", "application/pdf");
                byte[] envelope = message.toBytes();
                HubClient.Part pdf = HubClient.Part.bytes("cv", "Công văn " + (i + 1) + ".pdf", "application/pdf",
                        TestHub.pdf(8 * 1024, i));
                // Like a real sender: no receipt, no certainty; send again until the hub answers.
                while (true) {
                    try {
                        String id = sender.send(envelope, pdf).getDocumentId();
                        hubIds.put(i, id);
                        senderDocumentIds.put(id, message.documentId());
                        break;
                    } catch (Exception e) {
                        failedCalls.incrementAndGet();
                        sleep(200);
                    }
                }
            }
            return null;
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> hubIds.size() >= KILL_AFTER_ACCEPTED
                && mailDocuments().size() >= KILL_AFTER_MAILS_DELIVERED);
        int deliveredBeforeKill = SO_TAI_CHINH_SYSTEM.documents().size();
        int mailsDeliveredBeforeKill = mailDocuments().size();
        hub.kill();
        hub.start();
        sendAll.get();
        sending.shutdown();

        assertThat(deliveredBeforeKill).as("the kill came while documents were still in flight").isLessThan(DOCUMENTS);
        assertThat(mailsDeliveredBeforeKill).as("the kill came while the hub was taking its mail").isLessThan(MAILS);

        // Mail: every scanned letter became exactly one document, delivered once; none lost, none taken twice.
        await().atMost(Duration.ofSeconds(120)).until(() -> mailDocuments().size() >= MAILS);
        Map<String, List<String>> documentsBySubject = mailDocuments();
        assertThat(documentsBySubject).hasSize(MAILS);
        assertThat(documentsBySubject.values()).as("one document per mail").allSatisfy(ids -> assertThat(ids).hasSize(1));
        for (List<String> ids : documentsBySubject.values()) {
            assertThat(SO_TAI_CHINH_SYSTEM.callsFor(ids.get(0))).as("a mail's document pushed").isBetween(1, 2);
        }
        assertThat(failedCalls.get()).as("the sender saw the hub go down").isPositive();
        Set<String> accepted = new HashSet<>(hubIds.values());
        assertThat(accepted).as("one hub id per document, resends included").hasSize(DOCUMENTS);

        // Push: Sở Tài chính has every document.
        await().atMost(Duration.ofSeconds(120)).until(() -> SO_TAI_CHINH_SYSTEM.documents().keySet().containsAll(accepted));
        assertThat(SO_TAI_CHINH_SYSTEM.documents().keySet()).containsAll(accepted).hasSize(DOCUMENTS + MAILS);
        // A push the hub made but could not commit before it died is made again: at most one per consumer of the
        // agency's queue (hub.stages.deliver-consumers, 4) for the one kill, and the receiver recognises it by its
        // document id (agency.wsdl).
        assertThat(SO_TAI_CHINH_SYSTEM.totalDocumentCalls() - DOCUMENTS - MAILS).isBetween(0, DELIVER_CONSUMERS);

        // Pull: quận Ba Đình, a well-behaved system, fetches what is pending, keeps it, then reports 01.
        HubClient baDinh = new HubClient(hub.serviceUrl(), UBND_BA_DINH.username, UBND_BA_DINH.secret);
        Map<String, Integer> fetches = new ConcurrentHashMap<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (String id : baDinh.pending()) {
                if (!fetches.containsKey(id)) {
                    assertThat(HubClient.sha256(baDinh.fetch(id).getAttachment().get(0).getData())).hasSize(64);
                }
                fetches.merge(id, 1, Integer::sum);
                baDinh.updateStatus(id, StatusMessage.of(UBND_BA_DINH.organId, SO_NOI_VU.organId,
                        senderDocumentIds.get(id), "01", "Đã nhận", OffsetDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.UTC)));
            }
            return fetches.keySet().containsAll(accepted) && baDinh.pending().isEmpty();
        });
        assertThat(fetches.keySet()).isEqualTo(accepted);
        assertThat(fetches.values()).as("each document was pending for quận Ba Đình once").containsOnly(1);

        // The hub's own account: one delivery per recipient, both delivered, one status from the pull recipient.
        for (String id : accepted) {
            GetStatusHistoryResponse history = sender.history(id);
            assertThat(history.getRecipient()).extracting(RecipientState::getOrganId, RecipientState::getDeliveryState)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(SO_TAI_CHINH.organId, "DELIVERED"),
                            org.assertj.core.groups.Tuple.tuple(UBND_BA_DINH.organId, "DELIVERED"));
            assertThat(history.getStatus()).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> SO_NOI_VU_SYSTEM.statuses().size() >= DOCUMENTS);
        List<String> statusDocuments = SO_NOI_VU_SYSTEM.statuses().stream().map(s -> s.documentId()).toList();
        assertThat(new HashSet<>(statusDocuments)).isEqualTo(accepted);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (hub != null) hub.stop();
        // If the test failed between a kill and a restart, the killed hub's PostgreSQL is still running.
        StalePostmaster.stopIfRunning(DATA_DIR.resolve("pg").toAbsolutePath());
        SO_NOI_VU_SYSTEM.close();
        SO_TAI_CHINH_SYSTEM.close();
        MAIL_SERVER.stop();
    }

    /** The documents Sở Tài chính received that came from the mailed scanned letters, by subject. */
    private static Map<String, List<String>> mailDocuments() {
        Map<String, List<String>> bySubject = new java.util.TreeMap<>();
        for (var document : SO_TAI_CHINH_SYSTEM.documents().values()) {
            java.util.regex.Matcher subject = java.util.regex.Pattern.compile("Thư quét số \\d+")
                    .matcher(new String(document.envelope(), java.nio.charset.StandardCharsets.UTF_8));
            if (subject.find()) {
                bySubject.computeIfAbsent(subject.group(), s -> new java.util.ArrayList<>()).add(document.documentId());
            }
        }
        return bySubject;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
