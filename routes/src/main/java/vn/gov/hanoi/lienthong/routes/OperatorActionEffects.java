package vn.gov.hanoi.lienthong.routes;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.operator.OperatorActionService;
import vn.gov.hanoi.lienthong.core.operator.OperatorCommand;

/**
 * What the running hub does once an operator's action on an agency or the directory is recorded: suspensions
 * applied to the directory and the deliver routes; the directory file read again, what the reload found kept with
 * the action.
 */
@Component
public class OperatorActionEffects {

    private final OperatorActionService actions;
    private final AgencySuspensions suspensions;
    private final DirectoryReloader reloader;

    public OperatorActionEffects(OperatorActionService actions, AgencySuspensions suspensions, DirectoryReloader reloader) {
        this.actions = actions;
        this.suspensions = suspensions;
        this.reloader = reloader;
    }

    /** @return what a directory reload found; null for the other actions */
    public DirectoryReloader.Outcome apply(OperatorCommand command) {
        switch (command.action()) {
            case OperatorCommand.SUSPEND, OperatorCommand.REACTIVATE -> suspensions.apply();
            case OperatorCommand.RELOAD_DIRECTORY -> {
                DirectoryReloader.Outcome reloaded = reloader.reload();
                Map<String, Object> outcome = new LinkedHashMap<>();
                outcome.put("applied", reloaded.applied());
                outcome.put("added", reloaded.added());
                outcome.put("errors", reloaded.errors());
                actions.recordOutcome(command.actionId(), outcome);
                return reloaded;
            }
            default -> {
                // Actions on deliveries change nothing more than their records and the outbox.
            }
        }
        return null;
    }
}
