package vn.gov.hanoi.lienthong.connectors.kafka;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The Kafka connector: the hub's lifecycle events, for reporting and other systems that follow documents. */
@Configuration
@ComponentScan
@EnableConfigurationProperties(KafkaEventsSettings.class)
public class KafkaEventsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "hub.events.kafka.enabled", havingValue = "true")
    LifecycleEventPublisher lifecycleEventPublisher(EventOutbox outbox, KafkaEventsSettings settings, ObjectMapper json,
                                                    MeterRegistry meters) {
        return new LifecycleEventPublisher(outbox, settings, Map.copyOf(settings.client()), json, meters);
    }
}
