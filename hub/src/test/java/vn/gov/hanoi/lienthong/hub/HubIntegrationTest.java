package vn.gov.hanoi.lienthong.hub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.gov.hanoi.lienthong.schemas.ws.edoc.HubFault;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.pki.TestPki;
import vn.gov.hanoi.lienthong.testkit.simulator.AgencySimulator;
import vn.gov.hanoi.lienthong.testkit.simulator.RestAgencySimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The base of the tests that talk to one running hub over real HTTP on loopback: embedded Artemis and
 * PostgreSQL, the demo directory, and simulators for its two push agencies. Every subclass shares the same
 * Spring context (same annotations, same properties), so the servers start once for the whole suite.
 */
@CamelSpringBootTest
// Camel's MBeans, as the running hub has them: the operators' console (Hawtio, Jolokia) reads them.
@org.apache.camel.test.spring.junit5.DisableJmx(false)
// Metrics export as the running hub has it (Spring Boot's tests switch it off): /actuator/prometheus.
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = LienThongHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The city's Kafka, in process: lifecycle events are on for the whole suite (LifecycleEventsTest reads them).
@org.springframework.kafka.test.context.EmbeddedKafka(kraft = true, partitions = 3, topics = LifecycleEventLog.TOPIC,
        bootstrapServersProperty = "hub.events.kafka.bootstrap-servers")
abstract class HubIntegrationTest {

    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    static final Duration WATCHDOG_INTERVAL = Duration.ofMillis(300);
    static final Duration PUSH_DEADLINE = Duration.ofSeconds(2);
    static final Duration ARRIVAL_STATUS_DEADLINE = Duration.ofSeconds(3);
    /** Prometheus's bearer token for the scrape, and the SHA-256 the hub keeps of it. */
    static final String SCRAPE_TOKEN = "scrape-token-for-the-tests-0123456789";
    static final String SCRAPE_TOKEN_SHA256 = "ec696a564fcdcfb5970b74768ddd494dfcebc2e94960a7e669c1f260e4d0dc73";

    // The simulators live as long as the shared Spring context: the whole test JVM.
    static final AgencySimulator SO_NOI_VU_SYSTEM = AgencySimulator.start(TestHub.freePort());
    static final AgencySimulator SO_TAI_CHINH_SYSTEM = AgencySimulator.start(TestHub.freePort());
    /** The REST agency's system (TestHub.REST_ORGAN_ID), taking pushes over REST. */
    static final RestAgencySimulator SO_TTTT_REST_SYSTEM = startRestSystem();
    static final Path DATA_DIR = Path.of("target", "test-hub", UUID.randomUUID().toString());
    /** The government PKI of the tests: its root is the hub's only trust anchor. */
    static final TestPki PKI = TestPki.start();
    /** The city's mail server: SMTP for everyone, IMAP for the hub's own mailbox. */
    static final GreenMail MAIL_SERVER = startMailServer();
    static final String HUB_MAILBOX = "lienthong@hanoi.gov.vn";
    static final String HUB_MAILBOX_LOGIN = "lienthong";
    static final String HUB_MAILBOX_PASSWORD = "hop-thu-truc-2026";
    /** The e-mail agency's official mailbox, as its clerk logs in to it. */
    static final String MAIL_ORGAN_LOGIN = "xathunghiem";
    static final String MAIL_ORGAN_PASSWORD = "hop-thu-xa-2026";
    /** A second trusted PKI whose revocation data the hub has never fetched (for the held-document case). */
    static final TestPki OTHER_PKI = TestPki.start();
    /** A third trusted PKI, for the alert on revocation sources that do not answer (AlertTest). */
    static final TestPki ALERT_PKI = TestPki.start();
    /** The operators' webhook, and their mailing list on the city's mail server (AlertTest). */
    static final vn.gov.hanoi.lienthong.testkit.simulator.WebhookReceiver OPERATORS_WEBHOOK =
            vn.gov.hanoi.lienthong.testkit.simulator.WebhookReceiver.start(TestHub.freePort());
    static final String OPERATORS_LIST = "vanhanh-lienthong@hanoi.gov.vn";
    static final Duration ALERT_REMINDER = Duration.ofSeconds(2);
    /** A trust anchor that ends in 20 days: its expiry alert (AlertTest) — it signs nothing. */
    static final Path SHORT_LIVED_ANCHOR = DATA_DIR.resolve("trust").resolve("short-lived-root.pem");
    /** The hub's HTTPS key store as configured (server.ssl.key-store; HTTPS itself off here): ends in 20 days (AlertTest). */
    static final Path TLS_KEY_STORE = DATA_DIR.resolve("tls").resolve("hub-tls.p12");
    static final String TLS_KEY_STORE_PASSWORD = "tls-test-2026";
    /** The city's OpenID Connect provider (a Keycloak realm's shape), signing people in beside the user file. */
    static final vn.gov.hanoi.lienthong.testkit.simulator.OidcProvider CITY_PROVIDER =
            vn.gov.hanoi.lienthong.testkit.simulator.OidcProvider.start(TestHub.freePort(), "lienthong-hub", "oidc-client-secret-2026");
    /** The city's RFC 3161 time-stamping authority, which the ledger's checkpoints are sent to (ArchiveTest, AlertTest). */
    static final vn.gov.hanoi.lienthong.testkit.simulator.TimestampAuthoritySimulator TSA =
            vn.gov.hanoi.lienthong.testkit.simulator.TimestampAuthoritySimulator.start(TestHub.freePort());
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    /** The provider's roles that the hub maps to its own. */
    static final String PROVIDER_OPERATOR_ROLE = "lienthong-van-hanh";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        Path directory = TestHub.writeDirectory(DATA_DIR, SO_NOI_VU_SYSTEM.address(), SO_TAI_CHINH_SYSTEM.address());
        registry.add("hub.data-dir", () -> DATA_DIR.toAbsolutePath().toString());
        // Spring Boot's tests leave JMX off unless asked; the hub's own managed beans are part of what it runs.
        registry.add("spring.jmx.enabled", () -> "true");
        registry.add("hub.directory", () -> "file:" + directory.toAbsolutePath());
        registry.add("hub.delivery.initial-delay", () -> "200ms");
        registry.add("hub.delivery.max-delay", () -> "2s");
        // Enough attempts (about 9 s with these delays) for an agency to come back within the conformance kit's window,
        // and for an alert on an unreachable recipient to be raised and reminded before its delivery fails (AlertTest).
        registry.add("hub.delivery.max-attempts", () -> "8");
        registry.add("hub.metrics.backlog-refresh", () -> "300ms");
        // The watchdog's deadlines, short enough for a test to pass them (WatchdogTest).
        registry.add("hub.watchdog.interval", () -> WATCHDOG_INTERVAL.toMillis() + "ms");
        registry.add("hub.watchdog.hand-over.soap-push", () -> PUSH_DEADLINE.toMillis() + "ms");
        registry.add("hub.watchdog.arrival-status", () -> ARRIVAL_STATUS_DEADLINE.toMillis() + "ms");
        registry.add("hub.metrics.scrape-token-sha256", () -> SCRAPE_TOKEN_SHA256);
        registry.add("hub.mail.smtp.host", () -> "127.0.0.1");
        registry.add("hub.mail.smtp.port", () -> MAIL_SERVER.getSmtp().getPort());
        registry.add("hub.mail.from", () -> HUB_MAILBOX);
        registry.add("hub.mail.imap.enabled", () -> "true");
        registry.add("hub.mail.imap.protocol", () -> "imap");
        registry.add("hub.mail.imap.host", () -> "127.0.0.1");
        registry.add("hub.mail.imap.port", () -> MAIL_SERVER.getImap().getPort());
        registry.add("hub.mail.imap.username", () -> HUB_MAILBOX_LOGIN);
        registry.add("hub.mail.imap.password", () -> HUB_MAILBOX_PASSWORD);
        registry.add("hub.mail.imap.poll-interval", () -> "300ms");
        Path trust = PKI.writeRootPem(DATA_DIR.resolve("trust"), "test-root-ca.pem");
        OTHER_PKI.writeRootPem(DATA_DIR.resolve("trust"), "other-test-root-ca.pem");
        ALERT_PKI.writeRootPem(DATA_DIR.resolve("trust"), "alert-test-root-ca.pem");
        writeShortLivedAnchor(SHORT_LIVED_ANCHOR, Duration.ofDays(20));
        writeTlsKeyStore(TLS_KEY_STORE, Duration.ofDays(20));
        registry.add("server.ssl.enabled", () -> "false");
        registry.add("server.ssl.key-store", () -> "file:" + TLS_KEY_STORE.toAbsolutePath());
        registry.add("server.ssl.key-store-password", () -> TLS_KEY_STORE_PASSWORD);
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("hub.trust.anchors", () -> "file:" + trust.getParent().toAbsolutePath() + "/*.pem");
        registry.add("hub.alerts.interval", () -> "300ms");
        registry.add("hub.alerts.publish-interval", () -> "200ms");
        registry.add("hub.alerts.reminder", () -> ALERT_REMINDER.toMillis() + "ms");
        registry.add("hub.alerts.unreachable-after", () -> "2s");
        registry.add("hub.alerts.mail-to", () -> OPERATORS_LIST);
        registry.add("hub.alerts.webhook-url", OPERATORS_WEBHOOK::url);
        registry.add("hub.oidc.enabled", () -> "true");
        registry.add("hub.oidc.roles[" + PROVIDER_OPERATOR_ROLE + "]", () -> "operator");
        registry.add("spring.security.oauth2.client.registration.city.client-id", () -> "lienthong-hub");
        registry.add("spring.security.oauth2.client.registration.city.client-secret", () -> "oidc-client-secret-2026");
        registry.add("spring.security.oauth2.client.registration.city.scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.provider.city.issuer-uri", CITY_PROVIDER::issuer);
        registry.add("hub.archive.tsa.url", TSA::url);
        registry.add("hub.archive.tsa.timeout", () -> "2s");
        registry.add("hub.archive.checkpoint.interval", () -> CHECKPOINT_INTERVAL.toMillis() + "ms");
        registry.add("hub.archive.search.interval", () -> "300ms");
        // A destruction run leaves alone content stored again in the last hour (a document being received may refer to
        // it); RetentionTest destroys documents it has just sent.
        registry.add("hub.archive.destruction.keep-recently-stored", () -> "PT0S");
        registry.add("hub.events.kafka.enabled", () -> "true");
        registry.add("hub.events.kafka.publish-interval", () -> "200ms");
    }

    /** A key store with one key and its self-signed certificate, ending after {@code validity}. */
    static void writeTlsKeyStore(Path file, Duration validity) {
        try {
            java.security.KeyPair keys = rsaKeys();
            java.security.cert.X509Certificate certificate = selfSigned(keys, "CN=lienthong.hanoi.gov.vn,O=Lien Thong tests,C=VN",
                    validity, new org.bouncycastle.asn1.x509.BasicConstraints(false));
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("lienthong-https", keys.getPrivate(), TLS_KEY_STORE_PASSWORD.toCharArray(),
                    new java.security.cert.Certificate[] {certificate});
            java.nio.file.Files.createDirectories(file.getParent());
            try (var out = java.nio.file.Files.newOutputStream(file)) {
                store.store(out, TLS_KEY_STORE_PASSWORD.toCharArray());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static java.security.KeyPair rsaKeys() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static java.security.cert.X509Certificate selfSigned(java.security.KeyPair keys, String subject, Duration validity,
                                                         org.bouncycastle.asn1.x509.BasicConstraints constraints) throws Exception {
        org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name(subject);
        java.time.Instant now = java.time.Instant.now();
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                .getCertificate(new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name,
                        java.math.BigInteger.valueOf(now.toEpochMilli()), java.util.Date.from(now.minus(Duration.ofDays(1))),
                        java.util.Date.from(now.plus(validity)), name, keys.getPublic())
                        .addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true, constraints)
                        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    /** A root certificate (path length 0) that ends after {@code validity}, as PEM: a trust anchor that signs nothing. */
    static void writeShortLivedAnchor(Path file, Duration validity) {
        try {
            java.security.cert.X509Certificate root = selfSigned(rsaKeys(), "CN=Short-lived Test Root,O=Lien Thong tests,C=VN",
                    validity, new org.bouncycastle.asn1.x509.BasicConstraints(0));
            java.io.StringWriter pem = new java.io.StringWriter();
            try (org.bouncycastle.openssl.jcajce.JcaPEMWriter writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(pem)) {
                writer.writeObject(root);
            }
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, pem.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RestAgencySimulator startRestSystem() {
        RestAgencySimulator system = RestAgencySimulator.start(TestHub.freePort(), "sotttt");
        TestHub.restAgencyEndpoint = system.address();
        return system;
    }

    /** Has the hub read its directory file again (POST /actuator/directory); fails unless it applied it. */
    void reloadDirectory() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/actuator/directory"))
                        .header("Authorization", vn.gov.hanoi.lienthong.testkit.people.DemoPeople.OPERATOR.basicAuthorization())
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"Danh bạ thử nghiệm đã đổi\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"applied\":true");
    }

    private static GreenMail startMailServer() {
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(TestHub.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(TestHub.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
        server.setUser(HUB_MAILBOX, HUB_MAILBOX_LOGIN, HUB_MAILBOX_PASSWORD);
        server.setUser(TestHub.MAIL_ORGAN_MAILBOX, MAIL_ORGAN_LOGIN, MAIL_ORGAN_PASSWORD);
        return server;
    }

    /**
     * A document from Sở Nội vụ to Sở Tài chính sent while Sở Tài chính's system is down, so that its delivery
     * FAILED; the system is up again when this returns.
     *
     * @return the document's hub id
     */
    String documentWhoseDeliveryFailed(String number, String subject) throws Exception {
        SO_TAI_CHINH_SYSTEM.setAvailable(false);
        try {
            String documentId = client(DemoAgencies.SO_NOI_VU).send(vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage
                    .from(DemoAgencies.SO_NOI_VU.organId).to(DemoAgencies.SO_TAI_CHINH.organId).type(18, "Công văn")
                    .code(number, "SNV-VP").subject(subject).toBytes()).getDocumentId();
            org.awaitility.Awaitility.await().atMost(DELIVERY_TIMEOUT).until(() -> client(DemoAgencies.SO_NOI_VU).history(documentId)
                    .getRecipient().stream().anyMatch(r -> r.getDeliveryState().equals("FAILED")));
            return documentId;
        } finally {
            SO_TAI_CHINH_SYSTEM.setAvailable(true);
        }
    }

    HubClient client(DemoAgencies agency) {
        return new HubClient(serviceUrl(), agency.username, agency.secret);
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + port + "/ws/edoc";
    }

    /**
     * One Jolokia request to the operators' console as this person, as Hawtio sends it; the answer's JSON (Jolokia
     * answers 200 and puts its own status, 403 for a refusal of its policy, in the body).
     */
    com.fasterxml.jackson.databind.JsonNode jolokia(vn.gov.hanoi.lienthong.testkit.people.DemoPeople person, String body)
            throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/actuator/jolokia"))
                        .header("Authorization", person.basicAuthorization()).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    /** The reason code of the HubFault the call raises; fails if it raises none. */
    static String faultCode(ThrowingCall call) {
        HubFault fault = catchThrowableOfType(HubFault.class, call::run);
        assertThat(fault).as("the hub refuses the call with a HubFault").isNotNull();
        assertThat(fault.getFaultInfo()).as("the fault carries its reason").isNotNull();
        assertThat(fault.getFaultInfo().getMessageVi()).isNotBlank();
        assertThat(fault.getFaultInfo().getMessageEn()).isNotBlank();
        return fault.getFaultInfo().getCode();
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
