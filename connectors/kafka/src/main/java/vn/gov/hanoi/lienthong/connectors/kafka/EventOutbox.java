package vn.gov.hanoi.lienthong.connectors.kafka;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publisher's side of the lifecycle-event outbox (written by core's LifecycleEventOutbox): events taken in
 * the order they were written, marked attempted before they are handed to Kafka and published once Kafka has
 * them. Each method is its own transaction: the attempt mark must be durable before the send.
 */
@Repository
public class EventOutbox {

    static final String SCHEMA = "urn:vn:gov:hanoi:lienthong:events:lifecycle:v1";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String source;

    public EventOutbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock, TransactionTemplate transaction,
                       @Value("${hub.organ-id:000.00.99.H26}") String hubOrganId) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        this.source = "urn:vn:gov:hanoi:lienthong:" + hubOrganId;
    }

    /** The events handed to Kafka by a pass that never learnt whether Kafka took them (a crash, a timeout). */
    public List<PendingEvent> unconfirmed() {
        return jdbc.query("select * from lifecycle_event where published_at is null and attempted_at is not null order by position",
                this::event);
    }

    /**
     * The next events to send, numbered in the order they are to be sent and marked attempted. Only events of
     * transactions older than any still running: a transaction that has not committed yet can then never add an
     * event before one taken here. An event released after a failed send keeps its number and goes first.
     */
    public List<PendingEvent> claim(int limit) {
        return transaction.execute(tx -> {
            List<long[]> next = jdbc.query("""
                    select seq, coalesce(position, 0) from lifecycle_event
                    where published_at is null and attempted_at is null
                      and txid < pg_snapshot_xmin(pg_current_snapshot())
                    order by position nulls last, txid, seq
                    limit ?
                    for update""", (row, n) -> new long[] {row.getLong(1), row.getLong(2)}, limit);
            if (next.isEmpty()) return List.of();
            Timestamp now = Timestamp.from(clock.instant());
            // One statement per event, in the order they go: the numbers follow that order.
            jdbc.batchUpdate("update lifecycle_event set attempted_at = ?, "
                            + "position = case when position is null then nextval('lifecycle_event_position') else position end "
                            + "where seq = ?",
                    next.stream().map(event -> new Object[] {now, event[0]}).toList());
            return jdbc.query("select * from lifecycle_event where seq = any(?) order by position", this::event,
                    (Object) next.stream().map(event -> event[0]).toArray(Long[]::new));
        });
    }

    public void published(Collection<UUID> ids) {
        if (ids.isEmpty()) return;
        jdbc.update("update lifecycle_event set published_at = ? where id = any(?)", Timestamp.from(clock.instant()),
                ids.toArray(UUID[]::new));
    }

    /** Kafka does not have these: sent again, first, by the next pass. */
    public void release(Collection<UUID> ids) {
        if (ids.isEmpty()) return;
        jdbc.update("update lifecycle_event set attempted_at = null where id = any(?) and published_at is null",
                (Object) ids.toArray(UUID[]::new));
    }

    public long waiting() {
        Long count = jdbc.queryForObject("select count(*) from lifecycle_event where published_at is null", Long.class);
        return count == null ? 0 : count;
    }

    /** The CloudEvents 1.0 structured form (schemas/events/lifecycle-event-v1.schema.json). */
    private PendingEvent event(ResultSet row, int n) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        UUID documentId = row.getObject("document_id", UUID.class);
        long position = row.getLong("position");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id.toString());
        event.put("source", source);
        event.put("type", row.getString("type"));
        event.put("subject", documentId.toString());
        event.put("time", row.getTimestamp("occurred_at").toInstant().toString());
        event.put("datacontenttype", "application/json");
        event.put("dataschema", SCHEMA);
        event.put("sequence", Long.toString(position));
        try {
            event.put("data", json.readTree(row.getString("data")));
            return new PendingEvent(position, id, documentId, json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new SQLException("lifecycle event " + id + " is unreadable", e);
        }
    }
}
