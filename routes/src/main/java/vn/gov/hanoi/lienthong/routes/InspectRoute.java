package vn.gov.hanoi.lienthong.routes;

import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.inspect.InspectionOutcome;
import vn.gov.hanoi.lienthong.core.inspect.InspectionService;

/** Inspect: an accepted document goes on to be recorded; a rejected one stays in quarantine and its sender is told. */
@Component
public class InspectRoute extends HubRouteBuilder {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InspectRoute.class);

    private final InspectionService inspection;

    public InspectRoute(InspectionService inspection) {
        this.inspection = inspection;
    }

    @Override
    protected void configureRoutes() {
        // A revocation source that cannot be reached is outside the hub: the document is held, one WARN line per
        // attempt, no stack trace, and the broker redelivers it later (the REVOCATION_UNREACHABLE alert tells the
        // operators). Anything else is the hub's own failure: one ERROR with its trace. The consumer's own error
        // report is quiet, so that neither is logged twice.
        onException(InspectionService.RevocationUnavailableException.class)
                .logExhausted(false).logStackTrace(false).logExhaustedMessageHistory(false)
                .process(exchange -> LOG.warn("Inspection held: {}",
                        exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()));
        onException(Exception.class)
                .logExhausted(false).logStackTrace(false).logExhaustedMessageHistory(false)
                .process(exchange -> LOG.error("Inspection failed inside the hub, retried later",
                        exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class)));
        from(fromQueue(Queues.INSPECT, "hub.stages.inspect-consumers")
                + "&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false").routeId("inspect")
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
