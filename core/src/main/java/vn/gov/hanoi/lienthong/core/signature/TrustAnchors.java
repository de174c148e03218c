package vn.gov.hanoi.lienthong.core.signature;

import java.io.IOException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
        for (var found : X509Files.read(resources, pattern, "trust anchor", CertificateFactory::generateCertificates)) {
            X509Certificate root = (X509Certificate) found.item();
            anchors.add(new TrustAnchor(root, null));
            LOG.info("Trust anchor {} from {}", root.getSubjectX500Principal().getName(), found.fileName());
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
