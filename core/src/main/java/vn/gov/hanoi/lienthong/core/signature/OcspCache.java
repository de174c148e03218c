package vn.gov.hanoi.lienthong.core.signature;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCSP answers for certificates, asked of the responder their AIA names with the hub's timeout and kept
 * until their nextUpdate (or {@code maxAge} when the responder gives none), so that a document signed by a
 * busy clerk's certificate costs the responder one question, not one per document. The answers' own
 * signatures are checked by whoever uses them (the JDK's PKIX, DSS).
 */
public final class OcspCache {

    private static final Logger LOG = LoggerFactory.getLogger(OcspCache.class);

    /** A successful answer about one certificate. */
    public record Answer(byte[] encodedResponse, BasicOCSPResp basic, SingleResp single, Instant keepUntil) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private vn.gov.hanoi.lienthong.core.metrics.HubMeters meters = vn.gov.hanoi.lienthong.core.metrics.HubMeters.none();

    /** Where the answers and failures are counted ({@code lienthong.revocation.checks}, source ocsp). */
    public OcspCache countedBy(vn.gov.hanoi.lienthong.core.metrics.HubMeters meters) {
        this.meters = meters;
        return this;
    }

    public OcspCache(Duration timeout, Duration maxAge, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Whether the certificate names an OCSP responder at all. */
    public static boolean hasResponder(X509Certificate certificate) {
        return responder(certificate) != null;
    }

    /** The responder's answer about the certificate; empty when it has none, or cannot be reached now. */
    public Optional<Answer> answerFor(X509Certificate certificate, X509Certificate issuer) {
        String url = responder(certificate);
        if (url == null) return Optional.empty();
        String key = issuer.getSubjectX500Principal().getName() + "#" + certificate.getSerialNumber();
        Answer cached = answers.get(key);
        if (cached != null && cached.keepUntil().isAfter(clock.instant())) return Optional.of(cached);
        Optional<Answer> fresh = ask(url, certificate, issuer);
        meters.revocationChecked("ocsp", fresh.isPresent() ? "answered" : "unanswered");
        fresh.ifPresentOrElse(answer -> answers.put(key, answer), () -> answers.remove(key));
        return fresh;
    }

    private Optional<Answer> ask(String url, X509Certificate certificate, X509Certificate issuer) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                            .header("Content-Type", "application/ocsp-request")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.warn("OCSP responder {} answered HTTP {}", url, response.statusCode());
                return Optional.empty();
            }
            OCSPResp ocsp = new OCSPResp(response.body());
            if (ocsp.getStatus() != OCSPResp.SUCCESSFUL) {
                LOG.warn("OCSP responder {} answered status {}", url, ocsp.getStatus());
                return Optional.empty();
            }
            BasicOCSPResp basic = (BasicOCSPResp) ocsp.getResponseObject();
            for (SingleResp single : basic.getResponses()) {
                if (single.getCertID().equals(id)) {
                    Instant keepUntil = single.getNextUpdate() != null ? single.getNextUpdate().toInstant()
                            : clock.instant().plus(maxAge);
                    return Optional.of(new Answer(response.body(), basic, single, keepUntil));
                }
            }
            LOG.warn("OCSP responder {} did not answer about serial {}", url, certificate.getSerialNumber());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.warn("OCSP responder {} unreachable: {}", url, e.getMessage());
            return Optional.empty();
        }
    }

    private static String responder(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (extension == null) return null;
        try {
            AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(
                    ASN1Primitive.fromByteArray(DEROctetString.getInstance(extension).getOctets()));
            for (AccessDescription description : access.getAccessDescriptions()) {
                if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())
                        && description.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                    return description.getAccessLocation().getName().toString();
                }
            }
        } catch (Exception e) {
            LOG.warn("Unreadable AIA in {}: {}", certificate.getSubjectX500Principal(), e.getMessage());
        }
        return null;
    }
}
