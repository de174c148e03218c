package vn.gov.hanoi.lienthong.hub;

import java.io.InputStream;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetDocumentResponse;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetStatusHistoryResponse;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.SendDocumentResponse;
import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.schemas.ws.types.StatusEntry;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.simulator.ReceivedDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/** One document from Sở Nội vụ to Sở Tài chính (push) and quận Ba Đình (pull), and the statuses back. */
class EndToEndSoapTest extends HubIntegrationTest {

    @Test
    void documentReachesPushAndPullRecipientsUnchangedAndStatusesReachTheSender() throws Exception {
        byte[] pdf = TestHub.pdf(300 * 1024, 1);
        String pdfHash = sha256(pdf);
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId)
                .to(SO_TAI_CHINH.organId, UBND_BA_DINH.organId)
                .code("45", "QĐ-SNV")
                .subject("Quyết định về việc cử cán bộ tham dự lớp bồi dưỡng nghiệp vụ văn thư")
                .attachment("qd-45", "Quyết định 45 - cử cán bộ.pdf", "application/pdf");
        byte[] envelope = message.toBytes();

        SendDocumentResponse sent = client(SO_NOI_VU).send(envelope,
                HubClient.Part.bytes("qd-45", "Quyết định 45 - cử cán bộ.pdf", "application/pdf", pdf));
        String documentId = sent.getDocumentId();
        assertThat(sent.isDuplicate()).isFalse();

        // Push: Sở Tài chính's system receives it at its endpoint, bytes unchanged.
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(documentId) != null);
        ReceivedDocument pushed = SO_TAI_CHINH_SYSTEM.document(documentId);
        assertThat(pushed.senderOrganId()).isEqualTo(SO_NOI_VU.organId);
        assertThat(pushed.envelope()).isEqualTo(envelope);
        assertThat(pushed.attachmentSha256()).containsEntry("qd-45", pdfHash);

        // Pull: quận Ba Đình finds it pending and fetches it, bytes unchanged.
        HubClient baDinh = client(UBND_BA_DINH);
        await().atMost(DELIVERY_TIMEOUT).until(() -> baDinh.pending().contains(documentId));
        GetDocumentResponse fetched = baDinh.fetch(documentId);
        assertThat(baDinh.lastResponseContentType()).as("files leave as MTOM parts, not base64 in the XML")
                .contains("multipart/related").contains("application/xop+xml");
        assertThat(fetched.getSenderOrganId()).isEqualTo(SO_NOI_VU.organId);
        try (InputStream in = fetched.getEnvelope().getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(envelope);
        }
        assertThat(fetched.getAttachment()).hasSize(1);
        assertThat(fetched.getAttachment().get(0).getAttachmentName()).isEqualTo("Quyết định 45 - cử cán bộ.pdf");
        assertThat(fetched.getAttachment().get(0).getSha256()).isEqualTo(pdfHash);
        assertThat(HubClient.sha256(fetched.getAttachment().get(0).getData())).isEqualTo(pdfHash);

        // Both recipients report; the pull recipient's status confirms its pickup.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
        assertThat(client(SO_TAI_CHINH).updateStatus(documentId, StatusMessage.of(SO_TAI_CHINH.organId,
                SO_NOI_VU.organId, message.documentId(), "03", "Đã vào sổ văn bản đến", now))).isTrue();
        assertThat(baDinh.updateStatus(documentId, StatusMessage.of(UBND_BA_DINH.organId, SO_NOI_VU.organId,
                message.documentId(), "01", "Đã nhận", now))).isTrue();
        assertThat(baDinh.pending()).doesNotContain(documentId);

        // The sender sees both in the history, and (as a push agency) has both pushed to it.
        GetStatusHistoryResponse history = client(SO_NOI_VU).history(documentId);
        assertThat(history.getDocumentState()).isEqualTo("DISPATCHED");
        assertThat(history.getStatus()).extracting(StatusEntry::getOrganId, StatusEntry::getStatusCode)
                .containsExactlyInAnyOrder(tuple(SO_TAI_CHINH.organId, "03"), tuple(UBND_BA_DINH.organId, "01"));
        assertThat(history.getRecipient()).extracting(RecipientState::getOrganId, RecipientState::getDeliveryState)
                .containsExactlyInAnyOrder(tuple(SO_TAI_CHINH.organId, "DELIVERED"), tuple(UBND_BA_DINH.organId, "DELIVERED"));
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_NOI_VU_SYSTEM.statusesFor(documentId).size() == 2);
        assertThat(SO_NOI_VU_SYSTEM.statusesFor(documentId)).extracting(s -> s.organId() + ":" + s.statusCode())
                .containsExactlyInAnyOrder(SO_TAI_CHINH.organId + ":03", UBND_BA_DINH.organId + ":01");

        // A recipient sees its own part of the history only.
        GetStatusHistoryResponse ownPart = baDinh.history(documentId);
        assertThat(ownPart.getRecipient()).extracting(RecipientState::getOrganId).containsExactly(UBND_BA_DINH.organId);
        assertThat(ownPart.getStatus()).extracting(StatusEntry::getOrganId).containsOnly(UBND_BA_DINH.organId);

        // A resent status changes nothing.
        assertThat(baDinh.updateStatus(documentId, StatusMessage.of(UBND_BA_DINH.organId, SO_NOI_VU.organId,
                message.documentId(), "01", "Đã nhận", now))).isFalse();
        assertThat(client(SO_NOI_VU).history(documentId).getStatus()).hasSize(2);
        assertThat(SO_TAI_CHINH_SYSTEM.callsFor(documentId)).isEqualTo(1);
        List<String> pendingAfter = baDinh.pending();
        assertThat(pendingAfter).doesNotContain(documentId);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
