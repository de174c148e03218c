package vn.gov.hanoi.lienthong.core.alert;

import java.time.Instant;
import java.util.Map;

/**
 * One notice about an alert, as the operators receive it (mail, webhook): an alert is raised when its condition
 * starts, reminded at an interval while it lasts, and cleared when it ends.
 *
 * @param id        the notice's own id: a receiver de-duplicates by it (a notice may be sent again after a crash)
 * @param key       the alert: its kind and what it is about, e.g. {@code FAILED_QUEUE:lienthong.failed.000.00.15.H26}
 * @param event     RAISED, REMINDER or CLEARED
 * @param raisedAt  when the condition started
 * @param details   what the condition saw (counts, ages, dates), for the operator
 */
public record AlertNotice(long id, String key, String kind, String subject, Event event, String summaryVi,
                          String summaryEn, Instant raisedAt, Instant at, Map<String, Object> details) {

    public enum Event {
        RAISED, REMINDER, CLEARED
    }
}
