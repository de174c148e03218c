package vn.gov.hanoi.lienthong.hub;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetStatusHistoryResponse;
import vn.gov.hanoi.lienthong.schemas.ws.types.Reason;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.simulator.ReceivedStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/** An envelope the edXML schema refuses is rejected with the validation message; the next document goes through. */
class SchemaRejectionTest extends HubIntegrationTest {

    @Test
    void anInvalidEnvelopeIsRejectedWithTheValidationMessageAndTheNextDocumentStillGoesThrough() throws Exception {
        String valid = new String(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).toBytes(),
                StandardCharsets.UTF_8);
        // The summary line ("trích yếu") is required by the schema.
        String withoutSubject = valid.replaceAll("(?s)<([a-zA-Z0-9]+:)?Subject>.*?</([a-zA-Z0-9]+:)?Subject>", "");
        assertThat(withoutSubject).isNotEqualTo(valid);

        String rejectedId = client(SO_NOI_VU).send(withoutSubject.getBytes(StandardCharsets.UTF_8)).getDocumentId();

        await().atMost(DELIVERY_TIMEOUT).until(() -> "REJECTED".equals(client(SO_NOI_VU).history(rejectedId).getDocumentState()));
        GetStatusHistoryResponse history = client(SO_NOI_VU).history(rejectedId);
        assertThat(history.getRecipient()).as("a rejected document reaches no recipient").isEmpty();
        assertThat(history.getStatus()).hasSize(1);
        assertThat(history.getStatus().get(0).getStatusCode()).isEqualTo("02");
        assertThat(history.getStatus().get(0).getReason()).extracting(Reason::getCode).containsOnly("XSD_INVALID");
        assertThat(history.getStatus().get(0).getReason().get(0).getMessageEn()).contains("Subject");

        // The sender, a push agency, is told without asking.
        await().atMost(DELIVERY_TIMEOUT).until(() -> !SO_NOI_VU_SYSTEM.statusesFor(rejectedId).isEmpty());
        ReceivedStatus told = SO_NOI_VU_SYSTEM.statusesFor(rejectedId).get(0);
        assertThat(told.statusCode()).isEqualTo("02");
        assertThat(told.reasonCodes()).containsOnly("XSD_INVALID");

        // The sender corrects the envelope and sends it again under the same edXML DocumentId: a new attempt.
        var corrected = client(SO_NOI_VU).send(valid.getBytes(StandardCharsets.UTF_8));
        assertThat(corrected.isDuplicate()).isFalse();
        assertThat(corrected.getDocumentId()).isNotEqualTo(rejectedId);
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(corrected.getDocumentId()) != null);
        assertThat(SO_TAI_CHINH_SYSTEM.document(rejectedId)).isNull();
        assertThat(client(SO_NOI_VU).history(rejectedId).getDocumentState()).isEqualTo("REJECTED");
    }

    @Test
    void aFileNotListedInTheEnvelopeIsRejected() throws Exception {
        byte[] envelope = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).toBytes();
        String id = client(SO_NOI_VU).send(envelope, vn.gov.hanoi.lienthong.testkit.client.HubClient.Part.bytes(
                "extra", "Phụ lục.pdf", "application/pdf", TestHub.pdf(2_000, 3))).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> "REJECTED".equals(client(SO_NOI_VU).history(id).getDocumentState()));
        assertThat(client(SO_NOI_VU).history(id).getStatus().get(0).getReason()).extracting(Reason::getCode)
                .containsExactly("ATTACHMENT_MISMATCH");
    }

    @Test
    void somethingThatIsNotEdxmlIsRefusedAtOnce() {
        assertThat(faultCode(() -> client(SO_NOI_VU).send("<html>not edXML</html>".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("ENVELOPE_UNREADABLE");
        assertThat(faultCode(() -> client(SO_NOI_VU).send("not even XML".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("ENVELOPE_UNREADABLE");
    }
}
