package vn.gov.hanoi.lienthong.core.signature;

import java.nio.charset.StandardCharsets;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.core.edxml.EdxmlReader;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.pki.EnvelopeSigner;
import vn.gov.hanoi.lienthong.testkit.pki.TestPki;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of signature gets its verdict: against a PKI built here, with its CRL and OCSP responder on loopback. */
class EnvelopeSignatureVerifierTest {

    private static TestPki pki;
    private static EnvelopeSignatureVerifier verifier;
    private static final EdxmlReader EDXML = new EdxmlReader();

    @BeforeAll
    static void buildPki() {
        pki = TestPki.start();
        verifier = new EnvelopeSignatureVerifier(EDXML, new TrustAnchors(Set.of(new TrustAnchor(pki.root(), null))),
                new CrlCache(Duration.ofSeconds(2), Clock.systemUTC()),
                new OcspCache(Duration.ofSeconds(2), Duration.ofMinutes(10), Clock.systemUTC()));
    }

    @AfterAll
    static void stopPki() {
        pki.close();
    }

    private static byte[] envelope() {
        return DocumentMessage.from("000.00.12.H26").to("000.00.15.H26").subject("Quyết định về việc cử cán bộ").toBytes();
    }

    @Test
    void aValidSignatureVerifies() {
        byte[] signed = EnvelopeSigner.sign(envelope(), pki.signer());
        SignatureResult result = verifier.verify(signed, Instant.now());
        assertThat(result.verdict()).as(result.detail()).isEqualTo(Verdict.VALID);
        assertThat(result.signer()).contains("Nguyen Van An");
        assertThat(EDXML.schemaViolations(signed)).as("a signed envelope is still valid edXML").isEmpty();
    }

    @Test
    void aChangedEnvelopeIsTampered() {
        String signed = new String(EnvelopeSigner.sign(envelope(), pki.signer()), StandardCharsets.UTF_8);
        String changed = signed.replace("cử cán bộ", "cử cán bộ khác");
        assertThat(changed).isNotEqualTo(signed);
        assertThat(verifier.verify(changed.getBytes(StandardCharsets.UTF_8), Instant.now()).verdict()).isEqualTo(Verdict.TAMPERED);
    }

    @Test
    void anExpiredCertificateIsExpired() {
        assertThat(verifier.verify(EnvelopeSigner.sign(envelope(), pki.expiredSigner()), Instant.now()).verdict())
                .isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void aRevokedCertificateIsRevoked() {
        SignatureResult result = verifier.verify(EnvelopeSigner.sign(envelope(), pki.revokedSigner()), Instant.now());
        assertThat(result.verdict()).as(result.detail()).isEqualTo(Verdict.REVOKED);
    }

    @Test
    void aCertificateUnderAnotherRootIsUntrusted() {
        assertThat(verifier.verify(EnvelopeSigner.sign(envelope(), pki.untrustedSigner()), Instant.now()).verdict())
                .isEqualTo(Verdict.UNTRUSTED);
    }

    @Test
    void anEncryptionOnlyCertificateMayNotSign() {
        assertThat(verifier.verify(EnvelopeSigner.sign(envelope(), pki.encryptionOnlySigner()), Instant.now()).verdict())
                .isEqualTo(Verdict.WRONG_KEY_USAGE);
    }

    @Test
    void anUnsignedEnvelopeIsUnsigned() {
        assertThat(verifier.verify(envelope(), Instant.now()).verdict()).isEqualTo(Verdict.UNSIGNED);
    }

    @Test
    void whenRevocationCannotBeCheckedTheVerdictWaits() {
        EnvelopeSignatureVerifier fresh = new EnvelopeSignatureVerifier(EDXML,
                new TrustAnchors(Set.of(new TrustAnchor(pki.root(), null))), new CrlCache(Duration.ofSeconds(2), Clock.systemUTC()),
                new OcspCache(Duration.ofSeconds(2), Duration.ofMinutes(10), Clock.systemUTC()));
        pki.revocationServicesDown(true);
        try {
            SignatureResult result = fresh.verify(EnvelopeSigner.sign(envelope(), pki.signer()), Instant.now());
            assertThat(result.verdict()).as(result.detail())
                    .isEqualTo(Verdict.INDETERMINATE);
        } finally {
            pki.revocationServicesDown(false);
        }
    }
}
