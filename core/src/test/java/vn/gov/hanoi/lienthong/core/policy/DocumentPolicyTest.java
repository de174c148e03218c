package vn.gov.hanoi.lienthong.core.policy;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What config/policy.yaml makes of each group of document types, and of the special cases of Articles 5.2 and 6.4. */
class DocumentPolicyTest {

    private static DocumentPolicy policy;

    @BeforeAll
    static void readPolicy() throws Exception {
        try (InputStream in = new FileInputStream("../config/policy.yaml")) {
            policy = DocumentPolicy.read(in, "config/policy.yaml");
        }
    }

    @Test
    void article4TypesAreElectronicOnly() {
        for (int type : List.of(23, 30, 31, 32, 33)) {  // giấy mời, lịch công tác, tài liệu họp, dự thảo, để biết
            PolicyDecision decision = policy.decide(type, List.of(), null, false);
            assertThat(decision.requirement()).as("type %d", type).isEqualTo(Requirement.ELECTRONIC_ONLY);
            assertThat(decision.article()).isEqualTo("4");
            assertThat(decision.extra()).isEmpty();
        }
    }

    @Test
    void article51TypesNeedPaperUnlessValidlySigned() {
        for (int type : List.of(1, 2, 3, 7, 10, 14, 16, 18, 40)) {  // nghị quyết … công văn, văn bản QPPL
            PolicyDecision unsigned = policy.decide(type, List.of(), null, false);
            assertThat(unsigned.requirement()).as("type %d unsigned", type).isEqualTo(Requirement.PAPER_TO_FOLLOW);
            assertThat(unsigned.article()).isEqualTo("5.1");
            PolicyDecision signed = policy.decide(type, List.of(), null, true);
            assertThat(signed.requirement()).as("type %d signed", type).isEqualTo(Requirement.ELECTRONIC_ONLY);
            assertThat(signed.article()).isEqualTo("5.3, 7.3");
        }
    }

    @Test
    void everyTypeOfTheListHasARequirementAndItsArticle() {
        assertThat(policy.types()).hasSize(34);
        assertThat(policy.types()).allSatisfy(type -> {
            assertThat(type.requirement()).isNotNull();
            assertThat(type.article()).isIn("4", "5.1");
        });
        assertThat(policy.type(2).orElseThrow().abbreviation()).isEqualTo("QĐ");
        assertThat(policy.type(18).orElseThrow().abbreviation()).isNull();
    }

    @Test
    void aSubmissionToTheGovernmentAlsoGoesToTheClericalMailbox() {
        PolicyDecision decision = policy.decide(16, List.of("Như trên;", "Thủ tướng Chính phủ (để báo cáo);", "Lưu: VT."),
                null, false);
        assertThat(decision.extra()).containsExactly(new PolicyDecision.ExtraDelivery("000.00.01.H26",
                DeliveryPurpose.CLERICAL_COPY, "5.2", "submission to the Government"));
    }

    @Test
    void aDocumentForWideDistributionIsPublishedUnderItsCategory() {
        PolicyDecision decision = policy.decide(2, List.of(), "Công khai", false);
        assertThat(decision.extra()).containsExactly(new PolicyDecision.ExtraDelivery("000.00.03.H26",
                DeliveryPurpose.PUBLICATION, "6.4", "Quyết định"));
        assertThat(policy.decide(12, List.of(), "Phổ biến rộng rãi", false).extra().get(0).note())
                .isEqualTo("Văn bản chỉ đạo điều hành");
        assertThat(policy.decide(2, List.of(), "Nội bộ", false).extra()).isEmpty();
    }
}
