package vn.gov.hanoi.lienthong.routes;

import org.apache.camel.Exchange;

import vn.gov.hanoi.lienthong.core.delivery.DeliveryService;
import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;
import vn.gov.hanoi.lienthong.core.directory.Agency;

/**
 * Deliver, for one agency: its own queue, consumed by route "deliver-" + its organ code. A failed attempt
 * rolls back and the broker redelivers with back-off; on the last attempt the delivery is marked failed,
 * the sender is told and the message is moved to the agency's failed queue (lienthong.failed.<organ code>)
 * for an operator to re-drive, all in one transaction.
 */
public class AgencyDeliverRoute extends HubRouteBuilder {

    private static final String OUTBOX_MESSAGE = "LienThongOutboxMessage";
    private static final String FAILED_QUEUE = "LienThongFailedQueue";

    private final Agency agency;
    private final DeliveryService delivery;
    private final int maxAttempts;

    public AgencyDeliverRoute(Agency agency, DeliveryService delivery, int maxAttempts) {
        this.agency = agency;
        this.delivery = delivery;
        this.maxAttempts = maxAttempts;
    }

    @Override
    protected void configureRoutes() {
        // An agency's system down is the usual case, not the hub's error: the transaction rolls back and the broker
        // redelivers with back-off; the last attempt gives up (below).
        reportRetriedFailures(DeliveryService.DeliveryAttemptFailed.class, exchange -> attempt(exchange) < maxAttempts,
                exchange -> "Delivery attempt " + attempt(exchange) + " of " + maxAttempts + " to " + agency.organId());
        onException(Exception.class)
                .onWhen(exchange -> attempt(exchange) >= maxAttempts)
                .handled(true)
                .process(this::giveUp)
                .to(HubEndpoints.OUTBOX)
                .setBody(exchangeProperty(OUTBOX_MESSAGE))
                .toD("jms:queue:${header." + FAILED_QUEUE + "}?exchangePattern=InOnly");

        from(reportedByTheRoute(fromQueue(Queues.outboxOf(agency.organId()), "hub.stages.deliver-consumers")))
                .routeId("deliver-" + agency.organId())
                .process(exchange -> delivery.deliver(OutboxMessage.decode(exchange.getMessage().getBody(String.class)),
                        attempt(exchange)));
    }

    /** Marks the delivery failed; leaves the notices to the sender as the body and the failed queue in a header. */
    private void giveUp(Exchange exchange) {
        String encoded = exchange.getMessage().getBody(String.class);
        OutboxMessage message = OutboxMessage.decode(encoded);
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.setProperty(OUTBOX_MESSAGE, encoded);
        exchange.getMessage().setHeader(FAILED_QUEUE, Queues.failedOf(message.targetOrganId()));
        exchange.getMessage().setBody(delivery.giveUp(message, attempt(exchange), String.valueOf(error.getMessage())));
    }

    private static int attempt(Exchange exchange) {
        Integer count = exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
        return count == null ? 1 : count;
    }
}
