package vn.gov.hanoi.lienthong.archive.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Element;

import vn.gov.hanoi.lienthong.archive.ArchiveXml;
import vn.gov.hanoi.lienthong.archive.evidence.EvidenceBundles;
import vn.gov.hanoi.lienthong.archive.retention.DocumentDestructions;
import vn.gov.hanoi.lienthong.archive.retention.LegalHolds;
import vn.gov.hanoi.lienthong.core.audit.AuditAction;
import vn.gov.hanoi.lienthong.core.audit.AuditTrail;
import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.document.DeliveryState;
import vn.gov.hanoi.lienthong.core.document.DeliveryStore;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.core.signature.HubSigner;

/**
 * The archive for people (Article 11.3): reading, exporting and certifying follow the same authority as for paper —
 * an archivist any document; an agency's clerk or leader the documents of its agency (sent, or handed to it) unless
 * restricted — and every such act is in the audit trail before anything is given. Reclassification changes the archive
 * metadata only; the content and its hashes never move.
 */
@Service
public class ArchiveService {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveService.class);

    private final DocumentStore documents;
    private final DeliveryStore deliveries;
    private final BlobStore blobs;
    private final EvidenceBundles evidence;
    private final AuditTrail audit;
    private final HubSigner signer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DocumentDestructions destructions;
    private final LegalHolds holds;

    public ArchiveService(DocumentStore documents, DeliveryStore deliveries, BlobStore blobs, EvidenceBundles evidence,
                          AuditTrail audit, HubSigner signer, JdbcClient jdbc, TransactionTemplate transaction, Clock clock,
                          DocumentDestructions destructions, LegalHolds holds) {
        this.destructions = destructions;
        this.holds = holds;
        this.documents = documents;
        this.deliveries = deliveries;
        this.blobs = blobs;
        this.evidence = evidence;
        this.audit = audit;
        this.signer = signer;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A document's archive view: its metadata, files and archive record (no content, so not audited). */
    public ArchiveDocument document(ArchiveReader reader, UUID documentId) {
        DocumentRecord document = readable(reader, documentId);
        return new ArchiveDocument(document.id(), document.senderOrganId(), document.senderDocumentId(),
                document.recipientOrganIds(), document.codeNotation(), document.subject(), document.receivedAt(),
                document.state().name(), document.envelopeSha256(), documents.attachments(documentId).stream()
                .map(a -> new ArchiveDocument.FileView(a.position(), a.name(), a.mediaType(), a.size(), a.sha256())).toList(),
                record(documentId), holds.active(documentId).orElse(null), destructions.of(documentId).orElse(null));
    }

    /** The envelope's bytes, once the read is in the audit trail. */
    public byte[] envelope(ArchiveReader reader, UUID documentId) {
        DocumentRecord document = readable(reader, documentId);
        destructions.refuseIfDestroyed(documentId);
        audit.record(reader.username(), reader.roleList(), AuditAction.READ_CONTENT, documentId,
                Map.of("part", "envelope", "sha256", document.envelopeSha256()));
        return blob(document.envelopeSha256());
    }

    /** One file's bytes, once the read is in the audit trail. */
    public FileContent file(ArchiveReader reader, UUID documentId, int position) {
        readable(reader, documentId);
        destructions.refuseIfDestroyed(documentId);
        AttachmentRecord attachment = attachment(documentId, position);
        audit.record(reader.username(), reader.roleList(), AuditAction.READ_CONTENT, documentId,
                Map.of("part", "file " + position, "name", attachment.name(), "sha256", attachment.sha256()));
        return new FileContent(attachment.name(), attachment.mediaType(), blob(attachment.sha256()));
    }

    /** The whole evidence bundle, once the export is in the audit trail. */
    public byte[] evidence(ArchiveReader reader, UUID documentId) {
        readable(reader, documentId);
        destructions.refuseIfDestroyed(documentId);
        audit.record(reader.username(), reader.roleList(), AuditAction.EXPORT_EVIDENCE, documentId, Map.of("format", "ASiC-E"));
        return evidence.whole(documentId);
    }

    /**
     * A certified copy of one file (an archivist's): the file itself, base64, in an XML signed by the hub that says
     * whose copy it is, of what (its SHA-256, the document's ids), when, by whom and for what — verifiable with any
     * XML-DSig tool.
     */
    public byte[] certifiedCopy(ArchiveReader reader, UUID documentId, int position, String purpose) {
        reader.requireArchivist();
        DocumentRecord document = readable(reader, documentId);
        destructions.refuseIfDestroyed(documentId);
        if (purpose == null || purpose.isBlank()) throw RefusedException.because(ReasonCode.REQUEST_INVALID, "purpose: required");
        AttachmentRecord attachment = attachment(documentId, position);
        byte[] content = blob(attachment.sha256());
        Instant now = clock.instant();
        long auditId = audit.record(reader.username(), reader.roleList(), AuditAction.CERTIFY_COPY, documentId,
                Map.of("part", "file " + position, "name", attachment.name(), "sha256", attachment.sha256(), "purpose", purpose));
        Element copy = ArchiveXml.newRoot("CertifiedCopy");
        ArchiveXml.add(copy, "Statement", "Bản sao điện tử đúng với bản gốc lưu tại Liên Thông / An electronic copy true to the original held by Liên Thông");
        ArchiveXml.add(copy, "DocumentId", documentId);
        ArchiveXml.add(copy, "SenderOrganId", document.senderOrganId());
        ArchiveXml.add(copy, "SenderDocumentId", document.senderDocumentId());
        ArchiveXml.add(copy, "CodeNotation", String.valueOf(document.codeNotation()));
        ArchiveXml.add(copy, "FileName", attachment.name());
        ArchiveXml.add(copy, "FileSha256", attachment.sha256());
        ArchiveXml.add(copy, "CertifiedBy", reader.username());
        ArchiveXml.add(copy, "Purpose", purpose);
        ArchiveXml.add(copy, "CertifiedAt", now);
        ArchiveXml.add(copy, "AuditEntry", auditId);
        ArchiveXml.add(copy, "Content", java.util.Base64.getEncoder().encodeToString(content));
        return signer.sign(copy.getOwnerDocument(), copy);
    }

    /** An archivist's reclassification: the archive metadata only, the change (before and after) audited. */
    public ArchiveRecord reclassify(ArchiveReader reader, UUID documentId, ArchiveRecord change, String reason) {
        reader.requireArchivist();
        readable(reader, documentId);
        if (reason == null || reason.isBlank()) throw RefusedException.because(ReasonCode.REQUEST_INVALID, "reason: required");
        String level = change.accessLevel() == null ? ArchiveRecord.OPEN : change.accessLevel();
        if (!level.equals(ArchiveRecord.OPEN) && !level.equals(ArchiveRecord.RESTRICTED)) {
            throw RefusedException.because(ReasonCode.REQUEST_INVALID, "accessLevel: OPEN or RESTRICTED");
        }
        if (change.retentionYears() != null && change.retentionYears() < 1) {
            throw RefusedException.because(ReasonCode.REQUEST_INVALID, "retentionYears: at least 1, or none for the type's");
        }
        return transaction.execute(tx -> {
            ArchiveRecord before = record(documentId);
            Instant now = clock.instant();
            jdbc.sql("""
                            insert into archive_record (document_id, access_level, file_code, retention_years, keywords, updated_at, updated_by)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (document_id) do update set access_level = excluded.access_level,
                                file_code = excluded.file_code, retention_years = excluded.retention_years,
                                keywords = excluded.keywords, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                    .params(documentId, level, change.fileCode(), change.retentionYears(), change.keywords(), Timestamp.from(now),
                            reader.username()).update();
            ArchiveRecord after = record(documentId);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("reason", reason);
            detail.put("before", describe(before));
            detail.put("after", describe(after));
            audit.record(reader.username(), reader.roleList(), AuditAction.RECLASSIFY, documentId, detail);
            LOG.info("Archivist {} reclassified document {}: {} -> {} ({})", reader.username(), documentId,
                    before.accessLevel(), after.accessLevel(), reason);
            return after;
        });
    }

    public ArchiveRecord record(UUID documentId) {
        return jdbc.sql("select * from archive_record where document_id = ?").param(documentId)
                .query((rs, n) -> new ArchiveRecord(rs.getString("access_level"), rs.getString("file_code"),
                        (Integer) rs.getObject("retention_years"), rs.getString("keywords"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .optional().orElse(ArchiveRecord.defaults());
    }

    /**
     * The document, if this reader may read it: an archivist always; a clerk or leader when one of its agencies sent
     * it or had it handed over, and it is not restricted. Refused otherwise, with one INFO line.
     */
    DocumentRecord readable(ArchiveReader reader, UUID documentId) {
        DocumentRecord document = documents.find(documentId)
                .orElseThrow(() -> RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, documentId));
        if (reader.archivist()) return document;
        if (!reader.ofAnAgency()) {
            LOG.info("Refused {} the archive's document {}: not an archivist, clerk or leader", reader.username(), documentId);
            throw RefusedException.because(ReasonCode.NOT_PERMITTED);
        }
        boolean party = reader.organs().contains(document.senderOrganId()) || deliveries.forDocument(documentId).stream()
                .anyMatch(d -> reader.organs().contains(d.recipientOrganId())
                        && (d.state() == DeliveryState.DELIVERED || d.state() == DeliveryState.AVAILABLE));
        if (!party) {
            LOG.info("Refused {} the archive's document {}: not a party", reader.username(), documentId);
            throw RefusedException.because(ReasonCode.NOT_A_PARTY, String.join(",", reader.organs()), documentId);
        }
        if (ArchiveRecord.RESTRICTED.equals(record(documentId).accessLevel())) {
            LOG.info("Refused {} the archive's document {}: restricted to the archivists", reader.username(), documentId);
            throw RefusedException.because(ReasonCode.NOT_PERMITTED);
        }
        return document;
    }

    private AttachmentRecord attachment(UUID documentId, int position) {
        Optional<AttachmentRecord> attachment = documents.attachments(documentId).stream()
                .filter(a -> a.position() == position).findFirst();
        return attachment.orElseThrow(() -> RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, documentId + "/files/" + position));
    }

    private byte[] blob(String sha256) {
        try {
            return blobs.readAll(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("the blob " + sha256 + " cannot be read", e);
        }
    }

    private static Map<String, Object> describe(ArchiveRecord record) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("accessLevel", record.accessLevel());
        described.put("fileCode", record.fileCode());
        described.put("retentionYears", record.retentionYears());
        described.put("keywords", record.keywords());
        return described;
    }

    /** A file's bytes as read. */
    public record FileContent(String name, String mediaType, byte[] bytes) {
    }

    /** What the archive shows of a document without its content: its legal hold and its destruction, when it has them. */
    public record ArchiveDocument(UUID documentId, String senderOrganId, String senderDocumentId, List<String> recipientOrganIds,
                                  String codeNotation, String subject, Instant receivedAt, String state, String envelopeSha256,
                                  List<FileView> files, ArchiveRecord archive, LegalHolds.LegalHold legalHold,
                                  DocumentDestructions.Destruction destroyed) {
        public record FileView(int position, String name, String mediaType, long size, String sha256) {
        }
    }
}
