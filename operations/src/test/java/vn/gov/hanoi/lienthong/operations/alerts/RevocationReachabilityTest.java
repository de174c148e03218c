package vn.gov.hanoi.lienthong.operations.alerts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.core.metrics.HubMeters;

import static org.assertj.core.api.Assertions.assertThat;

/** A revocation source is unreachable from its first unanswered check to its first answered one, not in between. */
class RevocationReachabilityTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RevocationReachability reachability = new RevocationReachability(registry);

    @Test
    void unreachableFromAnUnansweredCheckUntilAnAnsweredOneWhateverTheReadingsBetween() {
        check("ocsp", "answered");
        assertThat(reachability.unreachable()).isEmpty();

        check("ocsp", "unanswered");
        assertThat(reachability.unreachable()).containsEntry("ocsp", 1L);
        assertThat(reachability.unreachable()).as("no check since: still unreachable").containsEntry("ocsp", 1L);
        check("ocsp", "unanswered");
        check("crl", "answered");
        assertThat(reachability.unreachable()).containsOnlyKeys("ocsp").containsEntry("ocsp", 2L);

        check("ocsp", "answered");
        check("ocsp", "unanswered");
        assertThat(reachability.unreachable()).as("answered and unanswered alike since the last reading").containsKey("ocsp");

        check("ocsp", "answered");
        assertThat(reachability.unreachable()).isEmpty();
        assertThat(reachability.unreachable()).isEmpty();
    }

    @Test
    void aSourceThatNeverAnsweredIsUnreachableUntilItDoes() {
        check("crl", "unanswered");
        assertThat(reachability.unreachable()).containsOnlyKeys("crl");
        check("crl", "answered");
        assertThat(reachability.unreachable()).isEmpty();
    }

    private void check(String source, String outcome) {
        new HubMeters(registry).revocationChecked(source, outcome);
    }
}
