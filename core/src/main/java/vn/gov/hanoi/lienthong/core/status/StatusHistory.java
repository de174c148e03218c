package vn.gov.hanoi.lienthong.core.status;

import java.util.List;
import java.util.UUID;

import vn.gov.hanoi.lienthong.core.document.DeliveryRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentState;
import vn.gov.hanoi.lienthong.core.document.StatusRecord;

/** A document's deliveries and statuses, as one party to it may see them. */
public record StatusHistory(UUID documentId, String senderOrganId, String senderDocumentId, DocumentState state,
                            List<DeliveryRecord> deliveries, List<StatusRecord> statuses) {
}
