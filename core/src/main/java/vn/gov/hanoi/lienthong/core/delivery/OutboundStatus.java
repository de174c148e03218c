package vn.gov.hanoi.lienthong.core.delivery;

import java.util.UUID;

import vn.gov.hanoi.lienthong.core.document.StatusRecord;

/** A status as a channel hands it to the sender of the document it speaks of. */
public record OutboundStatus(UUID documentId, String senderDocumentId, StatusRecord status) {
}
