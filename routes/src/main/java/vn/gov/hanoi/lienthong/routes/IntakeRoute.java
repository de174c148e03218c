package vn.gov.hanoi.lienthong.routes;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.intake.IncomingDocument;
import vn.gov.hanoi.lienthong.core.intake.IntakeAdmission;
import vn.gov.hanoi.lienthong.core.intake.IntakeService;

/**
 * Intake, common to every connector: admitted at the door (or refused with HUB_BUSY while the pipeline's
 * backlog is full), the document is made durable and recorded, then queued for inspection; the receipt goes
 * back to the connector only after both.
 */
@Component
public class IntakeRoute extends HubRouteBuilder {

    private final IntakeService intake;
    private final IntakeAdmission admission;

    public IntakeRoute(IntakeService intake, IntakeAdmission admission) {
        this.intake = intake;
        this.admission = admission;
    }

    @Override
    protected void configureRoutes() {
        from(HubEndpoints.INTAKE).routeId("intake-accept")
                .process(exchange -> admission.admit(exchange.getMessage().getBody(IncomingDocument.class)))
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
