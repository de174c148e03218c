package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

import vn.gov.hanoi.lienthong.core.record.Ledger;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/**
 * An operator re-drives a failed delivery: it reaches its recipient exactly once, the action is recorded with the
 * person's name and reason and in the document's ledger, the failed copy leaves the agency's failed queue; an
 * agency system and a person without the operator role cannot act; a reason is required; a delivery that has not
 * failed is not re-driven.
 */
class OperatorActionsTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    ConnectionFactory connectionFactory;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFailedDeliveryReDrivenReachesItsRecipientOnceAndTheActionIsAudited() throws Exception {
        String documentId = documentWhoseDeliveryFailed("95", "Về việc kiểm tra chuyển lại văn bản đã thất bại");
        UUID deliveryId = jdbc.queryForObject("select id from delivery where document_id = ?::uuid and recipient_organ_id = ?",
                UUID.class, documentId, SO_TAI_CHINH.organId);
        String path = "/api/v1/admin/deliveries/" + deliveryId + "/redrive";
        String body = "{\"reason\":\"Hệ thống Sở Tài chính đã hoạt động lại (phiếu VH-2026-118)\"}";

        assertThat(post(path, basic(SO_TAI_CHINH.username, SO_TAI_CHINH.secret), body).statusCode()).as("an agency system").isEqualTo(401);
        HttpResponse<String> auditor = post(path, basic(DemoPeople.AUDITOR.username, DemoPeople.AUDITOR.secret), body);
        assertThat(auditor.statusCode()).as("a person without the operator role").isEqualTo(403);
        assertThat(JSON.readTree(auditor.body()).path("code").asText()).isEqualTo("NOT_PERMITTED");
        HttpResponse<String> noReason = post(path, DemoPeople.OPERATOR.basicAuthorization(), "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).path("code").asText()).isEqualTo("ACTION_REASON_REQUIRED");
        assertThat(SO_TAI_CHINH_SYSTEM.document(documentId)).as("nothing re-driven by a refused call").isNull();

        JmsTemplate jms = new JmsTemplate(connectionFactory);
        String failedQueue = "lienthong.failed." + SO_TAI_CHINH.organId;
        String ofThisDocument = "JMSXGroupID = '" + documentId + "'";
        Integer waiting = jms.browseSelected(failedQueue, ofThisDocument,
                (session, browser) -> java.util.Collections.list(browser.getEnumeration()).size());
        assertThat(waiting).as("the failed copy waits in the agency's failed queue").isEqualTo(1);

        HttpResponse<String> accepted = post(path, DemoPeople.OPERATOR.basicAuthorization(), body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String actionId = JSON.readTree(accepted.body()).path("actionId").asText();

        String delivered = documentId;
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(delivered) != null);
        await().atMost(DELIVERY_TIMEOUT).until(() -> client(SO_NOI_VU).history(delivered).getRecipient().stream()
                .anyMatch(r -> r.getDeliveryState().equals("DELIVERED")));
        Thread.sleep(1_000);
        assertThat(SO_TAI_CHINH_SYSTEM.callsFor(documentId)).as("reached its recipient exactly once").isEqualTo(1);

        JsonNode action = JSON.readTree(get("/api/v1/admin/actions/" + actionId).body());
        assertThat(action.path("person").asText()).isEqualTo("operator");
        assertThat(action.path("action").asText()).isEqualTo("REDRIVE");
        assertThat(action.path("reason").asText()).contains("phiếu VH-2026-118");
        assertThat(action.path("doneAt").isNull()).isFalse();
        assertThat(action.path("deliveryIds").toString()).contains(deliveryId.toString());
        assertThat(jdbc.queryForList("select event from ledger_entry where document_id = ?::uuid", String.class, documentId))
                .contains("operator-action " + actionId);
        assertThat(ledger.firstBrokenEntry()).as("the ledger's chain still verifies").isEqualTo(-1);
        assertThat(jdbc.queryForList("select cause from state_transition where delivery_id = ? order by id", String.class, deliveryId))
                .anyMatch(cause -> cause.startsWith("re-driven by operator (action " + actionId + ")"));

        Integer left = jms.browseSelected(failedQueue, ofThisDocument,
                (session, browser) -> java.util.Collections.list(browser.getEnumeration()).size());
        assertThat(left).as("the failed copy left the agency's failed queue").isZero();

        HttpResponse<String> again = post(path, DemoPeople.OPERATOR.basicAuthorization(), body);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("code").asText()).isEqualTo("DELIVERY_NOT_FAILED");
    }

    @Test
    void everyFailedDeliveryOfAnAgencyIsReDrivenAtOnce() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(documentWhoseDeliveryFailed("96" + i, "Về việc kiểm tra chuyển lại cả hàng đợi lỗi " + i));
        }
        HttpResponse<String> accepted = post("/api/v1/admin/agencies/" + SO_TAI_CHINH.organId + "/failed-deliveries/redrive",
                DemoPeople.OPERATOR.basicAuthorization(), "{\"reason\":\"Sở Tài chính đã khắc phục sự cố\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(JSON.readTree(accepted.body()).path("deliveries").asInt()).isGreaterThanOrEqualTo(2);
        for (String id : ids) {
            await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        }
        Thread.sleep(1_000);
        for (String id : ids) {
            assertThat(SO_TAI_CHINH_SYSTEM.callsFor(id)).as("document %s reached its recipient once", id).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from delivery where recipient_organ_id = ? and state = 'FAILED'",
                Integer.class, SO_TAI_CHINH.organId)).as("nothing of the agency's is left failed").isZero();
    }

    @Test
    void anUnknownDeliveryOrAgencyIsRefusedWithItsCode() throws Exception {
        HttpResponse<String> unknown = post("/api/v1/admin/deliveries/" + UUID.randomUUID() + "/redrive",
                DemoPeople.OPERATOR.basicAuthorization(), "{\"reason\":\"thử\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("code").asText()).isEqualTo("DELIVERY_NOT_FOUND");
        HttpResponse<String> agency = post("/api/v1/admin/agencies/999.99.99.H26/failed-deliveries/redrive",
                DemoPeople.OPERATOR.basicAuthorization(), "{\"reason\":\"thử\"}");
        assertThat(agency.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(agency.body()).path("code").asText()).isEqualTo("UNKNOWN_RECIPIENT");
    }

    @Test
    void aCancelledDeliveryNeverArrivesAndItsSenderIsTold() throws Exception {
        String documentId;
        UUID deliveryId;
        SO_TAI_CHINH_SYSTEM.setAvailable(false);
        try {
            documentId = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(18, "Công văn")
                    .code("97", "SNV-VP").subject("Về việc văn bản gửi nhầm cần hủy chuyển").toBytes()).getDocumentId();
            String sent = documentId;
            await().atMost(DELIVERY_TIMEOUT).until(() -> !jdbc.queryForList("select id from delivery where document_id = ?::uuid",
                    UUID.class, sent).isEmpty());
            deliveryId = jdbc.queryForObject("select id from delivery where document_id = ?::uuid", UUID.class, documentId);
            HttpResponse<String> accepted = post("/api/v1/admin/deliveries/" + deliveryId + "/cancel",
                    DemoPeople.OPERATOR.basicAuthorization(), "{\"reason\":\"Sở Nội vụ gửi nhầm nơi nhận (công văn 12/SNV-VP)\"}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String actionId = JSON.readTree(accepted.body()).path("actionId").asText();
            UUID cancelled = deliveryId;
            await().atMost(DELIVERY_TIMEOUT).until(() -> "CANCELLED".equals(
                    jdbc.queryForObject("select state from delivery where id = ?", String.class, cancelled)));
            assertThat(jdbc.queryForList("select event from ledger_entry where document_id = ?::uuid", String.class, documentId))
                    .contains("operator-action " + actionId);
        } finally {
            SO_TAI_CHINH_SYSTEM.setAvailable(true);
        }
        String cancelledDocument = documentId;
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_NOI_VU_SYSTEM.statusesFor(cancelledDocument).stream()
                .anyMatch(status -> status.reasonCodes().contains("DELIVERY_CANCELLED")));
        Thread.sleep(2_000);
        assertThat(SO_TAI_CHINH_SYSTEM.document(documentId)).as("a cancelled delivery never reaches the recipient").isNull();
        assertThat(client(SO_NOI_VU).history(documentId).getRecipient()).extracting(r -> r.getDeliveryState())
                .containsExactly("CANCELLED");
        HttpResponse<String> again = post("/api/v1/admin/deliveries/" + deliveryId + "/cancel",
                DemoPeople.OPERATOR.basicAuthorization(), "{\"reason\":\"lần nữa\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("code").asText()).isEqualTo("DELIVERY_NOT_CANCELLABLE");
    }

    @Test
    void aDocumentResentToOneRecipientReachesItOnceMore() throws Exception {
        String documentId = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId, UBND_BA_DINH.organId)
                .type(18, "Công văn").code("98", "SNV-VP").subject("Về việc gửi lại văn bản cơ quan nhận đã làm mất").toBytes())
                .getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.callsFor(documentId) == 1
                && "DELIVERED".equals(deliveryState(documentId, SO_TAI_CHINH.organId)));
        UUID pushed = jdbc.queryForObject("select id from delivery where document_id = ?::uuid and recipient_organ_id = ?",
                UUID.class, documentId, SO_TAI_CHINH.organId);
        HttpResponse<String> accepted = post("/api/v1/admin/deliveries/" + pushed + "/resend",
                DemoPeople.OPERATOR.basicAuthorization(), "{\"reason\":\"Sở Tài chính khôi phục hệ thống, mất văn bản đã nhận\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String actionId = JSON.readTree(accepted.body()).path("actionId").asText();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.callsFor(documentId) == 2
                && "DELIVERED".equals(deliveryState(documentId, SO_TAI_CHINH.organId)));
        Thread.sleep(1_000);
        assertThat(SO_TAI_CHINH_SYSTEM.callsFor(documentId)).as("sent once more, once").isEqualTo(2);
        assertThat(jdbc.queryForList("select event from ledger_entry where document_id = ?::uuid", String.class, documentId))
                .contains("operator-action " + actionId);
        assertThat(jdbc.queryForList("select cause from state_transition where delivery_id = ? order by id", String.class, pushed))
                .anyMatch(cause -> cause.startsWith("resent by operator (action " + actionId + ")"));

        // The pull recipient has not fetched it yet: it is on its way, nothing to resend.
        await().atMost(DELIVERY_TIMEOUT).until(() -> "AVAILABLE".equals(deliveryState(documentId, UBND_BA_DINH.organId)));
        UUID pulled = jdbc.queryForObject("select id from delivery where document_id = ?::uuid and recipient_organ_id = ?",
                UUID.class, documentId, UBND_BA_DINH.organId);
        HttpResponse<String> onItsWay = post("/api/v1/admin/deliveries/" + pulled + "/resend",
                DemoPeople.OPERATOR.basicAuthorization(), "{\"reason\":\"thử\"}");
        assertThat(onItsWay.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(onItsWay.body()).path("code").asText()).isEqualTo("DELIVERY_IN_PROGRESS");
    }

    @Test
    void aSuspendedAgencyIsRefusedAtTheDoorAndItsDocumentsWaitUntilItIsReactivated() throws Exception {
        String suspendPath = "/api/v1/admin/agencies/" + SO_TAI_CHINH.organId + "/suspend";
        String reactivatePath = "/api/v1/admin/agencies/" + SO_TAI_CHINH.organId + "/reactivate";
        HttpResponse<String> suspended = post(suspendPath, DemoPeople.OPERATOR.basicAuthorization(),
                "{\"reason\":\"Sở Tài chính báo hệ thống bị xâm nhập (phiếu VH-2026-131)\"}");
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(202);
        String suspension = JSON.readTree(suspended.body()).path("actionId").asText();
        String documentId;
        try {
            await().atMost(DELIVERY_TIMEOUT).until(() -> "AGENCY_NOT_ACTIVE".equals(
                    faultCodeOrNull(() -> client(SO_TAI_CHINH).pending())));
            documentId = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(18, "Công văn")
                    .code("99", "SNV-VP").subject("Về việc văn bản chờ cơ quan bị tạm dừng").toBytes()).getDocumentId();
            Thread.sleep(2_000);
            assertThat(SO_TAI_CHINH_SYSTEM.document(documentId)).as("held while the agency is suspended").isNull();
            assertThat(deliveryState(documentId, SO_TAI_CHINH.organId)).isEqualTo("QUEUED");
            HttpResponse<String> twice = post(suspendPath, DemoPeople.OPERATOR.basicAuthorization(), "{\"reason\":\"lần nữa\"}");
            assertThat(twice.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(twice.body()).path("code").asText()).isEqualTo("AGENCY_STATE_UNCHANGED");
        } finally {
            HttpResponse<String> reactivated = post(reactivatePath, DemoPeople.OPERATOR.basicAuthorization(),
                    "{\"reason\":\"Sở Tài chính đã khắc phục sự cố an ninh\"}");
            assertThat(reactivated.statusCode()).as(reactivated.body()).isEqualTo(202);
            await().atMost(DELIVERY_TIMEOUT).until(() -> faultCodeOrNull(() -> client(SO_TAI_CHINH).pending()) == null);
        }
        String waiting = documentId;
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(waiting) != null);
        Thread.sleep(1_000);
        assertThat(SO_TAI_CHINH_SYSTEM.callsFor(documentId)).isEqualTo(1);
        List<Map<String, Object>> audit = jdbc.queryForList("select event from ledger_entry where document_id = ?",
                vn.gov.hanoi.lienthong.core.record.Ledger.HUB_ITSELF);
        assertThat(audit).extracting(row -> row.get("event")).contains("operator-action " + suspension);
        JsonNode action = JSON.readTree(get("/api/v1/admin/actions/" + suspension).body());
        assertThat(action.path("action").asText()).isEqualTo("SUSPEND");
        assertThat(action.path("organId").asText()).isEqualTo(SO_TAI_CHINH.organId);
        assertThat(action.path("person").asText()).isEqualTo("operator");
        assertThat(jdbc.queryForObject("select count(*) from agency_suspension", Integer.class)).isZero();
        assertThat(ledger.firstBrokenEntry()).isEqualTo(-1);
    }

    @Test
    void aDirectoryReloadIsAnAuditedAction() throws Exception {
        HttpResponse<String> accepted = post("/api/v1/admin/directory/reload", DemoPeople.OPERATOR.basicAuthorization(),
                "{\"reason\":\"Thêm Sở Y tế vào danh bạ (quyết định 45/QĐ-STTTT)\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String actionId = JSON.readTree(accepted.body()).path("actionId").asText();
        await().atMost(DELIVERY_TIMEOUT).until(() -> !JSON.readTree(get("/api/v1/admin/actions/" + actionId).body())
                .path("outcome").isNull());
        JsonNode action = JSON.readTree(get("/api/v1/admin/actions/" + actionId).body());
        assertThat(action.path("action").asText()).isEqualTo("RELOAD_DIRECTORY");
        assertThat(action.path("outcome").path("applied").asBoolean()).isTrue();
        assertThat(jdbc.queryForList("select event from ledger_entry where document_id = ?", String.class,
                vn.gov.hanoi.lienthong.core.record.Ledger.HUB_ITSELF)).contains("operator-action " + actionId);
        assertThat(post("/api/v1/admin/directory/reload", DemoPeople.OPERATOR.basicAuthorization(), "{}").statusCode())
                .as("a reason is required").isEqualTo(400);
    }

    @Test
    void noActionIsOpenToAnAgencySystemOrAPersonWithoutTheOperatorRole() throws Exception {
        String body = "{\"reason\":\"thử quyền\"}";
        UUID any = UUID.randomUUID();
        for (String path : List.of("/api/v1/admin/deliveries/" + any + "/redrive", "/api/v1/admin/deliveries/" + any + "/cancel",
                "/api/v1/admin/deliveries/" + any + "/resend", "/api/v1/admin/agencies/" + SO_TAI_CHINH.organId + "/failed-deliveries/redrive",
                "/api/v1/admin/agencies/" + SO_TAI_CHINH.organId + "/suspend",
                "/api/v1/admin/agencies/" + SO_TAI_CHINH.organId + "/reactivate", "/api/v1/admin/directory/reload")) {
            assertThat(post(path, basic(SO_TAI_CHINH.username, SO_TAI_CHINH.secret), body).statusCode()).as("agency system: %s", path)
                    .isEqualTo(401);
            assertThat(post(path, basic(DemoPeople.AUDITOR.username, DemoPeople.AUDITOR.secret), body).statusCode())
                    .as("auditor: %s", path).isEqualTo(403);
        }
        assertThat(jdbc.queryForObject("select count(*) from agency_suspension", Integer.class)).isZero();
    }

    private String deliveryState(String documentId, String organId) {
        List<String> state = jdbc.queryForList("select state from delivery where document_id = ?::uuid and recipient_organ_id = ?",
                String.class, documentId, organId);
        return state.isEmpty() ? null : state.get(0);
    }

    private static String faultCodeOrNull(ThrowingCall call) {
        try {
            call.run();
            return null;
        } catch (vn.gov.hanoi.lienthong.schemas.ws.edoc.HubFault fault) {
            return fault.getFaultInfo().getCode();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", DemoPeople.OPERATOR.basicAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
