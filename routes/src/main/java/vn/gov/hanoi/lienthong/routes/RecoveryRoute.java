package vn.gov.hanoi.lienthong.routes;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.delivery.RecoveryService;

/** At start-up, queues again what a crash may have left between a commit and its hand-over (RecoveryService). */
@Component
public class RecoveryRoute extends HubRouteBuilder {

    private final RecoveryService recovery;

    public RecoveryRoute(RecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    protected void configureRoutes() {
        from("timer:recovery-startup?repeatCount=1&delay=0").routeId("recovery-startup")
                .process(exchange -> exchange.getMessage().setBody(recovery.documentsAwaitingInspection()))
                .log("Start-up recovery: ${body.size()} document(s) received but not yet inspected")
                .split(body())
                    .transform(simple("${body.toString()}"))
                    .to(toQueue(Queues.INSPECT))
                .end()
                .process(exchange -> exchange.getMessage().setBody(recovery.statusesAwaitingForwarding()))
                .log("Start-up recovery: ${body.size()} status(es) not yet forwarded to their senders")
                .to(HubEndpoints.OUTBOX);
    }
}
