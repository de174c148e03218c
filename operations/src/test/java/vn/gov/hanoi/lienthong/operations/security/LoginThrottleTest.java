package vn.gov.hanoi.lienthong.operations.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-01T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(30), clock);

    @Test
    void aFewMistakesHoldNobody() {
        for (int i = 0; i < 4; i++) throttle.failed("operator");
        assertThat(throttle.heldUntil("operator")).isEmpty();
    }

    @Test
    void repeatedFailuresHoldTheNameForLongerAndLongerUpToTheLongestHold() {
        for (int i = 0; i < 5; i++) throttle.failed("operator");
        assertThat(throttle.heldUntil("OPERATOR ")).as("the same name, however typed").contains(now.plusSeconds(30));
        throttle.failed("operator");
        assertThat(throttle.heldUntil("operator")).contains(now.plusSeconds(60));
        for (int i = 0; i < 30; i++) throttle.failed("operator");
        assertThat(throttle.heldUntil("operator")).contains(now.plus(Duration.ofMinutes(30)));
        assertThat(throttle.heldUntil("admin")).as("another name is not held").isEmpty();

        now = now.plus(Duration.ofMinutes(31));
        assertThat(throttle.heldUntil("operator")).as("the hold ends").isEmpty();
    }

    @Test
    void aSuccessClearsTheCount() {
        for (int i = 0; i < 4; i++) throttle.failed("operator");
        throttle.succeeded("operator");
        throttle.failed("operator");
        assertThat(throttle.heldUntil("operator")).isEmpty();
    }
}
