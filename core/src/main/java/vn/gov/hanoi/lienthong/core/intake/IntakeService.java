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

    private final EdxmlReader edxml;
    private final BlobStore blobs;
    private final DocumentStore documents;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SignedDocuments signed;
    private final int envelopeMaxBytes;

    public IntakeService(EdxmlReader edxml, BlobStore blobs, DocumentStore documents, TransactionTemplate transaction,
                         Clock clock, SignedDocuments signed, HubSettings settings) {
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

        Optional<DocumentRecord> known = Optional.ofNullable(incoming.sourceReference())
                .flatMap(documents::findBySourceReference)
                .or(() -> documents.findBySender(summary.senderOrganId(), summary.senderDocumentId()));
        if (known.isPresent()) {
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
        LOG.info("Received document {} ({} {}) from {} for {} with {} attachment(s)", document.id(),
                summary.codeNotation(), summary.senderDocumentId(), caller.organId(), summary.recipientOrganIds(),
                attachments.size());
        return new IntakeReceipt(document.id(), false, now, true, signed.receipt(document, attachments));
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
