package vn.gov.hanoi.lienthong.core.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.document.DeliveryRecord;
import vn.gov.hanoi.lienthong.core.document.DeliveryState;
import vn.gov.hanoi.lienthong.core.document.DeliveryStore;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentState;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.document.StatusStore;
import vn.gov.hanoi.lienthong.core.refusal.Reason;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.status.SenderNotices;
import vn.gov.hanoi.lienthong.core.status.StatusCodes;

/**
 * The dispatch stage: one delivery per recipient found in the directory; a status to the sender naming
 * every recipient that is not, while the others are still served. Repeating it for a dispatched document
 * creates nothing new and returns the deliveries not yet done, so that a lost hand-over is made again.
 */
@Service
public class DispatchService {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchService.class);

    private final AgencyDirectory directory;
    private final DocumentStore documents;
    private final DeliveryStore deliveries;
    private final StatusStore statuses;
    private final SenderNotices notices;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String hubOrganId;

    public DispatchService(AgencyDirectory directory, DocumentStore documents, DeliveryStore deliveries,
                           StatusStore statuses, SenderNotices notices, TransactionTemplate transaction, Clock clock,
                           HubSettings settings) {
        this.directory = directory;
        this.documents = documents;
        this.deliveries = deliveries;
        this.statuses = statuses;
        this.notices = notices;
        this.transaction = transaction;
        this.clock = clock;
        this.hubOrganId = settings.organId();
    }

    /** @return the messages to put on the agencies' queues: one per delivery not done, and notices to the sender */
    public List<OutboxMessage> dispatch(UUID documentId) {
        return transaction.execute(tx -> {
            DocumentRecord document = documents.lock(documentId)
                    .orElseThrow(() -> new IllegalStateException("no document " + documentId + " to dispatch"));
            if (document.state() == DocumentState.RECORDED) {
                createDeliveries(document);
            } else if (document.state() != DocumentState.DISPATCHED) {
                throw new IllegalStateException("document " + documentId + " is " + document.state() + ", not recorded");
            }
            List<OutboxMessage> messages = new ArrayList<>();
            for (DeliveryRecord delivery : deliveries.forDocument(documentId)) {
                if (delivery.state() == DeliveryState.QUEUED) {
                    messages.add(OutboxMessage.document(delivery.recipientOrganId(), documentId, delivery.id()));
                }
            }
            messages.addAll(notices.pending(document, hubOrganId));
            return messages;
        });
    }

    private void createDeliveries(DocumentRecord document) {
        Instant now = clock.instant();
        List<Reason> unknown = new ArrayList<>();
        for (String recipientOrganId : new LinkedHashSet<>(document.recipientOrganIds())) {
            Agency recipient = directory.byOrganId(recipientOrganId).orElse(null);
            if (recipient == null) {
                unknown.add(ReasonCode.UNKNOWN_RECIPIENT.with(recipientOrganId));
                continue;
            }
            deliveries.insertIfAbsent(document.id(), recipientOrganId, recipient.channel(), "dispatched", now);
        }
        if (!unknown.isEmpty()) {
            LOG.warn("Document {} of {} names recipients not in the directory: {}", document.id(),
                    document.senderOrganId(), unknown.stream().map(Reason::messageEn).toList());
            statuses.insertIfAbsent(document.id(), hubOrganId, StatusCodes.REFUSED,
                    "Không có cơ quan nhận trong danh bạ", unknown, now, now);
        }
        documents.transition(document.id(), DocumentState.RECORDED, DocumentState.DISPATCHED,
                "dispatched to " + (document.recipientOrganIds().size() - unknown.size()) + " recipient(s)", now);
    }
}
