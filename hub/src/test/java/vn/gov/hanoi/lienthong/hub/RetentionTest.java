package vn.gov.hanoi.lienthong.hub;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.gov.hanoi.lienthong.archive.evidence.EvidenceBundles;
import vn.gov.hanoi.lienthong.archive.integrity.ArchiveIntegrity;
import vn.gov.hanoi.lienthong.archive.integrity.IntegrityReport;
import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.blob.ContentKeyGoneException;
import vn.gov.hanoi.lienthong.core.signature.HubSigner;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;
import vn.gov.hanoi.lienthong.testkit.pki.AdesSigner;
import vn.gov.hanoi.lienthong.testkit.pki.EnvelopeSigner;
import vn.gov.hanoi.lienthong.testkit.verify.VerificationReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * Retention and destruction (Article 11.4): invitations of 2015 (kept 5 years, so expired since 2021) — one on the
 * list, one on the list then put on legal hold, one not on the list, which shares a file with the first. Proposed by the
 * archivist, refused to the wrong people, approved by the sender's leader with the decision's reference, executed:
 * the first's content keys and blobs are gone and a ciphertext copy kept aside cannot be decrypted; the held one, the
 * unlisted one and the shared file are whole; the ledger still verifies, by the hub and offline; the signed record
 * names the approver; every step is in the audit trail.
 */
class RetentionTest extends HubIntegrationTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlobStore blobs;
    @Autowired
    HubSettings settings;
    @Autowired
    ArchiveIntegrity integrity;
    @Autowired
    EvidenceBundles evidence;
    @Autowired
    HubSigner hubSigner;

    @Test
    void anApprovedListDestroysBeyondRecoveryWhatIsOnItAndNotOnHoldAndNothingElse() throws Exception {
        PeopleHttp people = new PeopleHttp(port);
        byte[] ownFile = TestHub.pdf(6 * 1024, 1101);
        byte[] sharedFile = TestHub.pdf(5 * 1024, 1102);
        UUID listed = invitation("901", HubClient.Part.bytes("gm", "Giấy mời 901.pdf", "application/pdf", ownFile),
                HubClient.Part.bytes("pl", "Phụ lục chung.pdf", "application/pdf", sharedFile));
        // Signed throughout (envelope, PAdES file, status), as a document an agency keeps to show: verified offline below.
        UUID held = invitation("902", HubClient.Part.bytes("gm", "Giấy mời 902.pdf", "application/pdf",
                AdesSigner.padesSign(AdesSigner.blankPdf(), PKI.signer())));
        UUID unlisted = invitation("903", HubClient.Part.bytes("pl", "Phụ lục chung.pdf", "application/pdf", sharedFile));
        UUID recent = document("904", LocalDate.now(HANOI), 18, "Công văn", "SNV-LT",
                HubClient.Part.bytes("cv", "Công văn 904.pdf", "application/pdf", TestHub.pdf(3 * 1024, 1104)));
        await().atMost(DELIVERY_TIMEOUT).until(() -> jdbc.sql("select count(*) from search_document where document_id = ?")
                .param(listed).query(Long.class).single() == 1);

        // The archivist sees them expired; the recent one is not, nor may a clerk propose anything.
        HttpResponse<byte[]> expired = people.get("/api/v1/archive/retention/expired?limit=10000", DemoPeople.LUUTRU);
        assertThat(expired.statusCode()).isEqualTo(200);
        List<String> expiredIds = new ArrayList<>();
        PeopleHttp.json(expired).forEach(e -> expiredIds.add(e.path("documentId").asText()));
        assertThat(expiredIds).contains(listed.toString(), held.toString(), unlisted.toString()).doesNotContain(recent.toString());
        PeopleHttp.assertRefused(people.send("POST", "/api/v1/archive/destruction-lists", DemoPeople.LUUTRU,
                proposal(listed, recent)), 409, "NOT_DESTRUCTIBLE");
        PeopleHttp.assertRefused(people.send("POST", "/api/v1/archive/destruction-lists", DemoPeople.VANTHU_SONOIVU,
                proposal(listed)), 403, "NOT_PERMITTED");

        HttpResponse<byte[]> proposed = people.send("POST", "/api/v1/archive/destruction-lists", DemoPeople.LUUTRU, proposal(listed, held));
        assertThat(proposed.statusCode()).as(new String(proposed.body())).isEqualTo(201);
        String list = PeopleHttp.json(proposed).path("id").asText();
        String base = "/api/v1/archive/destruction-lists/" + list;
        assertThat(PeopleHttp.json(proposed).path("state").asText()).isEqualTo("PROPOSED");

        // Nothing is destroyed without approval; only the competent leader approves, with the decision named.
        PeopleHttp.assertRefused(people.send("POST", base + "/execution", DemoPeople.LUUTRU, "{}"), 409, "DESTRUCTION_LIST_STATE");
        String decision = "{\"approved\":true,\"decisionReference\":\"45/QĐ-SNV\",\"decisionDate\":\"" + LocalDate.now(HANOI) + "\"}";
        PeopleHttp.assertRefused(people.send("POST", base + "/decision", DemoPeople.LUUTRU, decision), 403, "NOT_PERMITTED");
        PeopleHttp.assertRefused(people.send("POST", base + "/decision", DemoPeople.LANHDAO_BADINH, decision), 403, "NOT_A_PARTY");
        PeopleHttp.assertRefused(people.send("POST", base + "/decision", DemoPeople.LANHDAO_SONOIVU, "{\"approved\":true}"),
                400, "REQUEST_INVALID");
        HttpResponse<byte[]> approved = people.send("POST", base + "/decision", DemoPeople.LANHDAO_SONOIVU, decision);
        assertThat(approved.statusCode()).as(new String(approved.body())).isEqualTo(200);
        assertThat(PeopleHttp.json(approved).path("state").asText()).isEqualTo("APPROVED");

        // After the approval, a dispute: the second goes on legal hold.
        assertThat(people.send("POST", "/api/v1/archive/documents/" + held + "/legal-hold", DemoPeople.LUUTRU,
                "{\"reason\":\"Khiếu nại đang được giải quyết\"}").statusCode()).isEqualTo(200);

        // What the first holds, and a copy of its own file's ciphertext kept aside.
        List<String> contents = contentsOf(listed);
        String ownSha = sha(listed, 0);
        String sharedSha = sha(listed, 1);
        assertThat(contents).contains(ownSha, sharedSha).hasSizeGreaterThanOrEqualTo(4); // envelope, two files, a status
        assertThat(keyCount(contents)).isEqualTo(contents.size());
        Path aside = DATA_DIR.resolve("ciphertext-kept-aside-" + UUID.randomUUID());
        Files.copy(blobFile(ownSha), aside);

        HttpResponse<byte[]> executed = people.send("POST", base + "/execution", DemoPeople.LUUTRU, "{}");
        assertThat(executed.statusCode()).as(new String(executed.body())).isEqualTo(200);
        JsonNode result = PeopleHttp.json(executed);
        assertThat(result.path("state").asText()).isEqualTo("EXECUTED");
        List<String> outcomes = new ArrayList<>();
        result.path("items").forEach(i -> outcomes.add(i.path("documentId").asText() + " " + i.path("outcome").asText()));
        assertThat(outcomes).containsExactlyInAnyOrder(listed + " DESTROYED", held + " KEPT_ON_LEGAL_HOLD");

        // The first's content: keys gone, blobs gone, its search text gone; the copy kept aside does not decrypt.
        List<String> destroyed = contents.stream().filter(sha -> !sha.equals(sharedSha)).toList();
        assertThat(keyCount(destroyed)).as("content keys left").isZero();
        assertThat(destroyed).allSatisfy(sha -> assertThat(blobFile(sha)).doesNotExist());
        Files.copy(aside, blobFile(ownSha));
        try {
            assertThatThrownBy(() -> blobs.readAll(ownSha)).isInstanceOf(ContentKeyGoneException.class);
            assertThat(new String(Files.readAllBytes(aside), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as("what is kept aside is ciphertext").doesNotContain("%PDF");
        } finally {
            Files.delete(blobFile(ownSha));
            Files.delete(aside);
        }
        assertThat(jdbc.sql("select count(*) from search_document where document_id = ?").param(listed).query(Long.class).single()).isZero();
        PeopleHttp.assertRefused(people.get("/api/v1/archive/documents/" + listed + "/files/0", DemoPeople.LUUTRU), 410, "DOCUMENT_DESTROYED");
        PeopleHttp.assertRefused(people.get("/api/v1/archive/documents/" + listed + "/evidence", DemoPeople.LUUTRU), 410, "DOCUMENT_DESTROYED");
        HttpResponse<byte[]> view = people.get("/api/v1/archive/documents/" + listed, DemoPeople.LUUTRU);
        assertThat(PeopleHttp.json(view).path("destroyed").path("listId").asText()).isEqualTo(list);

        assertThat(PeopleHttp.json(people.get("/api/v1/archive/documents/" + held, DemoPeople.LUUTRU)).path("legalHold")
                .path("reason").asText()).isEqualTo("Khiếu nại đang được giải quyết");
        // The held one, the unlisted one and the shared file: whole.
        assertThat(people.get("/api/v1/archive/documents/" + held + "/files/0", DemoPeople.LUUTRU).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> shared = people.get("/api/v1/archive/documents/" + unlisted + "/files/0", DemoPeople.LUUTRU);
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(shared.body()).isEqualTo(sharedFile);

        // The ledger still verifies: the hub's own check, and the verifier offline on the held one's bundle.
        // (The shared hub also holds other tests' rows made without blobs: only the ledger's findings and these
        // documents' are this test's.)
        IntegrityReport report = integrity.check();
        assertThat(report.findings()).as("the hub's own check after the destruction").noneMatch(f -> f.kind().equals("CHAIN")
                || f.kind().equals("CHECKPOINT") || f.kind().equals("RECORD")
                || List.of(listed, held, unlisted).contains(f.documentId()));
        Path trust = Bundles.trustFolder(DATA_DIR.resolve("verifier-trust-" + UUID.randomUUID()), PKI.root(),
                hubSigner.certificate(), TSA.certificate());
        VerificationReport verified = Bundles.verify(evidence.forAgency(SO_NOI_VU.organId, held), trust);
        assertThat(verified.failures()).as("the offline verifier on a kept document").isEmpty();

        // The signed record names the approver and the decision, and the ledger holds its hash.
        HttpResponse<byte[]> recordResponse = people.get(base + "/record", DemoPeople.KIEMTOAN);
        assertThat(recordResponse.statusCode()).isEqualTo(200);
        org.w3c.dom.Document record = PeopleHttp.parse(recordResponse.body());
        assertThat(PeopleHttp.signatureHolds(record, hubSigner.certificate())).as("the record's signature by the hub").isTrue();
        assertThat(PeopleHttp.text(record, "ApprovedBy")).isEqualTo(DemoPeople.LANHDAO_SONOIVU.username);
        assertThat(PeopleHttp.text(record, "DecisionReference")).isEqualTo("45/QĐ-SNV");
        assertThat(PeopleHttp.text(record, "ExecutedBy")).isEqualTo(DemoPeople.LUUTRU.username);
        assertThat(new String(recordResponse.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("sha256=\"" + ownSha + "\"", "fate=\"DESTROYED\"", "fate=\"KEPT_SHARED\"", "KEPT_ON_LEGAL_HOLD")
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(ownFile).substring(0, 40));
        assertThat(jdbc.sql("select payload_sha256 from ledger_entry where event = ?").param("DESTRUCTION " + list)
                .query(String.class).single()).isEqualTo(PeopleHttp.json(people.get(base, DemoPeople.KIEMTOAN)).path("recordSha256").asText());

        // Executed once only; and every step in the audit trail.
        PeopleHttp.assertRefused(people.send("POST", base + "/execution", DemoPeople.LUUTRU, "{}"), 409, "DESTRUCTION_LIST_STATE");
        assertThat(actions(listed)).containsSubsequence("luutru DESTRUCTION_LIST", "lanhdao-sonoivu DESTRUCTION_LIST", "luutru DESTROY");
        assertThat(actions(held)).containsSubsequence("luutru DESTRUCTION_LIST", "lanhdao-sonoivu DESTRUCTION_LIST", "luutru LEGAL_HOLD")
                .doesNotContain("luutru DESTROY");
        assertThat(jdbc.sql("select detail from audit_entry where document_id = ? and action = 'DESTROY'").param(listed)
                .query(String.class).single()).contains("lanhdao-sonoivu", "45/QĐ-SNV");
    }

    private UUID invitation(String number, HubClient.Part... files) throws Exception {
        return document(number, LocalDate.of(2015, 3, 2), 23, "Giấy mời", "GM-SNV", files);
    }

    private UUID document(String number, LocalDate date, int type, String typeName, String notation, HubClient.Part... files)
            throws Exception {
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(type, typeName)
                .code(number, notation).subject(typeName + " số " + number + " (kiểm tra thời hạn bảo quản)").date(date);
        for (HubClient.Part file : files) message.attachment(file.contentId(), file.name(), file.contentType());
        String id = client(SO_NOI_VU).send(EnvelopeSigner.sign(message.toBytes(), PKI.signer()), files).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        byte[] status = EnvelopeSigner.sign(StatusMessage.of(SO_TAI_CHINH.organId, SO_NOI_VU.organId, message.documentId(), "03",
                "Đã vào sổ văn bản đến", OffsetDateTime.now().withNano(0), "16/" + number), PKI.signer());
        assertThat(client(SO_TAI_CHINH).updateStatus(id, status)).isTrue();
        UUID documentId = UUID.fromString(id);
        await().atMost(DELIVERY_TIMEOUT).until(() -> jdbc.sql(
                "select count(*) from status_event where document_id = ? and message_sha256 is not null").param(documentId)
                .query(Long.class).single() > 0);
        return documentId;
    }

    private static String proposal(UUID... documents) {
        StringBuilder ids = new StringBuilder();
        for (UUID id : documents) ids.append(ids.length() == 0 ? "" : ",").append('"').append(id).append('"');
        return "{\"title\":\"Danh sách tài liệu hết giá trị năm 2015\",\"documents\":[" + ids + "]}";
    }

    private List<String> contentsOf(UUID documentId) {
        return jdbc.sql("""
                        select envelope_sha256 from document where id = ?
                        union select sha256 from attachment where document_id = ?
                        union select message_sha256 from status_event where document_id = ? and message_sha256 is not null""")
                .params(documentId, documentId, documentId).query(String.class).list();
    }

    private long keyCount(List<String> shas) {
        return jdbc.sql("select count(*) from content_key where sha256 = any(cast(string_to_array(?, ',') as char(64)[]))")
                .param(String.join(",", shas)).query(Long.class).single();
    }

    private String sha(UUID documentId, int position) {
        return jdbc.sql("select sha256 from attachment where document_id = ? and position = ?").params(documentId, position)
                .query(String.class).single();
    }

    private Path blobFile(String sha) {
        return settings.blobDir().resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    private List<String> actions(UUID documentId) {
        return jdbc.sql("select actor || ' ' || action from audit_entry where document_id = ? order by id").param(documentId)
                .query(String.class).list();
    }
}
