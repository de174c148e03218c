package vn.gov.hanoi.lienthong.operations.watchdog;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each step of a delivery may take before the watchdog flags it ({@code hub.watchdog.*} in
 * config/application.yaml): a push (soap-push, rest-push, email) handed over, a pull fetched, and the recipient's
 * status 01 (arrived) after delivery. A deadline of a day or more is counted in working days (config/holidays.yaml):
 * a pull due within one day of a Friday afternoon is late on Monday afternoon, not on Saturday.
 *
 * @param interval      how often the watchdog looks
 * @param handOver      per channel (its config name): from dispatch to DELIVERED
 * @param arrivalStatus from DELIVERED to the recipient's first status
 */
@ConfigurationProperties(prefix = "hub.watchdog")
public record DeliveryDeadlines(Duration interval, Map<String, Duration> handOver, Duration arrivalStatus) {

    public DeliveryDeadlines {
        if (interval == null) interval = Duration.ofMinutes(1);
        if (handOver == null || handOver.isEmpty()) {
            handOver = Map.of("soap-push", Duration.ofMinutes(15), "rest-push", Duration.ofMinutes(15),
                    "email", Duration.ofMinutes(15), "pull", Duration.ofDays(1));
        }
        if (arrivalStatus == null) arrivalStatus = Duration.ofDays(1);
    }
}
