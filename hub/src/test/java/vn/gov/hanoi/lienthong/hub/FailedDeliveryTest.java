package vn.gov.hanoi.lienthong.hub;

import jakarta.jms.ConnectionFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;
import vn.gov.hanoi.lienthong.routes.Queues;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetStatusHistoryResponse;
import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.schemas.ws.types.Reason;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * An agency whose system stays down: its delivery fails after the last attempt, the sender is told, the
 * message waits in the agency's failed queue for an operator, and the other recipient is served as usual.
 */
class FailedDeliveryTest extends HubIntegrationTest {

    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void aDeliveryGivenUpIsMarkedFailedTheSenderIsToldAndTheMessageKeptForAnOperator() throws Exception {
        String documentId = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId)
                .to(TestHub.OFFLINE_ORGAN_ID, SO_TAI_CHINH.organId).toBytes()).getDocumentId();

        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(documentId) != null);
        await().atMost(DELIVERY_TIMEOUT).until(() -> client(SO_NOI_VU).history(documentId).getRecipient().stream()
                .anyMatch(r -> r.getDeliveryState().equals("FAILED")));

        GetStatusHistoryResponse history = client(SO_NOI_VU).history(documentId);
        assertThat(history.getRecipient()).extracting(RecipientState::getOrganId, RecipientState::getDeliveryState)
                .containsExactlyInAnyOrder(tuple(TestHub.OFFLINE_ORGAN_ID, "FAILED"), tuple(SO_TAI_CHINH.organId, "DELIVERED"));
        assertThat(history.getStatus()).hasSize(1);
        assertThat(history.getStatus().get(0).getStatusCode()).isEqualTo("02");
        Reason reason = history.getStatus().get(0).getReason().get(0);
        assertThat(reason.getCode()).isEqualTo("DELIVERY_FAILED");
        assertThat(reason.getMessageEn()).contains(TestHub.OFFLINE_ORGAN_ID, "after 8 attempts");

        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_NOI_VU_SYSTEM.statusesFor(documentId).stream()
                .anyMatch(s -> s.reasonCodes().contains("DELIVERY_FAILED")));

        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(5_000);
        Object kept = jms.receiveAndConvert(Queues.failedOf(TestHub.OFFLINE_ORGAN_ID));
        assertThat(kept).isInstanceOf(String.class);
        OutboxMessage message = OutboxMessage.decode((String) kept);
        assertThat(message.kind()).isEqualTo(OutboxMessage.Kind.DOCUMENT);
        assertThat(message.documentId().toString()).isEqualTo(documentId);
        assertThat(message.targetOrganId()).isEqualTo(TestHub.OFFLINE_ORGAN_ID);
    }
}
