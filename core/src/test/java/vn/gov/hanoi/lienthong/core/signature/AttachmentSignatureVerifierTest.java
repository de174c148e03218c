package vn.gov.hanoi.lienthong.core.signature;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.core.signature.AttachmentSignatureVerifier.AttachmentSignature;
import vn.gov.hanoi.lienthong.core.signature.AttachmentSignatureVerifier.SignedFile;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;
import vn.gov.hanoi.lienthong.testkit.pki.AdesSigner;
import vn.gov.hanoi.lienthong.testkit.pki.TestPki;

import static org.assertj.core.api.Assertions.assertThat;

/** Signatures inside attachments, signed by a standard AdES signer (DSS) under the test PKI. */
class AttachmentSignatureVerifierTest {

    private static TestPki pki;
    private static AttachmentSignatureVerifier verifier;

    @BeforeAll
    static void buildPki() {
        pki = TestPki.start();
        verifier = new AttachmentSignatureVerifier(new TrustAnchors(Set.of(new TrustAnchor(pki.root(), null))),
                new CrlCache(Duration.ofSeconds(2), Clock.systemUTC()),
                new OcspCache(Duration.ofSeconds(2), Duration.ofMinutes(10), Clock.systemUTC()));
    }

    @AfterAll
    static void stopPki() {
        pki.close();
    }

    private static SignedFile file(String name, byte[] bytes) {
        return new SignedFile(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    @Test
    void aPadesSignedPdfPasses() throws Exception {
        byte[] signed = AdesSigner.padesSign(AdesSigner.blankPdf(), pki.signer());
        List<AttachmentSignature> found = verifier.verify(List.of(file("Quyết định.pdf", signed)), Instant.now());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).indication()).as(found.get(0).simpleReportXml()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(found.get(0).signedBy()).contains("Nguyen Van An");
    }

    @Test
    void aSignedPdfTooLargeForTheHeapTravelsWithAWarningInsteadOfBeingParsed() throws Exception {
        AttachmentSignatureVerifier smallHeap = new AttachmentSignatureVerifier(
                new TrustAnchors(Set.of(new TrustAnchor(pki.root(), null))),
                new CrlCache(Duration.ofSeconds(2), Clock.systemUTC()),
                new OcspCache(Duration.ofSeconds(2), Duration.ofMinutes(10), Clock.systemUTC()), 1024);
        byte[] signed = AdesSigner.padesSign(AdesSigner.blankPdf(), pki.signer());
        List<AttachmentSignature> found = smallHeap.verify(List.of(file("Quyết định.pdf", signed)), Instant.now());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).unreadable()).isTrue();
        assertThat(found.get(0).simpleReportXml()).contains("signatures are verified up to 0 MiB");
        // Without a signature dictionary there is nothing to verify, whatever the size.
        assertThat(smallHeap.verify(List.of(file("plain.pdf", AdesSigner.blankPdf())), Instant.now())).isEmpty();
    }

    @Test
    void theSignatureDictionaryIsFoundWhereverItFallsInTheStream() throws Exception {
        byte[] bytes = new byte[200 * 1024];
        java.util.Arrays.fill(bytes, (byte) 'x');
        byte[] mark = "/ByteRange".getBytes(StandardCharsets.US_ASCII);
        assertThat(AttachmentSignatureVerifier.ByteRangeScan.of(new ByteArrayInputStream(bytes)).found()).isFalse();
        for (int at : new int[] {0, 64 * 1024 - 4, 64 * 1024 + 3, bytes.length - mark.length}) {
            byte[] copy = bytes.clone();
            System.arraycopy(mark, 0, copy, at, mark.length);
            AttachmentSignatureVerifier.ByteRangeScan scan = AttachmentSignatureVerifier.ByteRangeScan.of(new ByteArrayInputStream(copy));
            assertThat(scan.found()).as("mark at " + at).isTrue();
            assertThat(scan.size()).isEqualTo(bytes.length);
        }
    }

    @Test
    void aTamperedCopyOfTheSignedPdfFails() throws Exception {
        String signed = new String(AdesSigner.padesSign(AdesSigner.blankPdf(), pki.signer()), StandardCharsets.ISO_8859_1);
        String tampered = signed.replaceFirst("/MediaBox \\[0\\.0 0\\.0 612\\.0", "/MediaBox [0.0 0.0 613.0");
        assertThat(tampered).isNotEqualTo(signed);
        List<AttachmentSignature> found = verifier.verify(
                List.of(file("Quyết định.pdf", tampered.getBytes(StandardCharsets.ISO_8859_1))), Instant.now());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(found.get(0).subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
    }

    @Test
    void aRevokedSignerDoesNotPass() throws Exception {
        byte[] signed = AdesSigner.padesSign(AdesSigner.blankPdf(), pki.revokedSigner());
        AttachmentSignature found = verifier.verify(List.of(file("a.pdf", signed)), Instant.now()).get(0);
        assertThat(found.indication()).isNotEqualTo(Indication.TOTAL_PASSED);
        assertThat(found.subIndication()).as(found.simpleReportXml()).isIn(SubIndication.REVOKED_NO_POE, SubIndication.REVOKED);
    }

    @Test
    void aDetachedCadesSignatureCoversItsFile() throws Exception {
        byte[] docx = SampleFiles.docx("Báo cáo tháng 11", "Times New Roman");
        byte[] p7s = AdesSigner.cadesDetached(docx, pki.signer());
        AttachmentSignature good = verifier.verify(List.of(file("Báo cáo.docx", docx), file("Báo cáo.docx.p7s", p7s)),
                Instant.now()).get(0);
        assertThat(good.indication()).as(good.simpleReportXml()).isEqualTo(Indication.TOTAL_PASSED);

        byte[] otherDocx = SampleFiles.docx("Báo cáo tháng 12", "Times New Roman");
        AttachmentSignature bad = verifier.verify(List.of(file("Báo cáo.docx", otherDocx), file("Báo cáo.docx.p7s", p7s)),
                Instant.now()).get(0);
        assertThat(bad.indication()).isEqualTo(Indication.TOTAL_FAILED);
    }

    @Test
    void aDamagedPdfIsReportedUnreadableNotThrown() throws Exception {
        byte[] damaged = SampleFiles.pdf(4096, 1);
        // Without a signature dictionary a damaged PDF has no signature to read: nothing to say about it.
        assertThat(verifier.verify(List.of(file("hỏng.pdf", damaged)), Instant.now())).isEmpty();
        byte[] mark = "/ByteRange [0 10 20 30]".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mark, 0, damaged, 2000, mark.length);
        List<AttachmentSignature> found = verifier.verify(List.of(file("hỏng.pdf", damaged)), Instant.now());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).unreadable()).isTrue();
        assertThat(found.get(0).simpleReportXml()).startsWith("unreadable");
    }

    @Test
    void filesWithoutSignaturesYieldNothing() throws Exception {
        assertThat(verifier.verify(List.of(file("a.pdf", AdesSigner.blankPdf()),
                file("b.docx", SampleFiles.docx("x", "Arial"))), Instant.now())).isEmpty();
    }
}
