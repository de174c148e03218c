package vn.gov.hanoi.lienthong.hub;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.VP_UBND;

/** Each delivery carries what Decision 57 requires of it and the article that says so; the sender sees it. */
class PolicyTest extends HubIntegrationTest {

    private static final String PORTAL = "000.00.03.H26";

    @Test
    void aSubmissionForTheGovernmentForWideDistributionGetsTheClericalCopyAndThePortal() throws Exception {
        String id = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                .type(16, "Tờ trình").code("88", "TTr-SNV")
                .toPlace("Như trên;").toPlace("Thủ tướng Chính phủ (để báo cáo);").toPlace("Lưu: VT.")
                .sphereOfPromulgation("Công khai").toBytes()).getDocumentId();

        await().atMost(DELIVERY_TIMEOUT).until(() -> client(SO_NOI_VU).history(id).getRecipient().size() == 3);
        assertThat(client(SO_NOI_VU).history(id).getRecipient())
                .extracting(RecipientState::getOrganId, RecipientState::getPurpose, RecipientState::getPaperRequirement,
                        RecipientState::getArticle, RecipientState::getNote)
                .containsExactlyInAnyOrder(
                        tuple(SO_TAI_CHINH.organId, "RECIPIENT", "PAPER_TO_FOLLOW", "5.1", null),
                        tuple(VP_UBND.organId, "CLERICAL_COPY", "PAPER_TO_FOLLOW", "5.2", "submission to the Government"),
                        tuple(PORTAL, "PUBLICATION", "PAPER_TO_FOLLOW", "6.4", "Văn bản chỉ đạo điều hành"));
        String receipt = new String(client(SO_NOI_VU).history(id).getSignedReceipt(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(receipt).as("the sender's signed receipt states the decisions")
                .contains("<lt:OrganId>" + VP_UBND.organId + "</lt:OrganId><lt:Purpose>CLERICAL_COPY</lt:Purpose>")
                .contains("<lt:Article>5.2</lt:Article>").contains("<lt:Article>6.4</lt:Article>")
                .contains("<lt:PaperRequirement>PAPER_TO_FOLLOW</lt:PaperRequirement>")
                .contains("ds:SignatureValue");
        assertThat(client(VP_UBND).history(id).getSignedReceipt()).as("the receipt is the sender's").isNull();
        await().atMost(DELIVERY_TIMEOUT).until(() -> client(VP_UBND).pending().contains(id));
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
    }

    @Test
    void aMeetingInvitationIsElectronicOnly() throws Exception {
        String id = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                .type(23, "Giấy mời").code("15", "GM-SNV").subject("Mời dự họp giao ban tháng 12").toBytes())
                .getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        assertThat(client(SO_NOI_VU).history(id).getRecipient())
                .extracting(RecipientState::getPurpose, RecipientState::getPaperRequirement, RecipientState::getArticle)
                .containsExactly(tuple("RECIPIENT", "ELECTRONIC_ONLY", "4"));
    }
}
