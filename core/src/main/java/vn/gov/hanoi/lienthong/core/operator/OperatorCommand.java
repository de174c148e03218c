package vn.gov.hanoi.lienthong.core.operator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A person's request to act on the flow, as it travels on the operator-actions queue: one id for the whole
 * request (the action's id in the database and the ledger), who asked, why, and on which deliveries.
 */
public record OperatorCommand(UUID actionId, String action, String person, String reason, Instant requestedAt,
                              List<UUID> deliveryIds) {

    public static final String REDRIVE = "REDRIVE";
    /** The queue the operators' commands travel on (the admin API sends, the operator-redrive stage consumes). */
    public static final String QUEUE = "lienthong.operator-actions";

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    public String encode() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static OperatorCommand decode(String text) {
        try {
            return JSON.readValue(text, OperatorCommand.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an operator command: " + e.getOriginalMessage(), e);
        }
    }
}
