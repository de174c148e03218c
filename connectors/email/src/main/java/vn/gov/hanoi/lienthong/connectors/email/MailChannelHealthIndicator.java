package vn.gov.hanoi.lienthong.connectors.email;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The mail channel as the last poll of the hub's mailbox found it. An optional channel: when the city's mail
 * server is away the hub is DEGRADED (answered 200, shown to operators), never DOWN, and readiness does not
 * include it — the other channels go on and the letters wait on the mail server.
 */
@Component
@ConditionalOnProperty(name = "hub.mail.imap.enabled", havingValue = "true")
public class MailChannelHealthIndicator implements HealthIndicator {

    /** Working, with part of the hub's reach missing. */
    public static final Status DEGRADED = new Status("DEGRADED", "an optional channel is unreachable");

    private final MailboxPoller poller;

    public MailChannelHealthIndicator(MailboxPoller poller) {
        this.poller = poller;
    }

    @Override
    public Health health() {
        MailboxPoller.Reach reach = poller.reach();
        Health.Builder health = reach.reached() ? Health.up() : Health.status(DEGRADED)
                .withDetail("problem", reach.problem()).withDetail("failedPollsInARow", reach.failuresInARow());
        return reach.at() == null ? health.build() : health.withDetail("lastPoll", reach.at().toString()).build();
    }
}
