package vn.gov.hanoi.lienthong.core.policy;

import java.util.List;

/**
 * What the regulation requires of one document.
 *
 * @param requirement   electronic only, or a paper copy to follow
 * @param article       the article that decides it ("4", "5.1", or "5.3, 7.3" when a valid signature waives the paper)
 * @param extra         the deliveries the regulation adds to the sender's recipients
 */
public record PolicyDecision(Requirement requirement, String article, List<ExtraDelivery> extra) {

    /**
     * @param note for a publication, the portal category
     */
    public record ExtraDelivery(String organId, DeliveryPurpose purpose, String article, String note) {
    }
}
