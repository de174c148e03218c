package vn.gov.hanoi.lienthong.routes;

import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;
import vn.gov.hanoi.lienthong.core.operator.OperatorActionService;
import vn.gov.hanoi.lienthong.core.operator.OperatorCommand;

/**
 * An operator's command (operations' admin API puts it on lienthong.operator-actions): carried out in the
 * database, what must leave (deliveries queued again, notices to senders) handed to the outbox in the same
 * transacted hop; then the touched deliveries' old copies taken off their agencies' failed queues (a copy left
 * there by a crash is harmless: the deliver stage takes a delivery once, and only while it is open), and the hub
 * made to follow: suspensions applied to the directory and the deliver routes, the directory read again.
 */
@Component
public class OperatorActionRoute extends HubRouteBuilder {

    private static final String COMMAND = "LienThongOperatorCommand";
    private static final String OUTCOME = "LienThongOperatorOutcome";

    private final OperatorActionService actions;
    private final OperatorActionEffects effects;

    public OperatorActionRoute(OperatorActionService actions, OperatorActionEffects effects) {
        this.actions = actions;
        this.effects = effects;
    }

    @Override
    protected void configureRoutes() {
        from(fromQueue(OperatorCommand.QUEUE, "hub.stages.operator-consumers")).routeId("operator-act")
                .process(this::carryOut)
                .to(HubEndpoints.OUTBOX)
                .process(this::takeOffFailedQueues)
                .process(this::hubFollows);
    }

    private void carryOut(Exchange exchange) {
        OperatorCommand command = OperatorCommand.decode(exchange.getMessage().getBody(String.class));
        OperatorActionService.Outcome outcome = actions.carryOut(command);
        exchange.setProperty(COMMAND, command);
        exchange.setProperty(OUTCOME, outcome);
        exchange.getMessage().setBody(outcome.toQueue());
    }

    private void takeOffFailedQueues(Exchange exchange) throws Exception {
        OperatorActionService.Outcome outcome = exchange.getProperty(OUTCOME, OperatorActionService.Outcome.class);
        if (outcome.touched().isEmpty()) return;
        ConsumerTemplate failedQueues = exchange.getContext().createConsumerTemplate();
        try {
            for (OutboxMessage message : outcome.touched()) {
                // The failed copy carries the document as its message group (OutboxRoute).
                failedQueues.receiveNoWait("jms:queue:" + Queues.failedOf(message.targetOrganId())
                        + "?transacted=false&selector=JMSXGroupID='" + message.documentId() + "'");
            }
        } finally {
            failedQueues.stop();
        }
    }

    private void hubFollows(Exchange exchange) {
        effects.apply(exchange.getProperty(COMMAND, OperatorCommand.class));
    }
}
