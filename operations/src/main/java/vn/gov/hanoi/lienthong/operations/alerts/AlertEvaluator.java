package vn.gov.hanoi.lienthong.operations.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.alert.AlertNotice;

/**
 * Turns what the conditions see into alerts, never a storm: one RAISED notice when a condition starts for a
 * subject, a REMINDER every {@code hub.alerts.reminder} while it lasts, one CLEARED when it ends. Each kind is
 * evaluated in one transaction that locks its active alerts and writes the alert rows and their notices (the
 * outbox the {@link AlertPublisher} sends from) together, so a crash repeats nothing and loses nothing; two nodes
 * evaluating at once serialise on the lock, though one node is enough.
 */
@Component
public class AlertEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);

    private final List<AlertCondition> conditions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AlertSettings settings;
    private final Clock clock;
    private final ObjectMapper json;

    public AlertEvaluator(List<AlertCondition> conditions, JdbcTemplate jdbc, TransactionTemplate transaction,
                          AlertSettings settings, Clock clock, ObjectMapper json) {
        this.conditions = conditions;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    public void evaluate() {
        for (AlertCondition condition : conditions) {
            Instant now = clock.instant();
            List<AlertCondition.Firing> firing;
            try {
                firing = condition.evaluate(now);
            } catch (Exception e) {
                LOG.warn("Alert condition {} cannot be evaluated now (its alerts are kept as they are): {}",
                        condition.kind(), e.toString());
                continue;
            }
            transaction.executeWithoutResult(tx -> apply(condition.kind(), firing, now));
        }
    }

    private record Active(String key, String subject, String summaryVi, String summaryEn, Instant raisedAt,
                          Instant lastNotifiedAt) {
    }

    private void apply(String kind, List<AlertCondition.Firing> firing, Instant now) {
        Map<String, Active> active = new HashMap<>();
        jdbc.query("select key, subject, summary_vi, summary_en, raised_at, last_notified_at from alert "
                        + "where kind = ? and cleared_at is null for update",
                row -> {
                    active.put(row.getString(1), new Active(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getTimestamp(5).toInstant(), row.getTimestamp(6).toInstant()));
                }, kind);
        Map<String, AlertCondition.Firing> firingByKey = new LinkedHashMap<>();
        firing.forEach(f -> firingByKey.put(kind + ":" + f.subject(), f));
        for (Map.Entry<String, AlertCondition.Firing> entry : firingByKey.entrySet()) {
            String key = entry.getKey();
            AlertCondition.Firing f = entry.getValue();
            Active known = active.get(key);
            if (known == null) {
                jdbc.update("insert into alert (key, kind, subject, summary_vi, summary_en, details, raised_at, last_notified_at) "
                        + "values (?, ?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (key) do update set summary_vi = excluded.summary_vi, "
                        + "summary_en = excluded.summary_en, details = excluded.details, raised_at = excluded.raised_at, "
                        + "last_notified_at = excluded.last_notified_at, cleared_at = null",
                        key, kind, f.subject(), f.summaryVi(), f.summaryEn(), write(f.details()), ts(now), ts(now));
                notice(key, kind, f, AlertNotice.Event.RAISED, now, now);
                LOG.warn("ALERT raised {}: {}", key, f.summaryEn());
            } else if (!known.lastNotifiedAt().plus(settings.reminder()).isAfter(now)) {
                jdbc.update("update alert set summary_vi = ?, summary_en = ?, details = ?::jsonb, last_notified_at = ? where key = ?",
                        f.summaryVi(), f.summaryEn(), write(f.details()), ts(now), key);
                notice(key, kind, f, AlertNotice.Event.REMINDER, known.raisedAt(), now);
                LOG.warn("ALERT still raised {} (since {}): {}", key, known.raisedAt(), f.summaryEn());
            } else {
                jdbc.update("update alert set summary_vi = ?, summary_en = ?, details = ?::jsonb where key = ?",
                        f.summaryVi(), f.summaryEn(), write(f.details()), key);
            }
        }
        for (Active ended : active.values()) {
            if (firingByKey.containsKey(ended.key())) continue;
            jdbc.update("update alert set cleared_at = ? where key = ?", ts(now), ended.key());
            AlertCondition.Firing cleared = new AlertCondition.Firing(ended.subject(), "Đã hết: " + ended.summaryVi(),
                    "Cleared: " + ended.summaryEn(), Map.of());
            notice(ended.key(), kind, cleared, AlertNotice.Event.CLEARED, ended.raisedAt(), now);
            LOG.info("ALERT cleared {} (raised {})", ended.key(), ended.raisedAt());
        }
    }

    private void notice(String key, String kind, AlertCondition.Firing f, AlertNotice.Event event, Instant raisedAt, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("key", key);
        payload.put("kind", kind);
        payload.put("subject", f.subject());
        payload.put("event", event.name());
        payload.put("summaryVi", f.summaryVi());
        payload.put("summaryEn", f.summaryEn());
        payload.put("raisedAt", raisedAt.toString());
        payload.put("at", at.toString());
        payload.put("details", f.details());
        jdbc.update("insert into alert_notice (alert_key, event, payload, created_at) values (?, ?, ?::jsonb, ?)",
                key, event.name(), write(payload), ts(at));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
