package vn.gov.hanoi.lienthong.tracking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A document's journey as a person may see it: the document, and for each recipient the person may follow (every
 * recipient, for the sender's people) where it stands, and the statuses reported on it in order.
 */
public record DocumentJourney(UUID documentId, String senderOrganId, String senderName, String subject,
                              String numberAndNotation, Integer typeNumber, String typeName, String documentState,
                              Instant receivedAt, List<TrackedDelivery> recipients, List<Step> statuses) {

    /** One status, as reported: by a recipient, or by the hub itself (a refusal, a failed delivery). */
    public record Step(String organId, String organName, String statusCode, String statusName, String description,
                       Instant reportedAt) {
    }
}
