package vn.gov.hanoi.lienthong.hub;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer of the hub's lifecycle topic, as the city's reporting would be: everything from the beginning, in
 * the order of each partition, and the checks the tests make on what it read — each event once, as its schema
 * says, and the life of a document whole and in order.
 */
final class LifecycleEventLog implements AutoCloseable {

    static final String TOPIC = "lienthong.lifecycle.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = schema();

    record Event(String key, int partition, long offset, String contentType, JsonNode json) {
        String id() { return json.path("id").asText(); }
        String type() { return json.path("type").asText(); }
        JsonNode data() { return json.path("data"); }
        long sequence() { return Long.parseLong(json.path("sequence").asText()); }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;

    private LifecycleEventLog(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "lienthong-tests-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        reader = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
                consumer.subscribe(List.of(TOPIC));
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        var contentType = record.headers().lastHeader("content-type");
                        events.add(new Event(record.key(), record.partition(), record.offset(),
                                contentType == null ? null : new String(contentType.value(), java.nio.charset.StandardCharsets.UTF_8),
                                JSON.readTree(record.value())));
                    }
                }
            } catch (Exception e) {
                if (running.get()) throw new IllegalStateException(e);
            }
        }, "lifecycle-event-log");
        reader.setDaemon(true);
        reader.start();
    }

    static LifecycleEventLog follow(String bootstrapServers) {
        return new LifecycleEventLog(bootstrapServers);
    }

    /** The events of one document, in the order they arrived (one partition: the record's key). */
    List<Event> of(String documentId) {
        return events.stream().filter(event -> documentId.equals(event.key())).toList();
    }

    List<Event> all() {
        return List.copyOf(events);
    }

    /**
     * Whether the document's life is on the topic whole: received to dispatched, and each named recipient's
     * delivery to {@code deliveryEnd}.
     */
    boolean complete(String documentId, Map<String, String> deliveryEnd) {
        List<Event> of = of(documentId);
        boolean dispatched = of.stream().anyMatch(e -> e.type().endsWith("document.state-changed")
                && e.data().path("toState").asText().equals("DISPATCHED"));
        return dispatched && deliveryEnd.entrySet().stream().allMatch(end -> of.stream().anyMatch(e ->
                e.type().endsWith("delivery.state-changed") && e.data().path("recipientOrganId").asText().equals(end.getKey())
                        && e.data().path("toState").asText().equals(end.getValue())));
    }

    /**
     * Each event once and as its schema says; keyed by its document; in order: its sequence rising along the
     * partition, and each of the document's state machines (the document's, each delivery's) a chain without a gap
     * — every change starts from the state the one before it ended in.
     */
    void assertWholeAndInOrder(String documentId) {
        List<Event> of = of(documentId);
        assertThat(of).as("events of %s", documentId).isNotEmpty();
        Set<String> ids = new HashSet<>();
        long previous = -1;
        Map<String, String> stateOf = new HashMap<>();
        for (Event event : of) {
            Set<ValidationMessage> problems = SCHEMA.validate(event.json());
            assertThat(problems).as("event %s against lifecycle-event-v1.schema.json", event.json()).isEmpty();
            assertThat(event.contentType()).startsWith("application/cloudevents+json");
            assertThat(event.json().path("subject").asText()).isEqualTo(documentId);
            assertThat(ids.add(event.id())).as("event %s arrived once", event.id()).isTrue();
            assertThat(event.sequence()).as("sequence rising along the document's events").isGreaterThan(previous);
            previous = event.sequence();
            if (event.type().endsWith("status.recorded")) continue;
            String machine = event.type().endsWith("document.state-changed") ? "document"
                    : "delivery " + event.data().path("deliveryId").asText();
            JsonNode from = event.data().path("fromState");
            assertThat(from.isNull() ? null : from.asText()).as("%s: %s starts where the one before ended", machine, event.json())
                    .isEqualTo(stateOf.get(machine));
            stateOf.put(machine, event.data().path("toState").asText());
        }
        assertThat(stateOf.get("document")).isEqualTo("DISPATCHED");
    }

    /** How many times each event id arrived, over everything read. */
    Map<String, Integer> copiesById() {
        Map<String, Integer> copies = new HashMap<>();
        for (Event event : events) copies.merge(event.id(), 1, Integer::sum);
        return copies;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        reader.join(5_000);
    }

    private static JsonSchema schema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                com.networknt.schema.SchemaLocation.of("classpath:events/lifecycle-event-v1.schema.json"),
                com.networknt.schema.SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
}
