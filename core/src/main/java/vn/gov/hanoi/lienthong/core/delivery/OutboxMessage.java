package vn.gov.hanoi.lienthong.core.delivery;

import java.util.UUID;

/**
 * One thing to hand to one agency: a document (a delivery) or a status (to the document's sender). It is
 * the body of a message on the agency's own queue and carries ids only, never content.
 *
 * @param itemId the delivery id (DOCUMENT) or the status id (STATUS)
 */
public record OutboxMessage(Kind kind, String targetOrganId, UUID documentId, UUID itemId) {

    public enum Kind { DOCUMENT, STATUS }

    public static OutboxMessage document(String recipientOrganId, UUID documentId, UUID deliveryId) {
        return new OutboxMessage(Kind.DOCUMENT, recipientOrganId, documentId, deliveryId);
    }

    /** The text form carried as a queue message's body: {@code KIND|target|documentId|itemId}. */
    public String encode() {
        return kind + "|" + targetOrganId + "|" + documentId + "|" + itemId;
    }

    public static OutboxMessage decode(String text) {
        String[] parts = text.split("\\|", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an outbox message: " + text);
        }
        return new OutboxMessage(Kind.valueOf(parts[0]), parts[1], UUID.fromString(parts[2]), UUID.fromString(parts[3]));
    }

    public static OutboxMessage status(String senderOrganId, UUID documentId, UUID statusId) {
        return new OutboxMessage(Kind.STATUS, senderOrganId, documentId, statusId);
    }
}
