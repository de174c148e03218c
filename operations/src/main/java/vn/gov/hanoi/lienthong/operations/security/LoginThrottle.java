package vn.gov.hanoi.lienthong.operations.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins, counted per name signed in with, and slowed: after {@code freeAttempts} failures in a row the
 * name is held for a while before another attempt is even checked, the hold doubling with each further failure
 * up to {@code longestHold}. A success clears the count. Guessing a secret through the form or HTTP Basic then
 * takes years instead of minutes, while a person who mistypes a few times is not held at all.
 */
public final class LoginThrottle {

    private final int freeAttempts;
    private final Duration firstHold;
    private final Duration longestHold;
    private final Clock clock;
    private final Map<String, Failures> byName = new ConcurrentHashMap<>();

    record Failures(int count, Instant heldUntil) {
    }

    public LoginThrottle(int freeAttempts, Duration firstHold, Duration longestHold, Clock clock) {
        this.freeAttempts = freeAttempts;
        this.firstHold = firstHold;
        this.longestHold = longestHold;
        this.clock = clock;
    }

    /** Until when the name is held, if it is now. */
    public Optional<Instant> heldUntil(String name) {
        Failures failures = byName.get(key(name));
        if (failures == null || failures.heldUntil() == null || !failures.heldUntil().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(failures.heldUntil());
    }

    /** Records a failure; returns how many in a row. */
    public int failed(String name) {
        return byName.compute(key(name), (k, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            Instant heldUntil = null;
            if (count >= freeAttempts) {
                int doublings = Math.min(count - freeAttempts, 20);
                Duration hold = firstHold.multipliedBy(1L << doublings);
                if (hold.compareTo(longestHold) > 0) hold = longestHold;
                heldUntil = clock.instant().plus(hold);
            }
            return new Failures(count, heldUntil);
        }).count();
    }

    public void succeeded(String name) {
        byName.remove(key(name));
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
