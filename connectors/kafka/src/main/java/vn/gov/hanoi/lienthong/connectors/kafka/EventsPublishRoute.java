package vn.gov.hanoi.lienthong.connectors.kafka;

import java.util.Map;

import org.apache.camel.Exchange;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.routes.HubRouteBuilder;

/**
 * Publishes the lifecycle events (on when hub.events.kafka.enabled): each pass takes the next events from the
 * outbox in order and hands them to Kafka, keyed by document, until none waits. Kafka's idempotent producer keeps
 * the order of one partition across its own retries, and nothing is marked published before Kafka acknowledged
 * it. Singleton work: one node of a cluster runs it.
 */
@Component
@ConditionalOnProperty(name = "hub.events.kafka.enabled", havingValue = "true")
public class EventsPublishRoute extends HubRouteBuilder {

    private final LifecycleEventPublisher publisher;
    private final KafkaEventsSettings settings;

    public EventsPublishRoute(LifecycleEventPublisher publisher, KafkaEventsSettings settings) {
        this.publisher = publisher;
        this.settings = settings;
    }

    @Override
    protected void configureRoutes() {
        from(singleton("events-publish", settings.publishInterval())).routeId("events-publish")
                .onException(Exception.class).handled(true)
                    .logExhausted(false).logStackTrace(false).logExhaustedMessageHistory(false)
                    .process(exchange -> publisher.failed(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                .end()
                .loopDoWhile(publisher::takeNext)
                    .to(kafka())
                    .process(publisher::sent)
                .end();
    }

    /**
     * Every record acknowledged by all in-sync replicas, in order per partition, within the pass's time. Synchronous:
     * the pass waits for Kafka's answer on its own thread, so that no second pass starts (and reads the outbox)
     * while records of the first are still in flight. Each record with its own headers (its key, its content type).
     */
    private String kafka() {
        long timeout = settings.sendTimeout().toMillis();
        StringBuilder uri = new StringBuilder("kafka:").append(settings.topic())
                .append("?brokers=RAW(").append(settings.bootstrapServers()).append(')')
                .append("&clientId=lienthong-events&synchronous=true&batchWithIndividualHeaders=true")
                .append("&requestRequiredAcks=all&enableIdempotence=true&maxInFlightRequest=5&lingerMs=5")
                .append("&maxBlockMs=").append(timeout)
                .append("&requestTimeoutMs=").append(timeout / 2)
                .append("&deliveryTimeoutMs=").append(timeout)
                .append("&reconnectBackoffMaxMs=10000");
        for (Map.Entry<String, String> setting : settings.client().entrySet()) {
            uri.append("&additionalProperties.").append(setting.getKey()).append("=RAW(").append(setting.getValue()).append(')');
        }
        return uri.toString();
    }
}
