package vn.gov.hanoi.lienthong.core.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.directory.Channel;
import vn.gov.hanoi.lienthong.core.document.DeliveryRecord;
import vn.gov.hanoi.lienthong.core.document.DeliveryState;
import vn.gov.hanoi.lienthong.core.document.DeliveryStore;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.ValidationReport;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.document.StatusRecord;
import vn.gov.hanoi.lienthong.core.document.StatusStore;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.status.SenderNotices;
import vn.gov.hanoi.lienthong.core.status.StatusCodes;

/**
 * The deliver stage: hands one item to one agency. The item's row is locked for the whole hand-over, so that
 * two copies of the same queue message (a redelivery racing a recovery) never both send, and an item
 * already handed over is not handed over again. A failure throws: the transaction rolls back and the
 * broker redelivers with back-off.
 */
@Service
public class DeliveryService {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryService.class);

    private final AgencyDirectory directory;
    private final DocumentStore documents;
    private final DeliveryStore deliveries;
    private final StatusStore statuses;
    private final SenderNotices notices;
    private final BlobStore blobs;
    private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String hubOrganId;
    private final vn.gov.hanoi.lienthong.core.metrics.HubMeters meters;

    public DeliveryService(AgencyDirectory directory, DocumentStore documents, DeliveryStore deliveries,
                           StatusStore statuses, SenderNotices notices, BlobStore blobs,
                           List<DeliveryChannel> channelImplementations, TransactionTemplate transaction, Clock clock,
                           HubSettings settings, vn.gov.hanoi.lienthong.core.metrics.HubMeters meters) {
        this.meters = meters;
        this.directory = directory;
        this.documents = documents;
        this.deliveries = deliveries;
        this.statuses = statuses;
        this.notices = notices;
        this.blobs = blobs;
        channelImplementations.forEach(channel -> channels.put(channel.channel(), channel));
        this.transaction = transaction;
        this.clock = clock;
        this.hubOrganId = settings.organId();
    }

    /** @param attempt which attempt this is (the broker's delivery count, from 1) */
    public void deliver(OutboxMessage message, int attempt) {
        transaction.executeWithoutResult(tx -> {
            switch (message.kind()) {
                case DOCUMENT -> deliverDocument(message, attempt);
                case STATUS -> deliverStatus(message);
            }
        });
    }

    /**
     * The last attempt failed: the delivery is marked failed and the sender is told. Returns the notice to
     * push to the sender, if it pushes.
     */
    public List<OutboxMessage> giveUp(OutboxMessage message, int attempts, String error) {
        if (message.kind() == OutboxMessage.Kind.STATUS) {
            LOG.error("Gave up pushing status {} of document {} to its sender {} after {} attempts: {}",
                    message.itemId(), message.documentId(), message.targetOrganId(), attempts, error);
            return List.of();
        }
        return transaction.execute(tx -> {
            DeliveryRecord delivery = deliveries.lock(message.itemId()).orElseThrow();
            if (delivery.state().reachedRecipient()) return List.of();
            Instant now = clock.instant();
            deliveries.transition(delivery, DeliveryState.FAILED, attempts, "gave up after " + attempts + " attempts", error, now);
            meters.deliveryCompleted(delivery.channel().configName(), DeliveryState.FAILED.name());
            DocumentRecord document = documents.find(delivery.documentId()).orElseThrow();
            statuses.insertIfAbsent(document.id(), hubOrganId, StatusCodes.REFUSED, "Không chuyển được văn bản",
                    List.of(ReasonCode.DELIVERY_FAILED.with(delivery.recipientOrganId(), attempts, error)), now, now);
            LOG.error("Delivery of document {} to {} FAILED after {} attempts: {}", document.id(),
                    delivery.recipientOrganId(), attempts, error);
            return notices.pending(document, hubOrganId);
        });
    }

    private void deliverDocument(OutboxMessage message, int attempt) {
        DeliveryRecord delivery = deliveries.lock(message.itemId())
                .orElseThrow(() -> new IllegalStateException("no delivery " + message.itemId()));
        if (delivery.state() != DeliveryState.QUEUED && delivery.state() != DeliveryState.FAILED) {
            LOG.debug("Delivery {} is already {}: nothing to do", delivery.id(), delivery.state());
            return;
        }
        Agency recipient = agency(delivery.recipientOrganId());
        Instant now = clock.instant();
        if (!recipient.channel().pushes()) {
            deliveries.transition(delivery, DeliveryState.AVAILABLE, attempt, "waiting for pickup", null, now);
            return;
        }
        DocumentRecord document = documents.find(delivery.documentId()).orElseThrow();
        String acknowledgement;
        try {
            acknowledgement = channel(recipient).sendDocument(recipient, outbound(document).forDelivery(delivery.requirement(),
                    delivery.article(), delivery.purpose(), delivery.note()));
        } catch (Exception e) {
            meters.deliveryAttemptFailed(recipient.channel().configName(), recipient.organId());
            throw new DeliveryAttemptFailed("push of document " + document.id() + " to " + recipient.organId() + " failed", e);
        }
        deliveries.transition(delivery, DeliveryState.DELIVERED, attempt,
                "pushed over " + recipient.channel().configName(), null, clock.instant());
        meters.deliveryCompleted(recipient.channel().configName(), DeliveryState.DELIVERED.name());
        if (acknowledgement != null) deliveries.acknowledge(delivery.id(), acknowledgement);
        LOG.info("Delivered document {} to {}{}", document.id(), recipient.organId(),
                acknowledgement == null ? "" : " (acknowledged: " + acknowledgement + ")");
    }

    private void deliverStatus(OutboxMessage message) {
        StatusRecord status = statuses.lock(message.itemId())
                .orElseThrow(() -> new IllegalStateException("no status " + message.itemId()));
        if (status.forwardedAt() != null) return;
        Agency sender = agency(message.targetOrganId());
        if (!sender.channel().pushesStatuses()) return;
        DocumentRecord document = documents.find(status.documentId()).orElseThrow();
        try {
            channel(sender).sendStatus(sender, new OutboundStatus(document, status));
        } catch (Exception e) {
            throw new DeliveryAttemptFailed("push of status " + status.statusCode() + " of document " + document.id()
                    + " to " + sender.organId() + " failed", e);
        }
        statuses.markForwarded(status.id(), clock.instant());
        LOG.info("Forwarded status {} from {} on document {} to its sender {}", status.statusCode(), status.organId(),
                document.id(), sender.organId());
    }

    /** The document as it leaves the hub: the stored envelope and files, streamed from the blob store. */
    public OutboundDocument outbound(DocumentRecord document) {
        return new OutboundDocument(document.id(), document.senderOrganId(), document.senderDocumentId(),
                () -> blobs.open(document.envelopeSha256()),
                documents.attachments(document.id()).stream()
                        .map(a -> new OutboundDocument.OutboundAttachment(a.contentId(), a.name(), a.mediaType(),
                                a.size(), a.sha256(), () -> blobs.open(a.sha256())))
                        .toList(), null, null, null, null,
                documents.validationReport(document.id()).map(ValidationReport::warnings).orElse(List.of()));
    }

    private Agency agency(String organId) {
        return directory.byOrganId(organId)
                .orElseThrow(() -> new IllegalStateException("agency " + organId + " is no longer in the directory"));
    }

    private DeliveryChannel channel(Agency agency) {
        DeliveryChannel channel = channels.get(agency.channel());
        if (channel == null) {
            throw new IllegalStateException("no connector is installed for channel " + agency.channel().configName());
        }
        return channel;
    }

    /**
     * An attempt that failed for a reason outside the hub (the agency's system down, a timeout): retried. Its
     * message names the root cause too (a TLS client says "Could not send Message." over "PKIX path building
     * failed"), since it is the one line an operator reads.
     */
    public static class DeliveryAttemptFailed extends RuntimeException {
        public DeliveryAttemptFailed(String message, Throwable cause) {
            super(message + ": " + describe(cause), cause);
        }

        private static String describe(Throwable cause) {
            Throwable root = vn.gov.hanoi.lienthong.core.refusal.Causes.root(cause);
            return root == cause || root.getMessage() == null || String.valueOf(cause.getMessage()).contains(root.getMessage())
                    ? String.valueOf(cause.getMessage())
                    : cause.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
    }
}
