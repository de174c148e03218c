package vn.gov.hanoi.lienthong.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import vn.gov.hanoi.lienthong.testkit.process.ChildHub;

/** Files and ports for a hub under test: a fresh data directory and the demo directory pointed at the simulators. */
final class TestHub {

    private TestHub() {
    }

    static int freePort() {
        return ChildHub.freePort();
    }

    /** A push agency whose system is never up: nothing listens at its endpoint. */
    static final String OFFLINE_ORGAN_ID = "000.00.77.H26";
    static final String PORTAL_ORGAN_ID = "000.00.03.H26";
    static final String PORTAL_MAILBOX = "conggiaotiepdientu@hanoi.gov.vn";
    /** An agency without a document system: documents go to its official mailbox. */
    static final String MAIL_ORGAN_ID = "000.00.88.H26";
    static final String MAIL_ORGAN_MAILBOX = "xathunghiem@hanoi.gov.vn";
    /** An agency whose system takes pushes over REST (channel rest-push); its system signs in as so-tttt. */
    static final String REST_ORGAN_ID = "000.00.66.H26";
    /** The conformance kit's own agency (a pull agency, in the demo directory): bo-kiem-thu / demo-kiemthu-2026. */
    static final String KIT_ORGAN_ID = "000.00.98.H26";
    /** Where the REST agency's simulated system listens, when the test sets one up (else nothing listens). */
    static String restAgencyEndpoint = "http://127.0.0.1:" + freePort() + "/agency";

    /**
     * The demo directory with the two push agencies' endpoints replaced by the given addresses, and one more
     * push agency whose endpoint nothing listens on.
     */
    static Path writeDirectory(Path dataDir, String soNoiVuEndpoint, String soTaiChinhEndpoint) {
        try (InputStream in = TestHub.class.getClassLoader().getResourceAsStream("agencies.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("http://localhost:9101/agency", soNoiVuEndpoint)
                    .replace("http://localhost:9102/agency", soTaiChinhEndpoint)
                    // The portal publishes what it receives in its mailbox (Article 6.4: "by e-mail, as the regulation says").
                    .replace("channel: pull\n    username: cong-thong-tin", "channel: email\n    username: cong-thong-tin")
                    + """
                      - organId: %s
                        name: Sở Thử nghiệm (hệ thống ngừng hoạt động)
                        mailbox: thunghiem@hanoi.gov.vn
                        channel: soap-push
                        endpoint: http://127.0.0.1:%d/agency
                        username: offline-test
                        secretHash: $2a$10$6hNkmt8C9r.bF632NF1vnOubA372/.An4AUwVzUlVFUffHBKoO3c.
                      - organId: %s
                        name: Ủy ban nhân dân xã Thử Nghiệm
                        mailbox: %s
                        channel: email
                        username: xa-thu-nghiem
                        secretHash: $2a$10$6hNkmt8C9r.bF632NF1vnOubA372/.An4AUwVzUlVFUffHBKoO3c.
                      - organId: %s
                        name: Sở Thông tin và Truyền thông (hệ thống REST)
                        mailbox: sotttt@hanoi.gov.vn
                        channel: rest-push
                        endpoint: %s
                        username: so-tttt
                        secretHash: $2a$10$6hNkmt8C9r.bF632NF1vnOubA372/.An4AUwVzUlVFUffHBKoO3c.
                    """.formatted(OFFLINE_ORGAN_ID, freePort(), MAIL_ORGAN_ID, MAIL_ORGAN_MAILBOX, REST_ORGAN_ID,
                            restAgencyEndpoint);
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("agencies.yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plausible PDF: a real header and trailer around random bytes of the given size. */
    static byte[] pdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] trailer = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(trailer, 0, bytes, size - trailer.length, trailer.length);
        return bytes;
    }
}
