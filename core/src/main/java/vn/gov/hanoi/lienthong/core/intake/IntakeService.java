package vn.gov.hanoi.lienthong.core.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.blob.StoredBlob;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentState;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.edxml.EdxmlReader;
import vn.gov.hanoi.lienthong.core.edxml.EnvelopeSummary;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.core.signature.SignedDocuments;

/**
 * The intake stage's work, common to every connector: refuse what cannot be a document of this sender,
 * store the bytes durably, record the document, recognise a resend. The receipt is given only once the
 * document is durable.
 */
@Service
public class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
    /** edXML's edXMLBody lists at most this many attachments (the schema's maxOccurs). */
    public static final int MAX_ATTACHMENTS = 100;

    private final EdxmlReader edxml;
    private final BlobStore blobs;
    private final DocumentStore documents;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SignedDocuments signed;
    private final int envelopeMaxBytes;

    private final vn.gov.hanoi.lienthong.core.metrics.HubMeters meters;

    public IntakeService(EdxmlReader edxml, BlobStore blobs, DocumentStore documents, TransactionTemplate transaction,
                         Clock clock, SignedDocuments signed, HubSettings settings,
                         vn.gov.hanoi.lienthong.core.metrics.HubMeters meters) {
        this.meters = meters;
        this.edxml = edxml;
        this.blobs = blobs;
        this.documents = documents;
        this.transaction = transaction;
        this.clock = clock;
        this.signed = signed;
        this.envelopeMaxBytes = settings.envelopeMaxBytes();
    }

    private byte[] readEnvelope(InputStreamSource source) {
        try (InputStream in = source.getInputStream()) {
            byte[] bytes = in.readNBytes(envelopeMaxBytes + 1);
            if (bytes.length > envelopeMaxBytes) {
                throw RefusedException.because(ReasonCode.ENVELOPE_TOO_LARGE, envelopeMaxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw RefusedException.because(ReasonCode.ENVELOPE_UNREADABLE, e.getMessage());
        }
    }

    public IntakeReceipt accept(Agency caller, IncomingDocument incoming) {
        byte[] envelopeBytes = readEnvelope(incoming.envelope());
        EnvelopeSummary summary = edxml.summarize(envelopeBytes);
        if (!caller.organId().equals(summary.senderOrganId())) {
            LOG.warn("Refused a document from {}: the envelope names {} as sender", caller, summary.senderOrganId());
            throw RefusedException.because(ReasonCode.SENDER_MISMATCH, caller.organId(), summary.senderOrganId());
        }
        checkAttachmentNames(incoming.attachments());
        if (incoming.attachments().size() > MAX_ATTACHMENTS) {
            throw RefusedException.because(ReasonCode.ATTACHMENTS_TOO_MANY, incoming.attachments().size(), MAX_ATTACHMENTS);
        }

        Optional<DocumentRecord> known = Optional.ofNullable(incoming.sourceReference())
                .flatMap(documents::findBySourceReference)
                .or(() -> documents.findBySender(summary.senderOrganId(), summary.senderDocumentId()));
        if (known.isPresent()) {
            refuseIfDifferent(known.get(), summary, incoming);
            return duplicateOf(known.get());
        }

        StoredBlob envelope = store(new ByteArrayInputStream(envelopeBytes));
        List<AttachmentRecord> attachments = new ArrayList<>();
        for (IncomingAttachment attachment : incoming.attachments()) {
            StoredBlob stored;
            try {
                stored = store(attachment.content().getInputStream());
            } catch (IOException e) {
                throw RefusedException.because(ReasonCode.ATTACHMENT_INVALID,
                        "'" + attachment.name() + "' could not be read: " + e.getMessage());
            }
            attachments.add(new AttachmentRecord(attachments.size(), attachment.contentId(), attachment.name(),
                    attachment.declaredMediaType(), stored.size(), stored.sha256()));
        }

        Instant now = clock.instant();
        DocumentRecord document = new DocumentRecord(UUID.randomUUID(), summary.senderOrganId(),
                summary.senderDocumentId(), summary.recipientOrganIds(), summary.subject(), summary.codeNotation(),
                envelope.sha256(), envelope.size(), DocumentState.RECEIVED, now, now);
        Boolean inserted = transaction.execute(tx -> documents.insertReceived(document, attachments,
                "received from " + caller.organId(), incoming.sourceReference()));
        if (!Boolean.TRUE.equals(inserted)) {
            // The same document arrived twice at the same moment; the other request recorded it first.
            return duplicateOf(documents.findBySender(summary.senderOrganId(), summary.senderDocumentId()).orElseThrow());
        }
        meters.documentAccepted();
        LOG.info("Received document {} ({} {}) from {} for {} with {} attachment(s)", document.id(),
                summary.codeNotation(), summary.senderDocumentId(), caller.organId(), summary.recipientOrganIds(),
                attachments.size());
        return new IntakeReceipt(document.id(), false, now, true, signed.receipt(document, attachments));
    }

    /**
     * A resend under a DocumentId the hub already holds must be the same document: the same recipients,
     * subject and number, and the same files (names, content ids, SHA-256). Its envelope may be signed anew.
     * Anything else would be dropped without a word if it were answered as a duplicate, so it is refused,
     * naming what differs. (A rejected first attempt does not count: a corrected resend is a new attempt.)
     */
    private void refuseIfDifferent(DocumentRecord existing, EnvelopeSummary summary, IncomingDocument incoming) {
        if (incoming.sourceReference() != null) return;
        List<String> differences = new ArrayList<>();
        if (!Set.copyOf(existing.recipientOrganIds()).equals(Set.copyOf(summary.recipientOrganIds()))) {
            differences.add("recipients " + existing.recipientOrganIds() + " then, " + summary.recipientOrganIds() + " now");
        }
        if (!java.util.Objects.equals(existing.subject(), summary.subject())) differences.add("the subject");
        if (!java.util.Objects.equals(existing.codeNotation(), summary.codeNotation())) {
            differences.add("number and notation " + existing.codeNotation() + " then, " + summary.codeNotation() + " now");
        }
        java.util.Map<String, AttachmentRecord> before = new java.util.LinkedHashMap<>();
        documents.attachments(existing.id()).forEach(a -> before.put(a.contentId(), a));
        for (IncomingAttachment attachment : incoming.attachments()) {
            AttachmentRecord earlier = before.remove(attachment.contentId());
            if (earlier == null) {
                differences.add("file " + attachment.contentId() + " is new");
            } else if (!earlier.name().equals(attachment.name())) {
                differences.add("file " + attachment.contentId() + " was named '" + earlier.name() + "'");
            } else if (!earlier.sha256().equals(sha256(attachment))) {
                differences.add("the content of file '" + attachment.name() + "'");
            }
        }
        before.values().forEach(missing -> differences.add("file '" + missing.name() + "' is missing"));
        if (!differences.isEmpty()) {
            LOG.warn("Refused a resend of document {} of {} (hub id {}) with different content: {}",
                    existing.senderDocumentId(), existing.senderOrganId(), existing.id(), differences);
            throw RefusedException.because(ReasonCode.DUPLICATE_ID_CONFLICT, existing.senderDocumentId(),
                    existing.senderOrganId(), existing.id(), String.join("; ", differences));
        }
    }

    /** The SHA-256 of a file being resent, read through without storing it. */
    private static String sha256(IncomingAttachment attachment) {
        try (InputStream in = attachment.content().getInputStream()) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) digest.update(buffer, 0, read);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw RefusedException.because(ReasonCode.ATTACHMENT_INVALID,
                    "'" + attachment.name() + "' could not be read: " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private IntakeReceipt duplicateOf(DocumentRecord existing) {
        LOG.info("Document {} of {} was sent again: answered with hub id {}", existing.senderDocumentId(),
                existing.senderOrganId(), existing.id());
        return new IntakeReceipt(existing.id(), true, existing.receivedAt(), existing.state() == DocumentState.RECEIVED,
                signed.receipt(existing, documents.attachments(existing.id())));
    }

    private static void checkAttachmentNames(List<IncomingAttachment> attachments) {
        Set<String> contentIds = new HashSet<>();
        for (IncomingAttachment attachment : attachments) {
            if (attachment.contentId() == null || attachment.contentId().isBlank()) {
                throw RefusedException.because(ReasonCode.ATTACHMENT_INVALID, "an attachment has no ContentId");
            }
            if (attachment.name() == null || attachment.name().isBlank()) {
                throw RefusedException.because(ReasonCode.ATTACHMENT_INVALID,
                        "attachment " + attachment.contentId() + " has no AttachmentName");
            }
            AttachmentNames.problem(attachment.name()).ifPresent(problem -> {
                throw RefusedException.because(ReasonCode.ATTACHMENT_NAME_INVALID,
                        AttachmentNames.quoted(attachment.name()) + ": " + problem);
            });
            if (!contentIds.add(attachment.contentId())) {
                throw RefusedException.because(ReasonCode.ATTACHMENT_INVALID,
                        "ContentId " + attachment.contentId() + " is used twice");
            }
        }
    }

    private StoredBlob store(InputStream content) {
        try {
            return blobs.store(content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a blob", e);
        }
    }
}
