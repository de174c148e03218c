package vn.gov.hanoi.lienthong.hub;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/** Each agency system acts as itself only, on documents that concern it only. */
class AuthorizationTest extends HubIntegrationTest {

    @Test
    void wrongSecretIsRefused() {
        HubClient impostor = new HubClient(serviceUrl(), SO_NOI_VU.username, "not-the-secret");
        assertThat(faultCode(impostor::pending)).isEqualTo("AUTHENTICATION_FAILED");
        HubClient unknown = new HubClient(serviceUrl(), "no-such-system", "whatever");
        assertThat(faultCode(unknown::pending)).isEqualTo("AUTHENTICATION_FAILED");
    }

    @Test
    void anAgencyCannotSendAsAnother() {
        byte[] envelope = DocumentMessage.from(SO_TAI_CHINH.organId).to(UBND_BA_DINH.organId).toBytes();
        assertThat(faultCode(() -> client(SO_NOI_VU).send(envelope))).isEqualTo("SENDER_MISMATCH");
    }

    @Test
    void anAgencyCannotFetchOrReportOnADocumentNotAddressedToIt() throws Exception {
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId);
        String documentId = client(SO_NOI_VU).send(message.toBytes()).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(documentId) != null);

        HubClient baDinh = client(UBND_BA_DINH);
        assertThat(faultCode(() -> baDinh.fetch(documentId))).isEqualTo("NOT_A_RECIPIENT");
        byte[] status = StatusMessage.of(UBND_BA_DINH.organId, SO_NOI_VU.organId, message.documentId(), "03",
                "Đã vào sổ", OffsetDateTime.now(ZoneOffset.UTC));
        assertThat(faultCode(() -> baDinh.updateStatus(documentId, status))).isEqualTo("NOT_A_RECIPIENT");
        assertThat(faultCode(() -> baDinh.history(documentId))).isEqualTo("NOT_A_PARTY");
        assertThat(baDinh.pending()).doesNotContain(documentId);

        // The rightful recipient may not speak in another agency's name either.
        byte[] forged = StatusMessage.of(UBND_BA_DINH.organId, SO_NOI_VU.organId, message.documentId(), "03",
                "Đã vào sổ", OffsetDateTime.now(ZoneOffset.UTC));
        assertThat(faultCode(() -> client(SO_TAI_CHINH).updateStatus(documentId, forged)))
                .isEqualTo("STATUS_SENDER_MISMATCH");
        assertThat(client(SO_NOI_VU).history(documentId).getStatus()).isEmpty();
    }

    @Test
    void anUnknownDocumentIdIsRefusedWithItsOwnReason() {
        assertThat(faultCode(() -> client(UBND_BA_DINH).fetch("not-a-document-id"))).isEqualTo("DOCUMENT_NOT_FOUND");
        assertThat(faultCode(() -> client(UBND_BA_DINH).fetch("6f1c1c3e-0000-4000-8000-000000000000")))
                .isEqualTo("DOCUMENT_NOT_FOUND");
    }
}
