package vn.gov.hanoi.lienthong.core.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.document.DeliveryRecord;
import vn.gov.hanoi.lienthong.core.document.DeliveryState;
import vn.gov.hanoi.lienthong.core.document.DeliveryStore;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentState;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.document.StatusRecord;
import vn.gov.hanoi.lienthong.core.document.StatusStore;
import vn.gov.hanoi.lienthong.core.edxml.EdxmlReader;
import vn.gov.hanoi.lienthong.core.record.Ledger;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.core.signature.SignedDocuments;
import vn.gov.hanoi.lienthong.core.tracking.TrackingRecorder;
import vn.gov.hanoi.lienthong.schemas.edxml.StatusType;

/**
 * The status stage: a recipient reports what became of a document addressed to it; the status is recorded
 * once (a resend changes nothing) and goes back to the sender.
 */
@Service
public class StatusService {

    private static final Logger LOG = LoggerFactory.getLogger(StatusService.class);

    private final EdxmlReader edxml;
    private final DocumentStore documents;
    private final DeliveryStore deliveries;
    private final StatusStore statuses;
    private final SenderNotices notices;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SignedDocuments signed;
    private final vn.gov.hanoi.lienthong.core.metrics.HubMeters meters;
    private final TrackingRecorder tracking;
    private final BlobStore blobs;
    private final Ledger ledger;

    public StatusService(EdxmlReader edxml, DocumentStore documents, DeliveryStore deliveries, StatusStore statuses,
                         SenderNotices notices, TransactionTemplate transaction, Clock clock, SignedDocuments signed,
                         vn.gov.hanoi.lienthong.core.metrics.HubMeters meters, TrackingRecorder tracking,
                         BlobStore blobs, Ledger ledger) {
        this.blobs = blobs;
        this.ledger = ledger;
        this.meters = meters;
        this.tracking = tracking;
        this.edxml = edxml;
        this.documents = documents;
        this.deliveries = deliveries;
        this.statuses = statuses;
        this.notices = notices;
        this.transaction = transaction;
        this.clock = clock;
        this.signed = signed;
    }

    /**
     * @return whether the status is new, and the messages that carry it to the sender
     */
    public StatusAcceptance accept(Agency caller, UUID documentId, byte[] statusMessage) {
        DocumentRecord document = documents.find(documentId)
                .orElseThrow(() -> RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, documentId));
        DeliveryRecord delivery = deliveries.find(documentId, caller.organId()).orElseThrow(() -> {
            LOG.warn("Refused a status from {} on document {}: not addressed to it", caller, documentId);
            return RefusedException.because(ReasonCode.NOT_A_RECIPIENT, documentId, caller.organId());
        });
        StatusType status = edxml.readStatus(statusMessage);
        String reporter = status.getFrom().getOrganId();
        if (!caller.organId().equals(reporter)) {
            throw RefusedException.because(ReasonCode.STATUS_SENDER_MISMATCH, caller.organId(), reporter);
        }
        String aboutDocument = status.getResponseFor().getDocumentId();
        String aboutSender = status.getResponseFor().getOrganId();
        if (!document.senderDocumentId().equals(aboutDocument) || !document.senderOrganId().equals(aboutSender)) {
            throw RefusedException.because(ReasonCode.STATUS_DOCUMENT_MISMATCH, aboutDocument, aboutSender,
                    document.senderDocumentId());
        }
        Instant reportedAt = status.getTimestamp().toGregorianCalendar().toInstant();
        // The message as its system signed it, kept for the archive (the evidence bundle carries it) before the status
        // is recorded: durable when the blob store returns, so the ledger never names bytes the hub does not hold.
        String messageSha256 = storeMessage(statusMessage);
        return transaction.execute(tx -> {
            Instant now = clock.instant();
            StatusStore.Insertion insertion = statuses.insertIfAbsent(documentId, reporter, status.getStatusCode(),
                    status.getDescription(), List.of(), reportedAt, now, messageSha256);
            // Read again under its lock: the state may have moved since the check above.
            DeliveryRecord locked = deliveries.lock(delivery.id()).orElseThrow();
            if (locked.state() == DeliveryState.AVAILABLE) {
                // A status after a pull is the recipient's word that it has the document.
                deliveries.transition(locked, DeliveryState.DELIVERED, locked.attempts(),
                        "recipient reported status " + status.getStatusCode(), null, now);
                meters.deliveryCompleted(locked.channel().configName(), DeliveryState.DELIVERED.name());
            }
            tracking.reported(locked.id(), status.getStatusCode(), reportedAt, status.getIncomingNumber());
            if (insertion.inserted()) {
                // Last in the transaction: the ledger's append lock is held from here to the commit, and every stage
                // that appends waits for it.
                ledger.append(documentId, statusEvent(reporter, status.getStatusCode(), reportedAt), messageSha256, now);
                meters.statusRecorded(status.getStatusCode());
                LOG.info("Status {} from {} on document {}", status.getStatusCode(), reporter, documentId);
            }
            return new StatusAcceptance(insertion.inserted(), notices.pending(document, reporter));
        });
    }

    /**
     * The ledger event of a recipient's status: who, which code, reported when — the status's own key, so that a
     * resend is the same entry.
     */
    public static String statusEvent(String organId, String statusCode, Instant reportedAt) {
        return "STATUS " + organId + " " + statusCode + " " + reportedAt;
    }

    private String storeMessage(byte[] statusMessage) {
        try {
            return blobs.store(new java.io.ByteArrayInputStream(statusMessage)).sha256();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the status message in the blob store", e);
        }
    }

    /**
     * The history of a document: all of it for its sender, its own part for a recipient. An agency named as a
     * recipient is a party before anything is delivered to it: it sees its own deliveries and statuses (none yet,
     * perhaps) and, when the hub refused the document, that refusal (status 02 and its reasons) — never the
     * document itself, which it may fetch only once delivered.
     */
    public StatusHistory history(Agency caller, UUID documentId) {
        DocumentRecord document = documents.find(documentId)
                .orElseThrow(() -> RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, documentId));
        List<DeliveryRecord> allDeliveries = deliveries.forDocument(documentId);
        List<StatusRecord> allStatuses = statuses.forDocument(documentId);
        if (document.senderOrganId().equals(caller.organId())) {
            return new StatusHistory(document, allDeliveries, allStatuses,
                    signed.receipt(document, documents.attachments(documentId), allDeliveries));
        }
        List<DeliveryRecord> own = allDeliveries.stream()
                .filter(d -> d.recipientOrganId().equals(caller.organId())).toList();
        if (own.isEmpty() && !document.recipientOrganIds().contains(caller.organId())) {
            throw RefusedException.because(ReasonCode.NOT_A_PARTY, caller.organId(), documentId);
        }
        return new StatusHistory(document, own, allStatuses.stream()
                .filter(s -> s.organId().equals(caller.organId()) || refusalByTheHub(document, s)).toList(), null);
    }

    /** A document is REJECTED only at inspection, before any delivery: its status 02 can only be the hub's. */
    private static boolean refusalByTheHub(DocumentRecord document, StatusRecord status) {
        return document.state() == DocumentState.REJECTED && StatusCodes.REFUSED.equals(status.statusCode());
    }

    public record StatusAcceptance(boolean recorded, List<OutboxMessage> notices) {
    }
}
