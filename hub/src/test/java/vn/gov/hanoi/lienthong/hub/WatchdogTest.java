package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * The delivery watchdog (deadlines of this suite: a push handed over within 2 s, the arrival status within 3 s
 * of delivery, a look every 300 ms): a delivery past its deadline is flagged within one interval, listed for
 * operators at /actuator/overdue and counted by lienthong_deliveries_overdue; once handed over, or once the
 * recipient reports, it is no longer open.
 */
class WatchdogTest extends HubIntegrationTest {

    /** Scheduling is not exact: a pass may start a little late on a busy machine. */
    private static final Duration JITTER = Duration.ofMillis(700);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPushNotHandedOverInTimeIsFlaggedWithinOneIntervalAndClearedOnceDelivered() throws Exception {
        SO_TAI_CHINH_SYSTEM.setAvailable(false);
        String id;
        try {
            id = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(18, "Công văn")
                    .code("81", "SNV-VP").subject("Về việc kiểm tra thời hạn chuyển văn bản").toBytes()).getDocumentId();
            JsonNode flagged = await().atMost(DELIVERY_TIMEOUT).until(() -> overdueOf(id), Optional::isPresent).orElseThrow();
            assertThat(flagged.path("reason").asText()).isEqualTo("NOT_HANDED_OVER");
            assertThat(flagged.path("recipientOrganId").asText()).isEqualTo(SO_TAI_CHINH.organId);
            assertThat(flagged.path("channel").asText()).isEqualTo("soap-push");
            Instant created = Instant.parse(flagged.path("createdAt").asText());
            Instant since = Instant.parse(flagged.path("overdueSince").asText());
            assertThat(since).as("flagged after its deadline").isAfterOrEqualTo(created.plus(PUSH_DEADLINE));
            assertThat(since).as("and within one watchdog interval of it")
                    .isBeforeOrEqualTo(created.plus(PUSH_DEADLINE).plus(WATCHDOG_INTERVAL).plus(JITTER));
            assertThat(overdueMeter(SO_TAI_CHINH.organId, "NOT_HANDED_OVER")).isGreaterThanOrEqualTo(1);
        } finally {
            SO_TAI_CHINH_SYSTEM.setAvailable(true);
        }
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        // Delivered now: no longer open as NOT_HANDED_OVER (it may be open again, later, for want of a status).
        await().atMost(DELIVERY_TIMEOUT).until(() -> overdueOf(id).map(d -> !d.path("reason").asText().equals("NOT_HANDED_OVER"))
                .orElse(true));
    }

    @Test
    void aDeliveredDocumentWithoutTheRecipientsArrivalStatusIsFlaggedUntilItReports() throws Exception {
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(18, "Công văn")
                .code("82", "SNV-VP").subject("Về việc kiểm tra thời hạn báo trạng thái");
        String id = client(SO_NOI_VU).send(message.toBytes()).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        JsonNode flagged = await().atMost(DELIVERY_TIMEOUT).until(() -> overdueOf(id), Optional::isPresent).orElseThrow();
        assertThat(flagged.path("reason").asText()).isEqualTo("NO_ARRIVAL_STATUS");
        assertThat(flagged.path("state").asText()).isEqualTo("DELIVERED");

        client(SO_TAI_CHINH).updateStatus(id, StatusMessage.of(SO_TAI_CHINH.organId, SO_NOI_VU.organId, message.documentId(),
                "01", "Đã nhận", OffsetDateTime.now()));
        assertThat(overdueOf(id)).as("the recipient reported: no longer open").isEmpty();
    }

    private Optional<JsonNode> overdueOf(String documentId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/overdue"))
                .header("Authorization", DemoPeople.OPERATOR.basicAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode delivery : new ObjectMapper().readTree(response.body()).path("deliveries")) {
            if (delivery.path("documentId").asText().equals(documentId)) return Optional.of(delivery);
        }
        return Optional.empty();
    }

    private double overdueMeter(String recipient, String reason) throws Exception {
        String scrape = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", DemoPeople.OPERATOR.basicAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("lienthong_deliveries_overdue{") && line.contains("recipient=\"" + recipient + "\"")
                    && line.contains("reason=\"" + reason + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
