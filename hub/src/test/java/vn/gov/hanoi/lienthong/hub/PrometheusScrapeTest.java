package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;
import vn.gov.hanoi.lienthong.testkit.pki.EnvelopeSigner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/**
 * What Prometheus scrapes from /actuator/prometheus: the business meters move when documents flow, when a
 * recipient's system goes down and when a delivery fails; every metric the Grafana dashboard and the alert rules
 * (docker/) query is in the scrape; the scrape needs an operator.
 */
class PrometheusScrapeTest extends HubIntegrationTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)", Pattern.MULTILINE);
    private static final Pattern QUERIED_METRIC = Pattern.compile("\\b((?:lienthong|camel|artemis|jvm|hikaricp)_[a-z0-9_]+)\\b");
    private static final String TAI_CHINH = "recipient=\"" + "000.00.15.H26" + "\"";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theBusinessMetersMoveWithTheFlowARecipientDownAndAFailedDelivery() throws Exception {
        Map<String, Double> before = scrape();

        // Documents flow: a signed one to a push agency and a pull agency; the pull agency reports 01.
        DocumentMessage flowing = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId, UBND_BA_DINH.organId)
                .type(18, "Công văn").code("71", "SNV-VP").subject("Về việc kiểm tra số liệu giám sát của trục");
        String flowingId = client(SO_NOI_VU).send(EnvelopeSigner.sign(flowing.toBytes(), PKI.signer())).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(flowingId) != null);
        await().atMost(DELIVERY_TIMEOUT).until(() -> client(UBND_BA_DINH).pending().contains(flowingId));
        client(UBND_BA_DINH).updateStatus(flowingId, StatusMessage.of(UBND_BA_DINH.organId, SO_NOI_VU.organId,
                flowing.documentId(), "01", "Đã nhận", OffsetDateTime.now()));
        // And two refusals: one at the door, one at inspection.
        faultCode(() -> client(SO_NOI_VU).send(DocumentMessage.from(SO_TAI_CHINH.organId).to(UBND_BA_DINH.organId).toBytes()));
        client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                .subject("MẬT - Về việc kiểm tra số liệu giám sát").toBytes());

        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> {
            Map<String, Double> now = scrape();
            assertThat(increase(before, now, "lienthong_documents_accepted_total")).isGreaterThanOrEqualTo(2);
            assertThat(increase(before, now, "lienthong_deliveries_completed_total{channel=\"soap-push\",state=\"DELIVERED\"}")).isPositive();
            assertThat(increase(before, now, "lienthong_deliveries_completed_total{channel=\"pull\",state=\"DELIVERED\"}")).isPositive();
            assertThat(increase(before, now, "lienthong_statuses_recorded_total{code=\"01\"}")).isPositive();
            assertThat(increase(before, now, "lienthong_documents_refused_total{reason=\"SENDER_MISMATCH\",stage=\"door\"}")).isPositive();
            assertThat(increase(before, now, "lienthong_documents_refused_total{reason=\"CLASSIFIED_DOCUMENT\",stage=\"inspection\"}")).isPositive();
            assertThat(increase(before, now, "lienthong_signatures_verified_total{kind=\"envelope\",verdict=\"VALID\"}")).isPositive();
            assertThat(sum(now, "lienthong_revocation_checks_total")).isPositive();
            assertThat(sum(now, "camel_exchanges_total{camelContext=\"lienthong\",eventType=\"route\",kind=\"CamelRoute\",routeId=\"inspect\"}"))
                    .isPositive();
        });

        // The push agency's system goes down: its pushes fail, a delivery waits and ages, then fails for good.
        SO_TAI_CHINH_SYSTEM.setAvailable(false);
        try {
            String stuckId = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                    .type(18, "Công văn").code("72", "SNV-VP").subject("Về việc kiểm tra khi hệ thống nhận ngừng").toBytes())
                    .getDocumentId();
            await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> {
                Map<String, Double> now = scrape();
                assertThat(increase(before, now, "lienthong_delivery_attempts_failed_total{channel=\"soap-push\"," + TAI_CHINH + "}"))
                        .isPositive();
                assertThat(now.get("lienthong_deliveries_waiting{channel=\"soap-push\"," + TAI_CHINH + "}")).isGreaterThanOrEqualTo(1);
                assertThat(now.get("lienthong_deliveries_oldest_waiting_seconds{channel=\"soap-push\"," + TAI_CHINH + "}")).isPositive();
            });
            await().atMost(DELIVERY_TIMEOUT).until(() -> client(SO_NOI_VU).history(stuckId).getRecipient().stream()
                    .anyMatch(r -> r.getDeliveryState().equals("FAILED")));
            await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> {
                Map<String, Double> now = scrape();
                assertThat(increase(before, now, "lienthong_deliveries_completed_total{channel=\"soap-push\",state=\"FAILED\"}")).isPositive();
                assertThat(sum(now, "artemis_message_count{address=\"lienthong.failed.000.00.15.H26\""))
                        .as("the failed delivery waits in the agency's failed queue").isGreaterThanOrEqualTo(1);
            });
        } finally {
            SO_TAI_CHINH_SYSTEM.setAvailable(true);
        }
    }

    @Test
    void everyMetricTheDashboardAndTheAlertRulesQueryIsInTheScrape() throws Exception {
        Set<String> queried = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("../docker/grafana/lienthong-dashboard.json")));
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> metricsIn(target.path("expr").asText(), queried)));
        for (String line : Files.readAllLines(Path.of("../docker/prometheus/lienthong-alerts.yml"))) {
            if (line.strip().startsWith("expr:")) metricsIn(line, queried);
        }
        assertThat(queried).as("the dashboard queries the business meters").contains("lienthong_deliveries_waiting",
                "lienthong_deliveries_oldest_waiting_seconds", "lienthong_documents_refused_total", "artemis_message_count");

        // Meters that exist once something happened: make each happen at least once in this JVM.
        theBusinessMetersMoveWithTheFlowARecipientDownAndAFailedDelivery();
        HttpResponse<String> failedSignIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("nobody:wrong".getBytes())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(failedSignIn.statusCode()).isEqualTo(401);

        Set<String> scraped = new TreeSet<>();
        Matcher sample = SAMPLE.matcher(scrapeText());
        while (sample.find()) scraped.add(sample.group(1));
        assertThat(scraped).as("every metric queried by docker/grafana and docker/prometheus").containsAll(queried);
    }

    @Test
    void theScrapeNeedsAnOperatorOrPrometheussToken() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> agencySystem = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (SO_NOI_VU.username + ":" + SO_NOI_VU.secret).getBytes())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(agencySystem.statusCode()).isEqualTo(401);

        // Prometheus's bearer token: the scrape, and nothing else.
        HttpResponse<String> scraper = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + SCRAPE_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.body()).contains("lienthong_deliveries_waiting");
        HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/metrics"))
                .header("Authorization", "Bearer " + SCRAPE_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        HttpResponse<String> wrongToken = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer not-the-token").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongToken.statusCode()).isEqualTo(401);
    }

    private static void metricsIn(String expression, Set<String> into) {
        Matcher metric = QUERIED_METRIC.matcher(expression);
        while (metric.find()) into.add(metric.group(1));
    }

    private static double increase(Map<String, Double> before, Map<String, Double> now, String series) {
        return now.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0);
    }

    /** The sum over every series whose name and labels begin so. */
    private static double sum(Map<String, Double> scrape, String prefix) {
        return scrape.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToDouble(Map.Entry::getValue).sum();
    }

    private Map<String, Double> scrape() throws Exception {
        Map<String, Double> series = new HashMap<>();
        Matcher sample = SAMPLE.matcher(scrapeText());
        while (sample.find()) {
            series.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)), Double.parseDouble(sample.group(3)));
        }
        return series;
    }

    private String scrapeText() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", DemoPeople.OPERATOR.basicAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
