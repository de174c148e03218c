package vn.gov.hanoi.lienthong.hub;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.gov.hanoi.lienthong.core.intake.IntakeAdmission;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.mail.OfficialMail;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * Overload at the door: inspection stalls, documents pile up in front of it, and past the admission bound a
 * system's new document is refused with HUB_BUSY (SOAP fault; REST 503 with Retry-After) before anything of it is
 * stored, while mail waits in the mailbox. An administrator sets the bound from the console (Jolokia, as Hawtio
 * does; an operator may read it, not change it). Once the pipeline drains, the refused document is sent again and
 * everything — what was taken before, the resend, the mail — arrives exactly once.
 */
class OverloadAdmissionTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMISSION = "lienthong:type=IntakeAdmission";

    @Autowired
    IntakeAdmission admission;
    @Autowired
    CamelContext camel;
    @Autowired
    JdbcClient jdbc;


    @Test
    void pastTheBoundNewDocumentsAreRefusedRetryablyAndAllThatWasTakenArrivesOnce() throws Exception {
        int bound = admission.getMaxBacklog();
        camel.getRouteController().stopRoute("inspect");
        try {
            String takenId = client(SO_NOI_VU).send(letter("Về việc tổng hợp báo cáo quý IV").toBytes()).getDocumentId();
            await().atMost(Duration.ofSeconds(5)).until(() -> admission.getBacklog() >= 1);
            long backlog = admission.getBacklog();

            assertThat(jolokia(DemoPeople.OPERATOR, write(backlog)).path("status").asInt()).as("an operator changes nothing").isEqualTo(403);
            assertThat(jolokia(DemoPeople.ADMIN, write(backlog)).path("status").asInt()).isEqualTo(200);
            assertThat(jolokia(DemoPeople.OPERATOR, "{\"type\":\"read\",\"mbean\":\"" + ADMISSION + "\",\"attribute\":\"MaxBacklog\"}")
                    .path("value").asLong()).isEqualTo(backlog);
            assertThat(admission.full()).isTrue();

            DocumentMessage refusedBySoap = letter("Về việc kế hoạch kiểm tra công vụ năm 2027");
            assertThat(faultCode(() -> client(SO_NOI_VU).send(refusedBySoap.toBytes()))).isEqualTo("HUB_BUSY");

            DocumentMessage refusedByRest = letter("Về việc rà soát thủ tục hành chính");
            ResponseEntity<String> rest = RestCalls.send(RestCalls.as(port, SO_NOI_VU.username, SO_NOI_VU.secret),
                    RestCalls.multipart(refusedByRest.toBytes(), java.util.Map.of(), java.util.Map.of()));
            assertThat(rest.getStatusCode().value()).as(rest.getBody()).isEqualTo(503);
            assertThat(rest.getHeaders().getFirst("Retry-After")).isEqualTo("30");
            JsonNode reason = JSON.readTree(rest.getBody());
            assertThat(reason.path("code").asText()).isEqualTo("HUB_BUSY");
            assertThat(reason.path("messageVi").asText()).contains("xin gửi lại sau 30 giây");
            assertThat(reason.path("messageEn").asText()).contains("please send it again in 30 seconds");

            for (DocumentMessage refused : new DocumentMessage[] {refusedBySoap, refusedByRest}) {
                assertThat(jdbc.sql("select count(*) from document where sender_document_id = ?").param(refused.documentId())
                        .query(Integer.class).single()).as("nothing of a refused document is kept").isZero();
            }

            DocumentMessage byMail = letter("Về việc lịch tiếp công dân tháng 12");
            OfficialMail.from(MailIntakeTest.SO_NOI_VU_MAILBOX).to(HUB_MAILBOX).subject("Lịch tiếp công dân tháng 12")
                    .file("edxml.xml", "application/xml", byMail.toBytes())
                    .send("127.0.0.1", MAIL_SERVER.getSmtp().getPort());
            Thread.sleep(1_500); // five polls of the mailbox
            assertThat(jdbc.sql("select count(*) from mail_intake where subject = ?").param("Lịch tiếp công dân tháng 12")
                    .query(Integer.class).single()).as("the letter stays in the mailbox while the backlog is full").isZero();

            admission.setMaxBacklog(bound);
            camel.getRouteController().startRoute("inspect");

            String resentId = client(SO_NOI_VU).send(refusedBySoap.toBytes()).getDocumentId();
            await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(takenId) != null
                    && SO_TAI_CHINH_SYSTEM.document(resentId) != null);
            MailIntakeTest.awaitDocument(SO_TAI_CHINH_SYSTEM, byMail.documentId());
            Thread.sleep(1_000);
            assertThat(SO_TAI_CHINH_SYSTEM.documents().values().stream().filter(received -> {
                String envelope = new String(received.envelope(), java.nio.charset.StandardCharsets.UTF_8);
                return envelope.contains(">" + refusedBySoap.documentId() + "<") || envelope.contains(">" + byMail.documentId() + "<");
            }).count()).as("the resend and the mail, each once").isEqualTo(2);
        } finally {
            admission.setMaxBacklog(bound);
            if (!camel.getRouteController().getRouteStatus("inspect").isStarted()) {
                camel.getRouteController().startRoute("inspect");
            }
        }
    }

    private static DocumentMessage letter(String subject) {
        return DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(18, "Công văn")
                .code(String.valueOf(System.nanoTime() % 100_000), "SNV-VP").subject(subject);
    }

    private static String write(long value) {
        return "{\"type\":\"write\",\"mbean\":\"" + ADMISSION + "\",\"attribute\":\"MaxBacklog\",\"value\":" + value + "}";
    }

}
