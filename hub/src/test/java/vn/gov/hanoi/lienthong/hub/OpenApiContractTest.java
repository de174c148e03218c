package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST contract partners generate clients from is the committed description
 * (schemas/src/main/resources/openapi/lienthong-rest-v1.json, linted by Redocly in .ci/run), and it is exactly
 * what the hub serves at /api/v1/openapi.json. When the API changes, this test fails and leaves the served
 * description in hub/target/openapi/served-rest-v1.json, to be reviewed and copied over the committed one.
 */
class OpenApiContractTest extends HubIntegrationTest {

    static final Path CONTRACT = Path.of("..", "schemas", "src", "main", "resources", "openapi", "lienthong-rest-v1.json");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theServedDescriptionIsTheCommittedContract() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        Path copy = Path.of("target", "openapi", "served-rest-v1.json");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(served.body())) + "\n");
        assertThat(json.readTree(served.body()))
                .as("the served description differs from %s; review %s and copy it there", CONTRACT, copy.toAbsolutePath())
                .isEqualTo(json.readTree(Files.readString(CONTRACT)));
    }
}
