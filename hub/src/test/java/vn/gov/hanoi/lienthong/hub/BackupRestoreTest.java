package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;
import vn.gov.hanoi.lienthong.testkit.simulator.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/**
 * Backups (Circular 02/2019/TT-BNV): a backup to two targets, the hub stopped, its data directory wiped, the backup
 * restored into it, the hub started again — every document readable byte for byte, the ledger and every blob verified
 * by the hub's own check; then a byte of one copy changed, and the verification fails loudly: its finding names the
 * file, and the alert BACKUP_FAILED is raised.
 *
 * <p>Its own hub, as a child JVM: the test wipes the hub's data directory, which the shared context cannot lose.
 */
class BackupRestoreTest {

    private static final Path ROOT = Path.of("target", "backup-hub", UUID.randomUUID().toString()).toAbsolutePath();
    private static final Path HUB_DATA = ROOT.resolve("data");
    private static final Path TARGET_A = ROOT.resolve("backup-disk-a");
    private static final Path TARGET_B = ROOT.resolve("backup-disk-b");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookReceiver OPERATORS = WebhookReceiver.start(TestHub.freePort());
    private static HubProcess hub;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) hub.stop();
        OPERATORS.close();
    }

    @Test
    void aBackupRestoredIntoAWipedDataDirectoryGivesBackEveryDocumentAndADamagedCopyFailsItsVerification() throws Exception {
        Path directory = TestHub.writeDirectory(ROOT.resolve("config"), "http://127.0.0.1:" + TestHub.freePort() + "/agency",
                "http://127.0.0.1:" + TestHub.freePort() + "/agency");
        int port = TestHub.freePort();
        String[] arguments = {"--hub.archive.backup.targets=" + TARGET_A + "," + TARGET_B,
                "--hub.archive.checkpoint.interval=1s", "--hub.alerts.interval=300ms", "--hub.alerts.publish-interval=200ms",
                "--hub.alerts.webhook-url=" + OPERATORS.url()};
        hub = new HubProcess(HUB_DATA, directory, port, arguments);
        hub.start();

        HubClient sender = new HubClient(hub.serviceUrl(), SO_NOI_VU.username, SO_NOI_VU.secret);
        HubClient recipient = new HubClient(hub.serviceUrl(), UBND_BA_DINH.username, UBND_BA_DINH.secret);
        Map<String, String> envelopes = new LinkedHashMap<>();
        for (int n = 1; n <= 3; n++) {
            DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(UBND_BA_DINH.organId).type(18, "Công văn")
                    .code("80" + n, "SNV-LT").subject("Công văn kiểm tra sao lưu số " + n)
                    .attachment("cv", "Công văn " + n + ".pdf", "application/pdf");
            String id = sender.send(message.toBytes(), HubClient.Part.bytes("cv", "Công văn " + n + ".pdf", "application/pdf",
                    TestHub.pdf(8 * 1024, 900 + n))).getDocumentId();
            await().atMost(Duration.ofSeconds(60)).until(() -> recipient.pending().contains(id));
            envelopes.put(id, HubClient.sha256(recipient.fetch(id).getEnvelope()));
            recipient.updateStatus(id, StatusMessage.of(UBND_BA_DINH.organId, SO_NOI_VU.organId, message.documentId(), "01",
                    "Đã nhận", OffsetDateTime.now().withNano(0)));
        }

        HttpResponse<String> backup = post("/api/v1/admin/archive/backups", DemoPeople.OPERATOR);
        assertThat(backup.statusCode()).as(backup.body()).isEqualTo(200);
        JsonNode made = JSON.readTree(backup.body());
        assertThat(made.path("copies")).hasSize(2);
        assertThat(made.path("files").asInt()).isGreaterThan(3);
        assertThat(post("/api/v1/admin/archive/backups", DemoPeople.VANTHU_BADINH).statusCode()).as("not a clerk's").isEqualTo(403);
        Path copyA = Path.of(made.path("copies").get(0).asText());
        Path copyB = Path.of(made.path("copies").get(1).asText());
        assertThat(copyA).startsWith(TARGET_A);
        assertThat(copyB).startsWith(TARGET_B);

        // The machine is lost: the hub stopped, its data directory wiped, the backup restored into an empty one.
        hub.stop();
        deleteTree(HUB_DATA);
        assertThat(HUB_DATA).doesNotExist();
        Process restore = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LienThongHubApplication.class.getName(), "restore", copyA.toString(),
                HUB_DATA.toString()).redirectErrorStream(true).start();
        String restoreOutput = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(restore.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(restore.exitValue()).as(restoreOutput).isZero();
        hub = new HubProcess(HUB_DATA, directory, port, arguments);
        hub.start();

        HubClient recipientAgain = new HubClient(hub.serviceUrl(), UBND_BA_DINH.username, UBND_BA_DINH.secret);
        HubClient senderAgain = new HubClient(hub.serviceUrl(), SO_NOI_VU.username, SO_NOI_VU.secret);
        for (Map.Entry<String, String> document : envelopes.entrySet()) {
            assertThat(HubClient.sha256(recipientAgain.fetch(document.getKey()).getEnvelope()))
                    .as("document %s after the restore", document.getKey()).isEqualTo(document.getValue());
            assertThat(senderAgain.history(document.getKey()).getStatus()).extracting(s -> s.getStatusCode()).contains("01");
        }
        HttpResponse<String> check = post("/api/v1/admin/archive/integrity-checks", DemoPeople.OPERATOR);
        assertThat(check.statusCode()).isEqualTo(200);
        JsonNode integrity = JSON.readTree(check.body());
        assertThat(integrity.path("findings")).as(check.body()).isEmpty();
        assertThat(integrity.path("entries").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(integrity.path("blobs").asLong()).isGreaterThanOrEqualTo(9);

        // One byte of the second copy changed: its verification fails and says where; the first still holds.
        Path aBlob;
        try (Stream<Path> files = Files.walk(copyB.resolve("blobs"))) {
            aBlob = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(aBlob);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(aBlob, bytes);
        HttpResponse<String> verified = post("/api/v1/admin/archive/backup-verifications", DemoPeople.OPERATOR);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        List<JsonNode> results = new ArrayList<>();
        JSON.readTree(verified.body()).forEach(results::add);
        assertThat(results).hasSize(2);
        JsonNode a = results.stream().filter(r -> r.path("backup").asText().equals(copyA.toString())).findFirst().orElseThrow();
        JsonNode b = results.stream().filter(r -> r.path("backup").asText().equals(copyB.toString())).findFirst().orElseThrow();
        assertThat(a.path("holds").asBoolean()).as(a.toString()).isTrue();
        assertThat(a.path("documents").asLong()).isEqualTo(3);
        assertThat(b.path("holds").asBoolean()).isFalse();
        assertThat(b.path("findings").get(0).asText()).contains(copyB.relativize(aBlob).toString(), "its bytes have changed");
        await().atMost(Duration.ofSeconds(30)).until(() -> OPERATORS.posts().stream()
                .anyMatch(p -> p.body().contains("\"RAISED\"") && p.body().contains("BACKUP_FAILED:verify:" + copyB)));
        assertThat(Files.readString(latestLog())).contains("FAILED its verification");
    }

    private Path latestLog() throws Exception {
        try (Stream<Path> logs = Files.list(HUB_DATA)) {
            return logs.filter(p -> p.getFileName().toString().startsWith("hub-run-")).max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    private HttpResponse<String> post(String path, DemoPeople person) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path)).header("Authorization", person.basicAuthorization())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
