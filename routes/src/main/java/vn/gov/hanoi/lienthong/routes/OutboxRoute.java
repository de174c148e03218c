package vn.gov.hanoi.lienthong.routes;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;

/**
 * Puts each outbox message on its agency's own queue, in the caller's transaction when it has one. The
 * document is the message group: an agency's queue has several consumers, and what concerns one document
 * (the document, then its statuses) still reaches the agency in the order it was queued.
 */
@Component
public class OutboxRoute extends HubRouteBuilder {

    static final String TARGET_QUEUE = "LienThongTargetQueue";
    /** The JMS property Artemis groups messages by. */
    static final String MESSAGE_GROUP = "JMSXGroupID";

    @Override
    protected void configureRoutes() {
        from(HubEndpoints.OUTBOX).routeId("outbox-enqueue")
                .split(body())
                    .process(exchange -> {
                        OutboxMessage message = exchange.getMessage().getBody(OutboxMessage.class);
                        exchange.getMessage().setHeader(TARGET_QUEUE, Queues.outboxOf(message.targetOrganId()));
                        exchange.getMessage().setHeader(MESSAGE_GROUP, message.documentId().toString());
                        exchange.getMessage().setBody(message.encode());
                    })
                    .toD("jms:queue:${header." + TARGET_QUEUE + "}?exchangePattern=InOnly")
                .end();
    }
}
