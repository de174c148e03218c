package vn.gov.hanoi.lienthong.operations.alerts;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import vn.gov.hanoi.lienthong.core.metrics.HubMeters;

/**
 * Whether each kind of revocation source (ocsp, crl) answers, read from the revocation checks counted by outcome
 * ({@link HubMeters#REVOCATION_CHECKS}). A source is unreachable from a check it left unanswered until one it
 * answers; between two readings in which neither count moved it stays as it was — held inspections retry less
 * often than alerts are evaluated, and an alert that cleared between two retries would be raised again at each.
 * When both moved since the last reading, the unanswered check is taken as the later news: the source stays
 * unreachable until a reading sees answers only.
 */
final class RevocationReachability {

    private final MeterRegistry registry;
    private final Map<String, Double> answeredSeen = new HashMap<>();
    private final Map<String, Double> unansweredSeen = new HashMap<>();
    /** Unanswered checks counted since each unreachable source was last reachable. */
    private final Map<String, Double> unreachableSince = new TreeMap<>();

    RevocationReachability(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The sources that do not answer now, with the checks they left unanswered since they last answered. */
    synchronized Map<String, Long> unreachable() {
        Map<String, Double> answered = counts("answered");
        Map<String, Double> unanswered = counts("unanswered");
        for (Map.Entry<String, Double> entry : unanswered.entrySet()) {
            String source = entry.getKey();
            double moved = entry.getValue() - unansweredSeen.getOrDefault(source, 0.0);
            if (moved > 0) unreachableSince.merge(source, moved, Double::sum);
        }
        for (Map.Entry<String, Double> entry : answered.entrySet()) {
            String source = entry.getKey();
            boolean answers = entry.getValue() > answeredSeen.getOrDefault(source, 0.0);
            boolean fails = unanswered.getOrDefault(source, 0.0) > unansweredSeen.getOrDefault(source, 0.0);
            if (answers && !fails) unreachableSince.remove(source);
        }
        answeredSeen.putAll(answered);
        unansweredSeen.putAll(unanswered);
        Map<String, Long> now = new TreeMap<>();
        unreachableSince.forEach((source, count) -> now.put(source, count.longValue()));
        return now;
    }

    private Map<String, Double> counts(String outcome) {
        Map<String, Double> counts = new HashMap<>();
        for (Counter counter : registry.find(HubMeters.REVOCATION_CHECKS).tag("outcome", outcome).counters()) {
            counts.merge(counter.getId().getTag("source"), counter.count(), Double::sum);
        }
        return counts;
    }
}
