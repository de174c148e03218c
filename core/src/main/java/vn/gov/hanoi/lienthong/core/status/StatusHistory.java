package vn.gov.hanoi.lienthong.core.status;

import java.util.List;
import java.util.UUID;

import vn.gov.hanoi.lienthong.core.document.DeliveryRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentState;
import vn.gov.hanoi.lienthong.core.document.StatusRecord;

/**
 * A document's deliveries and statuses, as one party to it may see them.
 *
 * @param senderReceipt for the sender only: the hub's signed receipt, with the deliveries and their decisions
 */
public record StatusHistory(DocumentRecord document, List<DeliveryRecord> deliveries, List<StatusRecord> statuses,
                            byte[] senderReceipt) {

    public UUID documentId() {
        return document.id();
    }

    public String senderOrganId() {
        return document.senderOrganId();
    }

    public String senderDocumentId() {
        return document.senderDocumentId();
    }

    public DocumentState state() {
        return document.state();
    }
}
