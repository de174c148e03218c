package vn.gov.hanoi.lienthong.operations.watchdog;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/** {@code GET /actuator/overdue}: the deliveries past their deadline and still open, for operators. */
@Component
@Endpoint(id = "overdue")
public class OverdueEndpoint {

    private final DeliveryWatchdog watchdog;
    private final DeliveryDeadlines deadlines;

    public OverdueEndpoint(DeliveryWatchdog watchdog, DeliveryDeadlines deadlines) {
        this.watchdog = watchdog;
        this.deadlines = deadlines;
    }

    @ReadOperation
    public Map<String, Object> overdue() {
        List<DeliveryWatchdog.Overdue> open = watchdog.open();
        return Map.of("deadlines", Map.of("handOver", deadlines.handOver(), "arrivalStatus", deadlines.arrivalStatus()),
                "count", open.size(), "deliveries", open);
    }
}
