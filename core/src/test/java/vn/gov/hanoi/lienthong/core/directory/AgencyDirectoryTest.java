package vn.gov.hanoi.lienthong.core.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AgencyDirectoryTest {

    private static final String HASH = "$2a$10$6hNkmt8C9r.bF632NF1vnOubA372/.An4AUwVzUlVFUffHBKoO3c.";

    @Test
    void readsAValidDirectory() throws IOException {
        AgencyDirectory directory = read("""
                agencies:
                  - organId: 000.00.12.H26
                    name: Sở Nội vụ
                    mailbox: sonoivu@hanoi.gov.vn
                    channel: soap-push
                    endpoint: http://127.0.0.1:9101/agency
                    username: so-noi-vu
                    secretHash: %s
                  - organId: 000.01.01.H26
                    name: UBND quận Ba Đình
                    parent: 000.00.12.H26
                    mailbox: ubnd_badinh@badinh.hanoi.gov.vn
                    channel: pull
                    username: ubnd-ba-dinh
                    secretHash: %s
                    state: suspended
                """.formatted(HASH, HASH));
        assertThat(directory.all()).hasSize(2);
        Agency soNoiVu = directory.byOrganId("000.00.12.H26").orElseThrow();
        assertThat(soNoiVu.channel()).isEqualTo(Channel.SOAP_PUSH);
        assertThat(soNoiVu.endpoint()).hasPort(9101);
        assertThat(soNoiVu.mayExchange()).isTrue();
        assertThat(directory.byUsername("ubnd-ba-dinh").orElseThrow().mayExchange()).isFalse();
        assertThat(directory.byOrganId("000.01.01.H26").orElseThrow().parentOrganId()).isEqualTo("000.00.12.H26");
        assertThat(directory.byOrganId("000.00.99.H26")).isEmpty();
    }

    @Test
    void reportsEveryErrorOneLineEach() {
        InvalidDirectoryException error = catchThrowableOfType(InvalidDirectoryException.class, () -> read("""
                agencies:
                  - organId: 000.00.12.H26
                    name: Sở Nội vụ
                    mailbox: sonoivu@hanoi.gov.vn
                    channel: soap-push
                    endpoint: http://127.0.0.1:9101/agency
                    username: so-noi-vu
                    secretHash: %s
                  - organId: 000.00.12.H26
                    name: Sở trùng mã
                    mailbox: sotrungma@hanoi.gov.vn
                    channel: pull
                    username: so-trung-ma
                    secretHash: %s
                  - organId: 000.00.15.H26
                    name: Sở Tài chính
                    mailbox: sotaichinh@gmail.com
                    channel: carrier-pigeon
                    username: so-tai-chinh
                    secretHash: %s
                  - organId: 000.00.16.H26
                    name: Sở Xây dựng
                    mailbox: soxaydung@hanoi.gov.vn.example.com
                    channel: soap-push
                    username: so-xay-dung
                    secretHash: plain-text-secret
                  - organId: H26
                    name: Mã sai
                    parent: 000.00.99.H26
                    mailbox: masai@hanoi.gov.vn
                    channel: pull
                    username: ma-sai
                    secretHash: %s
                """.formatted(HASH, HASH, HASH, HASH)));
        assertThat(error).isNotNull();
        assertThat(error.errors()).containsExactly(
                "test.yaml: agencies[1] (000.00.12.H26): organId 000.00.12.H26 is already used by agencies[0]",
                "test.yaml: agencies[2] (000.00.15.H26): mailbox 'sotaichinh@gmail.com' is not on the hanoi.gov.vn domain (Article 17.2b)",
                "test.yaml: agencies[2] (000.00.15.H26): unknown channel 'carrier-pigeon' (known: soap-push, rest-push, pull, email)",
                "test.yaml: agencies[3] (000.00.16.H26): mailbox 'soxaydung@hanoi.gov.vn.example.com' is not on the hanoi.gov.vn domain (Article 17.2b)",
                "test.yaml: agencies[3] (000.00.16.H26): secretHash must be a bcrypt hash ($2a$/$2b$/$2y$…); never put a secret in clear here",
                "test.yaml: agencies[3] (000.00.16.H26): channel soap-push needs an endpoint",
                "test.yaml: agencies[4] (H26): organId 'H26' is not an organ code like 000.00.12.H26",
                "test.yaml: agencies[4] (H26): parent 000.00.99.H26 is not in the directory");
        assertThat(error.getMessage()).contains("8 error(s)");
    }

    @Test
    void certificatesAreSha256FingerprintsAndABadOneIsReported() throws IOException {
        String fingerprint = "AB:".repeat(31) + "CD";
        AgencyDirectory directory = read("""
                agencies:
                  - organId: 000.00.12.H26
                    name: Sở Nội vụ
                    mailbox: sonoivu@hanoi.gov.vn
                    channel: pull
                    username: so-noi-vu
                    secretHash: %s
                    certificates: ["%s"]
                """.formatted(HASH, fingerprint));
        assertThat(directory.byOrganId("000.00.12.H26").orElseThrow().certificateSha256())
                .containsExactly("ab".repeat(31) + "cd");

        InvalidDirectoryException error = catchThrowableOfType(InvalidDirectoryException.class, () -> read("""
                agencies:
                  - organId: 000.00.12.H26
                    name: Sở Nội vụ
                    mailbox: sonoivu@hanoi.gov.vn
                    channel: pull
                    username: so-noi-vu
                    secretHash: %s
                    certificates: ["not-a-fingerprint"]
                """.formatted(HASH)));
        assertThat(error.errors()).containsExactly("test.yaml: agencies[0] (000.00.12.H26): certificates[0] "
                + "'not-a-fingerprint' is not a SHA-256 fingerprint (64 hex digits, as `openssl x509 -noout -fingerprint -sha256` prints it)");
    }

    private static AgencyDirectory read(String yaml) throws IOException {
        return AgencyDirectory.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }
}
