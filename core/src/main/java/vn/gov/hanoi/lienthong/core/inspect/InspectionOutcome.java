package vn.gov.hanoi.lienthong.core.inspect;

import java.util.List;
import java.util.UUID;

import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;
import vn.gov.hanoi.lienthong.core.refusal.Reason;

/**
 * @param accepted whether the document goes on to the record stage
 * @param reasons  why it was rejected (empty when accepted)
 * @param notices  the rejection status to push to the sender, if the sender pushes
 */
public record InspectionOutcome(UUID documentId, boolean accepted, List<Reason> reasons, List<OutboxMessage> notices) {
}
