package vn.gov.hanoi.lienthong.connectors.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.events.kafka.*}: where the lifecycle events go (README, "Lifecycle events").
 *
 * @param enabled          off in the embedded default: no event is written or sent
 * @param bootstrapServers the cluster's brokers, host:port, comma-separated
 * @param topic            the topic of this schema version (a new version gets a new topic)
 * @param publishInterval  the pause between two passes of the publisher when it found nothing to send
 * @param batchSize        events handed to Kafka at once (and the tail read back after a crash, per partition)
 * @param sendTimeout      how long a pass waits for Kafka before it gives up and tries again later
 * @param client           further Kafka client settings, by their Kafka names (security.protocol, sasl.mechanism,
 *                         sasl.jaas.config, ssl.truststore.location…): the producer's and the publisher's check alike
 */
@ConfigurationProperties("hub.events.kafka")
public record KafkaEventsSettings(boolean enabled, String bootstrapServers, String topic, Duration publishInterval,
                                  int batchSize, Duration sendTimeout, java.util.Map<String, String> client) {

    public KafkaEventsSettings {
        if (bootstrapServers == null) bootstrapServers = "localhost:9092";
        if (topic == null) topic = "lienthong.lifecycle.v1";
        if (publishInterval == null) publishInterval = Duration.ofSeconds(1);
        if (batchSize <= 0) batchSize = 500;
        if (sendTimeout == null) sendTimeout = Duration.ofSeconds(10);
        client = client == null ? java.util.Map.of() : java.util.Map.copyOf(client);
    }
}
