package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes: liveness; readiness over what taking a document needs — the broker, the database, a writable blob
 * store, disk space, the Camel context — and never the optional mail channel; details for operators only.
 */
class HealthTest extends HubIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessCoversWhatTakingADocumentNeedsAndNotTheOptionalChannels() throws Exception {
        JsonNode readiness = health("/actuator/health/readiness", DemoPeople.OPERATOR.basicAuthorization());
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").fieldNames()).toIterable()
                .contains("jms", "db", "blobStore", "diskSpace", "camelHealth", "readinessState")
                .doesNotContain("mailChannel", "kafkaEvents");
        readiness.path("components").fields().forEachRemaining(component ->
                assertThat(component.getValue().path("status").asText()).as(component.getKey()).isEqualTo("UP"));

        JsonNode whole = health("/actuator/health", DemoPeople.OPERATOR.basicAuthorization());
        assertThat(whole.path("components").path("mailChannel").path("status").asText())
                .as("the mail channel is reported, with the city's mail server reachable").isEqualTo("UP");
        assertThat(whole.path("components").path("kafkaEvents").path("status").asText())
                .as("the events channel is reported, with Kafka reachable").isEqualTo("UP");
        assertThat(whole.path("components").path("diskSpace").path("details").path("path").asText())
                .as("disk space where the hub keeps its data").contains("test-hub");

        JsonNode liveness = health("/actuator/health/liveness", null);
        assertThat(liveness.path("status").asText()).isEqualTo("UP");
    }

    @Test
    void anonymousCallersSeeTheStatusOnly() throws Exception {
        JsonNode anonymous = health("/actuator/health/readiness", null);
        assertThat(anonymous.path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
    }

    @Test
    void aProbeThatFailsAnswers503AndAnOptionalChannelAway200() {
        // What a load balancer and Kubernetes act on: the status code, not the body.
        assertThat(statusCodes.getStatusCode(org.springframework.boot.actuate.health.Status.DOWN)).isEqualTo(503);
        assertThat(statusCodes.getStatusCode(org.springframework.boot.actuate.health.Status.OUT_OF_SERVICE)).isEqualTo(503);
        assertThat(statusCodes.getStatusCode(new org.springframework.boot.actuate.health.Status("DEGRADED"))).isEqualTo(200);
        assertThat(statusCodes.getStatusCode(org.springframework.boot.actuate.health.Status.UP)).isEqualTo(200);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.actuate.health.HttpCodeStatusMapper statusCodes;

    private JsonNode health(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) request.header("Authorization", authorization);
        HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
