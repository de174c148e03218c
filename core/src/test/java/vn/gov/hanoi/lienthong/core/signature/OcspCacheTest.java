package vn.gov.hanoi.lienthong.core.signature;

import java.time.Clock;
import java.time.Duration;

import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.testkit.pki.TestPki;

import static org.assertj.core.api.Assertions.assertThat;

class OcspCacheTest {

    @Test
    void asksTheResponderOnceAndRemembersTheAnswer() {
        try (TestPki pki = TestPki.start()) {
            OcspCache cache = new OcspCache(Duration.ofSeconds(2), Duration.ofMinutes(10), Clock.systemUTC());
            var good = cache.answerFor(pki.signer().certificate(), pki.intermediate());
            assertThat(good).isPresent();
            assertThat(good.get().single().getCertStatus()).isNull();  // null is GOOD in BouncyCastle's model
            assertThat(cache.answerFor(pki.signer().certificate(), pki.intermediate())).isPresent();
            assertThat(pki.ocspRequests()).as("the second question is answered from the cache").isEqualTo(1);

            assertThat(cache.answerFor(pki.revokedSigner().certificate(), pki.intermediate()).orElseThrow()
                    .single().getCertStatus()).isInstanceOf(RevokedStatus.class);
        }
    }

    @Test
    void anUnreachableResponderGivesNoAnswerAndNoCacheEntry() {
        try (TestPki pki = TestPki.start()) {
            OcspCache cache = new OcspCache(Duration.ofSeconds(2), Duration.ofMinutes(10), Clock.systemUTC());
            pki.revocationServicesDown(true);
            assertThat(cache.answerFor(pki.signer().certificate(), pki.intermediate())).isEmpty();
            pki.revocationServicesDown(false);
            assertThat(cache.answerFor(pki.signer().certificate(), pki.intermediate())).isPresent();
            assertThat(OcspCache.hasResponder(pki.intermediate())).as("a CA certificate here names no responder").isFalse();
        }
    }
}
