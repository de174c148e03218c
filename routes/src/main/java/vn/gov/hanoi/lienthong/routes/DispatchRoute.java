package vn.gov.hanoi.lienthong.routes;

import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.dispatch.DispatchService;

/** Dispatch: one delivery per recipient, each on its recipient's own queue. */
@Component
public class DispatchRoute extends HubRouteBuilder {

    private final DispatchService dispatch;

    public DispatchRoute(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    protected void configureRoutes() {
        from(fromQueue(Queues.DISPATCH, "hub.stages.dispatch-consumers")).routeId("dispatch")
                .process(exchange -> exchange.getMessage().setBody(
                        dispatch.dispatch(UUID.fromString(exchange.getMessage().getBody(String.class)))))
                .to(HubEndpoints.OUTBOX);
    }
}
