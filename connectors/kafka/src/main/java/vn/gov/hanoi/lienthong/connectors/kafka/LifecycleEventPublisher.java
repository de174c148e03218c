package vn.gov.hanoi.lienthong.connectors.kafka;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the events publisher: settle what an earlier pass left in doubt, take the next events in order,
 * and mark them published once Kafka has acknowledged every one. Kafka away: the events wait in the outbox (the
 * exchange goes on; it only writes rows), one WARN when it starts, one INFO when it ends.
 */
public class LifecycleEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleEventPublisher.class);
    static final String CLOUDEVENTS_JSON = "application/cloudevents+json; charset=UTF-8";
    private static final String BATCH = "LienThongEventBatch";

    private final EventOutbox outbox;
    private final TopicTail tail;
    private final KafkaEventsSettings settings;
    private final Counter published;
    private final AtomicReference<String> problem = new AtomicReference<>();

    public LifecycleEventPublisher(EventOutbox outbox, KafkaEventsSettings settings, Map<String, Object> clientProperties,
                                   ObjectMapper json, MeterRegistry meters) {
        this.outbox = outbox;
        this.settings = settings;
        this.tail = new TopicTail(settings, clientProperties, json);
        this.published = Counter.builder("lienthong.events.published")
                .description("Lifecycle events Kafka acknowledged").register(meters);
        Gauge.builder("lienthong.events.waiting", outbox, EventOutbox::waiting)
                .description("Lifecycle events in the outbox, not yet on Kafka").register(meters);
    }

    /**
     * Puts the next events in the exchange's body, one message per event keyed by its document.
     *
     * @return false when nothing waits
     */
    public boolean takeNext(Exchange exchange) {
        settleUnconfirmed();
        List<PendingEvent> batch = outbox.claim(settings.batchSize());
        if (batch.isEmpty()) {
            recovered();
            return false;
        }
        List<Message> records = batch.stream().map(event -> record(exchange, event)).toList();
        exchange.getMessage().setBody(records);
        exchange.setProperty(BATCH, batch);
        return true;
    }

    /** Kafka acknowledged every record of the batch. */
    @SuppressWarnings("unchecked")
    public void sent(Exchange exchange) {
        List<PendingEvent> batch = exchange.getProperty(BATCH, List.class);
        outbox.published(batch.stream().map(PendingEvent::id).toList());
        published.increment(batch.size());
        recovered();
    }

    /** A pass that failed: the events it took stay in doubt until the next pass settles them. */
    public void failed(Exception cause) {
        String now = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (problem.getAndSet(now) == null) {
            LOG.warn("Lifecycle events cannot be sent to Kafka ({}) now; they wait in the outbox and go once it answers: {}",
                    settings.bootstrapServers(), now);
        }
    }

    /** Null while Kafka takes the events; what went wrong otherwise. */
    public String problem() {
        return problem.get();
    }

    public long waiting() {
        return outbox.waiting();
    }

    private void settleUnconfirmed() {
        List<PendingEvent> unconfirmed = outbox.unconfirmed();
        if (unconfirmed.isEmpty()) return;
        Set<UUID> onKafka = tail.eventIds(settings.batchSize());
        Set<UUID> there = new HashSet<>();
        Set<UUID> missing = new HashSet<>();
        for (PendingEvent event : unconfirmed) {
            (onKafka.contains(event.id()) ? there : missing).add(event.id());
        }
        outbox.published(there);
        outbox.release(missing);
        published.increment(there.size());
        LOG.info("Lifecycle events in doubt after an interrupted send: {} already on Kafka (not sent again), {} sent again",
                there.size(), missing.size());
    }

    private void recovered() {
        if (problem.getAndSet(null) != null) {
            LOG.info("Lifecycle events go to Kafka again; {} waiting", outbox.waiting());
        }
    }

    private static Message record(Exchange exchange, PendingEvent event) {
        Message message = new DefaultMessage(exchange.getContext());
        message.setHeader(KafkaConstants.KEY, event.documentId().toString());
        message.setHeader("content-type", CLOUDEVENTS_JSON);
        message.setBody(event.json());
        return message;
    }
}
