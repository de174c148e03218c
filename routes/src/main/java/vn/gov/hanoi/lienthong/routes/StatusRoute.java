package vn.gov.hanoi.lienthong.routes;

import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.status.StatusService;

/** Status: a recipient's status is recorded once and queued for the document's sender. */
@Component
public class StatusRoute extends HubRouteBuilder {

    private final StatusService statuses;

    public StatusRoute(StatusService statuses) {
        this.statuses = statuses;
    }

    @Override
    protected void configureRoutes() {
        from(HubEndpoints.STATUS).routeId("status-accept")
                .process(exchange -> exchange.getMessage().setBody(statuses.accept(
                        exchange.getMessage().getHeader(HubEndpoints.CALLER, Agency.class),
                        exchange.getMessage().getHeader(HubEndpoints.DOCUMENT_ID, UUID.class),
                        exchange.getMessage().getBody(byte[].class))))
                .setProperty("acceptance", body())
                .setBody(simple("${body.notices}"))
                .removeHeaders("*")
                .to(HubEndpoints.OUTBOX)
                .setBody(exchangeProperty("acceptance"));
    }
}
