package vn.gov.hanoi.lienthong.testkit.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A signer's key and certificate, with the chain above it (not including the root). */
public record Credential(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {
}
