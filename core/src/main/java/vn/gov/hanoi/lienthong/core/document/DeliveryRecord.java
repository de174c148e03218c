package vn.gov.hanoi.lienthong.core.document;

import java.time.Instant;
import java.util.UUID;

import vn.gov.hanoi.lienthong.core.directory.Channel;
import vn.gov.hanoi.lienthong.core.policy.DeliveryPurpose;
import vn.gov.hanoi.lienthong.core.policy.Requirement;

/**
 * @param requirement electronic only, or a paper copy to follow (Articles 4, 5), with the article that says so
 * @param note        for a publication, the portal category
 * @param acknowledgement what the recipient's side answered when it took the document (a reference), if anything
 */
public record DeliveryRecord(UUID id, UUID documentId, String recipientOrganId, Channel channel, DeliveryState state,
                             int attempts, String lastError, Instant updatedAt, DeliveryPurpose purpose,
                             Requirement requirement, String article, String note, String acknowledgement) {
}
