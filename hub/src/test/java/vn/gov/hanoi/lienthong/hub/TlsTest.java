package vn.gov.hanoi.lienthong.hub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.pki.Credential;
import vn.gov.hanoi.lienthong.testkit.pki.TlsCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/**
 * The hub on HTTPS, as the production profile runs it: its own server certificate, client certificates of
 * agency systems verified and, where the directory pins one, required; pushes that trust only the configured
 * CAs. Certificates are made in the test; everything runs on loopback.
 *
 * <p>Its own hub, as a child JVM: TLS is the server's configuration from the start, which the shared test
 * context does not have. Its actuator stays on a plain management port, where start-up waits for health.
 */
class TlsTest {

    private static final Path DATA_DIR = Path.of("target", "tls-hub", UUID.randomUUID().toString());
    /** The city's TLS authority: the hub's server certificate and the agency systems' client certificates. */
    private static final TlsCertificates CITY = TlsCertificates.authority("Liên Thông test TLS CA");
    /** An authority the hub does not trust, behind one agency's push endpoint. */
    private static final TlsCertificates STRANGER = TlsCertificates.authority("Untrusted TLS CA");
    private static final Credential BA_DINH_CLIENT = CITY.client("ubnd-ba-dinh");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HubProcess hub;
    private static int port;
    private static UntrustedPushEndpoint untrustedEndpoint;

    @BeforeAll
    static void startHub() throws Exception {
        untrustedEndpoint = new UntrustedPushEndpoint(STRANGER.sslContext(STRANGER.server("so-tai-chinh")));
        Path directory = TestHub.writeDirectory(DATA_DIR, "http://127.0.0.1:" + TestHub.freePort() + "/agency",
                "https://127.0.0.1:" + untrustedEndpoint.port() + "/agency");
        // Quận Ba Đình's system must present its client certificate.
        Files.writeString(directory, Files.readString(directory).replace("    username: ubnd-ba-dinh\n",
                "    username: ubnd-ba-dinh\n    clientCertificate: " + TlsCertificates.sha256(BA_DINH_CLIENT.certificate()) + "\n"));
        Path tls = DATA_DIR.resolve("tls");
        Path keyStore = TlsCertificates.writeKeyStore(CITY.server("lienthong-hub"), tls.resolve("hub.p12"));
        Path clientCas = CITY.writeTrustStore(tls.resolve("agency-client-cas.p12"));
        Path pushCas = CITY.writePem(tls.resolve("push-cas.pem"));
        port = TestHub.freePort();
        int managementPort = TestHub.freePort();
        String password = new String(TlsCertificates.PASSWORD);
        hub = new HubProcess("512m", DATA_DIR, directory, port,
                "--server.ssl.enabled=true",
                "--server.ssl.key-store=" + keyStore.toAbsolutePath(),
                "--server.ssl.key-store-password=" + password,
                "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.client-auth=want",
                "--server.ssl.trust-store=" + clientCas.toAbsolutePath(),
                "--server.ssl.trust-store-password=" + password,
                "--server.ssl.trust-store-type=PKCS12",
                "--management.server.port=" + managementPort,
                "--management.server.ssl.enabled=false",
                "--hub.delivery.tls.trust-anchors=file:" + pushCas.toAbsolutePath(),
                "--hub.delivery.max-attempts=3") {
            @Override
            protected String healthUrl() {
                return "http://127.0.0.1:" + managementPort + "/actuator/health/readiness";
            }
        };
        hub.start();
    }

    @AfterAll
    static void stopHub() throws Exception {
        if (hub != null) hub.stop();
        if (untrustedEndpoint != null) untrustedEndpoint.close();
    }

    @Test
    void theHubServesHttpsAndNotPlainHttp() throws Exception {
        HttpResponse<String> pending = get(CITY.sslContext(null), SO_NOI_VU, "/api/v1/documents/pending");
        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(200);
        assertThat(pending.body()).contains("documentIds");

        Throwable plain = catchThrowable(() -> {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/documents/pending")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("plain HTTP on the TLS port").isNotEqualTo(200);
        });
        assertThat(plain == null || plain instanceof IOException).as(String.valueOf(plain)).isTrue();
    }

    @Test
    void anAgencyWhoseDirectoryEntryPinsAClientCertificateMustPresentIt() throws Exception {
        HttpResponse<String> without = get(CITY.sslContext(null), UBND_BA_DINH, "/api/v1/documents/pending");
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(without.body()).path("code").asText()).isEqualTo("CLIENT_CERTIFICATE_REQUIRED");

        HttpResponse<String> another = get(CITY.sslContext(CITY.client("another-system")), UBND_BA_DINH, "/api/v1/documents/pending");
        assertThat(another.statusCode()).as("a trusted certificate, but not the registered one").isEqualTo(403);

        HttpResponse<String> with = get(CITY.sslContext(BA_DINH_CLIENT), UBND_BA_DINH, "/api/v1/documents/pending");
        assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
    }

    @Test
    void aPushToAnEndpointWithAnUntrustedCertificateFailsAsADeliveryAttemptAndIsRetried() throws Exception {
        RestClient rest = RestClient.builder().baseUrl("https://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder().sslContext(CITY.sslContext(null)).build()))
                .defaultHeaders(headers -> headers.setBasicAuth(SO_NOI_VU.username, SO_NOI_VU.secret, StandardCharsets.UTF_8))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        ResponseEntity<String> sent = RestCalls.send(rest, RestCalls.multipart(
                DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).toBytes(), Map.of(), Map.of()));
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(201);
        String id = JSON.readTree(sent.getBody()).path("documentId").asText();

        await().atMost(Duration.ofSeconds(60)).until(() -> deliveryState(rest, id).equals("FAILED"));
        assertThat(untrustedEndpoint.connections()).as("TLS handshakes attempted: every attempt, retried").isGreaterThanOrEqualTo(3);
        String log = Files.readString(DATA_DIR.resolve("hub-run-1.log"));
        // One line per attempt naming the TLS failure itself (the root cause under CXF's "Could not send Message.").
        assertThat(log).contains("Delivery attempt 1 of", "unable to find valid certification path");
    }

    private static String deliveryState(RestClient rest, String id) throws Exception {
        JsonNode history = JSON.readTree(rest.get().uri("/api/v1/documents/" + id + "/history").retrieve().body(String.class));
        for (JsonNode recipient : history.path("recipients")) {
            if (recipient.path("organId").asText().equals(SO_TAI_CHINH.organId)) return recipient.path("deliveryState").asText();
        }
        return "";
    }

    private static HttpResponse<String> get(SSLContext tls, DemoAgencies agency, String path) throws Exception {
        return HttpClient.newBuilder().sslContext(tls).build().send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (agency.username + ":" + agency.secret).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An agency endpoint on TLS with a certificate of an authority the hub does not trust; counts the handshakes tried. */
    private static final class UntrustedPushEndpoint implements AutoCloseable {
        private final SSLServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();
        private final Thread acceptor;

        UntrustedPushEndpoint(SSLContext tls) throws IOException {
            socket = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::accept, "untrusted-push-endpoint");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try (SSLSocket client = (SSLSocket) socket.accept()) {
                    connections.incrementAndGet();
                    client.setSoTimeout(5_000);
                    client.startHandshake();
                } catch (IOException expected) {
                    // The hub aborts the handshake: it does not trust this certificate.
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
