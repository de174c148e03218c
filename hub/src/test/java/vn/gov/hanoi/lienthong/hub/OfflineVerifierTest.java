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
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import vn.gov.hanoi.lienthong.core.signature.HubSigner;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.pki.AdesSigner;
import vn.gov.hanoi.lienthong.testkit.pki.EnvelopeSigner;
import vn.gov.hanoi.lienthong.testkit.pki.TestPki;
import vn.gov.hanoi.lienthong.testkit.simulator.TimestampAuthoritySimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/**
 * The offline verifier, {@code java -jar testkit/target/lienthong-verify.jar BUNDLE --trust DIR}, run as its own
 * process on a bundle exported by a hub that is then stopped: the genuine bundle holds (exit 0); a changed file, a
 * forged status, a wrong inclusion proof and a checkpoint signed by another key are each refused (exit 1) with the
 * check that fails named.
 *
 * <p>Its own hub, as a child JVM: the point is that the hub is stopped when the bundle is verified, which the shared
 * test context cannot be.
 */
class OfflineVerifierTest {

    private static final Path DATA_DIR = Path.of("target", "offline-verifier-hub", UUID.randomUUID().toString());
    private static final Path VERIFIER = Path.of("..", "testkit", "target", "lienthong-verify.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestPki PKI = TestPki.start();
    private static final TimestampAuthoritySimulator TSA = TimestampAuthoritySimulator.start(TestHub.freePort());
    private static HubProcess hub;
    private static Path trust;
    private static byte[] bundle;
    private static String statusPart;

    @BeforeAll
    static void exportABundleThenStopTheHub() throws Exception {
        Path directory = TestHub.writeDirectory(DATA_DIR, "http://127.0.0.1:" + TestHub.freePort() + "/agency",
                "http://127.0.0.1:" + TestHub.freePort() + "/agency");
        Path anchors = PKI.writeRootPem(DATA_DIR.resolve("trust-anchors"), "test-root-ca.pem").getParent();
        hub = new HubProcess(DATA_DIR, directory, TestHub.freePort(),
                "--hub.trust.anchors=file:" + anchors.toAbsolutePath() + "/*.pem",
                "--hub.archive.tsa.url=" + TSA.url(), "--hub.archive.checkpoint.interval=1s");
        hub.start();

        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(UBND_BA_DINH.organId).type(2, "Quyết định")
                .code("41", "QĐ-SNV").subject("Quyết định về việc kiểm tra hồ sơ chứng cứ")
                .attachment("qd", "Quyết định 41.pdf", "application/pdf");
        HubClient sender = new HubClient(hub.serviceUrl(), SO_NOI_VU.username, SO_NOI_VU.secret);
        String id = sender.send(EnvelopeSigner.sign(message.toBytes(), PKI.signer()), HubClient.Part.bytes("qd",
                "Quyết định 41.pdf", "application/pdf", AdesSigner.padesSign(AdesSigner.blankPdf(), PKI.signer()))).getDocumentId();
        HubClient recipient = new HubClient(hub.serviceUrl(), UBND_BA_DINH.username, UBND_BA_DINH.secret);
        await().atMost(Duration.ofSeconds(60)).until(() -> recipient.pending().contains(id));
        recipient.fetch(id);
        assertThat(recipient.updateStatus(id, EnvelopeSigner.sign(StatusMessage.of(UBND_BA_DINH.organId, SO_NOI_VU.organId,
                message.documentId(), "01", "Đã nhận văn bản", OffsetDateTime.now().withNano(0)), PKI.signer()))).isTrue();

        HttpResponse<byte[]> answer = evidence(id, SO_NOI_VU);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/vnd.etsi.asic-e+zip");
        bundle = answer.body();
        HttpResponse<byte[]> stranger = evidence(id, DemoAgencies.SO_TAI_CHINH);
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(new String(stranger.body(), StandardCharsets.UTF_8)).contains("NOT_A_PARTY");
        assertThat(evidence(id, null).statusCode()).isEqualTo(401);

        hub.stop();
        assertThat(hub.alive()).as("the hub is stopped before anything is verified").isFalse();
        HubSigner demoHubKey = new HubSigner(new DefaultResourceLoader(), "classpath:hub-signing-demo.p12", "demo-hub-signing",
                "lienthong-hub");
        trust = Bundles.trustFolder(DATA_DIR.resolve("verifier-trust"), PKI.root(), demoHubKey.certificate(), TSA.certificate());
        statusPart = Bundles.parts(bundle).keySet().stream().filter(n -> n.startsWith("statuses/")).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) hub.stop();
        TSA.close();
        PKI.close();
    }

    @Test
    void theGenuineBundleHoldsWithTheHubStopped() throws Exception {
        Verification run = verify(bundle);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("HỢP LỆ / VALID", "OK    container signature", "OK    receipt",
                "OK    status " + statusPart + " — signature valid, by")
                .containsPattern("OK    checkpoint \\d+ timestamp — valid")
                .containsPattern("OK    ledger entry \\d+ \\(RECORDED\\) inclusion — proven in checkpoint \\d+")
                .containsPattern("OK    file document/files/0-Quyết định 41\\.pdf signature \\S+ — valid, by")
                .doesNotContain("FAIL");
    }

    @Test
    void aChangedFileIsRefused() throws Exception {
        byte[] doctored = Bundles.withPart(bundle, "document/files/0-Quyết định 41.pdf", pdf -> {
            byte[] changed = pdf.clone();
            changed[changed.length / 3] ^= 0x20;
            return changed;
        });
        Verification run = verify(doctored);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("FAIL  part document/files/0-Quyết định 41.pdf — changed after the hub signed the bundle",
                        "FAIL  file document/files/0-Quyết định 41.pdf — SHA-256")
                .containsPattern("FAIL  ledger entry \\d+ \\(RECORDED\\) content — the envelope and files in the bundle are not those")
                .contains("KHÔNG HỢP LỆ / NOT VALID");
    }

    @Test
    void aForgedStatusIsRefused() throws Exception {
        byte[] forged = EnvelopeSigner.sign(StatusMessage.of(UBND_BA_DINH.organId, SO_NOI_VU.organId, "forged", "06",
                "Đã hoàn thành (giả mạo)", OffsetDateTime.now().withNano(0)), PKI.untrustedSigner());
        Verification run = verify(Bundles.withPart(bundle, statusPart, original -> forged));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("FAIL  status " + statusPart + " — signature valid but its signer is not trusted")
                .containsPattern("FAIL  ledger entry \\d+ \\(STATUS [^)]*\\) content — the status message " + statusPart.replace(".", "\\.")
                        + " is not the one the ledger entered");
    }

    @Test
    void aWrongInclusionProofIsRefused() throws Exception {
        byte[] doctored = Bundles.withPart(bundle, "ledger/entries.json", bytes -> {
            try {
                ObjectNode ledger = (ObjectNode) JSON.readTree(bytes);
                ObjectNode first = (ObjectNode) ledger.path("entries").get(0);
                ArrayNode proof = (ArrayNode) first.path("inclusionProof");
                if (proof.isEmpty()) {
                    proof.add("ab".repeat(32));
                } else {
                    String step = proof.get(0).asText();
                    proof.set(0, JSON.getNodeFactory().textNode((step.charAt(0) == 'a' ? "b" : "a") + step.substring(1)));
                }
                return JSON.writeValueAsBytes(ledger);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Verification run = verify(doctored);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).containsPattern("FAIL  ledger entry \\d+ \\(RECORDED\\) inclusion — its inclusion proof does not "
                + "lead to checkpoint \\d+'s signed root");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() throws Exception {
        String checkpoint = Bundles.parts(bundle).keySet().stream().filter(n -> n.matches("ledger/checkpoint-\\d+\\.xml"))
                .findFirst().orElseThrow();
        var other = PKI.untrustedSigner();
        HubSigner otherKey = new HubSigner(other.key(), other.certificate());
        byte[] doctored = Bundles.withPart(bundle, checkpoint, xml -> resign(xml, otherKey));
        Verification run = verify(doctored);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        String number = checkpoint.replaceAll("\\D", "");
        assertThat(run.output()).contains("FAIL  checkpoint " + number + " signature — signature valid but its signer is not trusted")
                .contains("FAIL  checkpoint " + number + " timestamp — the token is not over this checkpoint");
    }

    /** The checkpoint's content signed again by {@code signer}: the same root, another key. */
    private static byte[] resign(byte[] xml, HubSigner signer) {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            org.w3c.dom.Document document = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
            org.w3c.dom.Node signature = document.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
            signature.getParentNode().removeChild(signature);
            return signer.sign(document, document.getDocumentElement());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> evidence(String id, DemoAgencies agency) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/documents/" + id + "/evidence"));
        if (agency != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (agency.username + ":" + agency.secret).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    record Verification(int exitCode, String output) {
    }

    /** The verifier as a person would run it: its own JVM, the bundle and the trust folder, nothing else. */
    private static Verification verify(byte[] candidate) throws Exception {
        Path file = Files.createTempFile(DATA_DIR, "bundle-", ".asice");
        Files.write(file, candidate);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", VERIFIER.toAbsolutePath().toString(), file.toAbsolutePath().toString(),
                "--trust", trust.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Verification(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
