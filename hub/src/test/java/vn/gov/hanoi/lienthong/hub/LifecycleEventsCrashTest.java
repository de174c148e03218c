package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;
import vn.gov.hanoi.lienthong.testkit.simulator.AgencySimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * The lifecycle events when things go wrong, with the hub as a separate JVM: Kafka away — the hub keeps exchanging,
 * reports DEGRADED and stays ready; the hub SIGKILLed while its events wait, and again while it is publishing —
 * once Kafka is there every document's life arrives whole, in order, and no event id twice.
 */
class LifecycleEventsCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA_DIR = Path.of("target", "events-crash-hub", UUID.randomUUID().toString());
    private static final AgencySimulator SO_NOI_VU_SYSTEM = AgencySimulator.start(TestHub.freePort());
    private static final AgencySimulator SO_TAI_CHINH_SYSTEM = AgencySimulator.start(TestHub.freePort());
    private static final int KAFKA_PORT = TestHub.freePort();
    private static final Map<String, String> DELIVERED_TO_SO_TAI_CHINH = Map.of(SO_TAI_CHINH.organId, "DELIVERED");
    private static HubProcess hub;
    private static EmbeddedKafkaKraftBroker kafka;
    private static LifecycleEventLog log;

    @Test
    void noEventIsLostOrSentTwiceWhenKafkaIsAwayOrTheHubIsKilled() throws Exception {
        Path directory = TestHub.writeDirectory(DATA_DIR, SO_NOI_VU_SYSTEM.address(), SO_TAI_CHINH_SYSTEM.address());
        hub = new HubProcess(DATA_DIR, directory, TestHub.freePort(),
                "--hub.events.kafka.enabled=true",
                "--hub.events.kafka.bootstrap-servers=127.0.0.1:" + KAFKA_PORT,
                "--hub.events.kafka.publish-interval=200ms",
                "--hub.events.kafka.send-timeout=2s",
                "--hub.events.kafka.batch-size=50");
        hub.start();
        List<String> documents = new CopyOnWriteArrayList<>();

        // Kafka away: documents still go through, the hub says DEGRADED and stays ready.
        for (int i = 0; i < 15; i++) documents.add(send(700 + i));
        await().atMost(Duration.ofSeconds(60)).until(() -> documents.stream().allMatch(id -> SO_TAI_CHINH_SYSTEM.document(id) != null));
        await().atMost(Duration.ofSeconds(30)).until(() -> health("/actuator/health").path("components")
                .path("kafkaEvents").path("status").asText().equals("DEGRADED"));
        JsonNode health = health("/actuator/health");
        assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.path("components").path("kafkaEvents").path("details").path("waiting").asLong())
                .as("events waiting in the outbox").isPositive();
        assertThat(health("/actuator/health/readiness").path("status").asText()).as("still ready").isEqualTo("UP");

        // Killed while its events wait (the changes committed, nothing published), started again, Kafka still away.
        hub.kill();
        hub.start();
        for (int i = 0; i < 5; i++) documents.add(send(720 + i));
        await().atMost(Duration.ofSeconds(60)).until(() -> documents.stream().allMatch(id -> SO_TAI_CHINH_SYSTEM.document(id) != null));

        // Kafka comes: everything waiting arrives.
        kafka = new EmbeddedKafkaKraftBroker(1, 3, LifecycleEventLog.TOPIC);
        // On the address the hub was given (kafkaPorts is not applied in KRaft mode by spring-kafka-test 3.3).
        kafka.brokerProperty("listeners", "EXTERNAL://localhost:" + KAFKA_PORT + ",CONTROLLER://localhost:0");
        kafka.afterPropertiesSet();
        log = LifecycleEventLog.follow(kafka.getBrokersAsString());
        await().atMost(Duration.ofSeconds(90)).until(() -> documents.stream().allMatch(id -> log.complete(id, DELIVERED_TO_SO_TAI_CHINH)));
        await().atMost(Duration.ofSeconds(30)).until(() -> health("/actuator/health").path("components")
                .path("kafkaEvents").path("status").asText().equals("UP"));

        // Killed while it publishes: documents keep coming, the kill lands among the sends.
        ExecutorService sending = Executors.newSingleThreadExecutor();
        int before = documents.size();
        Future<?> sendAll = sending.submit(() -> {
            for (int i = 0; i < 60; i++) {
                while (true) {
                    try {
                        documents.add(send(800 + i));
                        break;
                    } catch (Exception e) {
                        Thread.sleep(200);
                    }
                }
            }
            return null;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> log.all().size() > 0
                && documents.size() >= before + 20 && documents.stream().skip(before).limit(10).allMatch(id -> log.complete(id, DELIVERED_TO_SO_TAI_CHINH)));
        hub.kill();
        hub.start();
        sendAll.get();
        sending.shutdown();
        await().atMost(Duration.ofSeconds(120)).until(() -> documents.stream().allMatch(id -> log.complete(id, DELIVERED_TO_SO_TAI_CHINH)));
        Thread.sleep(2_000);

        assertThat(documents).hasSize(80);
        for (String id : documents) log.assertWholeAndInOrder(id);
        assertThat(log.copiesById().entrySet()).as("no event id twice").allSatisfy(copies -> assertThat(copies.getValue()).isEqualTo(1));
        assertThat(hub.starts()).isEqualTo(3);
    }

    private String send(int number) throws Exception {
        HubClient sender = new HubClient(hub.serviceUrl(), SO_NOI_VU.username, SO_NOI_VU.secret);
        return sender.send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(18, "Công văn")
                .code(String.valueOf(number), "SNV-VP").subject("Về việc sự kiện khi có sự cố " + number).toBytes()).getDocumentId();
    }

    private JsonNode health(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .header("Authorization", DemoPeople.OPERATOR.basicAuthorization()).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (log != null) log.close();
        if (hub != null) hub.stop();
        StalePostmaster.stopIfRunning(DATA_DIR.resolve("pg").toAbsolutePath());
        if (kafka != null) kafka.destroy();
        SO_NOI_VU_SYSTEM.close();
        SO_TAI_CHINH_SYSTEM.close();
    }
}
