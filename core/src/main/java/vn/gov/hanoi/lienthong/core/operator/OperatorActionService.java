package vn.gov.hanoi.lienthong.core.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;
import vn.gov.hanoi.lienthong.core.document.DeliveryRecord;
import vn.gov.hanoi.lienthong.core.document.DeliveryState;
import vn.gov.hanoi.lienthong.core.document.DeliveryStore;
import vn.gov.hanoi.lienthong.core.record.Ledger;

/**
 * Carries out an operator's command in one transaction: the action recorded once (by its id: a command the broker
 * delivers again changes nothing twice), each FAILED delivery it names queued again with the person and the
 * reason as its cause, an entry in each touched document's ledger, and the outbox messages that hand the
 * deliveries to their agencies' queues again. The deliver stage takes a delivery once, whatever the number of
 * messages for it, so the re-drive reaches the recipient once.
 */
@Service
public class OperatorActionService {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorActionService.class);

    private final JdbcTemplate jdbc;
    private final DeliveryStore deliveries;
    private final Ledger ledger;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public OperatorActionService(JdbcTemplate jdbc, DeliveryStore deliveries, Ledger ledger, TransactionTemplate transaction,
                                 Clock clock) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.ledger = ledger;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return the re-driven deliveries' messages for the outbox */
    public List<OutboxMessage> redrive(OperatorCommand command) {
        return transaction.execute(tx -> {
            Instant now = clock.instant();
            Map<String, Object> action = new java.util.LinkedHashMap<>();
            action.put("action", command.action());
            action.put("id", command.actionId().toString());
            action.put("person", command.person());
            action.put("reason", command.reason());
            action.put("requestedAt", command.requestedAt().toString());
            action.put("deliveries", command.deliveryIds().stream().map(UUID::toString).toList());
            // Kept as text, byte for byte: the ledger entries hold its SHA-256.
            String recorded = json(action);
            int inserted = jdbc.update("insert into operator_action (id, action, person, reason, requested_at, delivery_ids, details) "
                            + "values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing",
                    command.actionId(), command.action(), command.person(), command.reason(), Timestamp.from(command.requestedAt()),
                    command.deliveryIds().toArray(UUID[]::new), recorded);
            List<OutboxMessage> messages = new ArrayList<>();
            String event = "operator-action " + command.actionId();
            for (UUID deliveryId : command.deliveryIds()) {
                DeliveryRecord delivery = deliveries.lock(deliveryId).orElse(null);
                if (delivery == null) continue;
                boolean failed = delivery.state() == DeliveryState.FAILED;
                // Delivered again by the broker: the first run queued it; its message is sent again (taken once).
                boolean queuedByThisAction = inserted == 0 && delivery.state() == DeliveryState.QUEUED;
                if (!failed && !queuedByThisAction) continue;
                if (failed) {
                    deliveries.transition(delivery, DeliveryState.QUEUED, 0, "re-driven by " + command.person() + " (action "
                            + command.actionId() + "): " + command.reason(), null, now);
                    jdbc.update("update delivery set overdue_since = null, overdue_reason = null where id = ?", deliveryId);
                    ledger.append(delivery.documentId(), event, sha256(recorded), now);
                }
                messages.add(OutboxMessage.document(delivery.recipientOrganId(), delivery.documentId(), delivery.id()));
            }
            jdbc.update("update operator_action set done_at = coalesce(done_at, ?) where id = ?", Timestamp.from(now), command.actionId());
            if (inserted == 1) {
                LOG.info("Operator {} re-drove {} deliver{} (action {}): {}", command.person(), messages.size(),
                        messages.size() == 1 ? "y" : "ies", command.actionId(), command.reason());
            }
            return messages;
        });
    }

    /** An action as recorded: for the operator API and the audit. */
    public Map<String, Object> action(UUID id) {
        List<Map<String, Object>> found = jdbc.query("select id, action, person, reason, requested_at, done_at, delivery_ids "
                + "from operator_action where id = ?", (row, n) -> {
            Map<String, Object> action = new java.util.LinkedHashMap<>();
            action.put("id", row.getObject(1, UUID.class));
            action.put("action", row.getString(2));
            action.put("person", row.getString(3));
            action.put("reason", row.getString(4));
            action.put("requestedAt", row.getTimestamp(5).toInstant());
            action.put("doneAt", row.getTimestamp(6) == null ? null : row.getTimestamp(6).toInstant());
            action.put("deliveryIds", List.of((Object[]) row.getArray(7).getArray()));
            return action;
        }, id);
        return found.isEmpty() ? null : found.get(0);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
