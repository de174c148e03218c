package vn.gov.hanoi.lienthong.operations.watchdog;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.routes.HubRouteBuilder;

/** The delivery watchdog's pass, every {@code hub.watchdog.interval}: singleton work (one node of a cluster runs it). */
@Component
public class WatchdogRoute extends HubRouteBuilder {

    private final DeliveryWatchdog watchdog;
    private final Duration interval;

    public WatchdogRoute(DeliveryWatchdog watchdog, @Value("${hub.watchdog.interval:1m}") Duration interval) {
        this.watchdog = watchdog;
        this.interval = interval;
    }

    @Override
    protected void configureRoutes() {
        from(singleton("watchdog", interval, interval)).routeId("watchdog-flag")
                .process(exchange -> watchdog.look());
    }
}
