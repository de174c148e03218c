package vn.gov.hanoi.lienthong.core.document;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.gov.hanoi.lienthong.core.events.LifecycleEventOutbox;

/** Documents, their attachments and their state transitions. Callers hold the transaction. */
@Repository
public class DocumentStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final LifecycleEventOutbox events;

    public DocumentStore(JdbcClient jdbc, ObjectMapper json, LifecycleEventOutbox events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    public void saveValidationReport(UUID id, ValidationReport report) {
        try {
            jdbc.sql("update document set validation_report = cast(? as jsonb) where id = ?")
                    .params(json.writeValueAsString(report), id).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<ValidationReport> validationReport(UUID id) {
        String report = jdbc.sql("select validation_report from document where id = ?").param(id)
                .query(String.class).optional().orElse(null);
        if (report == null) return Optional.empty();
        try {
            return Optional.of(json.readValue(report, ValidationReport.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable validation report of " + id, e);
        }
    }

    /** Inserts a new document unless this sender already sent this document id (and it was not rejected); true when inserted. */
    public boolean insertReceived(DocumentRecord document, List<AttachmentRecord> attachments, String cause,
                                  String sourceReference) {
        int inserted = jdbc.sql("""
                        insert into document (id, sender_organ_id, sender_document_id, recipient_organ_ids, subject,
                                              code_notation, envelope_sha256, envelope_size, state, received_at, updated_at,
                                              source_ref)
                        values (:id, :sender, :senderDocumentId, :recipients, :subject, :notation, :envelopeSha256,
                                :envelopeSize, :state, :receivedAt, :receivedAt, :sourceRef)
                        on conflict (sender_organ_id, sender_document_id) where state <> 'REJECTED' do nothing""")
                .param("id", document.id())
                .param("sender", document.senderOrganId())
                .param("senderDocumentId", document.senderDocumentId())
                .param("recipients", document.recipientOrganIds().toArray(String[]::new))
                .param("subject", document.subject())
                .param("notation", document.codeNotation())
                .param("envelopeSha256", document.envelopeSha256())
                .param("envelopeSize", document.envelopeSize())
                .param("state", DocumentState.RECEIVED.name())
                .param("receivedAt", Timestamp.from(document.receivedAt()))
                .param("sourceRef", sourceReference)
                .update();
        if (inserted == 0) return false;
        for (AttachmentRecord attachment : attachments) {
            jdbc.sql("""
                            insert into attachment (document_id, position, content_id, name, media_type, size, sha256)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(document.id(), attachment.position(), attachment.contentId(), attachment.name(),
                            attachment.mediaType(), attachment.size(), attachment.sha256())
                    .update();
        }
        recordTransition(document.id(), null, null, DocumentState.RECEIVED.name(), cause, document.receivedAt());
        events.documentReceived(document.id(), document.senderOrganId(), document.senderDocumentId(),
                document.recipientOrganIds(), document.codeNotation(), cause, document.receivedAt());
        return true;
    }

    public Optional<DocumentRecord> find(UUID id) {
        return jdbc.sql("select * from document where id = ?").param(id).query(DocumentStore::document).optional();
    }

    /** The document a channel took from the carrier it names (see IncomingDocument#sourceReference), in any state. */
    public Optional<DocumentRecord> findBySourceReference(String sourceReference) {
        return jdbc.sql("select * from document where source_ref = ?").param(sourceReference)
                .query(DocumentStore::document).optional();
    }

    /** The document this sender sent under this id, unless it was rejected (a rejected document may be sent again). */
    public Optional<DocumentRecord> findBySender(String senderOrganId, String senderDocumentId) {
        return jdbc.sql("select * from document where sender_organ_id = ? and sender_document_id = ? and state <> 'REJECTED'")
                .params(senderOrganId, senderDocumentId)
                .query(DocumentStore::document).optional();
    }

    /** Reads a document and locks it until the transaction ends: one stage at a time per document. */
    public Optional<DocumentRecord> lock(UUID id) {
        return jdbc.sql("select * from document where id = ? for update").param(id).query(DocumentStore::document).optional();
    }

    /** Documents taken in and not yet through the pipeline: received, accepted or recorded, not yet dispatched. */
    public long countInPipeline() {
        return jdbc.sql("select count(*) from document where state in ('RECEIVED', 'ACCEPTED', 'RECORDED')")
                .query(Long.class).single();
    }

    public List<UUID> idsInState(DocumentState state) {
        return jdbc.sql("select id from document where state = ? order by received_at")
                .param(state.name()).query(UUID.class).list();
    }

    public void transition(UUID id, DocumentState from, DocumentState to, String cause, Instant at) {
        int updated = jdbc.sql("update document set state = ?, updated_at = ? where id = ? and state = ?")
                .params(to.name(), Timestamp.from(at), id, from.name())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("document " + id + " is not in state " + from + "; cannot move it to " + to);
        }
        recordTransition(id, null, from.name(), to.name(), cause, at);
        events.documentChanged(id, from.name(), to.name(), cause, at);
    }

    public List<AttachmentRecord> attachments(UUID documentId) {
        return jdbc.sql("select * from attachment where document_id = ? order by position")
                .param(documentId)
                .query((rs, n) -> new AttachmentRecord(rs.getInt("position"), rs.getString("content_id"),
                        rs.getString("name"), rs.getString("media_type"), rs.getLong("size"), rs.getString("sha256")))
                .list();
    }

    void recordTransition(UUID documentId, UUID deliveryId, String from, String to, String cause, Instant at) {
        jdbc.sql("insert into state_transition (document_id, delivery_id, from_state, to_state, cause, at) values (?, ?, ?, ?, ?, ?)")
                .params(documentId, deliveryId, from, to, cause, Timestamp.from(at))
                .update();
    }

    private static DocumentRecord document(ResultSet rs, int row) throws SQLException {
        Array recipients = rs.getArray("recipient_organ_ids");
        return new DocumentRecord(rs.getObject("id", UUID.class), rs.getString("sender_organ_id"),
                rs.getString("sender_document_id"), Arrays.asList((String[]) recipients.getArray()),
                rs.getString("subject"), rs.getString("code_notation"), rs.getString("envelope_sha256"),
                rs.getLong("envelope_size"), DocumentState.valueOf(rs.getString("state")),
                rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
