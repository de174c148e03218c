package vn.gov.hanoi.lienthong.core.signature;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRLs named by certificates' distribution points, fetched with a timeout and kept until their
 * nextUpdate, and the CRLs an operator placed beside the trust anchors (local CRLs: a CA whose list is
 * downloaded out of band, or the embedded demo CA's, which has no server). The JDK fetches CRLs itself only
 * under a JVM-wide switch; the hub wants its own timeout and cache, so it fetches them here and hands them
 * to the PKIX validator.
 */
public final class CrlCache {

    private static final Logger LOG = LoggerFactory.getLogger(CrlCache.class);

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, X509CRL> byUrl = new ConcurrentHashMap<>();
    private final List<X509CRL> local;

    private vn.gov.hanoi.lienthong.core.metrics.HubMeters meters = vn.gov.hanoi.lienthong.core.metrics.HubMeters.none();

    /** Where the fetches are counted ({@code lienthong.revocation.checks}, source crl). */
    public CrlCache countedBy(vn.gov.hanoi.lienthong.core.metrics.HubMeters meters) {
        this.meters = meters;
        return this;
    }

    public CrlCache(Duration timeout, Clock clock) {
        this(timeout, clock, List.of());
    }

    public CrlCache(Duration timeout, Clock clock, List<X509CRL> local) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.clock = clock;
        this.local = List.copyOf(local);
    }

    /** The CRL of one certificate's first reachable distribution point, else a local CRL of its issuer, or null. */
    X509CRL crlFor(X509Certificate certificate) {
        Found found = crlsFor(List.of(certificate));
        return found.crls().isEmpty() ? null : found.crls().get(0);
    }

    /** The CRLs found for some certificates, and the distribution points that could not be reached. */
    record Found(List<X509CRL> crls, List<String> unreachable) {
    }

    /** The CRLs reachable for these certificates; an unreachable one is reported, not fatal (OCSP may answer). */
    Found crlsFor(List<X509Certificate> certificates) {
        List<X509CRL> crls = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            for (String url : distributionPoints(certificate)) {
                X509CRL crl = byUrl.get(url);
                Instant now = clock.instant();
                if (crl == null || (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(now))) {
                    crl = fetch(url);
                    meters.revocationChecked("crl", crl != null ? "answered" : "unanswered");
                    if (crl != null) byUrl.put(url, crl);
                }
                if (crl != null) {
                    crls.add(crl);
                } else {
                    unreachable.add(url);
                }
            }
            // Which CRL is the right one, and whether it is current, is the validator's call (issuer, signature, dates).
            for (X509CRL crl : local) {
                if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal()) && !crls.contains(crl)) {
                    crls.add(crl);
                }
            }
        }
        return new Found(crls, unreachable);
    }

    private X509CRL fetch(String url) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.warn("CRL {} answered {}", url, response.statusCode());
                return null;
            }
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.warn("CRL {} unreachable: {}", url, e.getMessage());
            return null;
        }
    }

    static List<String> distributionPoints(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (extension == null) return List.of();
        List<String> urls = new ArrayList<>();
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(
                    ASN1Primitive.fromByteArray(DEROctetString.getInstance(extension).getOctets()));
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) continue;
                for (GeneralName general : org.bouncycastle.asn1.x509.GeneralNames.getInstance(name.getName()).getNames()) {
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        urls.add(general.getName().toString());
                    }
                }
            }
        } catch (Exception e) {
            LOG.warn("Unreadable CRL distribution points in {}: {}", certificate.getSubjectX500Principal(), e.getMessage());
        }
        return urls;
    }
}
