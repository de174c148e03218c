package vn.gov.hanoi.lienthong.core.signature;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import eu.europa.esig.dss.crl.CRLUtils;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLToken;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPToken;
import eu.europa.esig.dss.policy.ValidationPolicy;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

import org.apache.tika.io.TikaInputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * AdES validation of signatures inside attachments, with the EU DSS library: PAdES signatures in a PDF, and
 * a detached CAdES signature (a file named {@code X.p7s} that signs the attachment named {@code X}). DSS
 * builds the chain to the hub's trust anchors and checks revocation with the OCSP answers and CRLs the hub
 * fetches itself (the registry here has no DSS online-source module; the hub's fetchers give the same
 * timeout and cache to both kinds of signature). The simple report of each validation is kept.
 */
@Component
public class AttachmentSignatureVerifier {

    /**
     * One signature found in one file, as DSS judged it. {@code indication} is null when the file could not be
     * read as a signature container at all (a damaged PDF): {@code simpleReportXml} then says why.
     */
    public record AttachmentSignature(String file, String signatureId, String signedBy, Indication indication,
                                      SubIndication subIndication, String simpleReportXml) {

        public boolean unreadable() {
            return indication == null;
        }
    }

    /** A file to look at: its name, its size in bytes (as the blob store recorded it) and how to read it. */
    public record SignedFile(String name, long size, InputStreamOpener content) {
    }

    @FunctionalInterface
    public interface InputStreamOpener {
        InputStream open() throws IOException;
    }

    /** DSS's default (ETSI) validation policy, unmarshalled once instead of at every validation. */
    private static final ValidationPolicy POLICY = defaultPolicy();

    private final TrustAnchors anchors;
    private final CrlCache crls;
    private final OcspCache ocsp;
    /** PDFs above this are not parsed for signatures (see validateIfPdf): an eighth of the heap by default. */
    private final long maxPdfBytesForSignatureValidation;
    /** How DSS reads a PDF (HubPdfObjectFactory); one for all validations, as DSS makes a service per use. */
    private final IPdfObjFactory pdfReader;

    @Autowired
    public AttachmentSignatureVerifier(TrustAnchors anchors, CrlCache crls, OcspCache ocsp) {
        this(anchors, crls, ocsp, Runtime.getRuntime().maxMemory() / 8);
    }

    AttachmentSignatureVerifier(TrustAnchors anchors, CrlCache crls, OcspCache ocsp, long maxPdfBytesForSignatureValidation) {
        this(anchors, crls, ocsp, maxPdfBytesForSignatureValidation, new HubPdfObjectFactory());
    }

    AttachmentSignatureVerifier(TrustAnchors anchors, CrlCache crls, OcspCache ocsp, long maxPdfBytesForSignatureValidation,
                                IPdfObjFactory pdfReader) {
        this.pdfReader = pdfReader;
        this.maxPdfBytesForSignatureValidation = maxPdfBytesForSignatureValidation;
        this.anchors = anchors;
        this.crls = crls;
        this.ocsp = ocsp;
    }

    /** Every signature in these files; a file with none (a plain PDF, a .docx) yields nothing. */
    public List<AttachmentSignature> verify(List<SignedFile> files, Instant at) throws IOException {
        List<AttachmentSignature> found = new ArrayList<>();
        for (SignedFile file : files) {
            String lower = file.name().toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".p7s")) {
                String signedName = file.name().substring(0, file.name().length() - 4);
                SignedFile signed = files.stream().filter(f -> f.name().equals(signedName)).findFirst().orElse(null);
                found.addAll(validate(file, signed, at));
            } else {
                found.addAll(validateIfPdf(file, at));
            }
        }
        return found;
    }

    /**
     * DSS parses a PDF with PDFBox in memory, several times the file's size: a 1 GiB PDF exhausts any ordinary
     * heap. So a PDF goes to DSS only when it has a signature dictionary at all (its /ByteRange), and only when
     * it is small enough for the heap; a larger signed PDF travels with a warning that a clerk should check its
     * signature (ATTACHMENT_SIGNATURE_UNREADABLE), as an unreadable one does. The file is read once: a PDF up to
     * the limit into memory, where it is scanned and handed to DSS; a larger one only scanned, as a stream.
     */
    private List<AttachmentSignature> validateIfPdf(SignedFile file, Instant at) throws IOException {
        try (InputStream in = new BufferedInputStream(file.content().open())) {
            in.mark(PdfHeader.LENGTH);
            if (!PdfHeader.startsWith(in.readNBytes(PdfHeader.LENGTH))) return List.of();
            in.reset();
            if (file.size() > maxPdfBytesForSignatureValidation) {
                if (!ByteRangeScan.of(in).found()) return List.of();
                return List.of(new AttachmentSignature(file.name(), null, null, null, null, "unreadable: the signed PDF is "
                        + (file.size() >> 20) + " MiB; signatures are verified up to "
                        + (maxPdfBytesForSignatureValidation >> 20) + " MiB with this hub's heap"));
            }
            byte[] pdf = in.readAllBytes();
            if (!ByteRangeScan.contains(pdf, pdf.length)) return List.of();
            return validatePdf(new InMemoryDocument(pdf, file.name(), MimeTypeEnum.PDF), file, at);
        }
    }

    private static ValidationPolicy defaultPolicy() {
        try {
            return ValidationPolicyFacade.newFacade().getDefaultValidationPolicy();
        } catch (Exception e) {
            throw new IllegalStateException("DSS's default validation policy cannot be read", e);
        }
    }

    /** Whether a stream contains "/ByteRange", and its length; read once, in blocks, whatever its size. */
    record ByteRangeScan(boolean found, long size) {
        private static final byte[] MARK = "/ByteRange".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        static ByteRangeScan of(InputStream in) throws IOException {
            byte[] buffer = new byte[64 * 1024 + MARK.length];
            int carried = 0;
            long size = 0;
            boolean found = false;
            int read;
            while ((read = in.read(buffer, carried, buffer.length - carried)) > 0) {
                size += read;
                int end = carried + read;
                if (!found && contains(buffer, end)) found = true;
                // Keep the tail, so that a mark cut in two by the block boundary is still found.
                carried = Math.min(MARK.length - 1, end);
                System.arraycopy(buffer, end - carried, buffer, 0, carried);
            }
            return new ByteRangeScan(found, size);
        }

        /** Whether the first {@code end} bytes hold the mark. */
        static boolean contains(byte[] buffer, int end) {
            outer:
            for (int i = 0; i + MARK.length <= end; i++) {
                for (int j = 0; j < MARK.length; j++) {
                    if (buffer[i + j] != MARK[j]) continue outer;
                }
                return true;
            }
            return false;
        }
    }

    private List<AttachmentSignature> validate(SignedFile file, SignedFile detachedContent, Instant at) throws IOException {
        try (TikaInputStream signature = TikaInputStream.get(file.content().open());
             TikaInputStream content = detachedContent == null ? null : TikaInputStream.get(detachedContent.content().open())) {
            return validate(asFile(signature, file.name()),
                    content == null ? null : asFile(content, detachedContent.name()), file, at);
        }
    }

    /** A detached CAdES signature: DSS finds the validator for the container (and none for a file that is not one). */
    private List<AttachmentSignature> validate(DSSDocument signature, DSSDocument detachedContent, SignedFile file, Instant at) {
        SignedDocumentValidator validator;
        try {
            validator = SignedDocumentValidator.fromDocument(signature);
        } catch (RuntimeException notASignature) {
            return List.of();
        }
        if (detachedContent != null) {
            validator.setDetachedContents(List.of(detachedContent));
        }
        return validateOrReportUnreadable(validator, file, at);
    }

    /**
     * A PDF: its validator made directly — the header is already checked, and DSS's own search for a validator
     * reads the service files of the whole class path at every call.
     */
    private List<AttachmentSignature> validatePdf(DSSDocument pdf, SignedFile file, Instant at) {
        PDFDocumentValidator validator;
        try {
            validator = new PDFDocumentValidator(pdf);
        } catch (RuntimeException notAPdf) {
            return List.of();
        }
        validator.setPdfObjFactory(pdfReader);
        return validateOrReportUnreadable(validator, file, at);
    }

    private List<AttachmentSignature> validateOrReportUnreadable(SignedDocumentValidator validator, SignedFile file, Instant at) {
        try {
            return validate(validator, file, at);
        } catch (RuntimeException unreadable) {
            // DSS could not parse the container; whether the file is acceptable at all is ContentFormatCheck's call.
            return List.of(new AttachmentSignature(file.name(), null, null, null, null,
                    "unreadable: " + unreadable.getMessage()));
        }
    }

    /** DSS reads the file from disk (a PDF it parses in memory: see validateIfPdf). */
    private static DSSDocument asFile(TikaInputStream stream, String name) throws IOException {
        FileDocument document = new FileDocument(stream.getFile());
        document.setName(name);
        return document;
    }

    private List<AttachmentSignature> validate(SignedDocumentValidator validator, SignedFile file, Instant at) {
        validator.setCertificateVerifier(certificateVerifier());
        validator.setValidationTime(Date.from(at));
        // The hub keeps DSS's simple report; the ETSI validation report (EN 319 102-2) is built by default and unused.
        validator.setEnableEtsiValidationReport(false);
        Reports reports = validator.validateDocument(POLICY);
        SimpleReport simple = reports.getSimpleReport();
        String xml = reports.getXmlSimpleReport();
        List<AttachmentSignature> signatures = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            signatures.add(new AttachmentSignature(file.name(), id, simple.getSignedBy(id), simple.getIndication(id),
                    simple.getSubIndication(id), xml));
        }
        return signatures;
    }

    private CommonCertificateVerifier certificateVerifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        anchors.anchors().forEach(anchor -> trusted.addCertificate(new CertificateToken(anchor.getTrustedCert())));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new HubCrlSource(crls));
        verifier.setOcspSource(new HubOcspSource(ocsp));
        verifier.setAIASource(null);
        return verifier;
    }

    /** DSS's view of the hub's OCSP fetcher. */
    private static final class HubOcspSource implements OCSPSource {
        private final transient OcspCache ocsp;

        HubOcspSource(OcspCache ocsp) {
            this.ocsp = ocsp;
        }

        @Override
        public OCSPToken getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            if (issuer == null) return null;
            return ocsp.answerFor(certificate.getCertificate(), issuer.getCertificate())
                    .map(answer -> {
                        OCSPToken token = new OCSPToken(answer.basic(), answer.single(), certificate, issuer);
                        token.setExternalOrigin(RevocationOrigin.EXTERNAL);
                        return token;
                    })
                    .orElse(null);
        }
    }

    /** DSS's view of the hub's CRL fetcher. */
    private static final class HubCrlSource implements CRLSource {
        private final transient CrlCache crls;

        HubCrlSource(CrlCache crls) {
            this.crls = crls;
        }

        @Override
        public CRLToken getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            X509CRL crl = crls.crlFor(certificate.getCertificate());
            if (crl == null || issuer == null) return null;
            try {
                CRLToken token = new CRLToken(certificate,
                        CRLUtils.buildCRLValidity(CRLUtils.buildCRLBinary(crl.getEncoded()), issuer));
                token.setExternalOrigin(RevocationOrigin.EXTERNAL);
                return token;
            } catch (Exception e) {
                return null;
            }
        }
    }
}
