package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.gov.hanoi.lienthong.core.signature.HubSigner;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * Access to the archive by right (Article 11.3, 11.5), and its audit trail: each role's rights and refusals — the
 * archivist reads, exports, certifies and reclassifies; an agency's clerk reads its agency's documents and nothing
 * else; the auditor reads the audit trail and nothing else; operators, agency systems and strangers get nothing —
 * and every audited action leaves its entry, in the trail and in the ledger, which the database keeps append-only.
 */
class ArchiveAccessTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    HubSigner hubSigner;

    @Test
    void eachRoleHasItsRightsEveryAuditedActionLeavesItsEntryAndReclassificationNeverTouchesTheContent() throws Exception {
        byte[] pdf = TestHub.pdf(3 * 1024, 777);
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(18, "Công văn")
                .code("611", "SNV-LT").subject("Công văn về việc kiểm tra quyền truy cập lưu trữ")
                .attachment("cv", "Công văn 611.pdf", "application/pdf");
        String id = client(SO_NOI_VU).send(message.toBytes(), HubClient.Part.bytes("cv", "Công văn 611.pdf", "application/pdf", pdf))
                .getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        String base = "/api/v1/archive/documents/" + id;
        long auditBefore = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
        String contentBefore = contentHashes(id);

        // The archivist: reads the envelope and the file, exports the evidence, certifies a copy.
        assertThat(get(base, DemoPeople.LUUTRU).statusCode()).isEqualTo(200);
        assertThat(get(base + "/envelope", DemoPeople.LUUTRU).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> file = get(base + "/files/0", DemoPeople.LUUTRU);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
        HttpResponse<byte[]> bundle = get(base + "/evidence", DemoPeople.LUUTRU);
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(Bundles.parts(bundle.body())).containsKey("document/files/0-Công văn 611.pdf");
        HttpResponse<byte[]> copy = send("POST", base + "/files/0/certified-copies", DemoPeople.LUUTRU,
                "{\"purpose\":\"Cung cấp cho Thanh tra thành phố\"}");
        assertThat(copy.statusCode()).isEqualTo(200);
        org.w3c.dom.Document certified = PeopleHttp.parse(copy.body());
        assertThat(PeopleHttp.text(certified, "FileSha256")).isEqualTo(sha256(pdf));
        assertThat(Base64.getDecoder().decode(PeopleHttp.text(certified, "Content"))).isEqualTo(pdf);
        assertThat(PeopleHttp.text(certified, "CertifiedBy")).isEqualTo(DemoPeople.LUUTRU.username);
        assertThat(PeopleHttp.signatureHolds(certified, hubSigner.certificate())).as("the certified copy's signature by the hub").isTrue();

        // The sender's clerk reads its agency's document, but may not certify or reclassify it.
        assertThat(get(base + "/files/0", DemoPeople.VANTHU_SONOIVU).statusCode()).isEqualTo(200);
        PeopleHttp.assertRefused(send("POST", base + "/files/0/certified-copies", DemoPeople.VANTHU_SONOIVU, "{\"purpose\":\"x\"}"),
                403, "NOT_PERMITTED");
        PeopleHttp.assertRefused(send("PUT", base + "/classification", DemoPeople.VANTHU_SONOIVU,
                "{\"accessLevel\":\"RESTRICTED\",\"reason\":\"x\"}"), 403, "NOT_PERMITTED");
        // Another agency's clerk, the auditor, an operator: refused; no credentials: asked for them.
        PeopleHttp.assertRefused(get(base + "/files/0", DemoPeople.VANTHU_BADINH), 403, "NOT_A_PARTY");
        assertThat(get(base + "/files/0", DemoPeople.KIEMTOAN).statusCode()).isEqualTo(403);
        assertThat(get(base + "/files/0", DemoPeople.OPERATOR).statusCode()).isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url(base + "/files/0"))).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(401);
        // An agency system's own credentials open nothing here.
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url(base + "/files/0"))).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((SO_NOI_VU.username + ":" + SO_NOI_VU.secret).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(401);

        // The archivist restricts it: the metadata changes, the content and its hashes do not; the clerk is refused now.
        HttpResponse<byte[]> reclassified = send("PUT", base + "/classification", DemoPeople.LUUTRU,
                "{\"accessLevel\":\"RESTRICTED\",\"fileCode\":\"HS-2026-SNV-07\",\"retentionYears\":20,"
                        + "\"keywords\":\"thanh tra, lưu trữ\",\"reason\":\"Hồ sơ thanh tra, hạn chế sử dụng\"}");
        assertThat(reclassified.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reclassified.body()).path("accessLevel").asText()).isEqualTo("RESTRICTED");
        assertThat(contentHashes(id)).as("envelope, files and the ledger's RECORDED entry").isEqualTo(contentBefore);
        PeopleHttp.assertRefused(get(base + "/files/0", DemoPeople.VANTHU_SONOIVU), 403, "NOT_PERMITTED");
        PeopleHttp.assertRefused(send("PUT", base + "/classification", DemoPeople.LUUTRU, "{\"accessLevel\":\"SECRET\",\"reason\":\"x\"}"),
                400, "REQUEST_INVALID");

        // The auditor reads the trail: every audited action, in order, each its own ledger entry.
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        HttpResponse<byte[]> trail = get("/api/v1/archive/audit?from=" + today + "&to=" + today + "&document=" + id,
                DemoPeople.KIEMTOAN);
        assertThat(trail.statusCode()).isEqualTo(200);
        List<JsonNode> entries = new java.util.ArrayList<>();
        JSON.readTree(trail.body()).forEach(entries::add);
        java.util.Collections.reverse(entries);
        assertThat(entries).extracting(e -> e.path("actor").asText() + " " + e.path("action").asText()).containsExactly(
                "luutru READ_CONTENT", "luutru READ_CONTENT", "luutru EXPORT_EVIDENCE", "luutru CERTIFY_COPY",
                "vanthu-sonoivu READ_CONTENT", "luutru RECLASSIFY");
        assertThat(entries.get(5).path("detail").asText()).contains("\"before\"", "OPEN", "RESTRICTED", "Hồ sơ thanh tra");
        for (JsonNode entry : entries) {
            assertThat(jdbc.sql("select payload_sha256 from ledger_entry where document_id = ? and event = ?")
                    .params(UUID.fromString(id), "AUDIT " + entry.path("id").asLong()).query(String.class).single())
                    .as("audit entry %s in the ledger", entry.path("id")).isEqualTo(entry.path("entrySha256").asText());
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where id > ? and document_id = ?").params(auditBefore, UUID.fromString(id))
                .query(Long.class).single()).as("nothing refused was audited as done").isEqualTo(6);
        // Only the auditor reads the trail.
        assertThat(get("/api/v1/archive/audit?from=" + today + "&to=" + today, DemoPeople.LUUTRU).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/archive/audit?from=" + today + "&to=" + today, DemoPeople.VANTHU_SONOIVU).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/archive/audit?from=" + today + "&to=" + today, DemoPeople.ADMIN).statusCode()).isEqualTo(403);

        // The trail is append-only in the database itself.
        long anEntry = entries.get(0).path("id").asLong();
        assertThat(catchThrowable(() -> jdbc.sql("update audit_entry set actor = 'someone else' where id = ?").param(anEntry).update()))
                .rootCause().hasMessageContaining("the audit trail is append-only");
        assertThat(catchThrowable(() -> jdbc.sql("delete from audit_entry where id = ?").param(anEntry).update()))
                .rootCause().hasMessageContaining("the audit trail is append-only");
    }

    @Test
    void anAdministrativeChangeIsInTheAuditTrail() throws Exception {
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
        HttpResponse<byte[]> reload = send("POST", "/actuator/directory", DemoPeople.OPERATOR, "{\"reason\":\"Kiểm tra nhật ký kiểm toán\"}");
        assertThat(reload.statusCode()).isBetween(200, 299);
        await().atMost(DELIVERY_TIMEOUT).until(() -> jdbc.sql(
                "select count(*) from audit_entry where id > ? and action = 'ADMINISTER' and actor = ? and detail like ?")
                .params(before, DemoPeople.OPERATOR.username, "%Kiểm tra nhật ký kiểm toán%").query(Long.class).single() == 1);
        long entry = jdbc.sql("select id from audit_entry where id > ? and action = 'ADMINISTER' and actor = ?")
                .params(before, DemoPeople.OPERATOR.username).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from ledger_entry where event = ?").param("AUDIT " + entry).query(Long.class).single())
                .isEqualTo(1);
    }

    /** The envelope's and files' hashes and the RECORDED entry's payload: what a reclassification must never move. */
    private String contentHashes(String id) {
        UUID documentId = UUID.fromString(id);
        return jdbc.sql("select envelope_sha256 from document where id = ?").param(documentId).query(String.class).single() + " "
                + jdbc.sql("select string_agg(sha256, ',' order by position) from attachment where document_id = ?").param(documentId)
                .query(String.class).single() + " "
                + jdbc.sql("select payload_sha256 from ledger_entry where document_id = ? and event = 'RECORDED'").param(documentId)
                .query(String.class).single();
    }

    private HttpResponse<byte[]> get(String path, DemoPeople person) throws Exception {
        return new PeopleHttp(port).get(path, person);
    }

    private HttpResponse<byte[]> send(String method, String path, DemoPeople person, String json) throws Exception {
        return new PeopleHttp(port).send(method, path, person, json);
    }

    private String url(String path) {
        return new PeopleHttp(port).url(path);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
