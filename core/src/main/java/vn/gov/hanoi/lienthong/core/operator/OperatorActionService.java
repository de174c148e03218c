package vn.gov.hanoi.lienthong.core.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;
import vn.gov.hanoi.lienthong.core.document.DeliveryRecord;
import vn.gov.hanoi.lienthong.core.document.DeliveryState;
import vn.gov.hanoi.lienthong.core.document.DeliveryStore;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.document.StatusStore;
import vn.gov.hanoi.lienthong.core.record.Ledger;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.status.SenderNotices;
import vn.gov.hanoi.lienthong.core.status.StatusCodes;

/**
 * Carries out an operator's command in one transaction: the action recorded once (by its id: a command the broker
 * delivers again changes nothing twice), each delivery or the agency it names changed with the person and the
 * reason as its cause, and an entry in the ledger — of each touched document, or of the hub itself for an action on
 * an agency or the directory — holding the SHA-256 of the action as recorded. What must then leave (deliveries
 * queued again, notices to senders) is returned for the outbox. The deliver stage takes a delivery once, whatever
 * the number of messages for it, so a re-drive or a resend reaches the recipient once.
 */
@Service
public class OperatorActionService {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorActionService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param toQueue        what the outbox sends: deliveries queued again, statuses to senders
     * @param touched        the deliveries acted on, whose copies leave their agencies' failed queues
     */
    public record Outcome(List<OutboxMessage> toQueue, List<OutboxMessage> touched) {
    }

    private final JdbcTemplate jdbc;
    private final DocumentStore documents;
    private final DeliveryStore deliveries;
    private final StatusStore statuses;
    private final SenderNotices notices;
    private final Ledger ledger;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String hubOrganId;
    private final vn.gov.hanoi.lienthong.core.audit.AuditTrail audit;

    public OperatorActionService(JdbcTemplate jdbc, DocumentStore documents, DeliveryStore deliveries, StatusStore statuses,
                                 SenderNotices notices, Ledger ledger, TransactionTemplate transaction, Clock clock,
                                 HubSettings settings, vn.gov.hanoi.lienthong.core.audit.AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.documents = documents;
        this.deliveries = deliveries;
        this.statuses = statuses;
        this.notices = notices;
        this.ledger = ledger;
        this.transaction = transaction;
        this.clock = clock;
        this.hubOrganId = settings.organId();
    }

    public Outcome carryOut(OperatorCommand command) {
        return transaction.execute(tx -> {
            Instant now = clock.instant();
            // Kept as text, byte for byte: the ledger entries hold its SHA-256.
            String recorded = json(asRecorded(command));
            boolean first = jdbc.update("insert into operator_action (id, action, person, reason, requested_at, delivery_ids, "
                            + "organ_id, details) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing",
                    command.actionId(), command.action(), command.person(), command.reason(), Timestamp.from(command.requestedAt()),
                    command.deliveryIds().toArray(UUID[]::new), command.organId(), recorded) == 1;
            Outcome outcome = command.aboutDeliveries() ? onDeliveries(command, first, recorded, now)
                    : onTheHub(command, first, recorded, now);
            jdbc.update("update operator_action set done_at = coalesce(done_at, ?) where id = ?", Timestamp.from(now), command.actionId());
            if (first) {
                // An administrative change, in the audit trail in the action's own transaction.
                Map<String, Object> detail = new java.util.LinkedHashMap<>();
                detail.put("action", command.action());
                detail.put("actionId", command.actionId().toString());
                detail.put("reason", command.reason());
                detail.put("organId", command.organId());
                detail.put("deliveries", command.deliveryIds().size());
                audit.record(command.person(), List.of(), vn.gov.hanoi.lienthong.core.audit.AuditAction.ADMINISTER, null, detail);
                LOG.info("Operator {}: {} {} (action {}): {}", command.person(), command.action(),
                        command.aboutDeliveries() ? outcome.touched().size() + " deliver" + (outcome.touched().size() == 1 ? "y" : "ies")
                                : command.organId() == null ? "the directory" : command.organId(),
                        command.actionId(), command.reason());
            }
            return outcome;
        });
    }

    /** What a directory reload found, kept with its action. */
    public void recordOutcome(UUID actionId, Map<String, Object> outcome) {
        jdbc.update("update operator_action set outcome = ? where id = ?", json(outcome), actionId);
    }

    private Outcome onDeliveries(OperatorCommand command, boolean first, String recorded, Instant now) {
        List<OutboxMessage> toQueue = new ArrayList<>();
        List<OutboxMessage> touched = new ArrayList<>();
        String event = "operator-action " + command.actionId();
        String cause = causeOf(command);
        for (UUID deliveryId : command.deliveryIds()) {
            DeliveryRecord delivery = deliveries.lock(deliveryId).orElse(null);
            if (delivery == null) continue;
            OutboxMessage message = OutboxMessage.document(delivery.recipientOrganId(), delivery.documentId(), delivery.id());
            boolean changed = switch (command.action()) {
                case OperatorCommand.REDRIVE -> requeue(delivery, delivery.state() == DeliveryState.FAILED, cause, now);
                case OperatorCommand.RESEND -> requeue(delivery, resendable(delivery.state()), cause, now);
                case OperatorCommand.CANCEL -> cancel(delivery, command, cause, now);
                default -> throw new IllegalArgumentException("not an action on deliveries: " + command.action());
            };
            // Delivered again by the broker: the first run changed it and its messages are made again (taken once).
            boolean changedByThisAction = changed || !first && delivery.state() == (OperatorCommand.CANCEL.equals(command.action())
                    ? DeliveryState.CANCELLED : DeliveryState.QUEUED);
            if (!changedByThisAction) continue;
            if (changed) ledger.append(delivery.documentId(), event, sha256(recorded), now);
            touched.add(message);
            if (OperatorCommand.CANCEL.equals(command.action())) {
                toQueue.addAll(notices.pending(documents.find(delivery.documentId()).orElseThrow(), hubOrganId));
            } else {
                toQueue.add(message);
            }
        }
        return new Outcome(toQueue, touched);
    }

    private Outcome onTheHub(OperatorCommand command, boolean first, String recorded, Instant now) {
        switch (command.action()) {
            case OperatorCommand.SUSPEND -> jdbc.update("insert into agency_suspension (organ_id, action_id, person, reason, "
                            + "suspended_at) values (?, ?, ?, ?, ?) on conflict (organ_id) do nothing",
                    command.organId(), command.actionId(), command.person(), command.reason(), Timestamp.from(now));
            case OperatorCommand.REACTIVATE -> {
                if (first) jdbc.update("delete from agency_suspension where organ_id = ?", command.organId());
            }
            case OperatorCommand.RELOAD_DIRECTORY -> {
                // The route reloads the file once this is committed, and records what it found (recordOutcome).
            }
            default -> throw new IllegalArgumentException("not an action on the hub: " + command.action());
        }
        ledger.append(Ledger.HUB_ITSELF, "operator-action " + command.actionId(), sha256(recorded), now);
        return new Outcome(List.of(), List.of());
    }

    private boolean requeue(DeliveryRecord delivery, boolean allowed, String cause, Instant now) {
        if (!allowed) return false;
        deliveries.transition(delivery, DeliveryState.QUEUED, 0, cause, null, now);
        // The watchdog counts its deadline from now.
        jdbc.update("update delivery set overdue_since = null, overdue_reason = null where id = ?", delivery.id());
        return true;
    }

    private boolean cancel(DeliveryRecord delivery, OperatorCommand command, String cause, Instant now) {
        if (!cancellable(delivery.state())) return false;
        deliveries.transition(delivery, DeliveryState.CANCELLED, delivery.attempts(), cause, null, now);
        jdbc.update("update delivery set overdue_since = null, overdue_reason = null where id = ?", delivery.id());
        // The sender is told as it is told of a failure: a status from the hub, with the reason.
        statuses.insertIfAbsent(delivery.documentId(), hubOrganId, StatusCodes.REFUSED, "Đã hủy chuyển văn bản",
                List.of(ReasonCode.DELIVERY_CANCELLED.with(delivery.recipientOrganId(), command.reason())), now, now);
        return true;
    }

    /** Whether an operator may send the document to this recipient again: not while it is on its way. */
    public static boolean resendable(DeliveryState state) {
        return state == DeliveryState.DELIVERED || state == DeliveryState.FAILED || state == DeliveryState.CANCELLED;
    }

    /** Whether an operator may withdraw the delivery: not once it has arrived, nor twice. */
    public static boolean cancellable(DeliveryState state) {
        return state == DeliveryState.QUEUED || state == DeliveryState.AVAILABLE || state == DeliveryState.FAILED;
    }

    private static String causeOf(OperatorCommand command) {
        String done = switch (command.action()) {
            case OperatorCommand.REDRIVE -> "re-driven";
            case OperatorCommand.RESEND -> "resent";
            case OperatorCommand.CANCEL -> "cancelled";
            default -> command.action().toLowerCase(java.util.Locale.ROOT);
        };
        return done + " by " + command.person() + " (action " + command.actionId() + "): " + command.reason();
    }

    private static Map<String, Object> asRecorded(OperatorCommand command) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action", command.action());
        action.put("id", command.actionId().toString());
        action.put("person", command.person());
        action.put("reason", command.reason());
        action.put("requestedAt", command.requestedAt().toString());
        action.put("deliveries", command.deliveryIds().stream().map(UUID::toString).toList());
        if (command.organId() != null) action.put("organId", command.organId());
        return action;
    }

    /** An action as recorded: for the operator API and the audit. */
    public Map<String, Object> action(UUID id) {
        List<Map<String, Object>> found = jdbc.query("select id, action, person, reason, requested_at, done_at, delivery_ids, "
                + "organ_id, outcome from operator_action where id = ?", (row, n) -> actionRow(row), id);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The latest actions, newest first: for the operator page. */
    public List<Map<String, Object>> latest(int limit) {
        return jdbc.query("select id, action, person, reason, requested_at, done_at, delivery_ids, organ_id, outcome "
                + "from operator_action order by requested_at desc limit ?", (row, n) -> actionRow(row), limit);
    }

    private static Map<String, Object> actionRow(java.sql.ResultSet row) throws java.sql.SQLException {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("id", row.getObject(1, UUID.class));
        action.put("action", row.getString(2));
        action.put("person", row.getString(3));
        action.put("reason", row.getString(4));
        action.put("requestedAt", row.getTimestamp(5).toInstant());
        action.put("doneAt", row.getTimestamp(6) == null ? null : row.getTimestamp(6).toInstant());
        action.put("deliveryIds", List.of((Object[]) row.getArray(7).getArray()));
        action.put("organId", row.getString(8));
        action.put("outcome", row.getString(9) == null ? null : readJson(row.getString(9)));
        return action;
    }

    private static Object readJson(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
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
