package vn.gov.hanoi.lienthong.core.signature;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo CA (config/demo-pki) is trusted where it is switched on, and never under the production profile. */
class DemoCaTrustTest {

    private final SignatureConfiguration configuration = new SignatureConfiguration();
    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    @Test
    void theProductionProfileRefusesToStartWithTheDemoCa() throws Exception {
        StandardEnvironment production = new StandardEnvironment();
        production.setActiveProfiles("production");
        assertThatThrownBy(() -> configuration.trustAnchors(resources, "classpath*:nothing/*.pem", true, production))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("production");
        assertThat(configuration.trustAnchors(resources, "classpath*:nothing/*.pem", false, production).anchors()).isEmpty();
    }

    @Test
    void switchedOnTheDemoRootAndItsCrlAreLoadedFromTheClassPath() throws Exception {
        TrustAnchors anchors = configuration.trustAnchors(resources, "classpath*:nothing/*.pem", true, new StandardEnvironment());
        assertThat(anchors.anchors()).singleElement()
                .satisfies(a -> assertThat(a.getTrustedCert().getSubjectX500Principal().getName()).contains("DEMO"));
        CrlCache crls = configuration.crlCache(Clock.systemUTC(), Duration.ofSeconds(1), resources, "classpath*:nothing/*.crl", true,
                vn.gov.hanoi.lienthong.core.metrics.HubMeters.none());
        java.security.cert.X509Certificate root = anchors.anchors().iterator().next().getTrustedCert();
        // A certificate the root issued (the root names itself as issuer): its CRL is the local one, found offline.
        assertThat(crls.crlFor(root)).isNotNull();
        assertThat(crls.crlFor(root).getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
    }
}
