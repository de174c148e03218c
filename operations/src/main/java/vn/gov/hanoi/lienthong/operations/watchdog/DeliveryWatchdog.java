package vn.gov.hanoi.lienthong.operations.watchdog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.directory.Channel;
import vn.gov.hanoi.lienthong.core.metrics.HubMeters;

/**
 * Flags every delivery past its deadline ({@link DeliveryDeadlines}; one of a day or more counted in working time,
 * {@link WorkingCalendar#startOfRunOutDeadline}): not handed over in time (a push not taken, a
 * pull not fetched), or delivered without the recipient's arrival status in time. A flag is set once per reason,
 * with when and why, in the delivery's own row (the later reason replaces the earlier); the meter {@code lienthong.deliveries.overdue} counts the flagged deliveries
 * still open, and the actuator's {@code overdue} endpoint lists them for operators.
 *
 * <p>Each pass is a few idempotent UPDATEs ("flag where not yet flagged"), so two nodes running it at once flag
 * each delivery once: it needs no leader, though one node is enough.
 */
@Component
public class DeliveryWatchdog {

    public static final String OVERDUE = "lienthong.deliveries.overdue";
    public static final String NOT_HANDED_OVER = "NOT_HANDED_OVER";
    public static final String NO_ARRIVAL_STATUS = "NO_ARRIVAL_STATUS";
    /** A delivered document older than this is not looked at again for its arrival status. */
    private static final Duration STATUS_LOOK_BACK = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWatchdog.class);

    private final JdbcTemplate jdbc;
    private final DeliveryDeadlines deadlines;
    private final Clock clock;
    private final MultiGauge overdue;
    private final AgencyDirectory directory;
    private final WorkingCalendar calendar;

    public DeliveryWatchdog(JdbcTemplate jdbc, DeliveryDeadlines deadlines, Clock clock, HubMeters meters,
                            AgencyDirectory directory, WorkingCalendar calendar) {
        this.calendar = calendar;
        this.directory = directory;
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.clock = clock;
        this.overdue = MultiGauge.builder(OVERDUE).description("deliveries past their deadline and still open")
                .register(meters.registry());
    }

    /** One pass: flags what has passed its deadline since the last; returns how many it flagged. */
    public int look() {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        int flagged = 0;
        for (Map.Entry<String, Duration> deadline : deadlines.handOver().entrySet()) {
            flagged += jdbc.update("update delivery set overdue_since = ?, overdue_reason = ? "
                            // updated_at: when it was queued (dispatched, or re-driven by an operator) or made available.
                            + "where overdue_since is null and state in ('QUEUED', 'AVAILABLE') and channel = ? and updated_at < ?",
                    at, NOT_HANDED_OVER, Channel.fromConfigName(deadline.getKey()).name(),
                    Timestamp.from(calendar.startOfRunOutDeadline(now, deadline.getValue())));
        }
        flagged += jdbc.update("update delivery d set overdue_since = ?, overdue_reason = ? "
                        // Late to be handed over and then without a status: flagged again, for the status.
                        + "where (d.overdue_reason is null or d.overdue_reason = '" + NOT_HANDED_OVER + "') "
                        + "and d.state = 'DELIVERED' and d.updated_at < ? and d.updated_at > ? "
                        + "and not exists (select 1 from status_event s where s.document_id = d.document_id "
                        + "and s.organ_id = d.recipient_organ_id)",
                at, NO_ARRIVAL_STATUS, Timestamp.from(calendar.startOfRunOutDeadline(now, deadlines.arrivalStatus())),
                Timestamp.from(now.minus(STATUS_LOOK_BACK)));
        if (flagged > 0) {
            LOG.warn("{} deliver{} passed {} deadline (actuator: /actuator/overdue)", flagged, flagged == 1 ? "y" : "ies",
                    flagged == 1 ? "its" : "their");
        }
        count();
        return flagged;
    }

    /** A flagged delivery still open: waiting to be handed over, or delivered and still without a status. */
    public record Overdue(UUID deliveryId, UUID documentId, String recipientOrganId, String channel, String state,
                          String reason, Instant createdAt, Instant overdueSince) {
    }

    public List<Overdue> open() {
        return jdbc.query("select d.id, d.document_id, d.recipient_organ_id, d.channel, d.state, d.overdue_reason, "
                + "d.created_at, d.overdue_since from delivery d where d.overdue_since is not null and (d.state in ('QUEUED', 'AVAILABLE') "
                + "or (d.state = 'DELIVERED' and d.overdue_reason = '" + NO_ARRIVAL_STATUS + "' and not exists "
                + "(select 1 from status_event s where s.document_id = d.document_id and s.organ_id = d.recipient_organ_id))) "
                + "order by d.overdue_since, d.created_at limit 1000", (row, n) -> new Overdue(
                row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                Channel.valueOf(row.getString(4)).configName(),
                row.getString(5), row.getString(6), row.getTimestamp(7).toInstant(), row.getTimestamp(8).toInstant()));
    }

    /** Every agency of the directory has both series (at zero when nothing of it is overdue), so a dashboard sees them. */
    private void count() {
        Map<Tags, Long> counts = new java.util.HashMap<>();
        for (var agency : directory.all()) {
            for (String reason : List.of(NOT_HANDED_OVER, NO_ARRIVAL_STATUS)) {
                counts.put(Tags.of("recipient", agency.organId(), "channel", agency.channel().configName(), "reason", reason), 0L);
            }
        }
        for (Overdue item : open()) {
            counts.merge(Tags.of("recipient", item.recipientOrganId(), "channel", item.channel(), "reason", item.reason()),
                    1L, Long::sum);
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((tags, count) -> rows.add(MultiGauge.Row.of(tags, count)));
        overdue.register(rows, true);
    }
}
