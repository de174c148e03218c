package vn.gov.hanoi.lienthong.routes;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.directory.InvalidDirectoryException;

/**
 * Reloads the agency directory without a restart: when its file changes (checked every
 * {@code hub.directory-watch-interval}) or when an operator asks (the actuator's "directory" endpoint). A
 * directory with errors is refused as a whole, its errors logged one line each, and the hub keeps the
 * directory it had. A new agency gets its delivery route at once; a removed one keeps its route, so that
 * what waits in its queue is not stranded.
 */
@Component
public class DirectoryReloader {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryReloader.class);

    /** What a reload did. */
    public record Outcome(boolean applied, List<String> added, List<String> errors, Instant at) {
    }

    private final AgencyDirectory directory;
    private final DeliverRoutes deliverRoutes;
    private final CamelContext camel;
    private final ResourceLoader resources;
    private final String location;
    private final Clock clock;
    private final AgencySuspensions suspensions;
    private volatile long lastModified;
    private volatile Outcome lastOutcome;

    public DirectoryReloader(AgencyDirectory directory, DeliverRoutes deliverRoutes, CamelContext camel,
                             ResourceLoader resources, HubSettings settings, Clock clock, AgencySuspensions suspensions) {
        this.directory = directory;
        this.deliverRoutes = deliverRoutes;
        this.camel = camel;
        this.resources = resources;
        this.location = settings.directory();
        this.clock = clock;
        this.suspensions = suspensions;
        this.lastModified = modified(resources.getResource(location));
    }

    public synchronized Outcome reload() {
        Resource resource = resources.getResource(location);
        Outcome outcome;
        try (InputStream in = resource.getInputStream()) {
            AgencyDirectory fresh = AgencyDirectory.read(in, location);
            List<Agency> added = directory.replaceWith(fresh);
            for (Agency agency : added) {
                camel.addRoutes(deliverRoutes.routeFor(agency));
            }
            // An agency the new file suspends (or adds while an operator's suspension holds) stops being delivered.
            suspensions.apply();
            outcome = new Outcome(true, added.stream().map(Agency::organId).toList(), List.of(), clock.instant());
            LOG.info("Agency directory reloaded from {}: {} agencies, new: {}", location, directory.all().size(),
                    outcome.added());
        } catch (InvalidDirectoryException e) {
            e.errors().forEach(error -> LOG.error("Directory not reloaded: {}", error));
            outcome = new Outcome(false, List.of(), e.errors(), clock.instant());
        } catch (Exception e) {
            LOG.error("Directory not reloaded: {}", e.getMessage());
            outcome = new Outcome(false, List.of(), List.of(String.valueOf(e.getMessage())), clock.instant());
        }
        lastModified = modified(resource);
        lastOutcome = outcome;
        return outcome;
    }

    /** Reloads when the directory file has changed since it was last read. */
    @Scheduled(fixedDelayString = "${hub.directory-watch-interval:15s}")
    public void reloadIfChanged() {
        long now = modified(resources.getResource(location));
        if (now != 0 && now != lastModified) {
            reload();
        }
    }

    public Outcome lastOutcome() {
        return lastOutcome;
    }

    public String location() {
        return location;
    }

    private static long modified(Resource resource) {
        try {
            return resource.isFile() ? resource.lastModified() : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
