package vn.gov.hanoi.lienthong.connectors.kafka;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The events channel as the publisher's last pass found it. Optional: Kafka away makes the hub DEGRADED (answered
 * 200, shown to operators), never DOWN, and readiness does not include it — the events wait in the outbox.
 */
@Component("kafkaEvents")
@ConditionalOnProperty(name = "hub.events.kafka.enabled", havingValue = "true")
public class KafkaEventsHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "an optional channel is unreachable");

    private final LifecycleEventPublisher publisher;

    public KafkaEventsHealthIndicator(LifecycleEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Health health() {
        String problem = publisher.problem();
        Health.Builder health = problem == null ? Health.up() : Health.status(DEGRADED).withDetail("problem", problem);
        return health.withDetail("waiting", publisher.waiting()).build();
    }
}
