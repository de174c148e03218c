package vn.gov.hanoi.lienthong.operations.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.gov.hanoi.lienthong.core.operator.OperatorActionService;
import vn.gov.hanoi.lienthong.core.operator.OperatorCommand;

/**
 * The operators' actions, under /api/v1/admin (a person with the operator role; agency systems never): re-drive,
 * cancel, resend a delivery; re-drive an agency's failed deliveries; suspend and reactivate an agency; reload the
 * directory. Each takes a reason, is answered 202 with the action's id once its command is on the durable
 * operator-actions queue ({@link OperatorActions}), and is carried out by that stage (OperatorActionRoute):
 * recorded with the person's name, in the ledger of every document it touched (of the hub itself for an agency or
 * the directory). GET …/actions/{id} shows it.
 */
@RestController
@RequestMapping("/api/v1/admin")
public class OperatorActionsController {

    public record ActionRequest(String reason) {
    }

    private final OperatorActions requests;
    private final OperatorActionService actions;

    public OperatorActionsController(OperatorActions requests, OperatorActionService actions) {
        this.requests = requests;
        this.actions = actions;
    }

    @PostMapping("/deliveries/{deliveryId}/redrive")
    public ResponseEntity<Map<String, Object>> redrive(@PathVariable UUID deliveryId, @RequestBody(required = false) ActionRequest request,
                                                       Authentication person) {
        return accepted(requests.redrive(person.getName(), deliveryId, reasonOf(request)));
    }

    @PostMapping("/deliveries/{deliveryId}/cancel")
    public ResponseEntity<Map<String, Object>> cancel(@PathVariable UUID deliveryId, @RequestBody(required = false) ActionRequest request,
                                                      Authentication person) {
        return accepted(requests.cancel(person.getName(), deliveryId, reasonOf(request)));
    }

    @PostMapping("/deliveries/{deliveryId}/resend")
    public ResponseEntity<Map<String, Object>> resend(@PathVariable UUID deliveryId, @RequestBody(required = false) ActionRequest request,
                                                      Authentication person) {
        return accepted(requests.resend(person.getName(), deliveryId, reasonOf(request)));
    }

    @PostMapping("/agencies/{organId}/failed-deliveries/redrive")
    public ResponseEntity<Map<String, Object>> redriveAgency(@PathVariable String organId,
                                                             @RequestBody(required = false) ActionRequest request,
                                                             Authentication person) {
        return accepted(requests.redriveAgency(person.getName(), organId, reasonOf(request)));
    }

    @PostMapping("/agencies/{organId}/suspend")
    public ResponseEntity<Map<String, Object>> suspend(@PathVariable String organId, @RequestBody(required = false) ActionRequest request,
                                                       Authentication person) {
        return accepted(requests.suspend(person.getName(), organId, reasonOf(request)));
    }

    @PostMapping("/agencies/{organId}/reactivate")
    public ResponseEntity<Map<String, Object>> reactivate(@PathVariable String organId,
                                                          @RequestBody(required = false) ActionRequest request,
                                                          Authentication person) {
        return accepted(requests.reactivate(person.getName(), organId, reasonOf(request)));
    }

    @PostMapping("/directory/reload")
    public ResponseEntity<Map<String, Object>> reloadDirectory(@RequestBody(required = false) ActionRequest request,
                                                               Authentication person) {
        return accepted(requests.reloadDirectory(person.getName(), reasonOf(request)));
    }

    @GetMapping("/actions/{actionId}")
    public ResponseEntity<Map<String, Object>> action(@PathVariable UUID actionId) {
        Map<String, Object> action = actions.action(actionId);
        return action == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(action);
    }

    private static ResponseEntity<Map<String, Object>> accepted(OperatorCommand command) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actionId", command.actionId());
        body.put("action", command.action());
        if (command.aboutDeliveries()) body.put("deliveries", command.deliveryIds().size());
        if (command.organId() != null) body.put("organId", command.organId());
        body.put("href", "/api/v1/admin/actions/" + command.actionId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    private static String reasonOf(ActionRequest request) {
        return request == null ? null : request.reason();
    }
}
