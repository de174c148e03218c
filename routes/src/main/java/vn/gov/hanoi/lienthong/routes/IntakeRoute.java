package vn.gov.hanoi.lienthong.routes;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.intake.IntakeService;

/**
 * Intake, common to every connector: the document is made durable and recorded, then queued for
 * inspection; the receipt goes back to the connector only after both.
 */
@Component
public class IntakeRoute extends HubRouteBuilder {

    private final IntakeService intake;

    public IntakeRoute(IntakeService intake) {
        this.intake = intake;
    }

    @Override
    protected void configureRoutes() {
        from(HubEndpoints.INTAKE).routeId("intake-accept")
                .bean(intake, "accept(${header." + HubEndpoints.CALLER + "}, ${body})")
                .setProperty("receipt", body())
                .filter(simple("${body.needsInspection}"))
                    .setBody(simple("${body.documentId.toString()}"))
                    .removeHeaders("*")
                    .to(toQueue(Queues.INSPECT))
                .end()
                .setBody(exchangeProperty("receipt"));
    }
}
