package vn.gov.hanoi.lienthong.core.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.document.ValidationReport;
import vn.gov.hanoi.lienthong.core.edxml.EdxmlReader;
import vn.gov.hanoi.lienthong.core.policy.DeliveryPurpose;
import vn.gov.hanoi.lienthong.core.policy.DocumentPolicy;
import vn.gov.hanoi.lienthong.core.policy.PolicyDecision;
import vn.gov.hanoi.lienthong.schemas.edxml.MessageHeaderType;
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
import vn.gov.hanoi.lienthong.core.tracking.TrackingRecorder;

/**
 * The dispatch stage: one delivery per recipient found in the directory, and the copies the regulation adds
 * (Articles 5.2, 6.4), each recording what the regulation requires of it (config/policy.yaml); a status to
 * the sender naming every recipient that is not in the directory, while the others are still served. Repeating it for a dispatched document
 * creates nothing new and returns the deliveries not yet done, so that a lost hand-over is made again.
 */
@Service
public class DispatchService {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchService.class);

    private final AgencyDirectory directory;
    private final DocumentPolicy policy;
    private final EdxmlReader edxml;
    private final BlobStore blobs;
    private final DocumentStore documents;
    private final DeliveryStore deliveries;
    private final StatusStore statuses;
    private final SenderNotices notices;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String hubOrganId;
    private final TrackingRecorder tracking;

    public DispatchService(AgencyDirectory directory, DocumentPolicy policy, EdxmlReader edxml, BlobStore blobs,
                           DocumentStore documents, DeliveryStore deliveries,
                           StatusStore statuses, SenderNotices notices, TransactionTemplate transaction, Clock clock,
                           HubSettings settings, TrackingRecorder tracking) {
        this.tracking = tracking;
        this.directory = directory;
        this.policy = policy;
        this.edxml = edxml;
        this.blobs = blobs;
        this.documents = documents;
        this.deliveries = deliveries;
        this.statuses = statuses;
        this.notices = notices;
        this.transaction = transaction;
        this.clock = clock;
        this.hubOrganId = settings.organId();
    }

    private MessageHeaderType header(DocumentRecord document) {
        try (InputStream in = blobs.open(document.envelopeSha256())) {
            // Accepted by inspection: already schema-valid, so read, not validated again.
            return edxml.messageHeader(edxml.dom(in.readAllBytes()))
                    .orElseThrow(() -> new IllegalStateException("accepted document " + document.id() + " has no valid header"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean validlySigned(DocumentRecord document) {
        return documents.validationReport(document.id()).map(ValidationReport::signatureVerified).orElse(false);
    }

    /** What the regulation requires of this document: read from its envelope and its validation report. */
    private PolicyDecision decide(MessageHeaderType header, boolean validlySigned) {
        List<String> toPlaces = header.getToPlaces() == null ? List.of() : header.getToPlaces().getPlace();
        String sphere = header.getOtherInfo() == null ? null : header.getOtherInfo().getSphereOfPromulgation();
        return policy.decide(header.getDocumentType().getType().intValue(), toPlaces, sphere, validlySigned);
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
        MessageHeaderType header = header(document);
        boolean validlySigned = validlySigned(document);
        PolicyDecision decision = decide(header, validlySigned);
        List<Reason> unknown = new ArrayList<>();
        Set<String> recipients = new LinkedHashSet<>(document.recipientOrganIds());
        for (String recipientOrganId : recipients) {
            Agency recipient = directory.byOrganId(recipientOrganId).orElse(null);
            if (recipient == null) {
                unknown.add(ReasonCode.UNKNOWN_RECIPIENT.with(recipientOrganId));
                continue;
            }
            deliveries.insertIfAbsent(document.id(), recipientOrganId, recipient.channel(), DeliveryPurpose.RECIPIENT,
                    decision.requirement(), decision.article(), null, "dispatched", now);
        }
        for (PolicyDecision.ExtraDelivery extra : decision.extra()) {
            Agency target = directory.byOrganId(extra.organId()).orElse(null);
            if (target == null) {
                LOG.error("config/policy.yaml names {} for Article {}, but it is not in the directory", extra.organId(),
                        extra.article());
                unknown.add(ReasonCode.UNKNOWN_RECIPIENT.with(extra.organId()));
            } else if (!recipients.contains(extra.organId())) {
                deliveries.insertIfAbsent(document.id(), extra.organId(), target.channel(), extra.purpose(),
                        decision.requirement(), extra.article(), extra.note(), "required by Article " + extra.article(), now);
            }
        }
        if (!unknown.isEmpty()) {
            LOG.warn("Document {} of {} names recipients not in the directory: {}", document.id(),
                    document.senderOrganId(), unknown.stream().map(Reason::messageEn).toList());
            statuses.insertIfAbsent(document.id(), hubOrganId, StatusCodes.REFUSED,
                    "Không có cơ quan nhận trong danh bạ", unknown, now, now);
        }
        tracking.dispatched(document.id(), document.senderOrganId(), header, validlySigned, now);
        documents.transition(document.id(), DocumentState.RECORDED, DocumentState.DISPATCHED,
                "dispatched to " + (document.recipientOrganIds().size() - unknown.size()) + " recipient(s)", now);
    }
}
