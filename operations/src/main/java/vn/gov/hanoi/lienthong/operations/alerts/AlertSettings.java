package vn.gov.hanoi.lienthong.operations.alerts;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code hub.alerts.*}: how often conditions are evaluated and notices sent, when a lasting alert is repeated,
 * where notices go, and the thresholds of the conditions.
 *
 * @param mailTo            the operators' mailing list (empty: no mail)
 * @param webhookUrl        where a JSON notice is posted (empty: no webhook)
 * @param unreachableAfter  a push recipient whose oldest waiting delivery is older than this is unreachable
 * @param certificateWarnings days before a certificate's end at which an alert is raised (and raised again)
 * @param diskFreeBelow     free space under the data directory below which an alert is raised
 */
@ConfigurationProperties(prefix = "hub.alerts")
public record AlertSettings(Duration interval, Duration publishInterval, Duration reminder, List<String> mailTo,
                            String webhookUrl, Duration unreachableAfter, List<Integer> certificateWarnings,
                            DataSize diskFreeBelow) {

    public AlertSettings {
        if (interval == null) interval = Duration.ofMinutes(1);
        if (publishInterval == null) publishInterval = Duration.ofSeconds(10);
        if (reminder == null) reminder = Duration.ofHours(4);
        if (mailTo == null) mailTo = List.of();
        if (unreachableAfter == null) unreachableAfter = Duration.ofDays(1);
        if (certificateWarnings == null || certificateWarnings.isEmpty()) certificateWarnings = List.of(60, 30, 7);
        if (diskFreeBelow == null) diskFreeBelow = DataSize.ofGigabytes(1);
    }
}
