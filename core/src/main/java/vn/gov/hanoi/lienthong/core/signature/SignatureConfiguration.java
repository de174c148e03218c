package vn.gov.hanoi.lienthong.core.signature;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

/** The trust anchors and the revocation lists shared by the envelope's and the attachments' verification. */
@Configuration
class SignatureConfiguration {

    /** The embedded demo's certificate authority (config/demo-pki): its root and its CRL. */
    static final String DEMO_ANCHORS = "classpath*:demo-pki/*.pem";
    static final String DEMO_CRLS = "classpath*:demo-pki/*.crl";

    private static final Logger LOG = LoggerFactory.getLogger(SignatureConfiguration.class);

    @Bean
    TrustAnchors trustAnchors(ResourcePatternResolver resources,
                              @Value("${hub.trust.anchors:classpath*:trust/*.pem}") String anchors,
                              @Value("${hub.trust.demo-ca:false}") boolean demoCa,
                              org.springframework.core.env.Environment environment) throws IOException {
        if (demoCa && environment.matchesProfiles("production")) {
            throw new IllegalStateException("hub.trust.demo-ca=true under the production profile: the demo CA's signer "
                    + "key is public; it must never be trusted where real documents are exchanged");
        }
        if (demoCa) {
            LOG.warn("The DEMO certificate authority is trusted (hub.trust.demo-ca=true, config/demo-pki): its signer's "
                    + "key is public, so a demo signature proves nothing. For the embedded demo only; the production "
                    + "profile turns it off.");
            return TrustAnchors.load(resources, anchors, DEMO_ANCHORS);
        }
        return TrustAnchors.load(resources, anchors);
    }

    @Bean
    OcspCache ocspCache(Clock clock, @Value("${hub.trust.revocation-timeout:5s}") Duration timeout,
                        @Value("${hub.trust.ocsp-max-age:10m}") Duration maxAge,
                        vn.gov.hanoi.lienthong.core.metrics.HubMeters meters) {
        return new OcspCache(timeout, maxAge, clock).countedBy(meters);
    }

    @Bean
    CrlCache crlCache(Clock clock, @Value("${hub.trust.revocation-timeout:5s}") Duration timeout,
                      ResourcePatternResolver resources,
                      @Value("${hub.trust.crls:classpath*:trust/*.crl}") String crls,
                      @Value("${hub.trust.demo-ca:false}") boolean demoCa,
                      vn.gov.hanoi.lienthong.core.metrics.HubMeters meters) throws IOException {
        List<X509CRL> local = new ArrayList<>(LocalCrls.load(resources, crls));
        if (demoCa) local.addAll(LocalCrls.load(resources, DEMO_CRLS));
        return new CrlCache(timeout, clock, local).countedBy(meters);
    }
}
