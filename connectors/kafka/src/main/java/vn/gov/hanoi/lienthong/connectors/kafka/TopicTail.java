package vn.gov.hanoi.lienthong.connectors.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The ids of the events at the end of the topic: after a pass that never learnt whether Kafka took its events,
 * the publisher looks there before it sends anything else. Nothing but the hub's publisher writes the topic and it
 * sends nothing new before this check, so the events in doubt are among the last {@code perPartition} records of
 * each partition (a pass sends at most that many).
 */
class TopicTail {

    private final KafkaEventsSettings settings;
    private final Map<String, Object> clientProperties;
    private final ObjectMapper json;

    TopicTail(KafkaEventsSettings settings, Map<String, Object> clientProperties, ObjectMapper json) {
        this.settings = settings;
        this.clientProperties = clientProperties;
        this.json = json;
    }

    Set<UUID> eventIds(int perPartition) {
        Duration timeout = settings.sendTimeout();
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "lienthong-events-check");
        Set<UUID> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(settings.topic(), timeout);
            if (partitions == null || partitions.isEmpty()) return ids;
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, timeout);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(assigned, timeout);
            for (TopicPartition partition : assigned) {
                consumer.seek(partition, Math.max(beginnings.get(partition), ends.get(partition) - perPartition));
            }
            Instant deadline = Instant.now().plus(timeout);
            while (assigned.stream().anyMatch(p -> consumer.position(p, timeout) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("the end of topic " + settings.topic() + " was not read within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    UUID id = eventId(record.value());
                    if (id != null) ids.add(id);
                }
            }
        }
        return ids;
    }

    private UUID eventId(String value) {
        try {
            JsonNode id = json.readTree(value).get("id");
            return id == null ? null : UUID.fromString(id.asText());
        } catch (Exception e) {
            return null;
        }
    }
}
