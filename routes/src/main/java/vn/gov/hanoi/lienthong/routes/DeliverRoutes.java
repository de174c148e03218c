package vn.gov.hanoi.lienthong.routes;

import java.util.HashSet;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.delivery.DeliveryService;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;

/**
 * Deliver: one route per agency of the directory (AgencyDeliverRoute), so that one agency's system being
 * down holds up nobody else. An agency added by a directory reload gets its route then (DirectoryReloader).
 */
@Component
public class DeliverRoutes implements RoutesBuilder {

    private final AgencyDirectory directory;
    private final DeliveryService delivery;
    private final int maxAttempts;

    public DeliverRoutes(AgencyDirectory directory, DeliveryService delivery, HubSettings settings) {
        this.directory = directory;
        this.delivery = delivery;
        this.maxAttempts = settings.delivery().maxAttempts();
    }

    public AgencyDeliverRoute routeFor(Agency agency) {
        return new AgencyDeliverRoute(agency, delivery, maxAttempts);
    }

    @Override
    public void addRoutesToCamelContext(CamelContext context) throws Exception {
        for (Agency agency : directory.all()) {
            context.addRoutes(routeFor(agency));
        }
    }

    @Override
    public void addTemplatedRoutesToCamelContext(CamelContext context) {
        // No route templates.
    }

    @Override
    public Set<String> updateRoutesToCamelContext(CamelContext context) throws Exception {
        Set<String> updated = new HashSet<>();
        for (Agency agency : directory.all()) {
            updated.addAll(routeFor(agency).updateRoutesToCamelContext(context));
        }
        return updated;
    }
}
