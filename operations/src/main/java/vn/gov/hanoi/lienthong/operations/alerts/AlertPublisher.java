package vn.gov.hanoi.lienthong.operations.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.alert.AlertChannel;
import vn.gov.hanoi.lienthong.core.alert.AlertNotice;

/**
 * Sends the alert notices from their outbox, on every configured channel, in the order they were written; a
 * channel that fails keeps its place (the next notice waits, so a receiver never sees CLEARED before RAISED) and
 * is tried again at the next pass. Each notice is marked sent per channel once the channel took it: a crash
 * between the two sends it again, and the receiver de-duplicates by the notice's id.
 */
@Component
public class AlertPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(AlertPublisher.class);
    private static final int BATCH = 50;

    private final List<AlertChannel> channels;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<String, Boolean> failing = new ConcurrentHashMap<>();

    public AlertPublisher(List<AlertChannel> channels, JdbcTemplate jdbc, Clock clock, ObjectMapper json) {
        this.channels = channels;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    public void publish() {
        for (AlertChannel channel : channels) {
            String column = column(channel);
            if (column == null) continue;
            if (!channel.enabled()) {
                // Nothing to send it on: marked, so that the outbox does not grow for a channel nobody configured.
                jdbc.update("update alert_notice set " + column + " = created_at where " + column + " is null");
                continue;
            }
            List<AlertNotice> waiting = jdbc.query("select id, payload from alert_notice where " + column
                    + " is null order by id limit " + BATCH, (row, n) -> notice(row.getLong(1), row.getString(2)));
            for (AlertNotice notice : waiting) {
                try {
                    channel.send(notice);
                } catch (Exception e) {
                    jdbc.update("update alert_notice set attempts = attempts + 1, last_error = ? where id = ?",
                            channel.name() + ": " + e.getMessage(), notice.id());
                    if (failing.put(channel.name(), true) == null) {
                        LOG.warn("Alert notices cannot be sent by {} now (retried): {}", channel.name(), e.toString());
                    }
                    break;
                }
                jdbc.update("update alert_notice set " + column + " = ? where id = ?", Timestamp.from(clock.instant()), notice.id());
                if (failing.remove(channel.name()) != null) {
                    LOG.info("Alert notices are sent by {} again", channel.name());
                }
            }
        }
    }

    /** Each channel marks its own column of the outbox. */
    private static String column(AlertChannel channel) {
        return switch (channel.name()) {
            case "mail" -> "mailed_at";
            case "webhook" -> "posted_at";
            default -> {
                LOG.warn("Alert channel {} has no column in alert_notice: skipped", channel.name());
                yield null;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private AlertNotice notice(long id, String payload) {
        try {
            Map<String, Object> fields = json.readValue(payload, new TypeReference<Map<String, Object>>() { });
            return new AlertNotice(id, (String) fields.get("key"), (String) fields.get("kind"), (String) fields.get("subject"),
                    AlertNotice.Event.valueOf((String) fields.get("event")), (String) fields.get("summaryVi"),
                    (String) fields.get("summaryEn"), Instant.parse((String) fields.get("raisedAt")),
                    Instant.parse((String) fields.get("at")), (Map<String, Object>) fields.getOrDefault("details", Map.of()));
        } catch (Exception e) {
            throw new IllegalStateException("alert notice " + id + " is unreadable", e);
        }
    }
}
