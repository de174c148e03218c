package vn.gov.hanoi.lienthong.routes;

import org.apache.camel.ConsumerTemplate;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;
import vn.gov.hanoi.lienthong.core.operator.OperatorActionService;
import vn.gov.hanoi.lienthong.core.operator.OperatorCommand;

/**
 * An operator's command (operations' admin API puts it on lienthong.operator-actions): carried out in the
 * database, the re-driven deliveries handed to their agencies' queues in the same transacted hop, then their old
 * copies taken off the agencies' failed queues (a copy left there by a crash is harmless: the delivery is no
 * longer FAILED, and the deliver stage takes a delivery once).
 */
@Component
public class OperatorActionRoute extends HubRouteBuilder {

    private final OperatorActionService actions;

    public OperatorActionRoute(OperatorActionService actions) {
        this.actions = actions;
    }

    @Override
    protected void configureRoutes() {
        from(fromQueue(OperatorCommand.QUEUE, "hub.stages.operator-consumers")).routeId("operator-redrive")
                .process(exchange -> exchange.getMessage().setBody(
                        actions.redrive(OperatorCommand.decode(exchange.getMessage().getBody(String.class)))))
                .setProperty("redriven", body())
                .to(HubEndpoints.OUTBOX)
                .process(exchange -> {
                    ConsumerTemplate failedQueues = exchange.getContext().createConsumerTemplate();
                    try {
                        @SuppressWarnings("unchecked")
                        java.util.List<OutboxMessage> redriven = exchange.getProperty("redriven", java.util.List.class);
                        for (OutboxMessage message : redriven) {
                            // The failed copy carries the document as its message group (OutboxRoute).
                            failedQueues.receiveNoWait("jms:queue:" + Queues.failedOf(message.targetOrganId())
                                    + "?transacted=false&selector=JMSXGroupID='" + message.documentId() + "'");
                        }
                    } finally {
                        failedQueues.stop();
                    }
                });
    }
}
