package vn.gov.hanoi.lienthong.operations.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.metrics.HubMeters;

/**
 * What waits, per recipient, read from the deliveries themselves (the database is the record, so the figures
 * are right after a restart too): {@code lienthong.deliveries.waiting} — deliveries queued for a push or
 * available for a pull — and {@code lienthong.deliveries.oldest.waiting.seconds}, the age of the oldest of them.
 * Every agency of the directory has both series, at zero when nothing waits for it. Refreshed at an interval
 * (one indexed query over the waiting deliveries only); read-only, so every node of a cluster may run it.
 */
@Component
public class DeliveryBacklogMeters {

    public static final String WAITING = "lienthong.deliveries.waiting";
    public static final String OLDEST_WAITING = "lienthong.deliveries.oldest.waiting.seconds";

    private final JdbcTemplate jdbc;
    private final AgencyDirectory directory;
    private final Clock clock;
    private final MultiGauge waiting;
    private final MultiGauge oldest;

    public DeliveryBacklogMeters(JdbcTemplate jdbc, AgencyDirectory directory, Clock clock, HubMeters meters) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.waiting = MultiGauge.builder(WAITING).description("deliveries queued for a push or available for a pull")
                .register(meters.registry());
        this.oldest = MultiGauge.builder(OLDEST_WAITING).description("age of the oldest waiting delivery")
                .baseUnit("seconds").register(meters.registry());
        refresh();
    }

    record Backlog(long count, Instant oldest) {
    }

    @Scheduled(fixedDelayString = "${hub.metrics.backlog-refresh:15s}")
    public void refresh() {
        Map<String, Backlog> byRecipient = new HashMap<>();
        jdbc.query("select recipient_organ_id, count(*), min(created_at) from delivery "
                + "where state in ('QUEUED', 'AVAILABLE') group by recipient_organ_id", row -> {
            byRecipient.put(row.getString(1), new Backlog(row.getLong(2), row.getTimestamp(3).toInstant()));
        });
        Instant now = clock.instant();
        List<MultiGauge.Row<?>> counts = new ArrayList<>();
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        for (Agency agency : directory.all()) {
            Backlog backlog = byRecipient.getOrDefault(agency.organId(), new Backlog(0, null));
            Tags tags = Tags.of("recipient", agency.organId(), "channel", agency.channel().configName());
            counts.add(MultiGauge.Row.of(tags, backlog.count()));
            ages.add(MultiGauge.Row.of(tags, backlog.oldest() == null ? 0.0
                    : Math.max(0, Duration.between(backlog.oldest(), now).toMillis() / 1000.0)));
        }
        waiting.register(counts, true);
        oldest.register(ages, true);
    }
}
