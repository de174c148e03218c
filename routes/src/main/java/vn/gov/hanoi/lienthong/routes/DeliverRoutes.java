package vn.gov.hanoi.lienthong.routes;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.delivery.DeliveryService;
import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;

/**
 * Deliver: one route per agency of the directory, each consuming that agency's own queue ("deliver-" + its
 * organ code). A failed attempt rolls back and the broker redelivers with back-off; on the last attempt the
 * delivery is marked failed, the sender is told and the message is moved to the agency's failed queue
 * (lienthong.failed.<organ code>) for an operator to re-drive, all in one transaction.
 */
@Component
public class DeliverRoutes extends HubRouteBuilder {

    private static final String OUTBOX_MESSAGE = "LienThongOutboxMessage";
    private static final String FAILED_QUEUE = "LienThongFailedQueue";

    private final AgencyDirectory directory;
    private final DeliveryService delivery;
    private final int maxAttempts;

    public DeliverRoutes(AgencyDirectory directory, DeliveryService delivery, HubSettings settings) {
        this.directory = directory;
        this.delivery = delivery;
        this.maxAttempts = settings.delivery().maxAttempts();
    }

    @Override
    protected void configureRoutes() {
        onException(Exception.class)
                .onWhen(exchange -> attempt(exchange) >= maxAttempts)
                .handled(true)
                .process(this::giveUp)
                .to(HubEndpoints.OUTBOX)
                .setBody(exchangeProperty(OUTBOX_MESSAGE))
                .toD("jms:queue:${header." + FAILED_QUEUE + "}?exchangePattern=InOnly");

        for (Agency agency : directory.all()) {
            String queue = Queues.outboxOf(agency.organId());
            from(fromQueue(queue, "hub.stages.deliver-consumers")).routeId("deliver-" + agency.organId())
                    .process(exchange -> delivery.deliver(OutboxMessage.decode(exchange.getMessage().getBody(String.class)),
                            attempt(exchange)));
        }
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
