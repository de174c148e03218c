package vn.gov.hanoi.lienthong.routes;

import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.inspect.InspectionOutcome;
import vn.gov.hanoi.lienthong.core.inspect.InspectionService;

/** Inspect: an accepted document goes on to be recorded; a rejected one stays in quarantine and its sender is told. */
@Component
public class InspectRoute extends HubRouteBuilder {

    private final InspectionService inspection;

    public InspectRoute(InspectionService inspection) {
        this.inspection = inspection;
    }

    @Override
    protected void configureRoutes() {
        // A revocation source that cannot be reached is outside the hub: the document is held and the broker
        // redelivers it later (the REVOCATION_UNREACHABLE alert tells the operators).
        reportRetriedFailures(InspectionService.RevocationUnavailableException.class, exchange -> true,
                exchange -> "Inspection");
        from(reportedByTheRoute(fromQueue(Queues.INSPECT, "hub.stages.inspect-consumers"))).routeId("inspect")
                .process(exchange -> exchange.getMessage().setBody(
                        inspection.inspect(UUID.fromString(exchange.getMessage().getBody(String.class)))))
                .setProperty("outcome", body())
                .setBody(simple("${body.notices}"))
                .to(HubEndpoints.OUTBOX)
                .setBody(exchangeProperty("outcome"))
                .filter(exchange -> exchange.getMessage().getBody(InspectionOutcome.class).accepted())
                    .setBody(simple("${body.documentId.toString()}"))
                    .to(toQueue(Queues.RECORD));
    }
}
