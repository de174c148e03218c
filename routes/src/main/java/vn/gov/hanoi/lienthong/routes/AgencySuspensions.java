package vn.gov.hanoi.lienthong.routes;

import java.util.HashSet;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.directory.AgencyState;

/**
 * Suspended agencies, as operators and the directory file say: the operators' suspensions (agency_suspension) laid
 * over the directory — so that the agency's system is refused at the door — and the deliver route of every
 * suspended agency suspended, so that what is addressed to it waits in its queue, and resumed when it is active
 * again. Read at start-up, after each operator action and directory reload, and every directory-watch interval,
 * so that every node of a cluster follows an action taken on one.
 */
@Component
public class AgencySuspensions {

    private static final Logger LOG = LoggerFactory.getLogger(AgencySuspensions.class);

    private final JdbcTemplate jdbc;
    private final AgencyDirectory directory;
    private final CamelContext camel;
    private volatile boolean routesReady;

    public AgencySuspensions(JdbcTemplate jdbc, AgencyDirectory directory, CamelContext camel) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.camel = camel;
    }

    /** Before any call is taken: a suspended agency's system is refused from the first request. */
    @PostConstruct
    void readSuspensions() {
        directory.suspendedByOperators(new HashSet<>(jdbc.queryForList("select organ_id from agency_suspension", String.class)));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void routesStarted() {
        routesReady = true;
        apply();
    }

    @Scheduled(fixedDelayString = "${hub.directory-watch-interval:15s}")
    public void applyPeriodically() {
        if (routesReady) apply();
    }

    public synchronized void apply() {
        Set<String> byOperators = new HashSet<>(jdbc.queryForList("select organ_id from agency_suspension", String.class));
        if (!byOperators.equals(directory.suspendedByOperators())) directory.suspendedByOperators(byOperators);
        if (!routesReady) return;
        for (Agency agency : directory.all()) {
            String route = "deliver-" + agency.organId();
            ServiceStatus status = camel.getRouteController().getRouteStatus(route);
            if (status == null) continue;
            try {
                if (agency.state() == AgencyState.SUSPENDED && status.isStarted()) {
                    camel.getRouteController().suspendRoute(route);
                    LOG.info("Agency {} is suspended: what is addressed to it waits in its queue", agency);
                } else if (agency.state() != AgencyState.SUSPENDED && status.isSuspended()) {
                    camel.getRouteController().resumeRoute(route);
                    LOG.info("Agency {} is active again: its queue is delivered", agency);
                }
            } catch (Exception e) {
                throw new IllegalStateException("route " + route + " could not follow the agency's state", e);
            }
        }
    }
}
