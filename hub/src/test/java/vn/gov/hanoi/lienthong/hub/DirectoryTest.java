package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;

import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;

/** The public directory of Article 16.7, and a directory reloaded without a restart. */
class DirectoryTest extends HubIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDirectoryIsPublicAsJsonAndCsvWithoutSecrets() throws Exception {
        HttpResponse<String> json = get("/api/v1/directory");
        assertThat(json.statusCode()).as("no authentication").isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/json"));
        assertThat(json.body()).contains("\"organId\":\"000.00.15.H26\"", "\"name\":\"Sở Tài chính thành phố Hà Nội\"",
                "\"mailbox\":\"sotaichinh@hanoi.gov.vn\"");
        assertThat(json.body()).doesNotContain("secretHash", "$2a$", "username", "so-tai-chinh", "endpoint", "http://");

        HttpResponse<byte[]> csv = http.send(request("/api/v1/directory.csv").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("text/csv"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFForgan_id,name,parent_organ_id,mailbox,channel,state\r\n");
        assertThat(text).contains("000.01.01.H26,Ủy ban nhân dân quận Ba Đình,,ubnd_badinh@hanoi.gov.vn,pull,active");
        assertThat(text).doesNotContain("$2a$");
    }

    @Test
    void anAgencyAddedToTheFileIsServedWithoutARestartAndABrokenFileIsRefused() throws Exception {
        Path file = DATA_DIR.resolve("agencies.yaml");
        String before = Files.readString(file);
        String withNewAgency = before + """
                  - organId: 000.00.55.H26
                    name: Sở Khoa học và Công nghệ thành phố Hà Nội
                    mailbox: sokhcn@hanoi.gov.vn
                    channel: pull
                    username: so-khcn
                    secretHash: $2a$10$6hNkmt8C9r.bF632NF1vnOubA372/.An4AUwVzUlVFUffHBKoO3c.
                """;
        Files.writeString(file, withNewAgency);
        HttpResponse<String> reload = post("/actuator/directory");
        assertThat(reload.statusCode()).isEqualTo(200);
        // The file watcher may have read the change first (then this reload adds nothing new): either way it is applied.
        assertThat(reload.body()).contains("\"applied\":true");
        assertThat(get("/api/v1/directory").body()).contains("000.00.55.H26");

        // The new agency receives documents at once: its delivery route exists.
        String id = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to("000.00.55.H26").toBytes())
                .getDocumentId();
        HubClient newAgency = new HubClient(serviceUrl(), "so-khcn", "demo-noivu-2026");
        await().atMost(DELIVERY_TIMEOUT).until(() -> newAgency.pending().contains(id));

        // A file with an error is refused as a whole; the hub keeps the directory it has.
        Files.writeString(file, withNewAgency.replace("mailbox: sokhcn@hanoi.gov.vn", "mailbox: sokhcn@gmail.com"));
        HttpResponse<String> refused = post("/actuator/directory");
        assertThat(refused.body()).contains("\"applied\":false", "sokhcn@gmail.com", "not on the hanoi.gov.vn domain");
        assertThat(get("/api/v1/directory").body()).contains("sokhcn@hanoi.gov.vn");
        Files.writeString(file, withNewAgency);
        assertThat(post("/actuator/directory").body()).contains("\"applied\":true");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(request(path).header("Authorization", DemoPeople.OPERATOR.basicAuthorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Cập nhật danh bạ (thử nghiệm)\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
