package vn.gov.hanoi.lienthong.routes;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;

/** Puts each outbox message on its agency's own queue, in the caller's transaction when it has one. */
@Component
public class OutboxRoute extends HubRouteBuilder {

    static final String TARGET_QUEUE = "LienThongTargetQueue";

    @Override
    protected void configureRoutes() {
        from(HubEndpoints.OUTBOX).routeId("outbox-enqueue")
                .split(body())
                    .process(exchange -> {
                        OutboxMessage message = exchange.getMessage().getBody(OutboxMessage.class);
                        exchange.getMessage().setHeader(TARGET_QUEUE, Queues.outboxOf(message.targetOrganId()));
                        exchange.getMessage().setBody(message.encode());
                    })
                    .toD("jms:queue:${header." + TARGET_QUEUE + "}?exchangePattern=InOnly")
                .end();
    }
}
