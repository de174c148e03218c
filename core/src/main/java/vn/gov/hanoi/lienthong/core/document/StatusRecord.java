package vn.gov.hanoi.lienthong.core.document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.gov.hanoi.lienthong.core.refusal.Reason;

/**
 * A status about a document.
 *
 * @param organId the organ that reported it: a recipient, or the hub itself
 */
public record StatusRecord(UUID id, UUID documentId, String organId, String statusCode, String description,
                           List<Reason> reasons, Instant reportedAt, Instant recordedAt, Instant forwardedAt) {
}
