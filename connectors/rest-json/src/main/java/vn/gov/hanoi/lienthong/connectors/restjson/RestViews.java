package vn.gov.hanoi.lienthong.connectors.restjson;

import java.time.Instant;
import java.util.List;

import vn.gov.hanoi.lienthong.core.refusal.Reason;

/** The JSON bodies of /api/v1 (the same content as the SOAP contract's types). */
final class RestViews {

    private RestViews() {
    }

    /** @param signedReceipt the hub's signed receipt (XML-DSig), base64 */
    record Receipt(String documentId, boolean duplicate, Instant receivedAt, String signedReceipt) {
    }

    record Pending(List<String> documentIds) {
    }

    record AttachmentView(String contentId, String name, String mediaType, long size, String sha256, String href) {
    }

    /** @param warnings what inspection asks the recipient's clerk to look at (active content, an unreadable signature…) */
    record DocumentView(String documentId, String senderOrganId, String senderDocumentId, String envelopeHref,
                        List<AttachmentView> attachments, List<Reason> warnings) {
    }

    record StatusRecorded(boolean recorded) {
    }

    record RecipientView(String organId, String channel, String deliveryState, Instant updatedAt, String purpose,
                         String paperRequirement, String article, String note, String acknowledgement) {
    }

    /** @param signedStatus the status as an edXML status message signed by the hub, base64 */
    record StatusView(String organId, String statusCode, String description, Instant timestamp, Instant recordedAt,
                      List<Reason> reasons, String signedStatus) {
    }

    /** @param signedReceipt for the sender: the signed receipt listing the deliveries and their decisions, base64 */
    record History(String documentId, String senderOrganId, String senderDocumentId, String documentState,
                   List<RecipientView> recipients, List<StatusView> statuses, String signedReceipt) {
    }
}
