package vn.gov.hanoi.lienthong.bench;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESUtils;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.gov.hanoi.lienthong.core.signature.AttachmentSignatureVerifier;
import vn.gov.hanoi.lienthong.core.signature.AttachmentSignatureVerifier.AttachmentSignature;
import vn.gov.hanoi.lienthong.core.signature.CrlCache;
import vn.gov.hanoi.lienthong.core.signature.OcspCache;
import vn.gov.hanoi.lienthong.core.signature.PdfRevisionEnds;
import vn.gov.hanoi.lienthong.core.signature.TrustAnchors;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;
import vn.gov.hanoi.lienthong.testkit.pki.AdesSigner;
import vn.gov.hanoi.lienthong.testkit.pki.TestPki;

/**
 * What the PAdES validation of the load run's PDF costs the hub (issue 13, item 1), on one thread, after a warm-up:
 * milliseconds of CPU per validation as the hub runs it, and — on the same bytes, in the same run — the revision scan
 * of DSS ({@code PAdESUtils.extractRevisions}) beside the hub's ({@link PdfRevisionEnds}).
 */
@Command(name = "pades", mixinStandardHelpOptions = true,
        description = "PAdES validation of the load run's signed PDF: ms of CPU per validation; DSS's revision scan beside the hub's.")
final class PadesCommand implements Callable<Integer> {

    @Option(names = "--count", defaultValue = "400", description = "validations measured (default: ${DEFAULT-VALUE})")
    int count;
    @Option(names = "--warm-up", defaultValue = "300", description = "validations first, unmeasured (default: ${DEFAULT-VALUE})")
    int warmUp;
    @Option(names = "--pdf-kib", defaultValue = "220", description = "size of the scanned page, as in the load run (default: ${DEFAULT-VALUE})")
    int pdfKib;
    @Option(names = "--results", defaultValue = "bench/results.json", description = "figures file to update (default: ${DEFAULT-VALUE})")
    Path results;

    @Override
    public Integer call() throws Exception {
        try (TestPki pki = TestPki.start()) {
            List<byte[]> pdfs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                pdfs.add(AdesSigner.padesSign(SampleFiles.scannedPagePdf(pdfKib * 1024, 7_000 + i), pki.signer()));
            }
            AttachmentSignatureVerifier verifier = new AttachmentSignatureVerifier(
                    new TrustAnchors(Set.of(new TrustAnchor(pki.root(), null))),
                    new CrlCache(Duration.ofSeconds(5), Clock.systemUTC()),
                    new OcspCache(Duration.ofSeconds(5), Duration.ofMinutes(30), Clock.systemUTC()));
            System.out.printf("machine: %s; one thread; %d KiB signed PDFs; %d validations after %d unmeasured%n",
                    Results.machine(), pdfs.get(0).length / 1024, count, warmUp);

            validations(verifier, pdfs, warmUp);
            double validationMs = validations(verifier, pdfs, count);
            int scans = count * 10;
            scanDss(pdfs, scans);
            scanHub(pdfs, scans);
            double dssScanMs = scanDss(pdfs, scans);
            double hubScanMs = scanHub(pdfs, scans);

            System.out.printf(Locale.ROOT, "validation as the hub runs it: %.2f ms of CPU per PDF%n", validationMs);
            System.out.printf(Locale.ROOT, "revision scan: DSS %.3f ms, the hub's %.4f ms per PDF (%.0f× less)%n",
                    dssScanMs, hubScanMs, dssScanMs / hubScanMs);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("pades_validation_ms", Results.round(validationMs));
            figures.put("pades_revision_scan_ms_dss", round3(dssScanMs));
            figures.put("pades_revision_scan_ms_hub", round3(hubScanMs));
            Results.update(results, figures);
            return 0;
        }
    }

    /** Mean ms of CPU of this thread per validation; every one must pass, or the figure would measure a failure. */
    private static double validations(AttachmentSignatureVerifier verifier, List<byte[]> pdfs, int times) throws Exception {
        long cpu = Results.threadCpuNanos();
        for (int i = 0; i < times; i++) {
            byte[] pdf = pdfs.get(i % pdfs.size());
            List<AttachmentSignature> found = verifier.verify(List.of(new AttachmentSignatureVerifier.SignedFile(
                    "Công văn.pdf", pdf.length, () -> new ByteArrayInputStream(pdf))), Instant.now());
            if (found.size() != 1 || found.get(0).indication() != Indication.TOTAL_PASSED) {
                throw new IllegalStateException("a PDF of the bench did not pass: " + found);
            }
        }
        return (Results.threadCpuNanos() - cpu) / 1e6 / times;
    }

    private static double scanDss(List<byte[]> pdfs, int times) {
        long cpu = Results.threadCpuNanos();
        int found = 0;
        for (int i = 0; i < times; i++) {
            found += PAdESUtils.extractRevisions(new InMemoryDocument(pdfs.get(i % pdfs.size()), "cv.pdf", MimeTypeEnum.PDF)).size();
        }
        return checked(found, times, cpu);
    }

    private static double scanHub(List<byte[]> pdfs, int times) {
        long cpu = Results.threadCpuNanos();
        int found = 0;
        for (int i = 0; i < times; i++) {
            found += PdfRevisionEnds.of(pdfs.get(i % pdfs.size())).length;
        }
        return checked(found, times, cpu);
    }

    /** A signed PDF has at least two revisions (the page, then the signature); a scan that found fewer measured nothing. */
    private static double checked(int found, int times, long cpuBefore) {
        double ms = (Results.threadCpuNanos() - cpuBefore) / 1e6 / times;
        if (found < 2L * times) throw new IllegalStateException("a revision scan found " + found + " ends in " + times + " PDFs");
        return ms;
    }

    private static double round3(double ms) {
        return Math.round(ms * 10_000) / 10_000.0;
    }

}
