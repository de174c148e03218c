package vn.gov.hanoi.lienthong.hub;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.MetricsConfiguration;
import org.apache.activemq.artemis.core.server.metrics.ActiveMQMetricsPlugin;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.routes.Queues;

/**
 * Redelivery and dead-lettering of the embedded broker, per address, and its queue metrics in the hub's own
 * metrics (artemis.message.count, artemis.messages.added… per queue: /actuator/metrics, Prometheus). An
 * external cluster gets the same settings from its broker.xml (docker/broker.xml). Public: the benchmark
 * measures the broker's own bound on exactly this configuration (bench/).
 */
@Configuration
@ConditionalOnProperty(name = "spring.artemis.embedded.enabled", havingValue = "true", matchIfMissing = true)
public class ArtemisBrokerConfiguration {

    static final String DEAD_LETTER_ADDRESS = "DLA";
    static final int OUTBOX_GROUP_BUCKETS = 256;

    @Bean
    ArtemisConfigurationCustomizer hubAddressSettings(HubSettings settings) {
        return configuration -> {
            // Stage queues: a failure is the hub's own (database down, a bug): retry patiently, then dead-letter.
            configuration.addAddressSetting("lienthong.#", deadLettering(new AddressSettings())
                    .setRedeliveryDelay(1_000)
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(60_000)
                    .setMaxDeliveryAttempts(20));
            // Outboxes: a failure is the agency's system being unreachable; the route gives up on the last attempt.
            // Messages are grouped by document (OutboxRoute); buckets keep the broker's group table bounded.
            HubSettings.Delivery delivery = settings.delivery();
            configuration.addAddressSetting(Queues.OUTBOX_PREFIX + "#", deadLettering(new AddressSettings())
                    .setRedeliveryDelay(delivery.initialDelay().toMillis())
                    .setRedeliveryMultiplier(delivery.backOffMultiplier())
                    .setMaxRedeliveryDelay(delivery.maxDelay().toMillis())
                    .setMaxDeliveryAttempts(delivery.maxAttempts() + 1)
                    .setDefaultGroupBuckets(OUTBOX_GROUP_BUCKETS));
        };
    }

    /**
     * The broker's MBeans in the JVM's platform MBean server, where Hawtio's JMX tree shows every address and queue
     * (message count, consumers, messages added) beside Camel's routes.
     */
    @Bean
    ArtemisConfigurationCustomizer brokerManagement() {
        return configuration -> configuration.setJMXManagementEnabled(true).setJMXUseBrokerName(true);
    }

    @Bean
    ArtemisConfigurationCustomizer brokerMetrics(MeterRegistry registry) {
        return configuration -> configuration.setMetricsConfiguration(new MetricsConfiguration()
                .setJvmMemory(false).setJvmGc(false).setJvmThread(false)
                .setPlugin(new HubMeterRegistry(registry)));
    }

    /** Artemis's metrics go to the registry the actuator already exposes (the JVM's own metrics are there too). */
    private static final class HubMeterRegistry implements ActiveMQMetricsPlugin {
        private final transient MeterRegistry registry;

        HubMeterRegistry(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public ActiveMQMetricsPlugin init(Map<String, String> options) {
            return this;
        }

        @Override
        public MeterRegistry getRegistry() {
            return registry;
        }
    }

    private static AddressSettings deadLettering(AddressSettings settings) {
        return settings
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                .setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of(Queues.DEAD_LETTER_PREFIX));
    }
}
