package vn.gov.hanoi.lienthong.core.signature;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

/** The trust anchors and the revocation lists shared by the envelope's and the attachments' verification. */
@Configuration
class SignatureConfiguration {

    @Bean
    TrustAnchors trustAnchors(ResourcePatternResolver resources,
                              @Value("${hub.trust.anchors:classpath*:trust/*.pem}") String anchors) throws IOException {
        return TrustAnchors.load(resources, anchors);
    }

    @Bean
    OcspCache ocspCache(Clock clock, @Value("${hub.trust.revocation-timeout:5s}") Duration timeout,
                        @Value("${hub.trust.ocsp-max-age:10m}") Duration maxAge) {
        return new OcspCache(timeout, maxAge, clock);
    }

    @Bean
    CrlCache crlCache(Clock clock, @Value("${hub.trust.revocation-timeout:5s}") Duration timeout) {
        return new CrlCache(timeout, clock);
    }
}
