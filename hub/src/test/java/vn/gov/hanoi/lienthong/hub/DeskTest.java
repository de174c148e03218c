package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;
import vn.gov.hanoi.lienthong.testkit.simulator.ReceivedStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.VP_UBND;

/**
 * The browser desk's actions over the API, for quận Ba Đình (desk: true, registers: true in the demo directory):
 * the clerk registers a document (its number from the hub's incoming register), records its assignment and its
 * completion, and each reaches the sender — its system's pushed statuses and its history — as a DMS's would.
 */
class DeskTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDeskClerkRegistersAssignsAndFinishesADocumentAndTheSenderIsToldAsByADms() throws Exception {
        String senderDocumentId = UUID.randomUUID().toString();
        String id = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(UBND_BA_DINH.organId).type(18, "Công văn")
                .code("301", "SNV-VP").subject("Về việc kiểm tra trang văn thư của quận").documentId(senderDocumentId).toBytes())
                .getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> client(UBND_BA_DINH).pending().contains(id));

        JsonNode registered = post(DemoPeople.VANTHU_BADINH, "/api/v1/tracking/documents/" + id + "/register",
                "{\"handledBy\":\"Phòng Nội vụ\",\"note\":\"Chuyển lãnh đạo cho ý kiến\"}").body;
        assertThat(registered.path("progress").asText()).isEqualTo("03");
        String number = registered.path("incomingNumber").asText();
        assertThat(Integer.parseInt(number)).isPositive();
        assertThat(registered.path("deliveryState").asText()).as("the desk's 01 is the pull's receipt").isEqualTo("DELIVERED");
        assertThat(post(DemoPeople.VANTHU_BADINH, "/api/v1/tracking/documents/" + id + "/register", "{}").body
                .path("incomingNumber").asText()).as("registered once").isEqualTo(number);

        assertThat(post(DemoPeople.VANTHU_BADINH, "/api/v1/tracking/documents/" + id + "/assign",
                "{\"handledBy\":\"Đ/c Nguyễn Văn Bình, Phó Chủ tịch\"}").body.path("progress").asText()).isEqualTo("04");
        assertThat(post(DemoPeople.VANTHU_BADINH, "/api/v1/tracking/documents/" + id + "/done", "{\"note\":\"Đã trả lời\"}").body
                .path("progress").asText()).isEqualTo("06");

        // The sender's system was pushed each status, from Ba Đình, once; its history holds them.
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_NOI_VU_SYSTEM.statusesFor(id).stream().map(ReceivedStatus::statusCode)
                .toList().containsAll(List.of("01", "03", "04", "06")));
        assertThat(SO_NOI_VU_SYSTEM.statusesFor(id)).allSatisfy(s -> assertThat(s.organId()).isEqualTo(UBND_BA_DINH.organId));
        assertThat(SO_NOI_VU_SYSTEM.statusesFor(id)).extracting(ReceivedStatus::statusCode).doesNotHaveDuplicates();
        var history = client(SO_NOI_VU).history(id);
        assertThat(history.getStatus()).filteredOn(s -> s.getOrganId().equals(UBND_BA_DINH.organId))
                .extracting(s -> s.getStatusCode()).containsExactly("01", "03", "04", "06");
        assertThat(history.getStatus()).filteredOn(s -> s.getStatusCode().equals("03")).singleElement()
                .satisfies(s -> assertThat(s.getDescription()).contains("số đến " + number, "Chuyển lãnh đạo cho ý kiến"));

        // The incoming register holds the line, with the decree's columns.
        JsonNode lines = get(DemoPeople.VANTHU_BADINH, "/api/v1/tracking/registers/incoming").body;
        JsonNode line = null;
        for (JsonNode candidate : lines) if (id.equals(candidate.path("documentId").asText())) line = candidate;
        assertThat(line).as("the document's line in %s", lines).isNotNull();
        assertThat(line.path("number").asText()).isEqualTo(number);
        assertThat(line.path("numberAndNotation").asText()).isEqualTo("301/SNV-VP");
        assertThat(line.path("summary").asText()).isEqualTo("Về việc kiểm tra trang văn thư của quận");
        assertThat(line.path("handledBy").asText()).isEqualTo("Phòng Nội vụ");
        assertThat(line.path("enteredBy").asText()).isEqualTo(DemoPeople.VANTHU_BADINH.username);
    }

    @Test
    void theDeskIsTheClerksOfAnAgencyWithoutADmsAndEachActionNeedsWhatItSays() throws Exception {
        String toBaDinh = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(UBND_BA_DINH.organId, VP_UBND.organId)
                .type(18, "Công văn").code("302", "SNV-VP").subject("Về việc quyền trên trang văn thư").toBytes()).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> client(UBND_BA_DINH).pending().contains(toBaDinh));
        Answer byLeader = post(DemoPeople.LANHDAO_BADINH, "/api/v1/tracking/documents/" + toBaDinh + "/register", "{}");
        assertThat(byLeader.status).isEqualTo(403);
        assertThat(byLeader.body.path("code").asText()).isEqualTo("NOT_PERMITTED");
        Answer dmsAgency = post(DemoPeople.VANTHU_VPUBND, "/api/v1/tracking/documents/" + toBaDinh + "/register", "{}");
        assertThat(dmsAgency.status).as("Văn phòng UBND has its own DMS").isEqualTo(403);
        assertThat(dmsAgency.body.path("code").asText()).isEqualTo("DESK_NOT_OPEN");
        Answer notToIt = post(DemoPeople.VANTHU_BADINH, "/api/v1/tracking/documents/" + UUID.randomUUID() + "/register", "{}");
        assertThat(notToIt.status).isEqualTo(404);
        Answer refusal = post(DemoPeople.VANTHU_BADINH, "/api/v1/tracking/documents/" + toBaDinh + "/refuse", "{}");
        assertThat(refusal.status).isEqualTo(400);
        assertThat(refusal.body.path("code").asText()).isEqualTo("STATUS_NOTE_REQUIRED");
        Answer assignment = post(DemoPeople.VANTHU_BADINH, "/api/v1/tracking/documents/" + toBaDinh + "/assign", "{}");
        assertThat(assignment.body.path("code").asText()).isEqualTo("STATUS_NOTE_REQUIRED");
        Answer refused = post(DemoPeople.VANTHU_BADINH, "/api/v1/tracking/documents/" + toBaDinh + "/refuse",
                "{\"note\":\"Không thuộc thẩm quyền của quận\"}");
        assertThat(refused.status).isEqualTo(200);
        assertThat(refused.body.path("progress").asText()).isEqualTo("02");
        assertThat(refused.body.path("refusedAt").isNull()).isFalse();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer get(DemoPeople person, String path) throws Exception {
        return call(person, "GET", path, null);
    }

    private Answer post(DemoPeople person, String path, String json) throws Exception {
        return call(person, "POST", path, json);
    }

    private Answer call(DemoPeople person, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", person.basicAuthorization()).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body()));
    }
}
