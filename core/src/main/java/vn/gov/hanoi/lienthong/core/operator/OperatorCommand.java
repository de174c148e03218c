package vn.gov.hanoi.lienthong.core.operator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A person's request to act on the flow, as it travels on the operator-actions queue: one id for the whole
 * request (the action's id in the database and the ledger), who asked, why, and on which deliveries or which
 * agency.
 *
 * @param organId the agency a SUSPEND or REACTIVATE is about; null for the others
 */
public record OperatorCommand(UUID actionId, String action, String person, String reason, Instant requestedAt,
                              List<UUID> deliveryIds, String organId) {

    /** A FAILED delivery queued for its agency again. */
    public static final String REDRIVE = "REDRIVE";
    /** A delivery not arrived withdrawn: CANCELLED, the sender told. */
    public static final String CANCEL = "CANCEL";
    /** A document sent once more to one recipient, whatever became of its delivery (not while it is on its way). */
    public static final String RESEND = "RESEND";
    /** An agency's system refused at the door and its deliveries held in its queue. */
    public static final String SUSPEND = "SUSPEND";
    public static final String REACTIVATE = "REACTIVATE";
    /** The agency directory read again from its file. */
    public static final String RELOAD_DIRECTORY = "RELOAD_DIRECTORY";

    public OperatorCommand {
        deliveryIds = deliveryIds == null ? List.of() : List.copyOf(deliveryIds);
    }

    public boolean aboutDeliveries() {
        return REDRIVE.equals(action) || CANCEL.equals(action) || RESEND.equals(action);
    }
    /** The queue the operators' commands travel on (the admin API sends, the operator-act stage consumes). */
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
