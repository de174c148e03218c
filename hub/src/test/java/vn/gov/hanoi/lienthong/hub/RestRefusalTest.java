package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/**
 * What a partner gets wrong over REST gets the hub's refusal — {code, messageVi, messageEn} with a fitting
 * status — never the framework's default body or an empty one; after each, the next document is delivered.
 */
class RestRefusalTest extends HubIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMalformedMultipartIsRefusedAsUnreadable() throws Exception {
        HttpResponse<String> response = post("/api/v1/documents", "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"envelope\"\r\n\r\n<edXMLEnvelope>");
        assertRefusal(response, 400, "ENVELOPE_UNREADABLE");
        assertHubStillDelivers();
    }

    @Test
    void aJsonBodyWhereMultipartIsExpectedIsRefusedAs415() throws Exception {
        HttpResponse<String> response = post("/api/v1/documents", "application/json", "{\"envelope\": \"<edXMLEnvelope/>\"}");
        assertRefusal(response, 415, "MEDIA_TYPE_UNSUPPORTED");
        assertThat(response.body()).contains("multipart/form-data");
        assertRefusal(post("/api/v1/documents", "text/plain", "hello"), 415, "MEDIA_TYPE_UNSUPPORTED");
        assertHubStillDelivers();
    }

    @Test
    void errorsTheFrameworkRaisesAnswerTheHubsRefusal() throws Exception {
        assertRefusal(get("/api/v1/no-such-operation"), 404, "REQUEST_INVALID");
        assertRefusal(send("DELETE", "/api/v1/documents/pending"), 405, "REQUEST_INVALID");
        assertRefusal(get("/api/v1/documents/pending?max=many"), 400, "REQUEST_INVALID");
        HttpResponse<String> wrongAccept = http.send(request("/api/v1/documents/pending").header("Accept", "image/png").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongAccept.statusCode()).isEqualTo(406);
        assertHubStillDelivers();
    }

    @Test
    void theHundredFilesTheSchemaAllowsAreAcceptedAndOneMoreIsRefused() throws Exception {
        ResponseEntity<String> hundred = RestCalls.send(as(SO_NOI_VU), withFiles(100));
        assertThat(hundred.getStatusCode().value()).as(hundred.getBody()).isEqualTo(201);
        String id = json.readTree(hundred.getBody()).path("documentId").asText();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        assertThat(SO_TAI_CHINH_SYSTEM.document(id).attachmentSha256()).hasSize(100);

        ResponseEntity<String> tooMany = RestCalls.send(as(SO_NOI_VU), withFiles(101));
        assertThat(tooMany.getStatusCode().value()).as(tooMany.getBody()).isEqualTo(400);
        assertThat(json.readTree(tooMany.getBody()).path("code").asText()).isEqualTo("ATTACHMENTS_TOO_MANY");
        ResponseEntity<String> farTooMany = RestCalls.send(as(SO_NOI_VU), withFiles(400));
        assertThat(farTooMany.getStatusCode().value()).as(farTooMany.getBody()).isEqualTo(400);
        assertThat(json.readTree(farTooMany.getBody()).path("code").asText()).isEqualTo("ATTACHMENTS_TOO_MANY");
        assertHubStillDelivers();
    }

    @Test
    void aResendWithOtherContentUnderTheSameIdIsRefusedAsAConflict() throws Exception {
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                .attachment("cv-1", "Công văn.pdf", "application/pdf");
        byte[] first = TestHub.pdf(30_000, 1);
        ResponseEntity<String> sent = RestCalls.send(as(SO_NOI_VU),
                RestCalls.multipart(message.toBytes(), Map.of("cv-1", first), Map.of("cv-1", "Công văn.pdf")));
        assertThat(sent.getStatusCode().value()).isEqualTo(201);
        String id = json.readTree(sent.getBody()).path("documentId").asText();

        ResponseEntity<String> same = RestCalls.send(as(SO_NOI_VU),
                RestCalls.multipart(message.toBytes(), Map.of("cv-1", first), Map.of("cv-1", "Công văn.pdf")));
        assertThat(same.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(same.getBody()).path("duplicate").asBoolean()).isTrue();

        ResponseEntity<String> otherFile = RestCalls.send(as(SO_NOI_VU),
                RestCalls.multipart(message.toBytes(), Map.of("cv-1", TestHub.pdf(30_000, 2)), Map.of("cv-1", "Công văn.pdf")));
        assertThat(otherFile.getStatusCode().value()).isEqualTo(409);
        JsonNode refusal = json.readTree(otherFile.getBody());
        assertThat(refusal.path("code").asText()).isEqualTo("DUPLICATE_ID_CONFLICT");
        assertThat(refusal.path("messageEn").asText()).contains(id, "the content of file 'Công văn.pdf'");

        ResponseEntity<String> otherRecipients = RestCalls.send(as(SO_NOI_VU), RestCalls.multipart(
                message.to(SO_TAI_CHINH.organId, UBND_BA_DINH.organId).toBytes(), Map.of("cv-1", first), Map.of("cv-1", "Công văn.pdf")));
        assertThat(otherRecipients.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(otherRecipients.getBody()).path("messageEn").asText()).contains("recipients");
        assertHubStillDelivers();
    }

    @Test
    void fileNamesThatCarryAPathAreRefused() throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("../../etc/passwd.pdf", "it contains a path separator");
        names.put("C:\\x\\y.pdf", "it contains a path separator");
        names.put("Báo cáo\u0007.pdf", "control");
        names.put("a".repeat(300) + ".pdf", "bytes long");
        for (Map.Entry<String, String> name : names.entrySet()) {
            // The file's name as the multipart part carries it; the envelope lists a name XML can hold.
            DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                    .attachment("f-1", "Báo cáo.pdf", "application/pdf");
            ResponseEntity<String> refused = RestCalls.send(as(SO_NOI_VU),
                    RestCalls.multipart(message.toBytes(), Map.of("f-1", TestHub.pdf(5_000, 3)), Map.of("f-1", name.getKey())));
            assertThat(refused.getStatusCode().value()).as(name.getKey()).isEqualTo(400);
            JsonNode body = json.readTree(refused.getBody());
            assertThat(body.path("code").asText()).as(name.getKey()).isEqualTo("ATTACHMENT_NAME_INVALID");
            assertThat(body.path("messageEn").asText()).as(name.getKey()).contains(name.getValue());
        }
        assertHubStillDelivers();
    }

    private org.springframework.util.MultiValueMap<String, Object> withFiles(int count) {
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId);
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            if (i <= 100) message.attachment("f-" + i, "Phụ lục " + i + ".pdf", "application/pdf");
            files.put("f-" + i, TestHub.pdf(2_000, i));
            names.put("f-" + i, "Phụ lục " + i + ".pdf");
        }
        return RestCalls.multipart(message.toBytes(), files, names);
    }

    private org.springframework.web.client.RestClient as(DemoAgencies agency) {
        return RestCalls.as(port, agency.username, agency.secret);
    }

    private void assertRefusal(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("messageVi").asText()).isNotBlank();
        assertThat(body.path("messageEn").asText()).isNotBlank();
        assertThat(body.has("timestamp")).as("not Spring's default error body").isFalse();
    }

    private void assertHubStillDelivers() throws Exception {
        String id = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).toBytes())
                .getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((SO_NOI_VU.username + ":" + SO_NOI_VU.secret).getBytes(StandardCharsets.UTF_8)));
    }
}
