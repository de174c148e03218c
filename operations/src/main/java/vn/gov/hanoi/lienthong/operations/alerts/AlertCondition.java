package vn.gov.hanoi.lienthong.operations.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One kind of thing operators must hear about. Each evaluation says what is firing now, one {@link Firing} per
 * subject (a queue, a recipient, a certificate); the {@link AlertEvaluator} turns starts, continuations and ends
 * into raised, reminded and cleared alerts.
 */
public interface AlertCondition {

    /** The alert kind, e.g. FAILED_QUEUE: the first part of every alert key of this condition. */
    String kind();

    /** What fires now. Throwing means "cannot tell now": the kind's alerts are left as they are. */
    List<Firing> evaluate(Instant now) throws Exception;

    /** @param subject what the alert is about, the second part of its key */
    record Firing(String subject, String summaryVi, String summaryEn, Map<String, Object> details) {
    }
}
