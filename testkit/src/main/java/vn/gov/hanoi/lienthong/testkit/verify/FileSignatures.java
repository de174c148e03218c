package vn.gov.hanoi.lienthong.testkit.verify;

import java.util.List;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;

/**
 * The signatures inside the files (PAdES in a PDF, CAdES in a .p7s), checked by DSS with no online source: each
 * signature intact (the signed bytes unchanged) and valid (the signature value matches), its signer chaining to a
 * trusted certificate. Revocation at the time of receipt is what the hub's validation report in the bundle says;
 * offline, it is not asked again.
 */
final class FileSignatures {

    private FileSignatures() {
    }

    static void check(String path, byte[] bytes, Trust trust, VerificationReport report) {
        SignedDocumentValidator validator;
        try {
            validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(bytes, path));
        } catch (RuntimeException notASignedFormat) {
            report.ok("file " + path + " signatures", "none (a format without embedded signatures)");
            return;
        }
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setAIASource(null);
        verifier.setOcspSource(null);
        verifier.setCrlSource(null);
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trust.anchors().forEach(certificate -> trusted.addCertificate(new CertificateToken(certificate)));
        verifier.setTrustedCertSources(trusted);
        validator.setCertificateVerifier(verifier);
        DiagnosticData diagnostic;
        try {
            diagnostic = validator.validateDocument().getDiagnosticData();
        } catch (RuntimeException e) {
            report.fail("file " + path + " signatures", "cannot be checked: " + e.getMessage());
            return;
        }
        List<SignatureWrapper> signatures = diagnostic.getSignatures();
        if (signatures.isEmpty()) {
            report.ok("file " + path + " signatures", "none (not signed, as it was received)");
            return;
        }
        for (SignatureWrapper signature : signatures) {
            String subject = "file " + path + " signature " + signature.getId();
            boolean intact = signature.isSignatureIntact() && signature.isSignatureValid();
            boolean anchored = signature.getCertificateChain().stream().anyMatch(CertificateWrapper::isTrusted);
            String signer = signature.getSigningCertificate() == null ? "no signing certificate"
                    : signature.getSigningCertificate().getCertificateDN();
            report.check(intact && anchored, subject, !intact ? "does not match the signed content (changed, or forged)"
                    : anchored ? "valid, by " + signer : "valid but its signer is not trusted: " + signer);
        }
    }
}
