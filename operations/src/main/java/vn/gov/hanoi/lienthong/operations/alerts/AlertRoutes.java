package vn.gov.hanoi.lienthong.operations.alerts;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.routes.HubRouteBuilder;

/**
 * The alerts' two passes, singleton work (one node of a cluster runs each): the conditions evaluated every
 * {@code hub.alerts.interval}, the notices of the outbox sent every {@code hub.alerts.publish-interval}.
 */
@Component
public class AlertRoutes extends HubRouteBuilder {

    private final AlertEvaluator evaluator;
    private final AlertPublisher publisher;
    private final Duration interval;
    private final Duration publishInterval;

    public AlertRoutes(AlertEvaluator evaluator, AlertPublisher publisher, @Value("${hub.alerts.interval:1m}") Duration interval,
                       @Value("${hub.alerts.publish-interval:10s}") Duration publishInterval) {
        this.evaluator = evaluator;
        this.publisher = publisher;
        this.interval = interval;
        this.publishInterval = publishInterval;
    }

    @Override
    protected void configureRoutes() {
        from(singleton("alerts-evaluate", interval, interval)).routeId("alerts-evaluate")
                .process(exchange -> evaluator.evaluate());
        from(singleton("alerts-publish", publishInterval)).routeId("alerts-publish")
                .process(exchange -> publisher.publish());
    }
}
