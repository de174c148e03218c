package vn.gov.hanoi.lienthong.core.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.gov.hanoi.lienthong.core.directory.Channel;
import vn.gov.hanoi.lienthong.core.events.LifecycleEventOutbox;
import vn.gov.hanoi.lienthong.core.policy.DeliveryPurpose;
import vn.gov.hanoi.lienthong.core.policy.Requirement;

/** Deliveries: one per (document, recipient). Callers hold the transaction. */
@Repository
public class DeliveryStore {

    private final JdbcClient jdbc;
    private final DocumentStore documents;
    private final LifecycleEventOutbox events;

    public DeliveryStore(JdbcClient jdbc, DocumentStore documents, LifecycleEventOutbox events) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.events = events;
    }

    /** Creates the delivery unless it exists (a repeated dispatch). */
    public void insertIfAbsent(UUID documentId, String recipientOrganId, Channel channel, DeliveryPurpose purpose,
                               Requirement requirement, String article, String note, String cause, Instant at) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into delivery (id, document_id, recipient_organ_id, channel, state, created_at, updated_at,
                                              purpose, paper_requirement, article, note)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (document_id, recipient_organ_id) do nothing""")
                .params(id, documentId, recipientOrganId, channel.name(), DeliveryState.QUEUED.name(),
                        Timestamp.from(at), Timestamp.from(at), purpose.name(), requirement.name(), article, note)
                .update();
        if (inserted == 1) {
            documents.recordTransition(documentId, id, null, DeliveryState.QUEUED.name(), cause, at);
            events.deliveryChanged(documentId, id, recipientOrganId, channel.name(), null, DeliveryState.QUEUED.name(), cause, at);
        }
    }

    public List<DeliveryRecord> forDocument(UUID documentId) {
        return jdbc.sql("select * from delivery where document_id = ? order by recipient_organ_id")
                .param(documentId).query(DeliveryStore::delivery).list();
    }

    public Optional<DeliveryRecord> find(UUID documentId, String recipientOrganId) {
        return jdbc.sql("select * from delivery where document_id = ? and recipient_organ_id = ?")
                .params(documentId, recipientOrganId).query(DeliveryStore::delivery).optional();
    }

    /** Reads a delivery and locks it until the transaction ends, so that two copies of its message never both send. */
    public Optional<DeliveryRecord> lock(UUID id) {
        return jdbc.sql("select * from delivery where id = ? for update").param(id).query(DeliveryStore::delivery).optional();
    }

    /**
     * @param attempts how many attempts the hand-over took (failed attempts roll back, so only the broker's
     *                 delivery count knows)
     */
    public void transition(DeliveryRecord delivery, DeliveryState to, int attempts, String cause, String error, Instant at) {
        // delivered_at: when the recipient's system had it, for the tracking and the reports' delivery times.
        jdbc.sql("update delivery set state = ?, attempts = ?, last_error = ?, updated_at = ?, "
                        + "delivered_at = case when ? then coalesce(delivered_at, ?) else delivered_at end where id = ?")
                .params(to.name(), attempts, error, Timestamp.from(at), to == DeliveryState.DELIVERED, Timestamp.from(at), delivery.id())
                .update();
        documents.recordTransition(delivery.documentId(), delivery.id(), delivery.state().name(), to.name(), cause, at);
        events.deliveryChanged(delivery.documentId(), delivery.id(), delivery.recipientOrganId(), delivery.channel().name(),
                delivery.state().name(), to.name(), cause, at);
    }

    /** The delivery the recipient's side acknowledged with this reference (a mailed letter's "smtp:<Message-ID>"). */
    public Optional<DeliveryRecord> findByAcknowledgement(String acknowledgement) {
        return jdbc.sql("select * from delivery where acknowledgement = ?").param(acknowledgement)
                .query(DeliveryStore::delivery).optional();
    }

    public void acknowledge(UUID deliveryId, String acknowledgement) {
        jdbc.sql("update delivery set acknowledgement = ? where id = ?").params(acknowledgement, deliveryId).update();
    }

    public List<UUID> documentsAvailableTo(String recipientOrganId, int limit) {
        return jdbc.sql("""
                        select document_id from delivery
                        where recipient_organ_id = ? and state = ?
                        order by updated_at limit ?""")
                .params(recipientOrganId, DeliveryState.AVAILABLE.name(), limit)
                .query(UUID.class).list();
    }

    private static DeliveryRecord delivery(ResultSet rs, int row) throws SQLException {
        return new DeliveryRecord(rs.getObject("id", UUID.class), rs.getObject("document_id", UUID.class),
                rs.getString("recipient_organ_id"), Channel.valueOf(rs.getString("channel")),
                DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getTimestamp("updated_at").toInstant(), DeliveryPurpose.valueOf(rs.getString("purpose")),
                rs.getString("paper_requirement") == null ? null : Requirement.valueOf(rs.getString("paper_requirement")),
                rs.getString("article"), rs.getString("note"), rs.getString("acknowledgement"));
    }
}
