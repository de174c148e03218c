package vn.gov.hanoi.lienthong.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;
import vn.gov.hanoi.lienthong.hub.ArtemisBrokerConfiguration;

/**
 * The broker's own bound: how many transacted consume→send hops per second the hub's embedded Artemis can do
 * on this machine, with the hub's broker configuration (Spring Boot's embedded broker as application.yaml sets
 * it up, persistent, with ArtemisBrokerConfiguration's settings), the hub's message size and the hub's number
 * of concurrent stage consumers. One hop is what a stage does on the broker: receive, send on, commit.
 */
final class BrokerBound {

    record Result(double hopsPerSecond, int consumers, int messageBytes, long hops, double seconds) {
    }

    @Configuration
    @ImportAutoConfiguration({ArtemisAutoConfiguration.class, JmsAutoConfiguration.class})
    @EnableConfigurationProperties(HubSettings.class)
    @Import(ArtemisBrokerConfiguration.class)
    static class EmbeddedBroker {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private BrokerBound() {
    }

    static Result measure(Path dataDir, int consumers, double warmUpSeconds, double seconds) throws Exception {
        String body = OutboxMessage.document(BenchCity.PUSH_RECIPIENT.organId(), UUID.randomUUID(), UUID.randomUUID()).encode();
        try (ConfigurableApplicationContext broker = new SpringApplicationBuilder(EmbeddedBroker.class)
                .web(WebApplicationType.NONE)
                .properties("hub.data-dir=" + dataDir.toAbsolutePath(), "spring.main.banner-mode=off",
                        "logging.level.org.apache.activemq=WARN")
                .run()) {
            ConnectionFactory factory = broker.getBean(ConnectionFactory.class);
            AtomicLong hops = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch ready = new CountDownLatch(consumers);
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int i = 0; i < consumers; i++) {
                String from = "bench.hop." + i;
                String to = "bench.hop." + ((i + 1) % consumers);
                Thread thread = new Thread(() -> {
                    try (Connection connection = factory.createConnection()) {
                        connection.start();
                        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                        Queue input = session.createQueue(from);
                        MessageProducer producer = session.createProducer(session.createQueue(to));
                        MessageConsumer consumer = session.createConsumer(input);
                        // Two messages in flight per consumer, as a stage queue under load always has work.
                        for (int m = 0; m < 2; m++) producer.send(session.createTextMessage(body));
                        session.commit();
                        ready.countDown();
                        while (running.get()) {
                            TextMessage message = (TextMessage) consumer.receive(500);
                            if (message == null) continue;
                            producer.send(session.createTextMessage(message.getText()));
                            session.commit();
                            hops.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                        ready.countDown();
                    }
                }, "broker-bound-" + i);
                threads.add(thread);
                thread.start();
            }
            ready.await();
            Thread.sleep((long) (warmUpSeconds * 1000));
            long startHops = hops.get();
            long start = System.nanoTime();
            Thread.sleep((long) (seconds * 1000));
            long measuredHops = hops.get() - startHops;
            double elapsed = (System.nanoTime() - start) / 1e9;
            running.set(false);
            for (Thread thread : threads) thread.join(5_000);
            if (!failures.isEmpty()) {
                throw new IllegalStateException("the broker bound could not be measured", failures.get(0));
            }
            return new Result(measuredHops / elapsed, consumers, body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                    measuredHops, elapsed);
        }
    }
}
