package vn.gov.hanoi.lienthong.hub;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.schemas.ws.edoc.SendDocumentResponse;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/** A resend (same sender, same edXML DocumentId) is the same document: same hub id, delivered once. */
class DuplicateTest extends HubIntegrationTest {

    @Test
    void aResendIsRecognisedAndDeliveredOnlyOnce() throws Exception {
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                .attachment("bc-1", "Báo cáo.pdf", "application/pdf");
        byte[] envelope = message.toBytes();
        HubClient.Part pdf = HubClient.Part.bytes("bc-1", "Báo cáo.pdf", "application/pdf", TestHub.pdf(20_000, 7));

        SendDocumentResponse first = client(SO_NOI_VU).send(envelope, pdf);
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(first.getDocumentId()) != null);

        SendDocumentResponse again = client(SO_NOI_VU).send(envelope, pdf);
        assertThat(again.isDuplicate()).isTrue();
        assertThat(again.getDocumentId()).isEqualTo(first.getDocumentId());
        assertThat(again.getReceivedAt()).isEqualTo(first.getReceivedAt());

        // A later document through the same queue marks the point by which a second copy would have arrived.
        String marker = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                .toBytes()).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(marker) != null);
        assertThat(SO_TAI_CHINH_SYSTEM.callsFor(first.getDocumentId())).isEqualTo(1);
        assertThat(client(SO_NOI_VU).history(first.getDocumentId()).getRecipient()).hasSize(1);
    }
}
