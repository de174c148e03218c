package vn.gov.hanoi.lienthong.testkit.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The certificates the person verifying a bundle trusts (the folder given with --trust: the hub's certificate or its
 * CA, the agencies' CAs, the time-stamping authority's): a signer is anchored when its certificate is one of them, or
 * is issued — through the certificates the signature carries — by one of them. Validity periods are not checked: an
 * archived signature is judged at its time, which the hub's validation report and the timestamp attest.
 */
public final class Trust {

    private final List<X509Certificate> anchors;

    public Trust(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    public static Trust none() {
        return new Trust(List.of());
    }

    /** Every certificate in the folder's .pem, .crt and .cer files (PEM or DER, one or more each). */
    public static Trust fromFolder(Path folder) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (!(name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer"))) continue;
                try (InputStream in = Files.newInputStream(file)) {
                    for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        certificates.add((X509Certificate) certificate);
                    }
                } catch (CertificateException e) {
                    throw new IllegalArgumentException("not a certificate file: " + file + " (" + e.getMessage() + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trust folder " + folder, e);
        }
        return new Trust(certificates);
    }

    public boolean isEmpty() {
        return anchors.isEmpty();
    }

    public List<X509Certificate> anchors() {
        return anchors;
    }

    /** Whether {@code certificate} is trusted, directly or through {@code carried} up to a trusted issuer. */
    public boolean anchors(X509Certificate certificate, Collection<X509Certificate> carried) {
        X509Certificate current = certificate;
        for (int depth = 0; depth < 8 && current != null; depth++) {
            if (anchors.contains(current)) return true;
            X509Certificate issuer = issuerOf(current, anchors);
            if (issuer != null) return true;
            X509Certificate next = issuerOf(current, carried);
            if (next == null || next.equals(current)) return false;
            current = next;
        }
        return false;
    }

    private static X509Certificate issuerOf(X509Certificate certificate, Collection<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (!candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) continue;
            try {
                certificate.verify(candidate.getPublicKey());
                return candidate;
            } catch (Exception notThisOne) {
                // another certificate of the same name, or not the issuer
            }
        }
        return null;
    }
}
