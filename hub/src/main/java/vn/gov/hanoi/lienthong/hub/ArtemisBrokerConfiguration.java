package vn.gov.hanoi.lienthong.hub;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.routes.Queues;

/**
 * Redelivery and dead-lettering of the embedded broker, per address. An external cluster gets the same
 * settings from its broker.xml (docker/broker.xml).
 */
@Configuration
@ConditionalOnProperty(name = "spring.artemis.embedded.enabled", havingValue = "true", matchIfMissing = true)
class ArtemisBrokerConfiguration {

    static final String DEAD_LETTER_ADDRESS = "DLA";

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
            HubSettings.Delivery delivery = settings.delivery();
            configuration.addAddressSetting(Queues.OUTBOX_PREFIX + "#", deadLettering(new AddressSettings())
                    .setRedeliveryDelay(delivery.initialDelay().toMillis())
                    .setRedeliveryMultiplier(delivery.backOffMultiplier())
                    .setMaxRedeliveryDelay(delivery.maxDelay().toMillis())
                    .setMaxDeliveryAttempts(delivery.maxAttempts() + 1));
        };
    }

    private static AddressSettings deadLettering(AddressSettings settings) {
        return settings
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                .setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of(Queues.DEAD_LETTER_PREFIX));
    }
}
