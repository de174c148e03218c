package vn.gov.hanoi.lienthong.hub;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/**
 * The lifecycle events on Kafka (an in-process KRaft broker, @EmbeddedKafka): every change of a document, its
 * deliveries and its statuses arrives once, in order, as the schema in the repository says; events a send left in
 * doubt (Kafka had some, not others) are settled from the topic's tail — none sent twice, none lost.
 * LifecycleEventsCrashTest kills the hub and takes Kafka away.
 */
class LifecycleEventsTest extends HubIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    @Value("${hub.events.kafka.bootstrap-servers}")
    String bootstrapServers;

    /** Started by the first test that reads (the broker's address comes with the Spring context). */
    private static LifecycleEventLog log;

    @AfterAll
    static void stopReading() throws Exception {
        if (log != null) log.close();
    }

    private LifecycleEventLog log() {
        if (log == null) log = LifecycleEventLog.follow(bootstrapServers);
        return log;
    }

    @Test
    void theLifeOfADocumentArrivesWholeInOrderEachEventOnce() throws Exception {
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId, UBND_BA_DINH.organId)
                .type(18, "Công văn").code("301", "SNV-VP").subject("Về việc theo dõi văn bản qua sự kiện");
        String documentId = client(SO_NOI_VU).send(message.toBytes()).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> client(UBND_BA_DINH).pending().contains(documentId));
        client(UBND_BA_DINH).fetch(documentId);
        client(UBND_BA_DINH).updateStatus(documentId, StatusMessage.of(UBND_BA_DINH.organId, SO_NOI_VU.organId,
                message.documentId(), "01", "Đã nhận", OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC)));

        Map<String, String> ends = Map.of(SO_TAI_CHINH.organId, "DELIVERED", UBND_BA_DINH.organId, "DELIVERED");
        await().atMost(DELIVERY_TIMEOUT).until(() -> log().complete(documentId, ends)
                && log().of(documentId).stream().anyMatch(e -> e.type().endsWith("status.recorded")
                && e.data().path("statusCode").asText().equals("01")));
        log().assertWholeAndInOrder(documentId);

        List<LifecycleEventLog.Event> events = log().of(documentId);
        assertThat(events).extracting(e -> e.data().path("toState").asText(null))
                .as("the document's own life, in order").filteredOn(s -> s != null).startsWith("RECEIVED", "ACCEPTED", "RECORDED");
        LifecycleEventLog.Event received = events.get(0);
        assertThat(received.data().path("senderOrganId").asText()).isEqualTo(SO_NOI_VU.organId);
        assertThat(received.data().path("senderDocumentId").asText()).isEqualTo(message.documentId());
        assertThat(received.data().path("recipientOrganIds").toString()).contains(SO_TAI_CHINH.organId, UBND_BA_DINH.organId);
        assertThat(events).filteredOn(e -> e.type().endsWith("delivery.state-changed")
                        && e.data().path("recipientOrganId").asText().equals(UBND_BA_DINH.organId))
                .extracting(e -> e.data().path("toState").asText())
                .as("the pull recipient's delivery").containsExactly("QUEUED", "AVAILABLE", "DELIVERED");
        assertThat(events.stream().map(LifecycleEventLog.Event::partition).distinct()).as("one key, one partition").hasSize(1);

        // As many events as the hub recorded changes: the state transitions and the statuses of the document.
        Integer transitions = jdbc.queryForObject("select count(*) from state_transition where document_id = ?::uuid",
                Integer.class, documentId);
        Integer statuses = jdbc.queryForObject("select count(*) from status_event where document_id = ?::uuid",
                Integer.class, documentId);
        await().atMost(DELIVERY_TIMEOUT).until(() -> log().of(documentId).size() == transitions + statuses);
    }

    @Test
    void eventsLeftInDoubtBySendThatDiedAreSettledFromTheTopicNoneTwiceNoneLost() throws Exception {
        // One document's events on Kafka already; then the publisher stopped while a second document goes through.
        String first = sendAndDeliver("302");
        await().atMost(DELIVERY_TIMEOUT).until(() -> log().complete(first, Map.of(SO_TAI_CHINH.organId, "DELIVERED")));
        await().atMost(DELIVERY_TIMEOUT).until(() -> jdbc.queryForObject(
                "select count(*) from lifecycle_event where document_id = ?::uuid and published_at is null", Integer.class, first) == 0);
        camel.getRouteController().stopRoute("events-publish");
        String second;
        try {
            second = sendAndDeliver("303");
            // What a crash leaves behind: the first document's events sent and acknowledged but not yet marked, the
            // second's taken by a pass (numbered, marked attempted) that died before it handed them to Kafka.
            jdbc.update("update lifecycle_event set published_at = null, attempted_at = now() where document_id = ?::uuid", first);
            List<Long> unsent = jdbc.queryForList("select seq from lifecycle_event where document_id = ?::uuid order by txid, seq",
                    Long.class, second);
            assertThat(unsent).isNotEmpty();
            for (Long seq : unsent) {
                jdbc.update("update lifecycle_event set attempted_at = now(), position = nextval('lifecycle_event_position') "
                        + "where seq = ?", seq);
            }
            assertThat(log().of(second)).as("nothing of the second document sent yet").isEmpty();
        } finally {
            camel.getRouteController().startRoute("events-publish");
        }
        await().atMost(DELIVERY_TIMEOUT).until(() -> log().complete(second, Map.of(SO_TAI_CHINH.organId, "DELIVERED")));
        await().atMost(DELIVERY_TIMEOUT).until(() -> jdbc.queryForObject(
                "select count(*) from lifecycle_event where document_id in (?::uuid, ?::uuid) and published_at is null",
                Integer.class, first, second) == 0);
        Thread.sleep(1_000);
        log().assertWholeAndInOrder(first);
        log().assertWholeAndInOrder(second);
        Map<String, Integer> copies = log().copiesById();
        for (String id : jdbc.queryForList("select id::text from lifecycle_event where document_id in (?::uuid, ?::uuid)",
                String.class, first, second)) {
            assertThat(copies.get(id)).as("event %s on Kafka once", id).isEqualTo(1);
        }
    }

    private String sendAndDeliver(String number) throws Exception {
        String id = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                .type(18, "Công văn").code(number, "SNV-VP").subject("Về việc sự kiện số " + number).toBytes()).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        await().atMost(DELIVERY_TIMEOUT).until(() -> client(SO_NOI_VU).history(id).getRecipient().stream()
                .allMatch(r -> r.getDeliveryState().equals("DELIVERED")));
        return id;
    }
}
