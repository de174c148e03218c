package vn.gov.hanoi.lienthong.routes;

import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.record.RecordService;

/** Record: the accepted document enters the ledger, then goes on to dispatch. */
@Component
public class RecordRoute extends HubRouteBuilder {

    private final RecordService record;

    public RecordRoute(RecordService record) {
        this.record = record;
    }

    @Override
    protected void configureRoutes() {
        from(fromQueue(Queues.RECORD, "hub.stages.record-consumers")).routeId("record")
                .process(exchange -> record.record(UUID.fromString(exchange.getMessage().getBody(String.class))))
                .to(toQueue(Queues.DISPATCH));
    }
}
