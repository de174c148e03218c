package vn.gov.hanoi.lienthong.core.signature;

/**
 * @param signer the signer certificate's subject, when there is one
 * @param detail what the verifier saw, for the validation report
 * @param signerCertificateSha256 the SHA-256 of the signer certificate (lower-case hex), once one was found
 * @param signerNotAfter the end of the signer certificate, once one was found
 */
public record SignatureResult(Verdict verdict, String signer, String detail, String signerCertificateSha256,
                              java.time.Instant signerNotAfter) {

    static SignatureResult of(Verdict verdict, String signer, String detail) {
        return new SignatureResult(verdict, signer, detail, null, null);
    }

    SignatureResult withCertificate(java.security.cert.X509Certificate certificate) {
        return new SignatureResult(verdict, signer, detail, Fingerprints.sha256(certificate), certificate.getNotAfter().toInstant());
    }
}
