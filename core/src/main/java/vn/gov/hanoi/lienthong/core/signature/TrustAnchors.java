package vn.gov.hanoi.lienthong.core.signature;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/** The root certificates a signature must chain to: every PEM file at {@code hub.trust.anchors}. */
public final class TrustAnchors {

    private static final Logger LOG = LoggerFactory.getLogger(TrustAnchors.class);

    private final Set<TrustAnchor> anchors;

    public TrustAnchors(Set<TrustAnchor> anchors) {
        this.anchors = Set.copyOf(anchors);
    }

    /** Every certificate in the files matching any of the patterns. */
    public static TrustAnchors load(ResourcePatternResolver resources, String... patterns) throws IOException {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (String pattern : patterns) {
            anchors.addAll(loadOne(resources, pattern));
        }
        if (anchors.isEmpty()) {
            LOG.warn("No trust anchor at {}: no signature can verify", String.join(", ", patterns));
        }
        return new TrustAnchors(anchors);
    }

    private static Set<TrustAnchor> loadOne(ResourcePatternResolver resources, String pattern) throws IOException {
        Set<TrustAnchor> anchors = new HashSet<>();
        CertificateFactory x509;
        try {
            x509 = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        for (Resource resource : resources.getResources(pattern)) {
            try (InputStream in = resource.getInputStream()) {
                for (var certificate : x509.generateCertificates(in)) {
                    X509Certificate root = (X509Certificate) certificate;
                    anchors.add(new TrustAnchor(root, null));
                    LOG.info("Trust anchor {} from {}", root.getSubjectX500Principal().getName(), resource.getFilename());
                }
            } catch (CertificateException e) {
                throw new IllegalStateException("trust anchor file " + resource.getDescription() + " is not PEM/DER X.509", e);
            }
        }
        return anchors;
    }

    public Set<TrustAnchor> anchors() {
        return anchors;
    }

    public boolean isAnchorSubject(X509Certificate certificate) {
        return anchors.stream().anyMatch(anchor ->
                anchor.getTrustedCert().getSubjectX500Principal().equals(certificate.getIssuerX500Principal()));
    }
}
