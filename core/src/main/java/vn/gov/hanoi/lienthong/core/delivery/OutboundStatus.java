package vn.gov.hanoi.lienthong.core.delivery;

import java.util.UUID;

import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.StatusRecord;

/** A status as a channel hands it to the sender of the document it speaks of. */
public record OutboundStatus(DocumentRecord document, StatusRecord status) {

    public UUID documentId() {
        return document.id();
    }

    public String senderDocumentId() {
        return document.senderDocumentId();
    }
}
