package vn.gov.hanoi.lienthong.hub;

import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/** Channel rest-push: documents and statuses posted to an agency's REST endpoint, its acknowledgement recorded. */
class RestPushTest extends HubIntegrationTest {

    @Test
    void aDocumentIsPostedWithItsDecisionAndFilesAndTheAcknowledgementIsRecorded() throws Exception {
        byte[] pdf = TestHub.pdf(300 * 1024, 61);
        String fileName = "Kế hoạch số 55 - Chuyển đổi số.pdf";
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(TestHub.REST_ORGAN_ID)
                .type(10, "Kế hoạch").code("55", "KH-SNV").subject("Kế hoạch chuyển đổi số năm 2027")
                .attachment("kh55", fileName, "application/pdf");
        String documentId = client(SO_NOI_VU).send(message.toBytes(),
                HubClient.Part.bytes("kh55", fileName, "application/pdf", pdf)).getDocumentId();

        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TTTT_REST_SYSTEM.documents().containsKey(documentId));
        assertThat(SO_TTTT_REST_SYSTEM.documents().get(documentId).attachmentSha256())
                .containsEntry("kh55", EndToEndSoapTest.sha256(pdf));
        Map<String, String> delivery = SO_TTTT_REST_SYSTEM.deliveryOf(documentId);
        assertThat(delivery).containsEntry("senderOrganId", SO_NOI_VU.organId)
                .containsEntry("senderDocumentId", message.documentId())
                .containsEntry("purpose", "RECIPIENT")
                .containsEntry("paperRequirement", "PAPER_TO_FOLLOW")
                .containsEntry("file:kh55", fileName);

        String reference = SO_TTTT_REST_SYSTEM.referenceOf(documentId);
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> assertThat(client(SO_NOI_VU).history(documentId).getRecipient())
                .filteredOn(r -> r.getOrganId().equals(TestHub.REST_ORGAN_ID))
                .extracting(RecipientState::getDeliveryState, RecipientState::getAcknowledgement)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DELIVERED", "rest:" + reference)));
        assertThat(SO_TTTT_REST_SYSTEM.callsFor(documentId)).isEqualTo(1);
    }

    @Test
    void theStatusesOfADocumentItSentArePostedToItsEndpoint() throws Exception {
        HubClient restAgency = new HubClient(serviceUrl(), "so-tttt", SO_NOI_VU.secret);
        DocumentMessage message = DocumentMessage.from(TestHub.REST_ORGAN_ID).to(SO_TAI_CHINH.organId)
                .type(18, "Công văn").code("17", "STTTT-CNTT").subject("Về việc kết nối trục liên thông qua REST");
        String documentId = restAgency.send(message.toBytes()).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(documentId) != null);

        assertThat(client(SO_TAI_CHINH).updateStatus(documentId, StatusMessage.of(SO_TAI_CHINH.organId,
                TestHub.REST_ORGAN_ID, message.documentId(), "03", "Đã vào sổ văn bản đến", OffsetDateTime.now()))).isTrue();

        Map<String, String> status = await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TTTT_REST_SYSTEM.statuses().stream()
                .filter(s -> documentId.equals(s.get("documentId"))).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(status).containsEntry("statusCode", "03").containsEntry("organId", SO_TAI_CHINH.organId)
                .containsEntry("senderDocumentId", message.documentId());
        assertThat(new String(Base64.getDecoder().decode(status.get("signedStatus")), java.nio.charset.StandardCharsets.UTF_8))
                .as("the hub-signed edXML status travels with it").contains("Signature", "03");
    }
}
