package vn.gov.hanoi.lienthong.core.signature;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a signer's certificate may sign a document at a given time: its key usage, a path to one of the
 * trust anchors, each certificate valid at that time and not revoked (OCSP first, the CRL when the
 * responder cannot answer). Path validation and revocation are the JDK's PKIX; the hub only assembles the
 * path from the certificates the signature carries and reads the verdict.
 */
final class CertificateTrust {

    private static final int MAX_PATH = 6;

    private final TrustAnchors anchors;
    private final CrlCache crls;
    private final OcspCache ocsp;

    CertificateTrust(TrustAnchors anchors, CrlCache crls, OcspCache ocsp) {
        this.anchors = anchors;
        this.crls = crls;
        this.ocsp = ocsp;
    }

    SignatureResult judge(X509Certificate signer, Collection<X509Certificate> carried, Instant at) {
        String subject = signer.getSubjectX500Principal().getName();
        boolean[] usage = signer.getKeyUsage();
        if (usage != null && !(usage[0] || usage[1])) {
            return SignatureResult.of(Verdict.WRONG_KEY_USAGE, subject, "key usage allows neither digitalSignature nor nonRepudiation");
        }
        List<X509Certificate> path = pathToAnchor(signer, carried);
        if (path == null) {
            return SignatureResult.of(Verdict.UNTRUSTED, subject, "no path from " + signer.getIssuerX500Principal().getName()
                    + " to a trust anchor");
        }
        CrlCache.Found revocationLists = crls.crlsFor(path);
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
            revocation.setOptions(EnumSet.noneOf(PKIXRevocationChecker.Option.class));
            // The hub asks the responders itself (its timeout, its cache); the JDK checks the answers.
            Map<X509Certificate, byte[]> answers = new HashMap<>();
            for (int i = 0; i + 1 < path.size(); i++) {
                X509Certificate certificate = path.get(i);
                ocsp.answerFor(certificate, path.get(i + 1)).ifPresent(a -> answers.put(certificate, a.encodedResponse()));
            }
            X509Certificate last = path.get(path.size() - 1);
            ocsp.answerFor(last, anchorOf(path)).ifPresent(a -> answers.put(last, a.encodedResponse()));
            revocation.setOcspResponses(answers);
            PKIXParameters parameters = new PKIXParameters(anchors.anchors());
            parameters.setDate(Date.from(at));
            parameters.addCertPathChecker(revocation);
            parameters.setRevocationEnabled(false);
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(revocationLists.crls())));
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            validator.validate(certPath, parameters);
            return SignatureResult.of(Verdict.VALID, subject, "chains to " + anchorOf(path).getSubjectX500Principal().getName());
        } catch (CertPathValidatorException e) {
            Verdict verdict = verdictOf(e);
            if (verdict == Verdict.UNTRUSTED && !revocationLists.unreachable().isEmpty()) {
                // The path reached an anchor; only revocation failed, and a revocation source was down.
                return SignatureResult.of(Verdict.INDETERMINATE, subject, e.getMessage() + "; unreachable: "
                        + revocationLists.unreachable());
            }
            return SignatureResult.of(verdict, subject, e.getMessage());
        } catch (GeneralSecurityException e) {
            return SignatureResult.of(Verdict.UNTRUSTED, subject, e.getMessage());
        }
    }

    private static Verdict verdictOf(CertPathValidatorException e) {
        if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return Verdict.EXPIRED;
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) return Verdict.REVOKED;
        if (e.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) return Verdict.INDETERMINATE;
        if (e.getReason() == PKIXReason.INVALID_KEY_USAGE) return Verdict.WRONG_KEY_USAGE;
        return Verdict.UNTRUSTED;
    }

    /** signer, its issuer, … up to the certificate an anchor issued; null when the carried certificates reach no anchor. */
    private List<X509Certificate> pathToAnchor(X509Certificate signer, Collection<X509Certificate> carried) {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = signer;
        while (path.size() < MAX_PATH) {
            path.add(current);
            if (anchors.isAnchorSubject(current)) return path;
            X509Certificate issuer = issuerOf(current, carried);
            if (issuer == null || path.contains(issuer)) return null;
            current = issuer;
        }
        return null;
    }

    private static X509Certificate issuerOf(X509Certificate certificate, Collection<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException e) {
                    // Same name, other key: not this certificate's issuer.
                }
            }
        }
        return null;
    }

    private X509Certificate anchorOf(List<X509Certificate> path) {
        X509Certificate last = path.get(path.size() - 1);
        return anchors.anchors().stream().map(a -> a.getTrustedCert())
                .filter(root -> root.getSubjectX500Principal().equals(last.getIssuerX500Principal()))
                .findFirst().orElse(last);
    }
}
