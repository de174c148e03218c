package vn.gov.hanoi.lienthong.archive.retention;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/** Whether a document's content was destroyed, and by which list: what every reader of content asks first. */
@Component
public class DocumentDestructions {

    private final JdbcClient jdbc;

    public DocumentDestructions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Destruction> of(UUID documentId) {
        return jdbc.sql("select list_id, destroyed_at from document_destruction where document_id = ?").param(documentId)
                .query((rs, n) -> new Destruction(rs.getObject("list_id", UUID.class), rs.getTimestamp("destroyed_at").toInstant()))
                .optional();
    }

    /** Refuses ({@code DOCUMENT_DESTROYED}; the door logs the refusal) a read of a destroyed document's content. */
    public void refuseIfDestroyed(UUID documentId) {
        Optional<Destruction> destroyed = of(documentId);
        if (destroyed.isPresent()) {
            throw RefusedException.because(ReasonCode.DOCUMENT_DESTROYED, documentId, destroyed.get().listId());
        }
    }

    /** When and by which approved list. */
    public record Destruction(UUID listId, Instant destroyedAt) {
    }
}
