package vn.gov.hanoi.lienthong.hub;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/** Articles 6.4 and 12.8: a document for wide distribution reaches the portal with its category; a normal one does not. */
class PortalPublicationTest extends HubIntegrationTest {

    @Test
    void aDocumentForWideDistributionIsPublishedUnderItsCategoryAndANormalOneIsNot() throws Exception {
        String published = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                .type(2, "Quyết định").code("130", "QĐ-SNV").subject("Quyết định công bố thủ tục hành chính mới")
                .sphereOfPromulgation("Công khai").toBytes()).getDocumentId();
        String internal = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                .type(2, "Quyết định").code("131", "QĐ-SNV").subject("Quyết định nâng lương cán bộ")
                .sphereOfPromulgation("Nội bộ").toBytes()).getDocumentId();

        await().atMost(DELIVERY_TIMEOUT).until(() -> portalMail(published) != null);
        MimeMessage mail = portalMail(published);
        assertThat(MimeUtility.decodeText(mail.getHeader("X-LienThong-Portal-Category")[0])).isEqualTo("Quyết định");
        assertThat(mail.getSubject()).contains("130/QĐ-SNV", "công bố thủ tục hành chính");
        assertThat(client(SO_NOI_VU).history(published).getRecipient())
                .filteredOn(r -> r.getOrganId().equals(TestHub.PORTAL_ORGAN_ID))
                .extracting(RecipientState::getPurpose, RecipientState::getDeliveryState, RecipientState::getNote)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PUBLICATION", "DELIVERED", "Quyết định"));
        // The mail server's acceptance is the e-mail way's acknowledgement: the letter's Message-ID.
        assertThat(client(SO_NOI_VU).history(published).getRecipient())
                .filteredOn(r -> r.getOrganId().equals(TestHub.PORTAL_ORGAN_ID))
                .extracting(RecipientState::getAcknowledgement)
                .containsExactly("smtp:" + mail.getMessageID());

        // By the time the internal document has reached its recipient, its dispatch is long done.
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(internal) != null);
        assertThat(portalMail(internal)).isNull();
        assertThat(client(SO_NOI_VU).history(internal).getRecipient()).extracting(RecipientState::getOrganId)
                .containsExactly(SO_TAI_CHINH.organId);
    }

    @Test
    void aPortalOnTheRestChannelGetsThePublicationWithItsCategoryAndItsReferenceIsRecorded() throws Exception {
        java.nio.file.Path file = DATA_DIR.resolve("agencies.yaml");
        String directory = java.nio.file.Files.readString(file);
        String portalEntry = "channel: email\n    username: cong-thong-tin";
        assertThat(directory).contains(portalEntry);
        try (var portal = vn.gov.hanoi.lienthong.testkit.simulator.RestAgencySimulator.start(TestHub.freePort(), "tin-bai")) {
            java.nio.file.Files.writeString(file, directory.replace(portalEntry,
                    "channel: rest-push\n    endpoint: " + portal.address() + "\n    username: cong-thong-tin"));
            reloadDirectory();

            String published = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                    .type(7, "Thông báo").code("140", "TB-SNV").subject("Thông báo tuyển dụng công chức năm 2027")
                    .sphereOfPromulgation("Công khai").toBytes()).getDocumentId();

            await().atMost(DELIVERY_TIMEOUT).until(() -> portal.documents().containsKey(published));
            assertThat(portal.deliveryOf(published)).containsEntry("purpose", "PUBLICATION");
            assertThat(portal.deliveryOf(published).get("category")).isNotBlank();
            await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> assertThat(client(SO_NOI_VU).history(published).getRecipient())
                    .filteredOn(r -> r.getOrganId().equals(TestHub.PORTAL_ORGAN_ID))
                    .extracting(RecipientState::getDeliveryState, RecipientState::getAcknowledgement)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("DELIVERED", "rest:" + portal.referenceOf(published))));
        } finally {
            java.nio.file.Files.writeString(file, directory);
            reloadDirectory();
        }
    }

    private static MimeMessage portalMail(String documentId) throws Exception {
        for (MimeMessage received : MAIL_SERVER.getReceivedMessages()) {
            String[] header = received.getHeader("X-LienThong-Document-Id");
            if (header != null && header[0].equals(documentId)
                    && received.getAllRecipients()[0].toString().equals(TestHub.PORTAL_MAILBOX)) {
                return received;
            }
        }
        return null;
    }
}
