package vn.gov.hanoi.lienthong.hub;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.testkit.cli.LienThongClient;
import vn.gov.hanoi.lienthong.testkit.pki.DemoPki;
import vn.gov.hanoi.lienthong.testkit.simulator.ReceivedDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * The README's onboarding, as a newcomer with only Java follows it: the client writes a PDF, signs it and the
 * envelope with the embedded demo's signer and sends it; the embedded default verifies both signatures with
 * no network (the demo CA's root and CRL are packed with the hub) and delivers the document electronically
 * only. And the demo CA itself: what the hub packs is what the client signs with, clearly marked, current.
 */
class OnboardingTest extends HubIntegrationTest {

    private static final Pattern SENT = Pattern.compile("Sent: ([0-9a-f-]{36})");

    @Test
    void aDocumentSignedWithTheDemoSignerIsVerifiedAndDeliveredElectronicallyOnly() throws Exception {
        Path work = Files.createDirectories(DATA_DIR.resolve("onboarding"));
        Path pdf = work.resolve("cong-van-thu-nghiem.pdf");
        assertThat(client("sample-pdf", pdf.toString())).contains("Sample PDF written");

        String output = client("--hub", serviceUrl(), "--user", SO_NOI_VU.username, "--secret", SO_NOI_VU.secret,
                "send", "--from", SO_NOI_VU.organId, "--to", SO_TAI_CHINH.organId, "--sign-demo", pdf.toString());
        assertThat(output).contains("Signed by CN=Người ký DEMO");
        Matcher sent = SENT.matcher(output);
        assertThat(sent.find()).as(output).isTrue();
        String id = sent.group(1);

        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        // Electronic only: the envelope's signature verified (an unsigned or unverifiable one needs paper), and a
        // PDF signature other than TOTAL_PASSED would have refused the document.
        assertThat(client(SO_NOI_VU).history(id).getRecipient())
                .extracting(RecipientState::getDeliveryState, RecipientState::getPaperRequirement)
                .containsExactly(tuple("DELIVERED", "ELECTRONIC_ONLY"));
        ReceivedDocument received = SO_TAI_CHINH_SYSTEM.document(id);
        assertThat(new String(received.envelope(), StandardCharsets.UTF_8)).contains("<ds:Signature", "<ds:X509Certificate>");
    }

    @Test
    void theClientPrintsTheBcryptHashOfASecretThatTheHubAccepts() throws Exception {
        java.io.InputStream standardIn = System.in;
        String printed;
        synchronized (System.class) {
            System.setIn(new java.io.ByteArrayInputStream("bi-mat-cua-so-tttt-2026\n".getBytes(StandardCharsets.UTF_8)));
            try {
                printed = client("hash-secret");
            } finally {
                System.setIn(standardIn);
            }
        }
        String hash = printed.strip();
        assertThat(hash).matches("\\$2a\\$10\\$[./A-Za-z0-9]{53}");
        assertThat(new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().matches("bi-mat-cua-so-tttt-2026", hash))
                .as("the hash the directory's secretHash takes").isTrue();
    }

    @Test
    void theDemoCaPackedWithTheHubIsTheOneTheClientSignsWithMarkedAndCurrentForYears() throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate packedRoot;
        X509CRL packedCrl;
        try (InputStream root = resource("demo-pki/" + DemoPki.ROOT_FILE); InputStream crl = resource("demo-pki/" + DemoPki.CRL_FILE)) {
            packedRoot = (X509Certificate) x509.generateCertificate(root);
            packedCrl = (X509CRL) x509.generateCRL(crl);
        }
        X509Certificate signer = DemoPki.signer().certificate();
        assertThat(DemoPki.root()).isEqualTo(packedRoot);
        signer.verify(packedRoot.getPublicKey());
        packedCrl.verify(packedRoot.getPublicKey());
        assertThat(packedCrl.isRevoked(signer)).isFalse();
        assertThat(packedRoot.getSubjectX500Principal().getName()).contains("DEMO", "KHÔNG CÓ GIÁ TRỊ PHÁP LÝ");
        assertThat(signer.getSubjectX500Principal().getName()).contains("DEMO", "KHÔNG CÓ GIÁ TRỊ PHÁP LÝ");
        Date fiveYears = Date.from(Instant.now().plus(java.time.Duration.ofDays(5 * 365)));
        assertThat(signer.getNotAfter()).isAfter(fiveYears);
        assertThat(packedCrl.getNextUpdate()).isAfterOrEqualTo(signer.getNotAfter());
    }

    private static InputStream resource(String name) {
        InputStream in = OnboardingTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name + " on the hub's class path").isNotNull();
        return in;
    }

    /**
     * Runs the client's command line as a newcomer would, and returns what it printed — through writers of its
     * own, so the hub's log lines from other threads never mix in.
     */
    private static String client(String... arguments) {
        java.io.StringWriter printed = new java.io.StringWriter();
        int exit = new CommandLine(new LienThongClient()).setOut(new java.io.PrintWriter(printed, true)).execute(arguments);
        String output = printed.toString();
        assertThat(exit).as(output).isZero();
        return output;
    }
}
