package vn.gov.hanoi.lienthong.core.signature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.pades.validation.PdfRevision;
import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.core.signature.AttachmentSignatureVerifier.AttachmentSignature;
import vn.gov.hanoi.lienthong.core.signature.AttachmentSignatureVerifier.SignedFile;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;
import vn.gov.hanoi.lienthong.testkit.pki.AdesSigner;
import vn.gov.hanoi.lienthong.testkit.pki.TestPki;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's PDF service gives DSS's verdicts: each PDF is validated twice, at the same instant — by the hub's verifier
 * and by one that reads PDFs with DSS's own PDFBox service (its per-byte revision scan), visual comparison off in both
 * — and the two simple reports must be the same, word for word. And each PDF is validated by one validator with one
 * revision pass.
 */
class HubPdfSignatureServiceTest {

    private static TestPki pki;
    private static final AtomicInteger revisionPasses = new AtomicInteger();
    private static AttachmentSignatureVerifier hub;
    private static AttachmentSignatureVerifier dssAlone;

    @BeforeAll
    static void buildPki() {
        pki = TestPki.start();
        hub = verifier(new HubPdfObjectFactory() {
            @Override
            public PDFSignatureService newPAdESSignatureService() {
                return configure(new HubPdfSignatureService() {
                    @Override
                    public List<PdfRevision> getRevisions(DSSDocument document, char[] password) {
                        revisionPasses.incrementAndGet();
                        return super.getRevisions(document, password);
                    }
                });
            }
        });
        PdfBoxDefaultObjectFactory stock = new PdfBoxDefaultObjectFactory();
        DefaultPdfDifferencesFinder noVisualComparison = new DefaultPdfDifferencesFinder();
        noVisualComparison.setMaximalPagesAmountForVisualComparison(0);
        stock.setPdfDifferencesFinder(noVisualComparison);
        dssAlone = verifier(stock);
    }

    /** Both verifiers share one CRL and one OCSP cache: the same revocation answers, to the second. */
    private static final CrlCache CRLS = new CrlCache(Duration.ofSeconds(2), Clock.systemUTC());
    private static final OcspCache OCSP = new OcspCache(Duration.ofSeconds(2), Duration.ofMinutes(10), Clock.systemUTC());

    private static AttachmentSignatureVerifier verifier(eu.europa.esig.dss.pdf.IPdfObjFactory pdfReader) {
        return new AttachmentSignatureVerifier(new TrustAnchors(Set.of(new TrustAnchor(pki.root(), null))), CRLS, OCSP,
                Runtime.getRuntime().maxMemory() / 8, pdfReader);
    }

    @AfterAll
    static void stopPki() {
        pki.close();
    }

    /** The hub's verdicts on the PDF, after checking they are DSS's own. */
    private static List<AttachmentSignature> sameAsDss(byte[] pdf) throws IOException {
        Instant at = Instant.now();
        int passesBefore = revisionPasses.get();
        List<AttachmentSignature> ours = hub.verify(List.of(file(pdf)), at);
        assertThat(revisionPasses.get() - passesBefore).as("revision passes for one PDF").isEqualTo(1);
        List<AttachmentSignature> theirs = dssAlone.verify(List.of(file(pdf)), at);
        assertThat(ours).hasSameSizeAs(theirs);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i).indication()).isEqualTo(theirs.get(i).indication());
            assertThat(ours.get(i).subIndication()).isEqualTo(theirs.get(i).subIndication());
            assertThat(ours.get(i).simpleReportXml()).isEqualTo(theirs.get(i).simpleReportXml());
        }
        return ours;
    }

    private static SignedFile file(byte[] bytes) {
        return new SignedFile("Quyết định.pdf", bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    @Test
    void aPdfSignedOnce() throws Exception {
        List<AttachmentSignature> found = sameAsDss(AdesSigner.padesSign(SampleFiles.scannedPagePdf(60 * 1024, 3), pki.signer()));
        assertThat(found).singleElement().extracting(AttachmentSignature::indication).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void aPdfSignedTwice() throws Exception {
        byte[] once = AdesSigner.padesSign(SampleFiles.scannedPagePdf(60 * 1024, 4), pki.signer());
        List<AttachmentSignature> found = sameAsDss(AdesSigner.padesSign(once, pki.signer()));
        assertThat(found).hasSize(2).allSatisfy(signature ->
                assertThat(signature.indication()).as(signature.simpleReportXml()).isEqualTo(Indication.TOTAL_PASSED));
    }

    @Test
    void aPdfChangedByAnIncrementalUpdateAfterSigning() throws Exception {
        byte[] signed = AdesSigner.padesSign(SampleFiles.scannedPagePdf(60 * 1024, 5), pki.signer());
        byte[] changed;
        try (PDDocument document = Loader.loadPDF(signed); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
            changed = out.toByteArray();
        }
        assertThat(changed).startsWith(signed);
        assertThat(changed.length).isGreaterThan(signed.length);
        List<AttachmentSignature> found = sameAsDss(changed);
        assertThat(found).hasSize(1);
        // The signature still covers its own revision; the page added after it is DSS's object-level finding, in the report.
        assertThat(found.get(0).simpleReportXml()).isNotEqualTo(sameAsDss(signed).get(0).simpleReportXml());
    }

    @Test
    void aPdfWithTheEofMarkerInsideAStream() throws Exception {
        byte[] unsigned;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDStream content = new PDStream(document);
            try (OutputStream raw = content.createOutputStream()) {
                // Comments are legal in a content stream: DSS's scan takes the first and the third for revision ends.
                raw.write("q\n%%EOF\nQ\nq\nxxxxx%%EOF\nQ\nq\nxxxxxx%%EOF\r\nQ\n".getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(content);
            document.save(out);
            unsigned = out.toByteArray();
        }
        byte[] signed = AdesSigner.padesSign(unsigned, pki.signer());
        assertThat(PdfRevisionEnds.of(signed)).as("two ends in the stream, the file's, the signature's").hasSize(4);
        List<AttachmentSignature> found = sameAsDss(signed);
        assertThat(found).singleElement().extracting(AttachmentSignature::indication).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void aTamperedPdfAndARevokedSigner() throws Exception {
        String signed = new String(AdesSigner.padesSign(AdesSigner.blankPdf(), pki.signer()), StandardCharsets.ISO_8859_1);
        byte[] tampered = signed.replaceFirst("/MediaBox \\[0\\.0 0\\.0 612\\.0", "/MediaBox [0.0 0.0 613.0")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(sameAsDss(tampered)).singleElement().extracting(AttachmentSignature::indication).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(sameAsDss(AdesSigner.padesSign(AdesSigner.blankPdf(), pki.revokedSigner())))
                .singleElement().extracting(AttachmentSignature::indication).isNotEqualTo(Indication.TOTAL_PASSED);
    }
}
