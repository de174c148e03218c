package vn.gov.hanoi.lienthong.archive.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.archive.access.ArchiveReader;
import vn.gov.hanoi.lienthong.core.audit.AuditAction;
import vn.gov.hanoi.lienthong.core.audit.AuditTrail;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * Legal holds (a dispute, an inspection, a court's order): an archivist places one with its reason and releases it
 * with another; while it is placed, no destruction run destroys the document, whatever list it is on. Both acts are
 * in the audit trail.
 */
@Service
public class LegalHolds {

    private static final Logger LOG = LoggerFactory.getLogger(LegalHolds.class);

    private final JdbcClient jdbc;
    private final DocumentStore documents;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public LegalHolds(JdbcClient jdbc, DocumentStore documents, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    public LegalHold place(ArchiveReader archivist, UUID documentId, String reason) {
        archivist.requireArchivist();
        requireReason(reason);
        documents.find(documentId).orElseThrow(() -> RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, documentId));
        return transaction.execute(tx -> {
            Optional<LegalHold> placed = active(documentId);
            if (placed.isPresent()) return placed.get();
            Instant now = clock.instant();
            jdbc.sql("insert into legal_hold (document_id, reason, placed_by, placed_at) values (?, ?, ?, ?)")
                    .params(documentId, reason, archivist.username(), Timestamp.from(now)).update();
            audit.record(archivist.username(), archivist.roleList(), AuditAction.LEGAL_HOLD, documentId,
                    Map.of("hold", "placed", "reason", reason));
            LOG.info("Archivist {} placed a legal hold on document {}: {}", archivist.username(), documentId, reason);
            return active(documentId).orElseThrow();
        });
    }

    public void release(ArchiveReader archivist, UUID documentId, String reason) {
        archivist.requireArchivist();
        requireReason(reason);
        transaction.executeWithoutResult(tx -> {
            int released = jdbc.sql("""
                            update legal_hold set released_by = ?, released_at = ?, release_reason = ?
                            where document_id = ? and released_at is null""")
                    .params(archivist.username(), Timestamp.from(clock.instant()), reason, documentId).update();
            if (released == 0) {
                throw RefusedException.because(ReasonCode.REQUEST_INVALID, "document " + documentId + " is not on legal hold");
            }
            audit.record(archivist.username(), archivist.roleList(), AuditAction.LEGAL_HOLD, documentId,
                    Map.of("hold", "released", "reason", reason));
            LOG.info("Archivist {} released the legal hold on document {}: {}", archivist.username(), documentId, reason);
        });
    }

    public Optional<LegalHold> active(UUID documentId) {
        return jdbc.sql("select * from legal_hold where document_id = ? and released_at is null").param(documentId)
                .query((rs, n) -> new LegalHold(rs.getObject("document_id", UUID.class), rs.getString("reason"),
                        rs.getString("placed_by"), rs.getTimestamp("placed_at").toInstant()))
                .optional();
    }

    /** Of these documents, those on hold now (read in the caller's transaction). */
    List<UUID> heldAmong(List<UUID> documentIds) {
        if (documentIds.isEmpty()) return List.of();
        return jdbc.sql("select document_id from legal_hold where released_at is null and document_id = any(cast(string_to_array(?, ',') as uuid[]))")
                .param(String.join(",", documentIds.stream().map(UUID::toString).toList())).query(UUID.class).list();
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) throw RefusedException.because(ReasonCode.REQUEST_INVALID, "reason: required");
    }

    /** A hold as placed. */
    public record LegalHold(UUID documentId, String reason, String placedBy, Instant placedAt) {
    }
}
