package vn.gov.hanoi.lienthong.hub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/** Every operation of /api/v1 and every refusal, over real HTTP; the OpenAPI description is valid. */
class RestApiTest extends HubIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    private RestClient as(DemoAgencies agency) {
        return as(agency.username, agency.secret);
    }

    private RestClient as(String user, String secret) {
        return RestCalls.as(port, user, secret);
    }

    private static MultiValueMap<String, Object> multipart(byte[] envelope, Map<String, byte[]> files, Map<String, String> names) {
        return RestCalls.multipart(envelope, files, names);
    }

    private ResponseEntity<String> send(RestClient client, MultiValueMap<String, Object> body) {
        return RestCalls.send(client, body);
    }

    @Test
    void everyOperationWorksOverRest() throws Exception {
        byte[] pdf = TestHub.pdf(120 * 1024, 42);
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId, UBND_BA_DINH.organId)
                .attachment("cv-1", "Công văn số 1.pdf", "application/pdf");
        MultiValueMap<String, Object> body = multipart(message.toBytes(), Map.of("cv-1", pdf), Map.of("cv-1", "Công văn số 1.pdf"));

        ResponseEntity<String> created = send(as(SO_NOI_VU), body);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode receipt = json.readTree(created.getBody());
        String id = receipt.get("documentId").asText();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/documents/" + id);
        assertThat(new String(Base64.getDecoder().decode(receipt.get("signedReceipt").asText()), StandardCharsets.UTF_8))
                .contains(id, "ds:SignatureValue");

        ResponseEntity<String> again = send(as(SO_NOI_VU), multipart(message.toBytes(), Map.of("cv-1", pdf),
                Map.of("cv-1", "Công văn số 1.pdf")));
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(again.getBody()).get("duplicate").asBoolean()).isTrue();
        assertThat(json.readTree(again.getBody()).get("documentId").asText()).isEqualTo(id);

        // The push recipient gets it over SOAP, the pull recipient finds it over REST.
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        RestClient baDinh = as(UBND_BA_DINH);
        await().atMost(DELIVERY_TIMEOUT).until(() -> json.readTree(baDinh.get().uri("/api/v1/documents/pending")
                .retrieve().body(String.class)).get("documentIds").toString().contains(id));

        JsonNode document = json.readTree(baDinh.get().uri("/api/v1/documents/" + id).retrieve().body(String.class));
        assertThat(document.get("senderOrganId").asText()).isEqualTo(SO_NOI_VU.organId);
        JsonNode attachment = document.get("attachments").get(0);
        assertThat(attachment.get("name").asText()).isEqualTo("Công văn số 1.pdf");
        assertThat(attachment.get("sha256").asText()).isEqualTo(sha256(pdf));
        byte[] fetched = baDinh.get().uri(attachment.get("href").asText()).retrieve().body(byte[].class);
        assertThat(sha256(fetched)).isEqualTo(sha256(pdf));
        byte[] envelope = baDinh.get().uri(document.get("envelopeHref").asText()).retrieve().body(byte[].class);
        assertThat(envelope).isEqualTo(message.toBytes());

        byte[] status = StatusMessage.of(UBND_BA_DINH.organId, SO_NOI_VU.organId, message.documentId(), "03", "Đã vào sổ",
                OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
        ResponseEntity<String> recorded = baDinh.post().uri("/api/v1/documents/" + id + "/statuses")
                .contentType(MediaType.APPLICATION_XML).body(status).retrieve().toEntity(String.class);
        assertThat(recorded.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(recorded.getBody()).get("recorded").asBoolean()).isTrue();

        JsonNode history = json.readTree(as(SO_NOI_VU).get().uri("/api/v1/documents/" + id + "/history").retrieve().body(String.class));
        assertThat(history.get("documentState").asText()).isEqualTo("DISPATCHED");
        assertThat(history.get("statuses").toString()).contains("\"organId\":\"" + UBND_BA_DINH.organId + "\"", "\"statusCode\":\"03\"");
        assertThat(history.get("recipients").toString()).contains("\"deliveryState\":\"DELIVERED\"", "\"article\":\"5.1\"");
        assertThat(history.get("signedReceipt").isTextual()).isTrue();
        assertThat(json.readTree(baDinh.get().uri("/api/v1/documents/pending").retrieve().body(String.class))
                .get("documentIds").toString()).doesNotContain(id);
    }

    @Test
    void everyRefusalHasItsCodeAndStatus() throws Exception {
        String addressedToTaiChinh = json.readTree(send(as(SO_NOI_VU), multipart(DocumentMessage.from(SO_NOI_VU.organId)
                .to(SO_TAI_CHINH.organId).toBytes(), Map.of(), Map.of())).getBody()).get("documentId").asText();

        assertRefused(as(SO_NOI_VU.username, "wrong").get().uri("/api/v1/documents/pending").retrieve().toEntity(String.class),
                401, "AUTHENTICATION_FAILED");
        ResponseEntity<String> anonymous = RestClient.create("http://127.0.0.1:" + port).get().uri("/api/v1/documents/pending")
                .retrieve().onStatus(s -> true, (q, r) -> { }).toEntity(String.class);
        assertRefused(anonymous, 401, "AUTHENTICATION_FAILED");
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

        assertRefused(send(as(SO_NOI_VU), multipart(DocumentMessage.from(SO_TAI_CHINH.organId).to(UBND_BA_DINH.organId)
                .toBytes(), Map.of(), Map.of())), 403, "SENDER_MISMATCH");
        assertRefused(send(as(SO_NOI_VU), multipart("không phải edXML".getBytes(StandardCharsets.UTF_8), Map.of(), Map.of())),
                400, "ENVELOPE_UNREADABLE");

        RestClient baDinh = as(UBND_BA_DINH);
        assertRefused(baDinh.get().uri("/api/v1/documents/" + addressedToTaiChinh).retrieve().toEntity(String.class),
                403, "NOT_A_RECIPIENT");
        assertRefused(baDinh.get().uri("/api/v1/documents/" + addressedToTaiChinh + "/envelope").retrieve().toEntity(String.class),
                403, "NOT_A_RECIPIENT");
        assertRefused(baDinh.post().uri("/api/v1/documents/" + addressedToTaiChinh + "/statuses").contentType(MediaType.APPLICATION_XML)
                .body(StatusMessage.of(UBND_BA_DINH.organId, SO_NOI_VU.organId, "x", "03", null, OffsetDateTime.now()))
                .retrieve().toEntity(String.class), 403, "NOT_A_RECIPIENT");
        assertRefused(baDinh.get().uri("/api/v1/documents/" + addressedToTaiChinh + "/history").retrieve().toEntity(String.class),
                403, "NOT_A_PARTY");
        assertRefused(baDinh.get().uri("/api/v1/documents/not-an-id").retrieve().toEntity(String.class), 404, "DOCUMENT_NOT_FOUND");

        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(addressedToTaiChinh) != null);
        assertRefused(as(SO_TAI_CHINH).post().uri("/api/v1/documents/" + addressedToTaiChinh + "/statuses")
                .contentType(MediaType.APPLICATION_XML).body("<not-a-status/>".getBytes(StandardCharsets.UTF_8))
                .retrieve().toEntity(String.class), 400, "STATUS_INVALID");
    }

    @Test
    void theOpenApiDescriptionIsValidAndDescribesEveryOperation() {
        String description = RestClient.create("http://127.0.0.1:" + port).get().uri("/api/v1/openapi.json")
                .retrieve().body(String.class);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(description);
        assertThat(parsed.getMessages()).as("the parser's complaints").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(parsed.getOpenAPI().getPaths().keySet()).contains("/api/v1/documents", "/api/v1/documents/pending",
                "/api/v1/documents/{id}", "/api/v1/documents/{id}/envelope", "/api/v1/documents/{id}/attachments/{contentId}",
                "/api/v1/documents/{id}/statuses", "/api/v1/documents/{id}/history", "/api/v1/directory",
                "/api/v1/directory.csv");
        assertThat(parsed.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("agencySystem");
    }

    private void assertRefused(ResponseEntity<String> response, int status, String code) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        JsonNode reason = json.readTree(response.getBody());
        assertThat(reason.get("code").asText()).isEqualTo(code);
        assertThat(reason.get("messageVi").asText()).isNotBlank();
        assertThat(reason.get("messageEn").asText()).isNotBlank();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
