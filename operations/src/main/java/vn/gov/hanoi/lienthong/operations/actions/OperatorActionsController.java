package vn.gov.hanoi.lienthong.operations.actions;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.operator.OperatorActionService;
import vn.gov.hanoi.lienthong.core.operator.OperatorCommand;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * The operators' actions on the flow, under /api/v1/admin (a person with the operator role; agency systems never).
 * Each takes a reason, is answered 202 with the action's id once its command is on the durable operator-actions
 * queue, and is carried out by that stage (OperatorActionRoute): recorded with the person's name, in the ledger
 * of every document it touched. GET …/actions/{id} shows it.
 */
@RestController
@RequestMapping("/api/v1/admin")
public class OperatorActionsController {

    public record ActionRequest(String reason) {
    }

    private final JmsTemplate jms;
    private final JdbcTemplate jdbc;
    private final AgencyDirectory directory;
    private final OperatorActionService actions;
    private final Clock clock;

    public OperatorActionsController(JmsTemplate jms, JdbcTemplate jdbc, AgencyDirectory directory,
                                     OperatorActionService actions, Clock clock) {
        this.jms = jms;
        this.jdbc = jdbc;
        this.directory = directory;
        this.actions = actions;
        this.clock = clock;
    }

    /** Re-drive one FAILED delivery: it is queued for its agency again. */
    @PostMapping("/deliveries/{deliveryId}/redrive")
    public ResponseEntity<Map<String, Object>> redrive(@PathVariable UUID deliveryId, @RequestBody(required = false) ActionRequest request,
                                                       Authentication person) {
        String reason = reasonOf(request);
        List<String> state = jdbc.queryForList("select state from delivery where id = ?", String.class, deliveryId);
        if (state.isEmpty()) throw RefusedException.because(ReasonCode.DELIVERY_NOT_FOUND, deliveryId);
        if (!"FAILED".equals(state.get(0))) throw RefusedException.because(ReasonCode.DELIVERY_NOT_FAILED, deliveryId, state.get(0));
        return accepted(person, reason, List.of(deliveryId));
    }

    /** Re-drive every FAILED delivery of one agency. */
    @PostMapping("/agencies/{organId}/failed-deliveries/redrive")
    public ResponseEntity<Map<String, Object>> redriveAgency(@PathVariable String organId,
                                                             @RequestBody(required = false) ActionRequest request,
                                                             Authentication person) {
        String reason = reasonOf(request);
        if (directory.byOrganId(organId).isEmpty()) throw RefusedException.because(ReasonCode.UNKNOWN_RECIPIENT, organId);
        List<UUID> failed = jdbc.queryForList("select id from delivery where recipient_organ_id = ? and state = 'FAILED' "
                + "order by updated_at", UUID.class, organId);
        return accepted(person, reason, failed);
    }

    @GetMapping("/actions/{actionId}")
    public ResponseEntity<Map<String, Object>> action(@PathVariable UUID actionId) {
        Map<String, Object> action = actions.action(actionId);
        return action == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(action);
    }

    private ResponseEntity<Map<String, Object>> accepted(Authentication person, String reason, List<UUID> deliveryIds) {
        OperatorCommand command = new OperatorCommand(UUID.randomUUID(), OperatorCommand.REDRIVE, person.getName(), reason,
                clock.instant(), deliveryIds);
        jms.convertAndSend(OperatorCommand.QUEUE, command.encode());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("actionId", command.actionId(),
                "deliveries", deliveryIds.size(), "href", "/api/v1/admin/actions/" + command.actionId()));
    }

    private static String reasonOf(ActionRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw RefusedException.because(ReasonCode.ACTION_REASON_REQUIRED);
        }
        return request.reason().strip();
    }
}
