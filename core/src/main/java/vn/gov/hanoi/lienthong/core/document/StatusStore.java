package vn.gov.hanoi.lienthong.core.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.gov.hanoi.lienthong.core.events.LifecycleEventOutbox;
import vn.gov.hanoi.lienthong.core.refusal.Reason;

/** Statuses about documents, from recipients and from the hub. Callers hold the transaction. */
@Repository
public class StatusStore {

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final LifecycleEventOutbox events;

    public StatusStore(JdbcClient jdbc, ObjectMapper json, LifecycleEventOutbox events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /**
     * Records a status unless the same one (document, organ, code, time reported) is there already.
     *
     * @return the id of the status, and whether this call inserted it
     */
    public Insertion insertIfAbsent(UUID documentId, String organId, String statusCode, String description,
                                    List<Reason> reasons, Instant reportedAt, Instant recordedAt) {
        return insertIfAbsent(documentId, organId, statusCode, description, reasons, reportedAt, recordedAt, null);
    }

    /** @param messageSha256 the status message as the recipient's system sent it, in the blob store (null: none kept) */
    public Insertion insertIfAbsent(UUID documentId, String organId, String statusCode, String description,
                                    List<Reason> reasons, Instant reportedAt, Instant recordedAt, String messageSha256) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into status_event (id, document_id, organ_id, status_code, description, reasons,
                                                  reported_at, recorded_at, message_sha256)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
                        on conflict (document_id, organ_id, status_code, reported_at) do nothing""")
                .params(id, documentId, organId, statusCode, description, toJson(reasons),
                        Timestamp.from(reportedAt), Timestamp.from(recordedAt), messageSha256)
                .update();
        if (inserted == 1) {
            events.statusRecorded(documentId, id, organId, statusCode, reportedAt, recordedAt);
            return new Insertion(id, true);
        }
        UUID existing = jdbc.sql("""
                        select id from status_event
                        where document_id = ? and organ_id = ? and status_code = ? and reported_at = ?""")
                .params(documentId, organId, statusCode, Timestamp.from(reportedAt))
                .query(UUID.class).single();
        return new Insertion(existing, false);
    }

    public List<StatusRecord> forDocument(UUID documentId) {
        return jdbc.sql("select * from status_event where document_id = ? order by recorded_at, reported_at")
                .param(documentId).query(this::status).list();
    }

    public List<StatusRecord> notForwardedFrom(UUID documentId, String organId) {
        return jdbc.sql("select * from status_event where document_id = ? and organ_id = ? and forwarded_at is null")
                .params(documentId, organId).query(this::status).list();
    }

    public Optional<StatusRecord> lock(UUID id) {
        return jdbc.sql("select * from status_event where id = ? for update").param(id).query(this::status).optional();
    }

    public void markForwarded(UUID id, Instant at) {
        jdbc.sql("update status_event set forwarded_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    private String toJson(List<Reason> reasons) {
        if (reasons == null || reasons.isEmpty()) return null;
        try {
            return json.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private StatusRecord status(ResultSet rs, int row) throws SQLException {
        String reasons = rs.getString("reasons");
        Timestamp forwarded = rs.getTimestamp("forwarded_at");
        try {
            return new StatusRecord(rs.getObject("id", UUID.class), rs.getObject("document_id", UUID.class),
                    rs.getString("organ_id"), rs.getString("status_code"), rs.getString("description"),
                    reasons == null ? List.of() : json.readValue(reasons, REASONS),
                    rs.getTimestamp("reported_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
                    forwarded == null ? null : forwarded.toInstant());
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable reasons of status " + rs.getString("id"), e);
        }
    }

    public record Insertion(UUID id, boolean inserted) {
    }
}
