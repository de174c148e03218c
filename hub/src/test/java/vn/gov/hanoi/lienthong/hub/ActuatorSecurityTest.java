package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;

/**
 * Nothing administrative without a person's credentials: every actuator endpoint but the health probes
 * answers 401 to anyone without them — an agency system's credentials included, since agency systems never
 * act as people — and 200 to an operator.
 */
class ActuatorSecurityTest extends HubIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    /** Hawtio answers /actuator/hawtio with a redirect to its page: the operator follows it. */
    private final HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void everyEndpointButTheHealthProbesNeedsAnOperator() throws Exception {
        List<String> endpoints = exposedEndpoints();
        assertThat(endpoints).as("the endpoints the hub exposes").contains("/actuator/metrics", "/actuator/directory",
                "/actuator/hawtio", "/actuator/jolokia");
        for (String endpoint : endpoints) {
            assertThat(get(endpoint, null).statusCode()).as("anonymous GET %s", endpoint).isEqualTo(401);
            assertThat(get(endpoint, agencySystem()).statusCode()).as("an agency system's GET %s", endpoint).isEqualTo(401);
            assertThat(get(endpoint, basic(DemoPeople.AUDITOR.username, DemoPeople.AUDITOR.secret)).statusCode())
                    .as("a person without the operator role: GET %s", endpoint).isEqualTo(403);
            assertThat(following.send(request(endpoint, DemoPeople.OPERATOR.basicAuthorization()).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("an operator's GET %s", endpoint).isEqualTo(200);
        }
        assertThat(get("/actuator", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics/jvm.memory.used", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics/jvm.memory.used", DemoPeople.OPERATOR.basicAuthorization()).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", basic("operator", "wrong-secret")).statusCode()).isEqualTo(401);
    }

    @Test
    void theDirectoryReloadNeedsAnOperator() throws Exception {
        assertThat(post("/actuator/directory", null).statusCode()).isEqualTo(401);
        assertThat(post("/actuator/directory", agencySystem()).statusCode()).isEqualTo(401);
        HttpResponse<String> reload = post("/actuator/directory", DemoPeople.OPERATOR.basicAuthorization());
        assertThat(reload.statusCode()).isEqualTo(200);
        assertThat(reload.body()).contains("\"applied\":true");
        HttpResponse<String> noReason = http.send(request("/actuator/directory", DemoPeople.OPERATOR.basicAuthorization())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noReason.statusCode()).as("an operator's action takes a reason").isEqualTo(400);
        assertThat(noReason.body()).contains("ACTION_REASON_REQUIRED");
    }

    @Test
    void theHealthProbesAreOpen() throws Exception {
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> response = get(probe, null);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    /** The actuator's own list of its endpoints (as an operator sees it), health excluded. */
    private List<String> exposedEndpoints() throws Exception {
        HttpResponse<String> index = get("/actuator", DemoPeople.OPERATOR.basicAuthorization());
        assertThat(index.statusCode()).isEqualTo(200);
        JsonNode links = new ObjectMapper().readTree(index.body()).path("_links");
        List<String> endpoints = new ArrayList<>();
        links.fields().forEachRemaining(link -> {
            String href = link.getValue().path("href").asText();
            boolean templated = link.getValue().path("templated").asBoolean();
            if (!templated && !link.getKey().startsWith("health") && !link.getKey().equals("self")) {
                endpoints.add(URI.create(href).getPath());
            }
        });
        return endpoints;
    }

    private String agencySystem() {
        return basic(SO_NOI_VU.username, SO_NOI_VU.secret);
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(request(path, authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String authorization) throws Exception {
        return http.send(request(path, authorization).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Kiểm tra quyền\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }
}
