package vn.gov.hanoi.lienthong.core.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes a lifecycle event for every state change, in the caller's transaction: the change and its event commit
 * together or not at all, so a crash can neither lose an event nor publish one for a change that did not happen.
 * Nothing is written when the events channel is off (the embedded default): the outbox would only grow.
 * The event types and their data are described by {@code schemas/events/lifecycle-event-v1.schema.json}.
 */
@Repository
public class LifecycleEventOutbox {

    public static final String DOCUMENT_STATE_CHANGED = "vn.gov.hanoi.lienthong.document.state-changed";
    public static final String DELIVERY_STATE_CHANGED = "vn.gov.hanoi.lienthong.delivery.state-changed";
    public static final String STATUS_RECORDED = "vn.gov.hanoi.lienthong.status.recorded";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final boolean enabled;

    public LifecycleEventOutbox(JdbcClient jdbc, ObjectMapper json,
                                @Value("${hub.events.kafka.enabled:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.json = json;
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** A document received: its parties and its numbers, what reporting consumers count by. */
    public void documentReceived(UUID documentId, String senderOrganId, String senderDocumentId, List<String> recipientOrganIds,
                                 String codeNotation, String cause, Instant at) {
        if (!enabled) return;
        Map<String, Object> data = transition(documentId, null, "RECEIVED", cause);
        data.put("senderOrganId", senderOrganId);
        data.put("senderDocumentId", senderDocumentId);
        data.put("recipientOrganIds", recipientOrganIds);
        if (codeNotation != null) data.put("codeNotation", codeNotation);
        append(documentId, DOCUMENT_STATE_CHANGED, data, at);
    }

    public void documentChanged(UUID documentId, String from, String to, String cause, Instant at) {
        if (!enabled) return;
        append(documentId, DOCUMENT_STATE_CHANGED, transition(documentId, from, to, cause), at);
    }

    public void deliveryChanged(UUID documentId, UUID deliveryId, String recipientOrganId, String channel, String from,
                                String to, String cause, Instant at) {
        if (!enabled) return;
        Map<String, Object> data = transition(documentId, from, to, cause);
        data.put("deliveryId", deliveryId.toString());
        data.put("recipientOrganId", recipientOrganId);
        data.put("channel", channel);
        append(documentId, DELIVERY_STATE_CHANGED, data, at);
    }

    public void statusRecorded(UUID documentId, UUID statusId, String organId, String statusCode, Instant reportedAt,
                               Instant recordedAt) {
        if (!enabled) return;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("documentId", documentId.toString());
        data.put("statusId", statusId.toString());
        data.put("organId", organId);
        data.put("statusCode", statusCode);
        data.put("reportedAt", reportedAt.toString());
        append(documentId, STATUS_RECORDED, data, recordedAt);
    }

    private static Map<String, Object> transition(UUID documentId, String from, String to, String cause) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("documentId", documentId.toString());
        data.put("fromState", from);
        data.put("toState", to);
        data.put("cause", cause);
        return data;
    }

    private void append(UUID documentId, String type, Map<String, Object> data, Instant at) {
        try {
            jdbc.sql("insert into lifecycle_event (id, document_id, type, data, occurred_at) values (?, ?, ?, cast(? as jsonb), ?)")
                    .params(UUID.randomUUID(), documentId, type, json.writeValueAsString(data), Timestamp.from(at))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
