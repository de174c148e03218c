package vn.gov.hanoi.lienthong.core.delivery;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.document.DeliveryStore;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * Pull mode: an agency's system lists the documents waiting for it and fetches each. A document stays
 * pending until the agency reports a status on it, so that a fetch lost on the way is fetched again.
 */
@Service
public class PickupService {

    private static final int MAX_PENDING = 1000;

    private final DocumentStore documents;
    private final DeliveryStore deliveries;
    private final DeliveryService deliveryService;

    public PickupService(DocumentStore documents, DeliveryStore deliveries, DeliveryService deliveryService) {
        this.documents = documents;
        this.deliveries = deliveries;
        this.deliveryService = deliveryService;
    }

    public List<UUID> pending(Agency caller, Integer maxResults) {
        int limit = maxResults == null || maxResults <= 0 ? MAX_PENDING : Math.min(maxResults, MAX_PENDING);
        return deliveries.documentsAvailableTo(caller.organId(), limit);
    }

    /** The document, for its sender or one of its recipients only. */
    public OutboundDocument fetch(Agency caller, UUID documentId) {
        DocumentRecord document = documents.find(documentId)
                .orElseThrow(() -> RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, documentId));
        if (!document.senderOrganId().equals(caller.organId())) {
            deliveries.find(documentId, caller.organId())
                    .orElseThrow(() -> RefusedException.because(ReasonCode.NOT_A_RECIPIENT, documentId, caller.organId()));
        }
        return deliveryService.outbound(document);
    }
}
