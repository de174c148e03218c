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
 * delivery is marked failed, the sender is told and the message is moved to the dead-letter queue for an
 * operator to re-drive, all in one transaction.
 */
@Component
public class DeliverRoutes extends HubRouteBuilder {

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
                .setProperty("outboxMessage", body())
                .process(exchange -> exchange.getMessage().setBody(delivery.giveUp(
                        OutboxMessage.decode(exchange.getProperty("outboxMessage", String.class)), attempt(exchange),
                        String.valueOf(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()))))
                .to(HubEndpoints.OUTBOX)
                .setBody(exchangeProperty("outboxMessage"))
                .toD("jms:queue:" + Queues.DEAD_LETTER_PREFIX + "${header.JMSDestination.queueName}?exchangePattern=InOnly");

        for (Agency agency : directory.all()) {
            String queue = Queues.outboxOf(agency.organId());
            from(fromQueue(queue, "hub.stages.deliver-consumers")).routeId("deliver-" + agency.organId())
                    .process(exchange -> delivery.deliver(OutboxMessage.decode(exchange.getMessage().getBody(String.class))));
        }
    }

    private static int attempt(Exchange exchange) {
        Integer count = exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
        return count == null ? 1 : count;
    }
}
