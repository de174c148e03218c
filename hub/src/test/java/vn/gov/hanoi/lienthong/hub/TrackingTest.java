package vn.gov.hanoi.lienthong.hub;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.gov.hanoi.lienthong.core.calendar.HolidayFile;
import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.VP_UBND;

/**
 * The tracking of Article 9.3 over the API, with known traffic: who has finished what, what is overdue and for
 * whom, deadlines in working days, what each person may see, and the paper copies of Article 5.1.
 */
class TrackingTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WorkingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void readCalendar() throws Exception {
        try (InputStream in = new FileInputStream("../config/holidays.yaml")) {
            calendar = HolidayFile.read(in, "config/holidays.yaml");
        }
    }

    @Test
    void aDocumentPastItsDueDateIsOverdueForExactlyTheRecipientsThatHaveNotFinishedIt() throws Exception {
        LocalDate today = WorkingCalendar.today(java.time.Clock.systemUTC());
        Sent late = send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId, UBND_BA_DINH.organId, VP_UBND.organId)
                .type(2, "Quyết định").code("201", "QĐ-SNV").subject("Quyết định về việc theo dõi văn bản quá hạn")
                .dueDate(today.minusDays(1)));
        Sent notYet = send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId, UBND_BA_DINH.organId, VP_UBND.organId)
                .type(2, "Quyết định").code("202", "QĐ-SNV").subject("Quyết định về việc theo dõi văn bản còn hạn")
                .dueDate(today.plusDays(3)));
        for (Sent document : List.of(late, notYet)) {
            await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(document.hubId) != null);
            await().atMost(DELIVERY_TIMEOUT).until(() -> client(UBND_BA_DINH).pending().contains(document.hubId)
                    && client(VP_UBND).pending().contains(document.hubId));
        }
        // Sở Tài chính refuses it, quận Ba Đình handles it to the end, Văn phòng UBND only registers it (number 15).
        report(SO_TAI_CHINH, late, "02", null);
        for (String code : List.of("01", "03", "04", "05", "06")) report(UBND_BA_DINH, late, code, null);
        report(VP_UBND, late, "01", null);
        report(VP_UBND, late, "03", "15");
        report(VP_UBND, notYet, "01", null);

        // The sender's leader: overdue only at Văn phòng UBND, and nothing of the document still in time.
        List<JsonNode> sentOverdue = rows(get(DemoPeople.LANHDAO_SONOIVU, "/api/v1/tracking/sent?state=overdue"), late, notYet);
        assertThat(sentOverdue).extracting(r -> r.path("documentId").asText() + " " + r.path("recipientOrganId").asText())
                .containsExactly(late.hubId + " " + VP_UBND.organId);
        JsonNode journey = get(DemoPeople.LANHDAO_SONOIVU, "/api/v1/tracking/documents/" + late.hubId).body;
        assertThat(journey.path("recipients")).hasSize(3);
        for (JsonNode recipient : journey.path("recipients")) {
            String organ = recipient.path("recipientOrganId").asText();
            assertThat(recipient.path("dueOn").asText()).isEqualTo(today.minusDays(1).toString());
            assertThat(recipient.path("overdue").asBoolean()).as(organ).isEqualTo(organ.equals(VP_UBND.organId));
        }
        JsonNode atVpUbnd = recipient(journey, VP_UBND.organId);
        assertThat(atVpUbnd.path("progress").asText()).isEqualTo("03");
        assertThat(atVpUbnd.path("incomingNumber").asText()).isEqualTo("15");
        assertThat(atVpUbnd.path("registeredAt").isNull()).isFalse();
        assertThat(atVpUbnd.path("doneAt").isNull()).isTrue();
        assertThat(recipient(journey, UBND_BA_DINH.organId).path("progress").asText()).isEqualTo("06");
        assertThat(recipient(journey, SO_TAI_CHINH.organId).path("progress").asText()).isEqualTo("02");
        assertThat(journey.path("statuses")).extracting(s -> s.path("organId").asText() + ":" + s.path("statusCode").asText())
                .contains(SO_TAI_CHINH.organId + ":02", UBND_BA_DINH.organId + ":06", VP_UBND.organId + ":03");

        // The recipients' own lists.
        assertThat(rows(get(DemoPeople.LANHDAO_VPUBND, "/api/v1/tracking/received?state=overdue"), late, notYet))
                .extracting(r -> r.path("documentId").asText()).containsExactly(late.hubId);
        assertThat(rows(get(DemoPeople.LANHDAO_BADINH, "/api/v1/tracking/received?state=overdue"), late, notYet)).isEmpty();
        assertThat(rows(get(DemoPeople.VANTHU_BADINH, "/api/v1/tracking/received?state=done&sender=" + SO_NOI_VU.organId), late, notYet))
                .extracting(r -> r.path("documentId").asText()).containsExactly(late.hubId);
        assertThat(rows(get(DemoPeople.LANHDAO_SOTAICHINH, "/api/v1/tracking/received?state=refused"), late, notYet)).hasSize(1);
        assertThat(rows(get(DemoPeople.LANHDAO_SOTAICHINH, "/api/v1/tracking/received?state=open&type=2"), late, notYet))
                .extracting(r -> r.path("documentId").asText()).containsExactly(notYet.hubId);
        // Sent and not yet answered: the document in time, by Sở Tài chính and Ba Đình (Văn phòng UBND reported 01).
        assertThat(rows(get(DemoPeople.LANHDAO_SONOIVU, "/api/v1/tracking/sent?state=unanswered"), late, notYet))
                .extracting(r -> r.path("recipientOrganId").asText())
                .containsExactlyInAnyOrder(SO_TAI_CHINH.organId, UBND_BA_DINH.organId);
        // The receiving leader's journey: its own delivery only, and its own statuses.
        JsonNode ownJourney = get(DemoPeople.LANHDAO_VPUBND, "/api/v1/tracking/documents/" + late.hubId).body;
        assertThat(ownJourney.path("recipients")).extracting(r -> r.path("recipientOrganId").asText()).containsExactly(VP_UBND.organId);
        assertThat(ownJourney.path("statuses")).allSatisfy(s -> assertThat(s.path("organId").asText()).isEqualTo(VP_UBND.organId));
        // Counts, and the period filter (sent today: both; a period that ended yesterday: neither).
        assertThat(get(DemoPeople.LANHDAO_VPUBND, "/api/v1/tracking/summary").body.path("receivedOverdue").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(rows(get(DemoPeople.LANHDAO_VPUBND, "/api/v1/tracking/received?from=" + today + "&to=" + today), late, notYet)).hasSize(2);
        assertThat(rows(get(DemoPeople.LANHDAO_VPUBND, "/api/v1/tracking/received?to=" + today.minusDays(1)), late, notYet)).isEmpty();
    }

    @Test
    void withoutADueDateTheDeadlineIsThePolicysWorkingDaysForTheType() throws Exception {
        LocalDate today = WorkingCalendar.today(java.time.Clock.systemUTC());
        Sent letter = send(DocumentMessage.from(SO_NOI_VU.organId).to(VP_UBND.organId).type(18, "Công văn")
                .code("203", "SNV-VP").subject("Về việc hạn xử lý tính theo ngày làm việc"));
        Sent invitation = send(DocumentMessage.from(SO_NOI_VU.organId).to(VP_UBND.organId).type(23, "Giấy mời")
                .code("204", "GM-SNV").subject("Giấy mời họp về việc theo dõi văn bản"));
        await().atMost(DELIVERY_TIMEOUT).until(() -> client(VP_UBND).pending().containsAll(List.of(letter.hubId, invitation.hubId)));
        LocalDate letterDue = LocalDate.parse(recipient(get(DemoPeople.VANTHU_VPUBND, "/api/v1/tracking/documents/" + letter.hubId).body,
                VP_UBND.organId).path("dueOn").asText());
        LocalDate invitationDue = LocalDate.parse(recipient(get(DemoPeople.VANTHU_VPUBND, "/api/v1/tracking/documents/" + invitation.hubId).body,
                VP_UBND.organId).path("dueOn").asText());
        // config/policy.yaml: 10 working days by default, 2 for a Giấy mời — weekends and holidays skipped.
        assertThat(letterDue).isEqualTo(calendar.addWorkingDays(today, 10));
        assertThat(calendar.workingDaysBetween(today, letterDue)).isEqualTo(10);
        assertThat(letterDue).isAfterOrEqualTo(today.plusDays(14));
        assertThat(calendar.isWorkingDay(letterDue)).isTrue();
        assertThat(invitationDue).isEqualTo(calendar.addWorkingDays(today, 2));
        assertThat(invitationDue).isAfterOrEqualTo(today.plusDays(2));
    }

    @Test
    void aPersonSeesTheirOwnAgencysDocumentsOnlyAndAgencySystemsAndOperatorsNone() throws Exception {
        Sent document = send(DocumentMessage.from(SO_NOI_VU.organId).to(VP_UBND.organId).type(18, "Công văn")
                .code("205", "SNV-VP").subject("Về việc quyền xem theo dõi văn bản"));
        await().atMost(DELIVERY_TIMEOUT).until(() -> client(VP_UBND).pending().contains(document.hubId));
        String path = "/api/v1/tracking/documents/" + document.hubId;
        assertThat(get(DemoPeople.VANTHU_VPUBND, path).status).isEqualTo(200);
        Answer other = get(DemoPeople.VANTHU_CONGTTDT, path);
        assertThat(other.status).isEqualTo(403);
        assertThat(other.body.path("code").asText()).isEqualTo("NOT_A_PARTY");
        assertThat(rows(get(DemoPeople.VANTHU_CONGTTDT, "/api/v1/tracking/received"), document)).isEmpty();
        assertThat(rows(get(DemoPeople.LANHDAO_BADINH, "/api/v1/tracking/sent"), document)).isEmpty();
        Answer notOwn = get(DemoPeople.VANTHU_CONGTTDT, "/api/v1/tracking/received?organ=" + VP_UBND.organId);
        assertThat(notOwn.status).isEqualTo(403);
        assertThat(notOwn.body.path("code").asText()).isEqualTo("NOT_PERMITTED");
        assertThat(get(DemoPeople.OPERATOR, path).status).as("an operator follows no agency").isEqualTo(403);
        assertThat(send("GET", path, "Basic " + java.util.Base64.getEncoder().encodeToString(
                (SO_NOI_VU.username + ":" + SO_NOI_VU.secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)), null).status)
                .as("an agency system never acts as a person").isEqualTo(401);
        assertThat(send("GET", path, null, null).status).isEqualTo(401);
        Answer unknownState = get(DemoPeople.VANTHU_VPUBND, "/api/v1/tracking/received?state=late");
        assertThat(unknownState.status).isEqualTo(400);
        assertThat(unknownState.body.path("code").asText()).isEqualTo("REQUEST_INVALID");
        assertThat(get(DemoPeople.VANTHU_VPUBND, "/api/v1/tracking/documents/" + UUID.randomUUID()).status).isEqualTo(404);
    }

    @Test
    void aPaperCopyRequiredAndNotConfirmedInTimeIsListedForBothSidesAndOneConfirmedIsNot() throws Exception {
        // Quyết định, unsigned: Article 5.1 requires a paper copy (config/policy.yaml).
        Sent unconfirmed = send(DocumentMessage.from(SO_NOI_VU.organId).to(VP_UBND.organId).type(2, "Quyết định")
                .code("206", "QĐ-SNV").subject("Quyết định có bản giấy chưa được xác nhận"));
        Sent confirmed = send(DocumentMessage.from(SO_NOI_VU.organId).to(VP_UBND.organId).type(2, "Quyết định")
                .code("207", "QĐ-SNV").subject("Quyết định có bản giấy đã được xác nhận"));
        Sent recent = send(DocumentMessage.from(SO_NOI_VU.organId).to(VP_UBND.organId).type(2, "Quyết định")
                .code("208", "QĐ-SNV").subject("Quyết định vừa gửi, bản giấy còn trong hạn"));
        Sent invitation = send(DocumentMessage.from(SO_NOI_VU.organId).to(VP_UBND.organId).type(23, "Giấy mời")
                .code("209", "GM-SNV").subject("Giấy mời chỉ gửi điện tử"));
        await().atMost(DELIVERY_TIMEOUT).until(() -> client(VP_UBND).pending()
                .containsAll(List.of(unconfirmed.hubId, confirmed.hubId, recent.hubId, invitation.hubId)));
        // Three weeks ago: past hub.tracking.paper-copy-within (5 working days) whatever the holidays.
        for (Sent old : List.of(unconfirmed, confirmed)) {
            jdbc.update("update delivery set created_at = created_at - interval '21 days' where document_id = ?::uuid", old.hubId);
        }
        Answer confirmation = post(DemoPeople.VANTHU_VPUBND, "/api/v1/tracking/documents/" + confirmed.hubId + "/paper-copy");
        assertThat(confirmation.status).isEqualTo(200);
        assertThat(confirmation.body.path("paperConfirmedBy").asText()).isEqualTo(DemoPeople.VANTHU_VPUBND.username);
        String firstAt = confirmation.body.path("paperConfirmedAt").asText();
        assertThat(post(DemoPeople.VANTHU_VPUBND, "/api/v1/tracking/documents/" + confirmed.hubId + "/paper-copy")
                .body.path("paperConfirmedAt").asText()).as("confirmed once").isEqualTo(firstAt);

        for (DemoPeople side : List.of(DemoPeople.VANTHU_VPUBND, DemoPeople.LANHDAO_SONOIVU)) {
            assertThat(rows(get(side, "/api/v1/tracking/paper-copies/late"), unconfirmed, confirmed, recent, invitation))
                    .as("late paper copies seen by %s", side).extracting(r -> r.path("documentId").asText())
                    .containsExactly(unconfirmed.hubId);
        }
        assertThat(rows(get(DemoPeople.VANTHU_BADINH, "/api/v1/tracking/paper-copies/late"), unconfirmed)).isEmpty();

        Answer electronicOnly = post(DemoPeople.VANTHU_VPUBND, "/api/v1/tracking/documents/" + invitation.hubId + "/paper-copy");
        assertThat(electronicOnly.status).isEqualTo(409);
        assertThat(electronicOnly.body.path("code").asText()).isEqualTo("PAPER_COPY_NOT_REQUIRED");
        Answer byTheLeader = post(DemoPeople.LANHDAO_VPUBND, "/api/v1/tracking/documents/" + unconfirmed.hubId + "/paper-copy");
        assertThat(byTheLeader.status).as("the clerk confirms, not the leader").isEqualTo(403);
        Answer bySender = post(DemoPeople.VANTHU_SONOIVU, "/api/v1/tracking/documents/" + unconfirmed.hubId + "/paper-copy");
        assertThat(bySender.status).as("the recipient's clerk, not the sender's").isEqualTo(403);
        assertThat(bySender.body.path("code").asText()).isEqualTo("NOT_A_RECIPIENT");
    }

    // ---- helpers

    private record Sent(String hubId, String senderDocumentId) {
    }

    private record Answer(int status, JsonNode body) {
    }

    private Sent send(DocumentMessage message) throws Exception {
        String senderDocumentId = UUID.randomUUID().toString();
        String hubId = client(SO_NOI_VU).send(message.documentId(senderDocumentId).toBytes()).getDocumentId();
        return new Sent(hubId, senderDocumentId);
    }

    private void report(DemoAgencies recipient, Sent document, String code, String incomingNumber) throws Exception {
        client(recipient).updateStatus(document.hubId, StatusMessage.of(recipient.organId, SO_NOI_VU.organId,
                document.senderDocumentId, code, "Trạng thái " + code, OffsetDateTime.now(), incomingNumber));
    }

    private static JsonNode recipient(JsonNode journey, String organId) {
        for (JsonNode recipient : journey.path("recipients")) {
            if (recipient.path("recipientOrganId").asText().equals(organId)) return recipient;
        }
        throw new AssertionError("no recipient " + organId + " in " + journey);
    }

    /** The rows of a list answer that are about these documents (the suite's other tests send documents too). */
    private static List<JsonNode> rows(Answer answer, Sent... documents) {
        assertThat(answer.status).as(answer.body.toString()).isEqualTo(200);
        List<String> ids = java.util.Arrays.stream(documents).map(Sent::hubId).toList();
        List<JsonNode> rows = new ArrayList<>();
        answer.body.forEach(row -> {
            if (ids.contains(row.path("documentId").asText())) rows.add(row);
        });
        return rows;
    }

    private Answer get(DemoPeople person, String path) throws Exception {
        return send("GET", path, person.basicAuthorization(), null);
    }

    private Answer post(DemoPeople person, String path) throws Exception {
        return send("POST", path, person.basicAuthorization(), "");
    }

    private Answer send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (authorization != null) request.header("Authorization", authorization);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json);
    }
}
