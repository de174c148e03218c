package vn.gov.hanoi.lienthong.hub;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.routes.DirectoryReloader;

/** For operators: what directory the hub runs on (GET /actuator/directory), and a reload (POST). */
@Component
@Endpoint(id = "directory")
class DirectoryEndpoint {

    private final AgencyDirectory directory;
    private final DirectoryReloader reloader;

    DirectoryEndpoint(AgencyDirectory directory, DirectoryReloader reloader) {
        this.directory = directory;
        this.reloader = reloader;
    }

    @ReadOperation
    Map<String, Object> directory() {
        return Map.of("source", reloader.location(), "agencies", directory.all().size(),
                "lastReload", reloader.lastOutcome() == null ? "none since start-up" : reloader.lastOutcome());
    }

    @WriteOperation
    DirectoryReloader.Outcome reload() {
        return reloader.reload();
    }
}
